import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app';
import { useTestDatabase } from '../../../test/support/db';
import { MINUTE, reminders, tick } from '../../../test/support/reminders';

const database = useTestDatabase();
const CHANNEL = '#inc-1-checkout-errors';
const HOUR = 60 * MINUTE;

describe('no commander', () => {
  it('nudges the incident conversation 10 minutes after the commander role was left empty, once', async () => {
    const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await app.ok('alice', '/incident declare sev3 Checkout errors');
    app.clock.advance(2 * MINUTE);
    expect((await app.ok('alice', '/incident unassign INC-1 commander')).text).toBe(
      'INC-1 has no commander now (was alice). Name one with "/incident lead @someone".',
    );
    app.clock.advance(9 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    app.clock.advance(10 * MINUTE);
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL)).toEqual([
      'INC-1 has had no commander for 10 minutes: take the lead with "/incident lead @yourname", or name someone.',
    ]);
  });

  it('says nothing when someone takes the lead in time, and nudges again when the role is left empty again', async () => {
    const app = testApp(database(), { now: '2024-05-31T21:00:00Z', followUp: { cadenceMinutes: { sev1: 0, sev2: 0, sev3: 0, sev4: 0 } } });
    await app.ok('alice', '/incident declare Checkout errors');
    await app.ok('alice', '/incident unassign INC-1 commander');
    app.clock.advance(5 * MINUTE);
    await app.ok('bob', '/incident lead INC-1 @bob');
    app.clock.advance(20 * MINUTE);
    expect(await tick(app)).toBe(0);
    await app.ok('bob', '/incident unassign INC-1 lead');
    app.clock.advance(10 * MINUTE);
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL, 'no_commander')).toHaveLength(1);
    const summary = app.platform.to(CHANNEL).filter((c) => c.op === 'update').at(-1)?.text;
    expect(summary).toContain('No commander yet');
  });
});

describe('stale incidents', () => {
  it('asks after 24 hours without activity whether it is over, again a day later, and not after a note', async () => {
    const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await app.ok('alice', '/incident declare sev4 Checkout errors');
    app.clock.advance(24 * HOUR - MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(MINUTE);
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL)).toEqual([
      '@alice: INC-1 has had no activity for 1 day and is still investigating. Is it over? "/incident resolve INC-1". ' +
        'Still ongoing? Say so with "/incident note INC-1 still ongoing".',
    ]);
    app.clock.advance(24 * HOUR);
    expect(await tick(app)).toBe(1);
    await app.ok('alice', '/incident note INC-1 still ongoing');
    app.clock.advance(23 * HOUR);
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL, 'stale')).toHaveLength(2);
  });
});

describe('after resolution', () => {
  async function resolved(zone = 'UTC') {
    const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await app.ok('alice', '/incident declare sev2 Checkout errors', { zone });
    app.clock.advance(10 * MINUTE);
    await app.ok('alice', '/incident resolve INC-1 Fixed');
    return app;
  }

  it('reminds the commander when the postmortem is not reviewed 3 business days after a Friday resolution', async () => {
    const app = await resolved();
    app.clock.set('2024-06-05T21:09:00Z');
    expect(await tick(app)).toBe(0);
    app.clock.set('2024-06-05T21:10:00Z');
    expect(await tick(app)).toBe(1);
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL)).toEqual([
      '@alice: The postmortem draft of INC-1 is not marked reviewed 3 business days after the resolution (31 May 2024, 21:10 UTC). ' +
        'Once it is reviewed: "/incident postmortem INC-1 reviewed".',
    ]);
  });

  it('reminds the postmortem owner instead when one is named, and no one once it is marked reviewed', async () => {
    const app = await resolved();
    await app.ok('alice', '/incident assign INC-1 postmortem @pat');
    app.clock.set('2024-06-05T21:10:00Z');
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL)[0]).toMatch(/^@pat: The postmortem draft of INC-1/);

    const other = testApp(database(), { now: '2024-06-10T09:00:00Z' });
    await other.ok('carol', '/incident declare Search slow');
    await other.ok('carol', '/incident resolve INC-2');
    expect((await other.ok('carol', '/incident postmortem INC-2 reviewed')).text).toBe('Marked the postmortem of INC-2 reviewed; no more reminders about it.');
    other.clock.set('2024-06-20T09:00:00Z');
    expect(await tick(other)).toBe(0);
  });

  it('counts business days in the incident\'s zone', async () => {
    // Resolved on Friday 21:10 UTC, which is Saturday 06:10 in Tokyo: the count starts on Monday
    // there, and three business days later is Thursday 00:00 JST (Wednesday 15:00 UTC).
    const app = await resolved('Asia/Tokyo');
    app.clock.set('2024-06-05T14:59:00Z');
    expect(await tick(app)).toBe(0);
    app.clock.set('2024-06-05T15:00:00Z');
    expect(await tick(app)).toBe(1);
  });

  it('reminds the owner of an open action once its due day is over, once, and not for a done one', async () => {
    const app = await resolved();
    expect((await app.ok('alice', '/incident action INC-1 Alert on checkout errors @bob due 2024-06-03')).text).toBe(
      'Added action #1 to INC-1 (owner: bob, due 3 Jun 2024).',
    );
    await app.ok('alice', '/incident action INC-1 Review the deploy checklist due 2024-06-03');
    await app.ok('alice', '/incident action INC-1 Done already due 2024-06-03');
    await app.ok('alice', '/incident done INC-1 3');
    app.clock.set('2024-06-03T23:59:00Z');
    expect(await tick(app)).toBe(0);
    app.clock.set('2024-06-04T00:00:00Z');
    expect(await tick(app)).toBe(2);
    app.clock.set('2024-06-05T00:00:00Z');
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL, 'action_overdue')).toEqual([
      '@bob: Action #1 of INC-1 was due on 3 Jun 2024 and is still open: Alert on checkout errors. When it is done: "/incident done INC-1 1".',
      '@alice: Action #2 of INC-1 was due on 3 Jun 2024 and is still open: Review the deploy checklist. When it is done: "/incident done INC-1 2".',
    ]);
  });
});
