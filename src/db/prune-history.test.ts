import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase, testDatabase } from '../../test/support/db';
import { silentLog, testApp } from '../../test/support/app';
import { housekeepingScheduler } from '../scheduler/scheduler';
import { rows, type Database } from './client';
import { historyPruner } from './prune-history';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});

async function deliveryStatuses(): Promise<string[]> {
  return rows<{ status: string }>(await database.db.execute(sql`select status from deliveries order by id`)).map((r) => r.status);
}

async function requestKeys(): Promise<string[]> {
  return rows<{ key: string }>(await database.db.execute(sql`select key from processed_requests order by key`)).map((r) => r.key);
}

/** An incident with delivered, parked and waiting messages and two request keys, all a month old. */
async function monthOldHistory() {
  const app = testApp(database, { now: '2024-05-01T12:00:00Z' });
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

    const deleted = await historyPruner(database.db, 2)(new Date('2024-06-01T00:00:00Z'));

    expect(deleted).toBe(delivered + 2);
    expect(await requestKeys()).toEqual(['evt-new']);
    // Left: the parked message, the one that waited a month and went out today, and today's note.
    expect((await deliveryStatuses()).sort()).toEqual(['done', 'done', 'parked']);
    expect((await app.run('alice', '/incident timeline INC-1')).text).toContain('rolled back');
    expect(await historyPruner(database.db, 2)(new Date('2024-06-01T00:00:00Z'))).toBe(0);
  });

  it('runs on the clock with the configured retention, and not at all when it is 0', async () => {
    const app = await monthOldHistory();
    const prune = historyPruner(database.db);
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
