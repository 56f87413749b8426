import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db';
import { silentLog, testApp } from '../../test/support/app';
import { MINUTE, reminders, tick } from '../../test/support/reminders';
import { housekeepingScheduler } from '../scheduler/scheduler';
import { rows } from './client';
import { historyPruner } from './prune-history';

const database = useTestDatabase();

async function deliveryStatuses(): Promise<string[]> {
  return rows<{ status: string }>(await database().db.execute(sql`select status from deliveries order by id`)).map((r) => r.status);
}

async function requestKeys(): Promise<string[]> {
  return rows<{ key: string }>(await database().db.execute(sql`select key from processed_requests order by key`)).map((r) => r.key);
}

/** An incident with delivered, parked and waiting messages and two request keys, all a month old. */
async function monthOldHistory() {
  const app = testApp(database(), { now: '2024-05-01T12:00:00Z' });
  await app.ok('alice', '/incident declare Checkout errors', { idempotencyKey: 'evt-old-1' });
  await app.ok('alice', '/incident note INC-1 rolled back', { idempotencyKey: 'evt-old-2' });
  app.platform.failNext(3, 'invalid_blocks', false);
  await app.run('alice', '/incident note INC-1 refused for good');
  for (let i = 0; i < 3; i++) {
    app.clock.advance(120_000);
    await app.worker.drain();
  }
  app.platform.failNext(1, 'service_unavailable', true);
  await app.run('alice', '/incident note INC-1 waiting for Slack');
  return app;
}

describe('history pruning', () => {
  it('deletes delivered messages and request keys older than the cut-off, and keeps parked and newer ones', async () => {
    const app = await monthOldHistory();
    const before = await deliveryStatuses();
    expect(before.filter((s) => s === 'parked')).toHaveLength(1);
    expect(before.filter((s) => s === 'pending')).toHaveLength(1);
    const delivered = before.filter((s) => s === 'done').length;
    app.clock.set('2024-06-15T12:00:00Z');
    await app.ok('alice', '/incident note INC-1 today', { idempotencyKey: 'evt-new' });

    const deleted = await historyPruner(database().db, { batch: 2 })(new Date('2024-06-01T00:00:00Z'));

    expect(deleted).toBe(delivered + 2);
    expect(await requestKeys()).toEqual(['evt-new']);
    // Left: the parked message, the one that waited a month and went out today, and today's note.
    expect((await deliveryStatuses()).sort()).toEqual(['done', 'done', 'parked']);
    expect((await app.run('alice', '/incident timeline INC-1')).text).toContain('rolled back');
    expect(await historyPruner(database().db, { batch: 2 })(new Date('2024-06-01T00:00:00Z'))).toBe(0);
  });

  it('forgets the reminders of incidents resolved long ago with nothing left open, and of no others', async () => {
    const app = testApp(database(), { now: '2024-05-01T12:00:00Z' });
    const reminded = async (title: string) => {
      await app.ok('alice', `/incident declare sev2 ${title}`);
      app.clock.advance(31 * MINUTE);
      expect(await tick(app)).toBe(1);
    };
    await reminded('Checkout errors');
    await app.ok('alice', '/incident resolve INC-1 Fixed.');
    await reminded('Search slow');
    await app.ok('alice', '/incident action INC-2 Add a search latency alert @bob');
    await app.ok('alice', '/incident resolve INC-2 Fixed.');
    await reminded('Login flaky');
    const ledger = async () =>
      rows<{ number: number }>(await database().db.execute(sql`select i.number from reminders_sent r join incidents i on i.id = r.incident_id order by i.number`)).map((r) => r.number);
    expect(await ledger()).toEqual([1, 2, 3]);

    // Within the reminder horizon (24 days by default) of the resolution, nothing goes.
    await historyPruner(database().db)(new Date('2024-05-20T00:00:00Z'));
    expect(await ledger()).toEqual([1, 2, 3]);
    // Past it: INC-1's go; INC-2 still has an open action and INC-3 is open.
    await historyPruner(database().db)(new Date('2024-06-15T00:00:00Z'));
    expect(await ledger()).toEqual([2, 3]);

    app.clock.set('2024-06-15T12:00:00Z');
    const before = reminders(app, '#inc-1-checkout-errors');
    await tick(app);
    expect(reminders(app, '#inc-1-checkout-errors')).toEqual(before);
  });

  it('keeps the reminders that could fall due again: a postmortem review is asked for once, however often it prunes', async () => {
    const app = testApp(database(), { now: '2024-05-01T12:00:00Z' });
    await app.ok('alice', '/incident declare sev4 Checkout errors');
    await app.ok('alice', '/incident resolve INC-1 Fixed.');
    const review = () => reminders(app, '#inc-1-checkout-errors', 'postmortem_review');
    for (let day = 1; day <= 20; day++) {
      app.clock.advance(24 * 60 * MINUTE);
      await tick(app);
      // The shortest retention there is: everything recorded before today.
      await historyPruner(database().db)(new Date(app.clock.now().getTime() - 24 * 60 * MINUTE));
    }
    expect(review()).toHaveLength(1);
  });

  it('runs on the clock with the configured retention, and not at all when it is 0', async () => {
    const app = await monthOldHistory();
    const prune = historyPruner(database().db);
    app.clock.set('2024-05-20T12:00:00Z');
    expect(await housekeepingScheduler(prune, 30, app.clock, silentLog).tick()).toBe(0);
    app.clock.set('2024-06-15T12:00:00Z');
    expect(await housekeepingScheduler(prune, 0, app.clock, silentLog).tick()).toBe(0);
    expect(await requestKeys()).toEqual(['evt-old-1', 'evt-old-2']);
    expect(await housekeepingScheduler(prune, 30, app.clock, silentLog).tick()).toBeGreaterThan(2);
    expect(await requestKeys()).toEqual([]);
    // What never went out stays, however old: the parked message and the one still waiting.
    expect(await deliveryStatuses()).toEqual(['parked', 'pending']);
  });
});
