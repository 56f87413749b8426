import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app';
import { useTestDatabase } from '../../test/support/db';
import { followUpSettings, loadConfig } from '../config/config';

const database = useTestDatabase();
const CHANNEL = '#inc-1-images-fail';

async function declared() {
  const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
  await app.ok('alice', '/incident declare sev2 Images fail');
  return app;
}

describe('/incident unassign', () => {
  it('leaves the role empty, records it on the timeline and refreshes the summary', async () => {
    const app = await declared();
    await app.ok('alice', '/incident assign INC-1 comms @dana');
    expect((await app.ok('alice', '/incident unassign INC-1 comms')).text).toBe('INC-1 has no communications lead now (was dana).');
    expect((await app.run('alice', '/incident unassign INC-1 comms')).text).toBe('INC-1 has no communications lead to unassign.');
    await app.ok('alice', '/incident unassign INC-1 commander');
    const timeline = (await app.ok('alice', '/incident timeline INC-1')).text;
    expect(timeline).toContain('role unassigned: dana is no longer communications lead');
    expect(timeline).toContain('role unassigned: alice is no longer commander');
    const channel = app.platform.to(CHANNEL);
    expect(channel.filter((c) => c.message?.type === 'notice').map((c) => c.text)).toContain('21:00 UTC alice removed alice as commander');
    expect(channel.filter((c) => c.op === 'update').at(-1)?.text).toContain('No commander yet');
  });

  it('shows the empty role in the postmortem timeline', async () => {
    const app = await declared();
    await app.ok('alice', '/incident unassign INC-1 commander');
    await app.ok('alice', '/incident resolve INC-1');
    const draft = app.platform.to(CHANNEL).find((c) => c.message?.type === 'postmortem')?.message;
    const markdown = draft?.type === 'postmortem' ? draft.markdown : '';
    expect(markdown).toContain('· alice · Commander: unassigned');
    expect(markdown).toContain('Commander: not assigned · Postmortem draft');
  });
});

describe('/incident postmortem reviewed', () => {
  it('is recorded once, only after resolution', async () => {
    const app = await declared();
    expect((await app.run('alice', '/incident postmortem INC-1 reviewed')).text).toBe(
      'INC-1 is still open (investigating); its postmortem can be marked reviewed once it is resolved.',
    );
    await app.ok('alice', '/incident resolve INC-1');
    app.clock.advance(3_600_000);
    expect((await app.ok('bob', '/incident postmortem INC-1 reviewed')).text).toBe('Marked the postmortem of INC-1 reviewed; no more reminders about it.');
    expect((await app.run('alice', '/incident postmortem INC-1 reviewed')).text).toBe(
      'The postmortem of INC-1 is already marked reviewed (by bob, 31 May 2024, 22:00 UTC).',
    );
    expect((await app.ok('alice', '/incident timeline INC-1')).text).toContain('bob · postmortem reviewed: Postmortem draft reviewed');
  });
});

describe('due dates of actions', () => {
  it('are stored and shown in the postmortem while the action is open', async () => {
    const app = await declared();
    await app.ok('alice', '/incident action INC-1 Alert on image errors @bob due 2026-12-01');
    await app.ok('alice', '/incident action INC-1 Write the runbook due 2026-12-15');
    await app.ok('bob', '/incident done INC-1 2');
    await app.ok('alice', '/incident resolve INC-1');
    const draft = app.platform.to(CHANNEL).find((c) => c.message?.type === 'postmortem')?.message;
    const markdown = draft?.type === 'postmortem' ? draft.markdown : '';
    expect(markdown).toContain('| 1 | Alert on image errors | bob | open, due 1 Dec 2026 |');
    expect(markdown).toContain('| 2 | Write the runbook | unassigned | done |');
  });

  it('are listed by "/incident actions", which says which are overdue once the day is over in the incident\'s zone', async () => {
    const app = testApp(database(), { now: '2024-06-03T12:00:00Z' });
    await app.ok('alice', '/incident declare sev2 at 05:00 America/Los_Angeles Images fail');
    await app.ok('alice', '/incident action INC-1 Alert on image errors @bob due 2024-06-03');
    await app.ok('alice', '/incident action INC-1 Write the runbook due 2024-06-02');
    await app.ok('alice', '/incident action INC-1 Review the CDN contract due 2024-06-01');
    await app.ok('alice', '/incident action INC-1 Page the CDN vendor');
    await app.ok('bob', '/incident done INC-1 3');
    expect((await app.ok('alice', '/incident actions INC-1')).text).toBe(
      [
        'Actions of INC-1:',
        '#1 [open] Alert on image errors (bob), due 3 Jun 2024',
        '#2 [open] Write the runbook, overdue, was due 2 Jun 2024',
        '#3 [done] Review the CDN contract',
        '#4 [open] Page the CDN vendor',
      ].join('\n'),
    );
    // The 3rd is over in UTC, but it is still 20:00 on the 3rd in Los Angeles.
    app.clock.set('2024-06-04T03:00:00Z');
    expect((await app.ok('alice', '/incident actions INC-1')).text).toContain('#1 [open] Alert on image errors (bob), due 3 Jun 2024\n');
    app.clock.set('2024-06-04T07:00:00Z');
    expect((await app.ok('alice', '/incident actions INC-1')).text).toContain('#1 [open] Alert on image errors (bob), overdue, was due 3 Jun 2024\n');
  });
});

describe('time to declare', () => {
  it('counts from the impact start given to "declare at" until the declaration', async () => {
    const app = testApp(database(), { now: '2024-05-31T23:00:00Z' });
    const la = { zone: 'America/Los_Angeles' };
    await app.ok('alice', '/incident declare sev2 at 14:23 Images fail', la);
    app.clock.set('2024-05-31T23:30:00Z');
    await app.ok('alice', '/incident resolve INC-1 Fixed', la);
    const draft = app.platform.to(CHANNEL).find((c) => c.message?.type === 'postmortem')?.message;
    const markdown = draft?.type === 'postmortem' ? draft.markdown : '';
    expect(markdown).toContain('- **Started:** 31 May 2024, 14:23 PDT\n- **Declared:** 31 May 2024, 16:00 PDT');
    expect(markdown).toContain('- **Time to declare:** 1 hour 37 minutes\n- **Time to mitigate:** 2 hours 7 minutes\n- **Time to resolve:** 2 hours 7 minutes');
  });
});

describe('configuration', () => {
  it('reads the follow-through variables, with defaults', () => {
    expect(followUpSettings(loadConfig({}))).toEqual({
      cadenceMinutes: { sev1: 15, sev2: 30, sev3: 60, sev4: 0 },
      noCommanderMinutes: 10,
      staleHours: 24,
      postmortemBusinessDays: 3,
    });
    const custom = loadConfig({ UPDATE_CADENCE: 'sev1:10,sev4:240', NO_COMMANDER_MINUTES: '0', SCHEDULER_INTERVAL_SECONDS: '5' });
    expect(followUpSettings(custom)).toMatchObject({ cadenceMinutes: { sev1: 10, sev2: 30, sev3: 60, sev4: 240 }, noCommanderMinutes: 0 });
    expect(custom.SCHEDULER_INTERVAL_SECONDS).toBe(5);
    expect(() => loadConfig({ UPDATE_CADENCE: 'sev1:fast' })).toThrow(
      'Sitrep cannot start: UPDATE_CADENCE must list severities with minutes, e.g. sev1:15,sev2:30,sev3:60,sev4:0 (0 means never); "sev1:fast" is not one.',
    );
  });
});
