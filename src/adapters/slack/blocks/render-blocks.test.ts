import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { IncidentCard, Message, TimelineLine } from '../../../core/messages/message';
import { blockTexts } from './block-text';
import { renderBlocks } from './render-blocks';

const card = (over: Partial<IncidentCard> = {}): IncidentCard => ({
  number: 42,
  title: 'Checkout is failing',
  summary: 'Payments return 502 since the 14:00 deploy',
  severity: 'sev2',
  status: 'investigating',
  private: false,
  zone: 'America/Los_Angeles',
  roles: [{ role: 'commander', name: 'dana' }],
  components: [{ name: 'api', impact: 'major_outage' }],
  startedAt: '2024-05-31T21:23:00Z',
  declaredAt: '2024-05-31T21:30:00Z',
  resolvedAt: null,
  ...over,
});

const seen = (m: Message, ctx = {}) => blockTexts(renderBlocks(m, ctx).blocks).join('\n');
const types = (blocks: KnownBlock[]) => blocks.map((b) => b.type);

describe('summary card', () => {
  it('shows number, title, severity, status, roles, components, start time in the incident zone and summary', () => {
    const { blocks, text } = renderBlocks({ type: 'summary', incident: card() }, {});
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: ':red_circle: INC-42: Checkout is failing' } });
    const all = blockTexts(blocks);
    expect(all).toContain('*SEV2* · Investigating');
    expect(all).toContain('Payments return 502 since the 14:00 deploy');
    expect(all).toEqual(expect.arrayContaining(['*Commander*\ndana', '*Communications lead*\nunassigned', '*Scribe*\nunassigned']));
    expect(all).toContain('*Components*\napi (major outage)');
    expect(all).toContain('*Started*\n31 May 2024, 14:23 PDT');
    expect(text).toContain('INC-42 · SEV2 · Investigating — Checkout is failing');
  });

  it('turns green when resolved, shows when, and marks a private incident', () => {
    const { blocks } = renderBlocks({ type: 'summary', incident: card({ status: 'resolved', resolvedAt: '2024-06-01T01:00:00Z', private: true }) }, {});
    const all = blockTexts(blocks);
    expect(all[0]).toMatch(/^:large_green_circle: INC-42/);
    expect(all).toContain('*SEV2* · Resolved · :lock: Private');
    expect(all).toContain('*Resolved*\n31 May 2024, 18:00 PDT');
  });

  it('shows times in another incident zone with that zone named', () => {
    expect(seen({ type: 'summary', incident: card({ zone: 'Europe/Paris' }) })).toContain('31 May 2024, 23:23 CEST');
  });
});

describe('status update', () => {
  const update = (over: Partial<Extract<Message, { type: 'status_update' }>> = {}): Message => ({
    type: 'status_update', incident: card(), status: 'identified', message: 'Bad config in the image service', author: 'dana', at: '2024-05-31T21:45:00Z', ...over,
  });

  it('leads with the status and its emoji, then the message, then who and when', () => {
    const all = blockTexts(renderBlocks(update(), {}).blocks);
    expect(all[0]).toBe(':bulb: *Identified* · *INC-42* Checkout is failing');
    expect(all[1]).toBe('Bad config in the image service');
    expect(all[2]).toBe('*SEV2* · Components: api (major outage) · Posted by dana at 14:45 PDT');
  });

  it.each([
    ['investigating', ':mag: *Investigating*'],
    ['monitoring', ':eyes: *Monitoring*'],
    ['resolved', ':white_check_mark: *Resolved*'],
  ] as const)('%s has its own emoji', (status, heading) => {
    expect(seen(update({ status }))).toContain(heading);
  });

  it('cuts a 10,000-character message to a section Slack accepts', () => {
    const { blocks } = renderBlocks(update({ message: 'x'.repeat(10_000) }), {});
    for (const t of blockTexts(blocks)) expect(t.length).toBeLessThanOrEqual(3000);
    expect(blockTexts(blocks)[1]).toMatch(/^x{2999}…$/);
  });

  it('escapes mentions and links typed by people, in blocks and in the notification text', () => {
    const m = update({ incident: card({ title: '<!channel> db & cache' }), message: 'see <https://evil.example|click> <@U123>', author: '<!here>' });
    const { blocks, text } = renderBlocks(m, {});
    const all = blockTexts(blocks).join('\n');
    expect(all).toContain('&lt;!channel&gt; db &amp; cache');
    expect(all).toContain('see &lt;https://evil.example|click&gt; &lt;@U123&gt;');
    expect(all).toContain('Posted by &lt;!here&gt;');
    expect(all).not.toMatch(/<[!@h]/);
    expect(text).not.toContain('<');
    expect(text).toContain('&lt;!channel&gt;');
  });
});

