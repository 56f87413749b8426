import { describe, expect, it } from 'vitest';
import type { IncidentCard, Message } from '../../../core/messages/message';
import { renderText } from '../../../core/messages/render-text';
import type { AdaptiveCard, Container, TextBlock } from './adaptive-card';
import { incident, line, render, textBlocks } from './card-fixtures';
import { LIST_LIMIT, renderCard } from './render-card';

const topStyle = (card: AdaptiveCard): string | undefined => (card.body[0] as Container).style;

const everyMessage: Message[] = [
  { type: 'summary', incident: incident() },
  { type: 'announcement', event: 'declared', incident: incident(), author: 'Dana Scully' },
  { type: 'status_update', incident: incident(), status: 'identified', message: 'Bad deploy.', author: 'Dana', at: '2024-05-31T21:40:00Z' },
  { type: 'notice', incident: 42, zone: 'Europe/Paris', kind: 'note', text: 'rolling back', author: 'Dana', at: '2024-05-31T21:40:00Z' },
  { type: 'resolution', incident: incident({ status: 'resolved' }), message: 'Rolled back.', facts: [{ label: 'Duration', value: '44 minutes' }] },
  { type: 'postmortem', incident: 42, title: 'Checkout is failing', filename: 'INC-42-postmortem.md', markdown: '# INC-42\n\n## Summary\n…' },
  { type: 'timeline', incident: incident(), lines: [line('2024-05-31T21:30:00Z', 'Looking at the payment gateway')] },
  { type: 'incident_list', incidents: [incident()] },
  { type: 'actions', incident: 42, items: [{ number: 1, text: 'Add a canary', owner: 'Fox', done: false }] },
];

describe('renderCard: every message type', () => {
  it.each(everyMessage.map((m) => [m.type, m] as const))('%s is an Adaptive Card 1.5 whose user text wraps', (_type, message) => {
    const { card } = render(message);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    for (const block of textBlocks(card)) expect(block.wrap).toBe(true);
  });

  it.each(everyMessage.filter((m) => m.type !== 'postmortem').map((m) => [m.type, m] as const))(
    '%s falls back to the plain-text rendering',
    (_type, message) => {
      const ctx = { incidentConversation: { name: '#inc-42', link: 'https://teams.microsoft.com/l/channel/19%3Aabc' } };
      expect(renderCard(message, ctx).text).toBe(renderText(message, ctx));
    },
  );

  it('leaves the bot\'s own plain text as text', () => {
    expect(renderCard({ type: 'text', text: 'Unknown subcommand "foo".' }, {})).toEqual({ text: 'Unknown subcommand "foo".', card: null });
  });
});

describe('summary', () => {
  it('shows the incident, its people, components and start in its zone', () => {
    const { seen, card } = render({ type: 'summary', incident: incident() });
    expect(seen).toContain('INC-42 · Checkout is failing');
    expect(seen).toContain('Card payments time out after 30 s.');
    expect(seen).toContain('Severity: SEV2');
    expect(seen).toContain('Status: Investigating');
    expect(seen).toContain('Commander: Dana Scully');
    expect(seen).toContain('Communications lead: Not assigned');
    expect(seen).toContain('Scribe: Fox Mulder');
    expect(seen).toContain('Components: checkout (partial outage)');
    expect(seen).toContain('Started: 31 May 2024, 14:23 PDT');
    expect(seen).not.toContain('Resolved');
    const title = textBlocks(card)[0];
    expect(title).toMatchObject({ size: 'Large', weight: 'Bolder' });
  });

  it('is coloured by status and severity', () => {
    const style = (over: Partial<IncidentCard>) => topStyle(render({ type: 'summary', incident: incident(over) }).card);
    expect(style({ severity: 'sev1', status: 'identified' })).toBe('attention');
    expect(style({ severity: 'sev3', status: 'investigating' })).toBe('warning');
    expect(style({ severity: 'sev1', status: 'monitoring' })).toBe('warning');
    expect(style({ status: 'resolved', resolvedAt: '2024-06-01T08:00:00Z' })).toBe('good');
  });

  it('adds when it was resolved, in the zone, and that it is private', () => {
    const { seen } = render({ type: 'summary', incident: incident({ status: 'resolved', resolvedAt: '2024-06-01T08:00:00Z', private: true, zone: 'Europe/Paris' }) });
    expect(seen).toContain('Resolved: 1 Jun 2024, 10:00 CEST');
    expect(seen).toContain('Started: 31 May 2024, 23:23 CEST');
    expect(seen).toContain('Visibility: Private');
  });
});

