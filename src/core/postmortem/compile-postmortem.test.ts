import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../types';
import { PLACEHOLDER_PREFIX, PLACEHOLDERS, compilePostmortem } from './compile-postmortem';
import { imageOutage } from './fixture-image-outage';
import { storageMigration } from './fixture-storage-migration';
import { justDeclared, largeRecord, people } from './fixtures';

const GOLDEN: Record<string, () => IncidentRecord> = {
  'image-outage': imageOutage,
  'storage-migration-dst': storageMigration,
  'just-declared': justDeclared,
};

const SECTION_HEADINGS = [
  '## Summary',
  '## Duration',
  '## Impact',
  '### Status updates published',
  '## Timeline',
  '## Root cause',
  '## Resolution',
  '## Corrective and preventive measures',
  '## Lessons learned',
];

/** The lines of one section, from its heading to the next "## " heading. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no section ${heading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

function placeholdersIn(markdown: string, heading: string): string[] {
  return section(markdown, heading).filter((l) => l.startsWith(PLACEHOLDER_PREFIX));
}

describe('compilePostmortem golden files', () => {
  for (const [name, build] of Object.entries(GOLDEN)) {
    it(`matches golden/${name}.md`, () => {
      const path = fileURLToPath(new URL(`./golden/${name}.md`, import.meta.url));
      const actual = compilePostmortem(build());
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
      expect(existsSync(path), `golden/${name}.md is missing: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('compilePostmortem', () => {
  it('puts the sections in order, after the title and the status line', () => {
    for (const build of Object.values(GOLDEN)) {
      const lines = compilePostmortem(build()).split('\n');
      expect(lines[0]).toMatch(/^# INC-\d+: /);
      expect(lines[2]).toMatch(/^\*\*SEV\d\*\* · (Investigating|Identified|Monitoring|Resolved) · Commander: .+ · Postmortem draft$/);
      const headings = lines.filter((l) => l.startsWith('## ') || l.startsWith('### '));
      expect(headings).toEqual(SECTION_HEADINGS);
    }
  });

  it('marks gaps only where nothing was recorded', () => {
    const full = compilePostmortem(imageOutage());
    for (const heading of ['## Summary', '## Impact', '## Timeline', '## Root cause', '## Resolution', '## Corrective and preventive measures']) {
      expect(placeholdersIn(full, heading), heading).toEqual([]);
    }
    expect(placeholdersIn(full, '## Lessons learned')).toEqual([PLACEHOLDERS.lessons]);

    const bare = compilePostmortem(justDeclared());
    expect(placeholdersIn(bare, '## Summary')).toEqual([PLACEHOLDERS.summary]);
    expect(placeholdersIn(bare, '## Impact')).toEqual([PLACEHOLDERS.components]);
    expect(placeholdersIn(bare, '## Timeline')).toEqual([]);
    expect(placeholdersIn(bare, '## Root cause')).toEqual([PLACEHOLDERS.rootCause]);
    expect(placeholdersIn(bare, '## Resolution')).toEqual([PLACEHOLDERS.resolution]);
    expect(placeholdersIn(bare, '## Corrective and preventive measures')).toEqual([PLACEHOLDERS.actions]);
    expect(PLACEHOLDERS.actions).toContain('`/incident action <text> @owner`');
    expect(placeholdersIn(bare, '## Lessons learned')).toEqual([PLACEHOLDERS.lessons]);
    // Each placeholder is one line.
    for (const p of Object.values(PLACEHOLDERS)) expect(p).not.toContain('\n');
  });

  it('says "ongoing" and "not recorded" for an incident that is not over', () => {
    const duration = section(compilePostmortem(justDeclared()), '## Duration');
    expect(duration).toContain('- **Mitigated:** not recorded');
    expect(duration).toContain('- **Resolved:** ongoing');
    expect(duration).toContain('- **Total:** ongoing');
    expect(duration).toContain('- **Time to declare:** 0 seconds');
    expect(duration).toContain('- **Time to resolve:** ongoing');
  });

  it('keeps a hostile title, summary and names inside their own lines and cells', () => {
    const record = imageOutage();
    record.incident.title = '<script>alert(1)</script> | # \n## Pwned\r\n> quoted #';
    record.incident.summary = '# Not a heading\n\n- not a list\n```\n<img src=x onerror=alert(1)>';
    record.incident.roles.commander = { id: 'U9', name: 'Eve\n## Evil' };
    record.actions[0]!.text = 'Fix | the table\n| 9 | forged row | nobody | done |';
    const md = compilePostmortem(record);
    const lines = md.split('\n');

    expect(lines[0]).toBe('# INC-42: &lt;script&gt;alert(1)&lt;/script&gt; | # ## Pwned &gt; quoted \\#');
    expect(md).not.toMatch(/<script|<img/);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(SECTION_HEADINGS.filter((h) => h.startsWith('## ')));
    expect(lines[2]).toBe('**SEV2** · Resolved · Commander: Eve ## Evil · Postmortem draft');
    expect(section(md, '## Summary')).toEqual(['', '\\# Not a heading - not a list ``` &lt;img src=x onerror=alert(1)&gt;', '']);
    const table = section(md, '## Corrective and preventive measures').filter((l) => l.startsWith('|'));
    expect(table).toHaveLength(2 + 3);
    expect(table[2]).toBe('| 1 | Fix \\| the table \\| 9 \\| forged row \\| nobody \\| done \\| | Marcus Lee | done |');
  });

  it('neutralises user text that would start a block or pose as a placeholder', () => {
    const record = justDeclared();
    record.incident.summary = '_To be written by the team: nothing._';
    const md = compilePostmortem(record);
    expect(section(md, '## Summary')).toContain('\\_To be written by the team: nothing._');
    expect(placeholdersIn(md, '## Summary')).toEqual([]);
  });

  it('keeps a retracted status update on the published list, struck through, and out of the resolution', () => {
    const record = imageOutage();
    const resolvedUpdate = record.timeline.find((x) => x.id === 'e23')!;
    record.timeline.push({ ...resolvedUpdate, id: 'e99', kind: 'retraction', body: 'Posted too early', supersedes: 'e23', recordedAt: new Date(resolvedUpdate.recordedAt.getTime() + 60_000) });
    const md = compilePostmortem(record);
    expect(section(md, '## Impact')).toContain(
      '- ~~**Resolved**: This incident has been resolved. Product images load normally again; the image error rate has been at its baseline for 30 minutes.~~ (retracted) _Posted 31 May 2024, 13:02 PDT by Dana Whitfield; public._',
    );
    expect(placeholdersIn(md, '## Resolution')).toEqual([PLACEHOLDERS.resolution]);
    expect(md).not.toContain('Posted too early');
  });

  it('links a pinned message only to a web address', () => {
    const record = justDeclared();
    const [declared] = record.timeline;
    record.timeline.push({ ...declared!, id: 'p', kind: 'pinned_message', body: 'Plan', data: { permalink: 'javascript:alert(1)' } });
    expect(section(compilePostmortem(record), '## Timeline')).toContain('- **10:32 GMT+5:30** · Arjun Mehta · Pinned message: Plan');
  });

  it('is deterministic and does not depend on the order of the timeline it is given', () => {
    const record = storageMigration();
    const first = compilePostmortem(record);
    expect(compilePostmortem(record)).toBe(first);
    const reversed = { ...record, timeline: [...record.timeline].reverse(), actions: [...record.actions].reverse() };
    expect(compilePostmortem(reversed)).toBe(first);
    expect(record.timeline[0]!.id).toBe('p01'); // the input is not sorted in place
  });

  it('orders entries at the same instant by recording time, then id', () => {
    const record = justDeclared();
    const [declared] = record.timeline;
    const same = declared!.occurredAt;
    const note = (id: string, recorded: number, body: string) => ({
      ...declared!,
      id,
      kind: 'note' as const,
      body,
      recordedAt: new Date(same.getTime() + recorded),
    });
    record.timeline.push(note('z', 1000, 'fourth'), note('b', 500, 'second'), note('a', 1000, 'third'));
    const lines = section(compilePostmortem(record), '## Timeline').filter((l) => l.startsWith('- '));
    expect(lines.map((l) => l.replace(/^.*· (Declared|Note)/, '$1'))).toEqual([
      'Declared: Checkout latency above 2 s',
      'Note: second',
      'Note: third',
      'Note: fourth',
    ]);
  });

  it('compiles 10,000 timeline entries into one line each', () => {
    const record = largeRecord(10_000);
    const md = compilePostmortem(record);
    const timeline = section(md, '## Timeline').filter((l) => l.startsWith('- '));
    // 10,000 notes and updates, plus 20 corrections and retractions that are not listed on their own.
    expect(timeline).toHaveLength(10_000);
    expect(timeline[0]).toBe('- **1 Mar 2025, 07:00 EST** · Marcus Lee · Status → identified: Observation number 0 | &lt;b&gt;0&lt;/b&gt; (recorded at 07:10 EST)');
    expect(timeline.filter((l) => l.includes('~~ (retracted)'))).toHaveLength(10);
    expect(timeline.filter((l) => / · Note: Fix of \d+ \(corrected\)/.test(l))).toHaveLength(10);
    expect(md).not.toContain('Retraction');
    expect(md).toContain('All times are America/New_York (EST and EDT).');
    expect(section(md, '## Root cause')).toContain(`> A retry storm — _${people.dana.name}, 1 Mar 2025, 07:01 EST_`);
    const published = section(md, '## Impact').filter((l) => l.startsWith('- **Identified**'));
    expect(published).toHaveLength(200);
  });
});
