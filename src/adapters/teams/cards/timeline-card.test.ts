import { describe, expect, it } from 'vitest';
import { CARD_BYTE_BUDGET, type AdaptiveCard, type ColumnSet } from './adaptive-card';
import { elements, incident, line, render } from './card-fixtures';
import { TIMELINE_LIMIT } from './timeline-card';

describe('timeline', () => {
  it('shows each entry as time | author | what, under the date, in the incident zone', () => {
    const { seen } = render({
      type: 'timeline',
      incident: incident(),
      lines: [
        line('2024-05-31T21:30:00Z', 'Looking at the gateway'),
        line('2024-06-01T07:05:00Z', 'mitigated', { kind: 'status_update', author: 'Fox' }),
      ],
    });
    expect(seen).toContain('INC-42 · SEV2 · Investigating — Checkout is failing');
    expect(seen).toContain('31 May 2024\n14:30 PDT | Dana Scully | note: Looking at the gateway\n1 Jun 2024\n00:05 PDT | Fox | status update: mitigated');
  });

  it('strikes through retracted entries and says so', () => {
    const { seen, card } = render({ type: 'timeline', incident: incident(), lines: [line('2024-05-31T21:30:00Z', 'Wrong [link](x)', { retracted: true })] });
    expect(seen).toContain('14:30 PDT | Dana Scully | note: Wrong [link](x) (retracted)');
    const rich = elements(card.body).filter((e) => e.type === 'RichTextBlock');
    expect(rich.length).toBe(3);
    for (const r of rich) expect(r.inlines[0]).toMatchObject({ strikethrough: true, isSubtle: true });
  });

  const rows = (card: AdaptiveCard) => elements(card.body).filter((e): e is ColumnSet => e.type === 'ColumnSet');
  const minutes = (n: number, text: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => line(new Date(Date.UTC(2024, 4, 31, 21, i)).toISOString(), text(i)));

  it(`shows at most ${TIMELINE_LIMIT} entries, then how many more`, () => {
    const { seen, card } = render({ type: 'timeline', incident: incident(), lines: minutes(105, (i) => `step ${i}`) });
    expect(rows(card)).toHaveLength(TIMELINE_LIMIT);
    expect(seen).toContain('step 99\n');
    expect(seen).not.toContain('step 100');
    expect(seen.endsWith('… and 5 more')).toBe(true);
  });

  it('shows fewer long entries, so the card stays within the size Teams accepts', () => {
    const { seen, card } = render({ type: 'timeline', incident: incident(), lines: minutes(60, (i) => `step ${i} ${'[x] '.repeat(500)}`) });
    const shown = rows(card).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(60);
    expect(seen.endsWith(`… and ${60 - shown} more`)).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
  });

  it('says when nothing is recorded', () => {
    expect(render({ type: 'timeline', incident: incident(), lines: [] }).seen).toContain('Nothing recorded yet.');
  });
});