describe('escaping user text', () => {
  const hostile = '**bold** [click](http://evil) <script>alert(1)</script> <at>Everyone</at>';
  const message: Message = {
    type: 'summary',
    incident: incident({ title: hostile, summary: '# Heading\n- item\n1. one\n> quote {{DATE(2017-02-14T06:08:39Z, SHORT)}}', roles: [{ role: 'commander', name: '_Dana_' }] }),
  };

  it('shows exactly what was typed', () => {
    const { seen } = render(message);
    expect(seen).toContain(`INC-42 · ${hostile}`);
    expect(seen).toContain('# Heading\n- item\n1. one\n> quote {{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    expect(seen).toContain('Commander: _Dana_');
  });

  it('leaves no Markdown, link or mention live in the card', () => {
    const raw = JSON.stringify(render(message).card);
    expect(raw).not.toMatch(/[^\\]\[click\]/);
    expect(raw).not.toMatch(/[^\\]<(script|at)>/);
    expect(raw).not.toMatch(/[^\\]\*\*bold/);
    expect(raw).not.toMatch(/DATE\(/);
  });
});

describe('announcement', () => {
  const declared: Message = { type: 'announcement', event: 'declared', incident: incident(), author: 'Dana Scully' };

  it('says who declared what, and links to the incident conversation', () => {
    const { seen, card } = render(declared, { incidentConversation: { name: '#inc-42-checkout', link: 'https://teams.microsoft.com/l/channel/x' } });
    expect(seen).toContain('INC-42 · Checkout is failing');
    expect(seen).toContain('Declared by Dana Scully');
    expect(seen).toContain('Severity: SEV2');
    expect(seen).toContain('Follow it in #inc-42-checkout.');
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open #inc-42-checkout', url: 'https://teams.microsoft.com/l/channel/x' }]);
  });

  it('has no button without a link, and says reopened', () => {
    const { seen, card } = render({ ...declared, event: 'reopened' }, { incidentConversation: { name: null, link: null } });
    expect(seen).toContain('Reopened by Dana Scully');
    expect(seen).not.toContain('Follow it in');
    expect(card.actions).toBeUndefined();
  });
});

describe('status_update', () => {
  it('leads with the status and says who posted it when, in the incident zone', () => {
    const { seen, card } = render({ type: 'status_update', incident: incident(), status: 'monitoring', message: 'Rolled back.\nWatching error rates.', author: 'Dana', at: '2024-05-31T21:40:00Z' });
    expect(textBlocks(card)[0]?.text).toBe('Monitoring');
    expect(seen).toContain('INC-42 · Checkout is failing');
    expect(seen).toContain('Rolled back.\nWatching error rates.');
    expect(seen).toContain('Severity: SEV2');
    expect(seen).toContain('Components: checkout (partial outage)');
    expect(seen).toContain('Posted by Dana at 14:40 PDT');
    expect(topStyle(card)).toBe('warning');
  });
});

describe('notice, resolution, postmortem', () => {
  it('notice: time with zone, author and the note', () => {
    const { seen } = render(everyMessage[3]!);
    expect(seen).toBe('23:40 CEST | Dana noted: rolling back');
  });

  it('resolution: message and every fact', () => {
    const { seen, card } = render({ type: 'resolution', incident: incident({ status: 'resolved' }), message: 'Rolled back.', facts: [{ label: 'Duration', value: '44 minutes' }, { label: 'Impact', value: 'checkout (partial outage)' }] });
    expect(seen).toContain('Resolved · INC-42 · Checkout is failing');
    expect(seen).toContain('Rolled back.');
    expect(seen).toContain('Duration: 44 minutes');
    expect(seen).toContain('Impact: checkout (partial outage)');
    expect(topStyle(card)).toBe('good');
  });

  it('postmortem: names the attached file instead of repeating the document', () => {
    const { seen, text } = render(everyMessage[5]!);
    expect(seen).toContain('Postmortem draft · INC-42');
    expect(seen).toContain('attached as INC-42-postmortem.md');
    expect(seen).not.toContain('## Summary');
    expect(text).toBe('Postmortem draft for INC-42: Checkout is failing (INC-42-postmortem.md)');
  });
});

describe('incident_list and actions', () => {
  it('lists open incidents with their people', () => {
    const { seen } = render({ type: 'incident_list', incidents: [incident(), incident({ number: 43, title: 'Search slow', severity: 'sev4', roles: [] })] });
    expect(seen).toContain('Open incidents');
    expect(seen).toContain('INC-42 · SEV2 · Investigating — Checkout is failing\nCommander: Dana Scully · Scribe: Fox Mulder');
    expect(seen).toContain('INC-43 · SEV4 · Investigating — Search slow\nNo commander yet');
    expect(seen).toContain('Components: checkout (partial outage) · Started 31 May 2024, 14:23 PDT');
  });

  it('says when nothing is open, and cuts long lists', () => {
    expect(render({ type: 'incident_list', incidents: [] }).seen).toBe('No open incidents.');
    const many = Array.from({ length: LIST_LIMIT + 2 }, (_, i) => incident({ number: i + 1 }));
    expect(render({ type: 'incident_list', incidents: many }).seen).toMatch(/… and 2 more$/);
  });

  it('shows each action with its state and owner', () => {
    const { seen } = render({ type: 'actions', incident: 42, items: [{ number: 1, text: 'Add a canary', owner: 'Fox', done: false }, { number: 2, text: 'Alert on *timeouts*', owner: null, done: true }] });
    expect(seen).toBe('Actions of INC-42\n#1 | Open | Add a canary | Fox\n#2 | Done | Alert on *timeouts* | No owner');
  });

  it('shows the due day of open actions, and which are overdue', () => {
    const { seen, card } = render({ type: 'actions', incident: 42, items: [
      { number: 1, text: 'Add a canary', owner: 'Fox', done: false, dueOn: '2026-12-01', overdue: false },
      { number: 2, text: 'Write the runbook', owner: null, done: false, dueOn: '2026-11-20', overdue: true },
    ] });
    expect(seen).toBe('Actions of INC-42\n#1 | Open | Add a canary | Fox | due 1 Dec 2026\n#2 | Open | Write the runbook | No owner | overdue, was due 20 Nov 2026');
    expect(JSON.stringify(card)).toContain('{"type":"TextBlock","text":"overdue, was due 20 Nov 2026","wrap":true,"color":"Attention"}');
  });

  it('@mentions the people a reminder is for, so Teams notifies them, and names the rest', () => {
    const { card } = render({
      type: 'reminder',
      kind: 'update_due',
      incident: 42,
      to: [
        { id: '29:1aLiCeXyZ-0123456789abcdefGHIJ', name: 'Alice Archer' },
        { id: '7b2e1d0f-9d4c-4c2f-b3e5-6a7f8e9d0c12', name: 'Bob <Baker>' },
        { id: 'carol', name: 'Carol *C*' },
      ],
      text: 'INC-42 has had no status update for 30 minutes.',
    });
    expect((card.body[1] as TextBlock).text).toBe('<at>Alice Archer</at>, <at>Bob Baker</at>, Carol \\*C\\*: INC-42 has had no status update for 30 minutes.');
    expect(card.msteams).toEqual({
      width: 'Full',
      entities: [
        { type: 'mention', text: '<at>Alice Archer</at>', mentioned: { id: '29:1aLiCeXyZ-0123456789abcdefGHIJ', name: 'Alice Archer' } },
        { type: 'mention', text: '<at>Bob Baker</at>', mentioned: { id: '7b2e1d0f-9d4c-4c2f-b3e5-6a7f8e9d0c12', name: 'Bob <Baker>' } },
      ],
    });
  });

  it('mentions no one in a reminder addressed to nobody, and keeps typed text from mentioning anyone', () => {
    const { card } = render({ type: 'reminder', kind: 'no_commander', incident: 42, to: [], text: 'Nobody leads INC-42 <at>Sitrep</at>.' });
    expect((card.body[1] as TextBlock).text).toBe('Nobody leads INC-42 \\<at\\>Sitrep\\</at\\>.');
    expect(card.msteams).toEqual({ width: 'Full' });
  });

  it('explains an empty action list', () => {
    expect(render({ type: 'actions', incident: 42, items: [] }).seen).toContain('INC-42 has no actions yet');
  });
});
