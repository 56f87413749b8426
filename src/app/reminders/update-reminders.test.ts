import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app';
import { useTestDatabase } from '../../../test/support/db';
import { MINUTE, reminders, tick } from '../../../test/support/reminders';

const database = useTestDatabase();
const CHANNEL = '#inc-1-checkout-errors';
const REPLY = '\n(reply: /incident update … or /incident snooze INC-1)';

async function declared(severity = 'sev2') {
  const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
  await app.ok('alice', `/incident declare ${severity} Checkout errors`);
  return app;
}

describe('status update reminders', () => {
  it('reminds the commander when the cadence of the severity has passed without an update, once', async () => {
    const app = await declared('sev2');
    app.clock.advance(29 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL)).toEqual([
      '@alice: INC-1 is due a status update (SEV2: every 30 minutes). Last public update: none yet (declared 21:00 UTC, 30 minutes ago).' + REPLY,
    ]);
  });

  it('follows the cadence of the current severity, and never reminds a sev4', async () => {
    const app = await declared('sev4');
    app.clock.advance(6 * 60 * MINUTE);
    await app.ok('alice', '/incident note INC-1 still looking');
    expect(await tick(app)).toBe(0);
    await app.ok('alice', '/incident severity INC-1 sev1');
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL)[0]).toMatch(/^@alice: INC-1 is due a status update \(SEV1: every 15 minutes\)\./);
  });

  it('counts from the last status update and shows when it was', async () => {
    const app = await declared('sev2');
    app.clock.advance(20 * MINUTE);
    await app.ok('alice', '/incident update INC-1 identified Bad deploy');
    app.clock.advance(29 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL)).toEqual([
      '@alice: INC-1 is due a status update (SEV2: every 30 minutes). Last public update: 21:20 UTC, 30 minutes ago.' + REPLY,
    ]);
  });

  it('reminds again every cadence while ignored, and mentions the communications lead after two ignored reminders', async () => {
    const app = await declared('sev1');
    await app.ok('alice', '/incident assign INC-1 comms @dana');
    for (let i = 0; i < 3; i++) {
      app.clock.advance(15 * MINUTE);
      expect(await tick(app)).toBe(1);
    }
    const sent = reminders(app, CHANNEL);
    expect(sent).toHaveLength(3);
    expect(sent[1]).toBe('@alice: INC-1 is due a status update (SEV1: every 15 minutes). Last public update: none yet (declared 21:00 UTC, 30 minutes ago).' + REPLY);
    expect(sent[2]).toBe(
      '@alice @dana: INC-1 is due a status update (SEV1: every 15 minutes). Last public update: none yet (declared 21:00 UTC, 45 minutes ago). ' +
        '2 reminders went unanswered, so the communications lead is asked too.' +
        REPLY,
    );
  });

  it('says how to name a communications lead when there is none to escalate to', async () => {
    const app = await declared('sev1');
    for (let i = 0; i < 3; i++) {
      app.clock.advance(15 * MINUTE);
      await tick(app);
    }
    expect(reminders(app, CHANNEL)[2]).toContain('2 reminders went unanswered; name a communications lead with "/incident assign comms @someone".');
  });

  it('starts over after an update: no comms mention, and the next reminder a full cadence later', async () => {
    const app = await declared('sev1');
    await app.ok('alice', '/incident assign INC-1 comms @dana');
    for (let i = 0; i < 2; i++) {
      app.clock.advance(15 * MINUTE);
      await tick(app);
    }
    app.clock.advance(5 * MINUTE);
    await app.ok('alice', '/incident update INC-1 identified Found it');
    app.clock.advance(14 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL).at(-1)).toBe(
      '@alice: INC-1 is due a status update (SEV1: every 15 minutes). Last public update: 21:35 UTC, 15 minutes ago.' + REPLY,
    );
  });

  it('stops once the incident is resolved', async () => {
    const app = await declared('sev1');
    app.clock.advance(10 * MINUTE);
    await app.ok('alice', '/incident resolve INC-1 Fixed');
    app.clock.advance(60 * MINUTE);
    expect(await tick(app)).toBe(0);
    expect(reminders(app, CHANNEL)).toEqual([]);
  });
});

describe('snoozing', () => {
  it('holds the reminder back for the minutes asked, then reminds again and counts afresh', async () => {
    const app = await declared('sev1');
    await app.ok('alice', '/incident assign INC-1 comms @dana');
    for (let i = 0; i < 2; i++) {
      app.clock.advance(15 * MINUTE);
      await tick(app);
    }
    const snoozed = await app.ok('alice', '/incident snooze INC-1');
    expect(snoozed.text).toBe('Snoozed the status update reminders of INC-1 for 15 minutes, until 21:45 UTC.');
    app.clock.advance(14 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    expect(reminders(app, CHANNEL).at(-1)).toMatch(/^@alice: INC-1 is due a status update/);
    expect(reminders(app, CHANNEL).at(-1)).not.toContain('dana');
    app.clock.advance(15 * MINUTE);
    expect(await tick(app)).toBe(1);
  });

  it('takes minutes, and refuses a resolved incident', async () => {
    const app = await declared('sev2');
    expect((await app.ok('bob', '/incident snooze INC-1 45')).text).toBe('Snoozed the status update reminders of INC-1 for 45 minutes, until 21:45 UTC.');
    app.clock.advance(44 * MINUTE);
    expect(await tick(app)).toBe(0);
    app.clock.advance(1 * MINUTE);
    expect(await tick(app)).toBe(1);
    await app.ok('alice', '/incident resolve INC-1');
    const refused = await app.run('alice', '/incident snooze INC-1');
    expect(refused).toMatchObject({ ok: false, code: 'incident_resolved', text: 'INC-1 is resolved, so it gets no status update reminders to snooze.' });
  });
});
