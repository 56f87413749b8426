import { describe, expect, it } from 'vitest';
import type { EntryKind } from '../types';
import { people, timeline } from './fixtures';
import { resolveTimeline } from './resolve-timeline';

const { dana, marcus } = people;

/** Entry `id` at minute `m` (recorded `r` minutes in), of `kind`, superseding `sup`. */
function e(id: string, m: number, kind: EntryKind = 'note', sup?: string, r = m) {
  const iso = (min: number) => new Date(Date.UTC(2025, 0, 1, 12, min)).toISOString();
  return { id, at: iso(m), recorded: iso(r), kind, by: m % 2 ? dana : marcus, body: `text ${id}`, supersedes: sup };
}

function summary(specs: ReturnType<typeof e>[]) {
  return resolveTimeline(timeline('inc', specs)).map(
    (v) => `${v.entry.id}:${v.kind}:${v.body}${v.retracted ? ':retracted' : ''}${v.corrected ? ':corrected' : ''}`,
  );
}

describe('resolveTimeline', () => {
  it('sorts by occurredAt, then recordedAt, then id, without touching its input', () => {
    const specs = [e('c', 5), e('b', 5, 'note', undefined, 9), e('a', 5, 'note', undefined, 9), e('d', 1, 'note', undefined, 20)];
    const entries = timeline('inc', specs);
    expect(resolveTimeline(entries).map((v) => v.entry.id)).toEqual(['d', 'c', 'a', 'b']);
    expect(entries.map((x) => x.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('orders numeric ids (database sequences) by value, whatever order they come in', () => {
    const ids = ['10', 'x', '9', '100', '2'];
    const once = resolveTimeline(timeline('inc', ids.map((id) => e(id, 1)))).map((v) => v.entry.id);
    const again = resolveTimeline(timeline('inc', [...ids].reverse().map((id) => e(id, 1)))).map((v) => v.entry.id);
    expect(once).toEqual(['2', '9', '10', '100', 'x']);
    expect(again).toEqual(once);
  });

  it('marks a retracted entry and hides the retraction', () => {
    expect(summary([e('a', 1), e('b', 2), e('r', 3, 'retraction', 'a')])).toEqual(['a:note:text a:retracted', 'b:note:text b']);
  });

  it('shows the latest correction in place of the original, and hides the corrections', () => {
    expect(summary([e('a', 1), e('c1', 4, 'note', 'a'), e('b', 2), e('c2', 6, 'note', 'c1')])).toEqual([
      'a:note:text c2:corrected',
      'b:note:text b',
    ]);
    expect(summary([e('a', 1), e('c1', 4, 'note', 'a'), e('c2', 6, 'note', 'a')])).toEqual(['a:note:text c2:corrected']);
  });

  it('lets a retraction undo a correction or another retraction', () => {
    expect(summary([e('a', 1), e('c', 2, 'note', 'a'), e('r', 3, 'retraction', 'c')])).toEqual(['a:note:text a']);
    expect(summary([e('a', 1), e('r1', 2, 'retraction', 'a'), e('r2', 3, 'retraction', 'r1')])).toEqual(['a:note:text a']);
  });

  it('takes the kind and facts of a correction, keeping the facts it does not restate', () => {
    const [v] = resolveTimeline(
      timeline('inc', [
        { ...e('a', 1, 'component_impact'), data: { component: 'API', impact: 'major_outage' } },
        { ...e('c', 2, 'component_impact', 'a'), data: { impact: 'partial_outage' } },
      ]),
    );
    expect(v?.data).toEqual({ component: 'API', impact: 'partial_outage' });
    expect(v?.corrected).toBe(true);
  });

  it('lists as they are entries that supersede nothing known, or something recorded after them', () => {
    expect(summary([e('a', 1), e('r', 2, 'retraction', 'nope'), e('c', 3, 'note', 'late'), e('late', 0, 'note', undefined, 9)])).toEqual([
      'late:note:text late',
      'a:note:text a',
      'r:retraction:text r',
      'c:note:text c',
    ]);
  });
});