describe('announcement', () => {
  const declared: Message = { type: 'announcement', event: 'declared', incident: card(), author: 'dana' };

  it('says what was declared, by whom, how bad, and links the incident channel', () => {
    const all = seen(declared, { incidentConversation: { name: 'inc-42-checkout', link: 'https://acme.slack.com/archives/C0ABC123' } });
    expect(all).toContain(':rotating_light: *INC-42 declared* by dana · *SEV2*\nCheckout is failing');
    expect(all).toContain('Follow it in <https://acme.slack.com/archives/C0ABC123|#inc-42-checkout>');
  });

  it('mentions the channel when the link is a channel id, names it when there is no link', () => {
    expect(seen(declared, { incidentConversation: { name: 'inc-42', link: 'C0ABC123' } })).toContain('Follow it in <#C0ABC123>');
    expect(seen(declared, { incidentConversation: { name: 'inc-42', link: null } })).toContain('Follow it in #inc-42');
    expect(seen(declared, {})).not.toContain('Follow it');
  });

  it('announces a reopened incident', () => {
    expect(seen({ ...declared, event: 'reopened', author: 'sam' })).toContain(':repeat: *INC-42 reopened* by sam');
  });
});

describe('notice, resolution, postmortem', () => {
  it('renders a notice as one compact context line', () => {
    const { blocks } = renderBlocks({ type: 'notice', incident: 42, zone: 'America/Los_Angeles', kind: 'note', text: 'error rate < 1%', author: 'bob', at: '2024-05-31T21:50:00Z' }, {});
    expect(types(blocks)).toEqual(['context']);
    expect(blockTexts(blocks)).toEqual(['14:50 PDT · *bob* · noted: error rate &lt; 1%']);
  });

  it('lists every key fact of a resolution as fields, ten per section at most', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ label: `Fact ${i + 1}`, value: `value ${i + 1}` }));
    const { blocks } = renderBlocks({ type: 'resolution', incident: card({ status: 'resolved' }), message: 'Images load again', facts }, {});
    const all = blockTexts(blocks);
    expect(all[0]).toBe(':white_check_mark: *Resolved* · *INC-42* Checkout is failing');
    expect(all).toContain('Images load again');
    for (const f of facts) expect(all).toContain(`*${f.label}*\n${f.value}`);
    for (const b of blocks) if (b.type === 'section') expect((b.fields ?? []).length).toBeLessThanOrEqual(10);
  });

  it('announces the postmortem draft by its file name, without the draft itself', () => {
    const all = seen({ type: 'postmortem', incident: 42, title: 'Checkout is failing', filename: 'INC-42-postmortem.md', markdown: '# secret body' });
    expect(all).toContain('*Postmortem draft for INC-42* · Checkout is failing');
    expect(all).toContain('`INC-42-postmortem.md`');
    expect(all).not.toContain('secret body');
  });
});

