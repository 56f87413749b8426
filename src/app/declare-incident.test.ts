import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rows } from '../db/client';
import { resetDatabase, testDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});

async function count(table: string): Promise<number> {
  const [row] = rows<{ n: number | string }>(await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
  return Number(row?.n ?? 0);
}

describe('declaring an incident', () => {
  it('numbers incidents per workspace, opens a conversation, pins a summary and announces it', async () => {
    const app = testApp(database);
    const first = await app.ok('alice', '/incident declare sev2 Product images fail to load');
    expect(first.text).toBe('Declared INC-1 (sev2): Product images fail to load. You are the commander; "/incident lead @someone" hands over.');
    const second = await app.ok('bob', '/incident declare Checkout slow');
    expect(second.incident).toBe(2);
    const other = await app.run('carol', '/incident declare Other team', { workspace: 'T-other' });
    expect(other.incident).toBe(1);

    const opened = app.platform.calls.filter((c) => c.op === 'open').map((c) => c.conversation);
    expect(opened).toEqual(['#inc-1-product-images-fail-to-load', '#inc-2-checkout-slow', '#inc-1-other-team']);
    const channel = app.platform.to('#inc-1-product-images-fail-to-load');
    expect(channel[0]?.text).toContain('INC-1 · SEV2 · Investigating — Product images fail to load');
    expect(channel[0]?.text).toContain('Commander: alice');
    const announcements = app.platform.to('#announcements').map((c) => c.text);
    expect(announcements[0]).toBe(
      'INC-1 declared by alice (SEV2): Product images fail to load. Follow it in #inc-1-product-images-fail-to-load.',
    );
    expect(announcements[1]).toContain('INC-2 declared by bob (SEV3): Checkout slow.');
  });

  it('back-dates the start with "at" and shows the incident in the zone it names', async () => {
    const app = testApp(database, { now: '2024-05-31T22:00:00Z' });
    await app.ok('alice', '/incident declare sev2 at 2024-05-31 14:23 America/Los_Angeles Images fail');
    const summary = app.platform.to('#inc-1-images-fail')[0]?.text;
    expect(summary).toContain('Started 31 May 2024, 14:23 PDT');
  });

  it('reads a zone-less time in the declarer\'s zone, the most recent past occurrence', async () => {
    const app = testApp(database, { now: '2024-05-31T06:00:00Z' });
    await app.ok('alice', '/incident declare at 23:30 Late night outage', { zone: 'Europe/Paris' });
    expect(app.platform.to('#inc-1-late-night-outage')[0]?.text).toContain('Started 30 May 2024, 23:30 CEST');
  });

  it('refuses a start in the future and writes nothing', async () => {
    const app = testApp(database, { now: '2024-05-31T12:00:00Z' });
    const result = await app.run('alice', '/incident declare at 2024-06-01 09:00 UTC Tomorrow');
    expect(result.ok).toBe(false);
    expect(result.code).toBe('future_time');
    expect(await count('incidents')).toBe(0);
    expect(await count('deliveries')).toBe(0);
    const next = await app.ok('alice', '/incident declare Real one');
    expect(next.incident).toBe(1);
  });

  it('keeps a private incident out of the announcements and out of strangers\' sight', async () => {
    const app = testApp(database);
    await app.ok('alice', '/incident declare private sev1 Suspected breach');
    expect(app.platform.to('#announcements')).toEqual([]);
    const stranger = await app.run('mallory', '/incident note INC-1 hello');
    expect(stranger).toMatchObject({ ok: false, code: 'incident_not_found' });
    expect((await app.run('mallory', '/incident list')).text).toBe('No open incidents.');
    expect((await app.run('alice', '/incident list')).text).toContain('INC-1 · SEV1 · Investigating — Suspected breach');
    await app.ok('alice', '/incident assign INC-1 scribe @bob');
    expect((await app.run('bob', '/incident note INC-1 bob was invited')).ok).toBe(true);
  });

  it('gives parallel declarations distinct numbers', async () => {
    const app = testApp(database);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => app.run(`u${i}`, `/incident declare Parallel ${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.incident).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('stores where the declaration was typed with the request to open its conversation, so any instance can open it there later', async () => {
    const app = testApp(database);
    const origin = { kind: 'channel', channelId: '19:general@thread.tacv2', serviceUrl: 'https://smba.example/teams/' };
    await app.run('alice', '/incident declare From a channel', { origin });
    const [row] = rows<{ payload: unknown }>(await database.db.execute(sql`select payload from deliveries where op = 'open'`));
    const payload = typeof row?.payload === 'string' ? JSON.parse(row.payload) : row?.payload;
    expect(payload).toMatchObject({ origin, members: ['alice'], incident: { number: 1, title: 'From a channel' } });
  });

  it('processes a repeated request once', async () => {
    const app = testApp(database);
    const once = await app.run('alice', '/incident declare Retried', { idempotencyKey: 'evt-1' });
    const twice = await app.run('alice', '/incident declare Retried', { idempotencyKey: 'evt-1' });
    expect(once.ok && !once.duplicate).toBe(true);
    expect(twice.duplicate).toBe(true);
    expect(await count('incidents')).toBe(1);
  });
});
