import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app';
import { useTestDatabase } from '../../../test/support/db';
import { MINUTE, reminders, tick } from '../../../test/support/reminders';
import { rows } from '../../db/client';

const database = useTestDatabase();

async function count(query: string): Promise<number> {
  const [row] = rows<{ n: number | string }>(await database().db.execute(sql.raw(query)));
  return Number(row?.n ?? 0);
}

/** Reminders queued in the outbox, whichever instance queued them. */
const queuedReminders = () => count(`select count(*) as n from deliveries where payload->'message'->>'type' = 'reminder'`);

describe('every due reminder is sent exactly once', () => {
  it('after a restart, sends a reminder that fell due while the process was down once, not once per missed cadence', async () => {
    const before = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await before.ok('alice', '/incident declare sev1 Checkout errors');
    // The process stops at 21:00; it comes back at 21:50, past the 21:15, 21:30 and 21:45 reminders.
    const after = testApp(database(), { now: '2024-05-31T21:50:00Z' });
    expect(await tick(after)).toBe(1);
    expect(await tick(after)).toBe(0);
    expect(reminders(after, '#inc-1-checkout-errors')).toEqual([
      '@alice: INC-1 is due a status update (SEV1: every 15 minutes). Last public update: none yet (declared 21:00 UTC, 50 minutes ago).' +
        '\n(reply: /incident update … or /incident snooze INC-1)',
    ]);
    // The cadence goes on from the reminder sent, not from the ones missed.
    after.clock.set('2024-05-31T21:59:00Z');
    expect(await tick(after)).toBe(0);
    after.clock.set('2024-05-31T22:00:00Z');
    expect(await tick(after)).toBe(1);
    expect(await queuedReminders()).toBe(2);
  });

  it('does not send again what the previous process sent just before it stopped', async () => {
    const before = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await before.ok('alice', '/incident declare sev1 Checkout errors');
    before.clock.set('2024-05-31T21:15:00Z');
    expect(await before.scheduler.tick()).toBe(1);
    // Stopped before the worker delivered it: the new process delivers it once and sends nothing new.
    const after = testApp(database(), { now: '2024-05-31T21:16:00Z' });
    expect(await tick(after)).toBe(0);
    expect(reminders(after, '#inc-1-checkout-errors')).toHaveLength(1);
    expect(await queuedReminders()).toBe(1);
  });

  it('with two instances ticking at once on the same database, queues each due reminder once', async () => {
    const one = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    const two = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    for (const title of ['Checkout errors', 'Search slow', 'Login fails']) await one.ok('alice', `/incident declare sev1 ${title}`);
    await one.ok('alice', '/incident unassign INC-3 commander');
    let queued = 0;
    for (let minute = 5; minute <= 60; minute += 5) {
      for (const app of [one, two]) app.clock.set(new Date(Date.parse('2024-05-31T21:00:00Z') + minute * MINUTE).toISOString());
      const [a, b] = await Promise.all([one.scheduler.tick(), two.scheduler.tick()]);
      queued += a + b;
    }
    // Three incidents × four 15-minute reminders, and one nudge for the incident without a commander.
    expect(queued).toBe(13);
    expect(await queuedReminders()).toBe(13);
    expect(await count(`select count(*) as n from reminders_sent`)).toBe(13);
    expect(await count(`select count(*) as n from (select incident_id, kind, due_at from reminders_sent group by 1, 2, 3 having count(*) > 1) d`)).toBe(0);
  });

  it('lets only one of two transactions record the same reminder, even without the scheduler lock', async () => {
    const app = testApp(database(), { now: '2024-05-31T21:00:00Z' });
    await app.ok('alice', '/incident declare sev1 Checkout errors');
    const [incident] = rows<{ id: string }>(await database().db.execute(sql`select id from incidents`));
    const key = { incidentId: incident!.id, kind: 'update_due' as const, subject: 0, dueAt: new Date('2024-05-31T21:15:00Z') };
    const record = () => app.deps.store.transaction((tx) => tx.followUp.recordReminder(key, new Date('2024-05-31T21:15:00Z')));
    expect((await Promise.all([record(), record()])).sort()).toEqual([false, true]);
  });
});
