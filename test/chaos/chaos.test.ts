import { describe, expect, it } from 'vitest';
import { testDatabase, testDatabaseUrl } from '../support/db';
import { databaseRestart, poisonMessage, processKilled, slackDown, twoInstances } from './fault-scenarios';

/**
 * The fault scenarios of `npm run chaos`, small: Sitrep runs in its own processes against a
 * fake Slack on 127.0.0.1. Several processes need PostgreSQL (TEST_DATABASE_URL); PGlite
 * belongs to one process, so those scenarios run only in the PostgreSQL pass.
 */
await testDatabase();
const databaseUrl = testDatabaseUrl();
const small = { databaseUrl, outageMs: 1_500, notes: 12 };

describe('fault scenarios', { timeout: 120_000 }, () => {
  it('Slack down: commands are answered and recorded; afterwards everything arrives once, in order, without a retry storm', async () => {
    const r = await slackDown(small);
    expect(r.acknowledged).toBe(small.notes);
    expect(r.recorded).toBe(small.notes);
    expect(r).toMatchObject({ delivered: small.notes, duplicates: 0, lost: 0, inOrder: true });
    expect(r.callsDuringOutage).toBeLessThan(12);
  });

  it('process killed mid-delivery: after a restart every fact is there and delivered, the summary edited not re-posted', async () => {
    const r = await processKilled(small);
    expect(r.recorded).toBe(small.notes);
    expect(r.lost).toBe(0);
    expect(r.duplicates).toBeLessThanOrEqual(1);
    expect(r.summaries).toBe(1);
  });

  it('poison message: parked after its attempts, shown by /incident doctor, the rest of the channel delivered', async () => {
    const r = await poisonMessage(small);
    expect(r.lost).toBe(0);
    expect(r.recorded).toBe(small.notes);
    expect(r.doctor).toContain('1 parked after failing for good');
    expect(r.doctor).toContain('last error invalid_blocks');
  });

  it.skipIf(!databaseUrl)('database restart: a clear "could not record" within 3 s during the outage, reconnects by itself, nothing acknowledged is lost', async () => {
    const r = await databaseRestart({ ...small, notes: 15, databaseUrl: databaseUrl! });
    expect(r.slowest).toBeLessThan(3_000);
    expect(r.refusals).toBeGreaterThan(0);
    expect(r.recovered).toBe(true);
    expect(r.recorded).toBe(r.acknowledged);
    expect(r).toMatchObject({ lost: 0, duplicates: 0 });
  });

  it.skipIf(!databaseUrl)('two instances on one PostgreSQL deliver every message exactly once between them', async () => {
    const r = await twoInstances({ ...small, notes: 30, databaseUrl: databaseUrl! });
    expect(r).toMatchObject({ acknowledged: 30, recorded: 30, delivered: 30, duplicates: 0, lost: 0 });
  });
});
