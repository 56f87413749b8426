import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows, type Database } from '../db/client';
import { outboxRepository } from '../db/outbox-repository';
import { resetDatabase, testDatabase } from '../../test/support/db';
import { silentLog, testApp } from '../../test/support/app';
import type { OutboxStore } from '../app/ports';
import { DeliveryWorker } from './worker';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});

async function statuses(): Promise<Record<string, number>> {
  const result = rows<{ status: string; n: number }>(
    await database.db.execute(sql`select status, count(*)::int as n from deliveries group by status`),
  );
  return Object.fromEntries(result.map((r) => [r.status, Number(r.n)]));
}

describe('delivery worker', () => {
  it('keeps a conversation in order while a message waits for retry, and lets other conversations through', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare First');
    await app.ok('alice', '/incident declare Second');
    app.platform.failNext(1, 'service_unavailable', true);
    await app.run('alice', '/incident note INC-1 one');
    await app.run('alice', '/incident note INC-1 two');
    await app.run('alice', '/incident note INC-2 other');
    const first = app.platform.to('#inc-1-first').map((c) => c.text);
    expect(first.some((t) => t.endsWith('noted: one') || t.endsWith('noted: two'))).toBe(false);
    expect(app.platform.to('#inc-2-second').some((c) => c.text.endsWith('noted: other'))).toBe(true);

    app.clock.advance(60_000);
    await app.worker.drain();
    const notes = app.platform.to('#inc-1-first').filter((c) => c.message?.type === 'notice').map((c) => c.text);
    expect(notes).toEqual(['21:00 UTC alice noted: one', '21:00 UTC alice noted: two']);
  });

  it('holds the announcement of a new incident until its channel exists, so the link is never missing', async () => {
    const app = testApp(database);
    app.platform.failNext(1, 'service_unavailable', true);
    await app.ok('alice', '/incident declare Link me');
    expect(app.platform.to('#announcements')).toEqual([]);
    app.clock.advance(60_000);
    await app.worker.drain();
    expect(app.platform.to('#announcements').map((c) => c.text)).toEqual([
      'INC-1 declared by alice (SEV3): Link me. Follow it in #inc-1-link-me.',
    ]);
  });

  it('stops hammering a platform that is down: a probe per cooldown instead of a retry per message', async () => {
    const app = testApp(database);
    app.platform.failNext(10_000, 'http_503', true);
    for (let i = 0; i < 20; i++) await app.run('alice', `/incident declare Outage ${i}`);
    // Ten minutes of a platform that is down, looked at every 5 seconds.
    for (let t = 0; t < 120; t++) {
      app.clock.advance(5_000);
      await app.worker.drain();
    }
    expect(app.platform.tries).toBeLessThan(25);
    app.platform.recover();
    for (let t = 0; t < 30 && app.platform.calls.filter((c) => c.op === 'open').length < 20; t++) {
      app.clock.advance(60_000);
      await app.worker.drain();
    }
    expect(app.platform.calls.filter((c) => c.op === 'open')).toHaveLength(20);
    expect(app.platform.to('#announcements')).toHaveLength(20);
  });

  it('waits at least as long as the platform asks (Retry-After) before trying again', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare Throttled');
    app.platform.failNext(1, 'ratelimited', true, 30_000);
    await app.run('alice', '/incident note INC-1 slow down');
    app.clock.advance(29_000);
    await app.worker.drain();
    expect(app.platform.to('#inc-1-throttled').some((c) => c.text.endsWith('slow down'))).toBe(false);
    app.clock.advance(1_000);
    await app.worker.drain();
    expect(app.platform.to('#inc-1-throttled').some((c) => c.text.endsWith('slow down'))).toBe(true);
  });

  it('parks a message the platform keeps refusing and delivers the rest of the conversation', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare Poison');
    app.platform.failNext(3, 'invalid_blocks', false);
    await app.run('alice', '/incident note INC-1 poison');
    await app.run('alice', '/incident note INC-1 after');
    for (let i = 0; i < 3; i++) {
      app.clock.advance(120_000);
      await app.worker.drain();
    }
    const notes = app.platform.to('#inc-1-poison').filter((c) => c.message?.type === 'notice').map((c) => c.text);
    expect(notes).toEqual(['21:00 UTC alice noted: after']);
    expect(await statuses()).toMatchObject({ parked: 1 });
    const [parked] = rows<{ last_error: string; attempts: number }>(
      await database.db.execute(sql`select last_error, attempts from deliveries where status = 'parked'`),
    );
    expect(parked).toMatchObject({ last_error: 'invalid_blocks', attempts: 3 });
    expect((await app.run('alice', '/incident doctor')).text).toBe(
      [
        '0 messages waiting to be delivered; 1 parked after failing for good.',
        '• console #inc-1-poison: parked after 3 attempts, last error invalid_blocks (queued 6 minutes ago)',
      ].join('\n'),
    );
  });

  it('says all is well when nothing is waiting', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare Healthy');
    expect((await app.run('alice', '/incident doctor')).text).toBe('Every message has been delivered; nothing is waiting or parked.');
  });

  it('claims a delivery again once the lease of a worker that died has run out', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare Lease');
    await app.run('alice', '/incident note INC-1 claimed then lost');
    const outbox = outboxRepository(database.db);
    // Undo delivery of the last note, then claim it as a worker that dies before settling it.
    await database.db.execute(sql`update deliveries set status = 'pending', done_at = null, attempts = 0 where id = (select max(id) from deliveries)`);
    const lost = await outbox.claim(app.clock.now(), 10, 60_000);
    expect(lost).toHaveLength(1);
    expect(await outbox.claim(app.clock.now(), 10, 60_000)).toHaveLength(0);
    app.clock.advance(61_000);
    const again = await outbox.claim(app.clock.now(), 10, 60_000);
    expect(again.map((d) => d.id)).toEqual(lost.map((d) => d.id));
    expect(again[0]?.attempts).toBe(2);
  });

  it('does not send a message twice when the database drops while it is being marked sent, even past the lease', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare Blip');
    app.platform.failNext(1, 'service_unavailable', true);
    await app.run('alice', '/incident note INC-1 exactly once');
    const real = outboxRepository(database.db);
    let databaseDown = true;
    const outbox: OutboxStore = {
      ...real,
      complete: async (ids, now) => {
        if (databaseDown) throw new Error('Connection terminated unexpectedly');
        await real.complete(ids, now);
      },
    };
    const worker = new DeliveryWorker(outbox, new Map([[app.platform.name, app.platform]]), app.clock, silentLog, { leaseMs: 2_000 });
    app.clock.advance(60_000);
    await expect(worker.tick()).rejects.toThrow('Connection terminated');
    app.clock.advance(10_000);
    await expect(worker.tick()).rejects.toThrow('Connection terminated');
    databaseDown = false;
    app.clock.advance(10_000);
    await worker.drain();
    const noted = app.platform.to('#inc-1-blip').filter((c) => c.text.endsWith('noted: exactly once'));
    expect(noted).toHaveLength(1);
    expect(await statuses()).toEqual({ done: expect.any(Number) });
  });
});