describe('timeline', () => {
  const line = (i: number, over: Partial<TimelineLine> = {}): TimelineLine => ({
    at: new Date(Date.UTC(2024, 4, 31, 21, i)).toISOString(), kind: 'note', author: 'dana', text: `entry ${i}`, retracted: false, ...over,
  });

  it('shows one line per entry in the incident zone, retracted ones struck through', () => {
    const all = blockTexts(renderBlocks({ type: 'timeline', incident: card(), lines: [line(1, { kind: 'status_update' }), line(2, { retracted: true, text: 'wrong\nguess' })] }, {}).blocks);
    expect(all[0]).toBe('Timeline of INC-42');
    expect(all).toContain('31 May 2024, 14:01 PDT · dana · status update: entry 1');
    expect(all).toContain('~31 May 2024, 14:02 PDT · dana · note: wrong guess~ _(retracted)_');
  });

  it('says so when nothing is recorded', () => {
    expect(seen({ type: 'timeline', incident: card(), lines: [] })).toContain('Nothing recorded yet.');
  });

  it('keeps 60 entries within 50 blocks and says how many were left off', () => {
    const { blocks } = renderBlocks({ type: 'timeline', incident: card(), lines: Array.from({ length: 60 }, (_, i) => line(i)) }, {});
    expect(blocks.length).toBeLessThanOrEqual(50);
    const all = blockTexts(blocks);
    const shown = all.filter((t) => / · note: entry \d+$/.test(t)).length;
    const more = all.at(-1) ?? '';
    expect(more).toMatch(/^… and (\d+) more entries/);
    expect(shown + Number(/(\d+) more/.exec(more)?.[1])).toBe(60);
    expect(all).toContain('31 May 2024, 14:00 PDT · dana · note: entry 0');
  });
});

describe('lists and text', () => {
  it('lists open incidents with severity, status and roles, or says there are none', () => {
    const all = seen({ type: 'incident_list', incidents: [card(), card({ number: 43, title: 'Slow search', severity: 'sev4', roles: [] })] });
    expect(all).toContain('Open incidents');
    expect(all).toContain(':red_circle: INC-42 · SEV2 · Investigating — Checkout is failing\nCommander: dana');
    expect(all).toContain(':large_orange_circle: INC-43 · SEV4 · Investigating — Slow search\nNo commander yet');
    expect(seen({ type: 'incident_list', incidents: [] })).toContain('No open incidents.');
  });

  it('shows actions with owner and done ones struck through', () => {
    const all = seen({ type: 'actions', incident: 42, items: [
      { number: 1, text: 'Alert on error rate', owner: 'bob', done: false },
      { number: 2, text: 'Roll back faster', owner: null, done: true },
    ] });
    expect(all).toContain(':white_large_square: #1 Alert on error rate — bob');
    expect(all).toContain(':white_check_mark: ~#2 Roll back faster~ — _no owner_ _(done)_');
    expect(seen({ type: 'actions', incident: 42, items: [] })).toContain('/incident action &lt;text&gt; @owner');
  });

  it('shows the due day of open actions, in bold once overdue, and none for done ones', () => {
    const all = seen({ type: 'actions', incident: 42, items: [
      { number: 1, text: 'Alert on error rate', owner: 'bob', done: false, dueOn: '2026-12-01', overdue: false },
      { number: 2, text: 'Write the runbook', owner: null, done: false, dueOn: '2026-11-20', overdue: true },
      { number: 3, text: 'Roll back faster', owner: null, done: true, dueOn: '2026-11-01', overdue: false },
    ] });
    expect(all).toContain(':white_large_square: #1 Alert on error rate — bob · due 1 Dec 2026');
    expect(all).toContain(':white_large_square: #2 Write the runbook — _no owner_ · *overdue, was due 20 Nov 2026*');
    expect(all.endsWith(':white_check_mark: ~#3 Roll back faster~ — _no owner_ _(done)_')).toBe(true);
  });

  it('splits long text into sections without losing any of it', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} ${'y'.repeat(40)}`).join('\n');
    const { blocks } = renderBlocks({ type: 'text', text }, {});
    const all = blockTexts(blocks);
    for (const t of all) expect(t.length).toBeLessThanOrEqual(3000);
    expect(all.join('\n')).toBe(text);
    expect(renderBlocks({ type: 'text', text: 'a <b> c' }, {}).text).toBe('a &lt;b&gt; c');
  });

  it('clips a header to 150 characters', () => {
    const { blocks } = renderBlocks({ type: 'summary', incident: card({ title: 'T'.repeat(150) }) }, {});
    const head = blockTexts(blocks)[0] ?? '';
    expect(head.length).toBe(150);
    expect(head.endsWith('…')).toBe(true);
  });
});
