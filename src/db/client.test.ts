import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, rows } from './client';
import { migrate, migrationsApplied } from './migrate';
import { incidents, processedRequests, timelineEntries, workspaces } from './schema';

const database = useTestDatabase();

describe('migrations', () => {
  it('are all applied, and applying them again changes nothing', async () => {
    const current = database();
    expect(await migrationsApplied(current)).toBe(true);
    await migrate(current);
    await migrate(current);
    expect(await migrationsApplied(current)).toBe(true);
    const [row] = rows<{ n: string | number }>(
      await current.db.execute(sql`select count(*) as n from drizzle.__drizzle_migrations`),
    );
    expect(Number(row!.n)).toBeGreaterThan(0);
  });
});

describe('transactions', () => {
  it('leave nothing behind when the callback throws', async () => {
    const { db } = database();
    const attempt = db.transaction(async (tx) => {
      await tx.insert(workspaces).values({ id: 'T1', lastIncidentNumber: 1 });
      const [row] = await tx
        .insert(incidents)
        .values({
          workspace: 'T1',
          number: 1,
          title: 'Checkout returns 502',
          severity: 'sev1',
          status: 'investigating',
          zone: 'UTC',
          startedAt: new Date(),
          declaredAt: new Date(),
          createdBy: { id: 'U1', name: 'Ada' },
        })
        .returning();
      await tx.insert(timelineEntries).values({
        incidentId: row!.id,
        occurredAt: new Date(),
        kind: 'declared',
        author: { id: 'U1', name: 'Ada' },
        source: 'console',
      });
      throw new Error('slack is down');
    });
    await expect(attempt).rejects.toThrow('slack is down');
    for (const table of [workspaces, incidents, timelineEntries]) {
      expect(await db.select({ n: count() }).from(table)).toEqual([{ n: 0 }]);
    }
  });

  it('commit what they wrote and return the callback result', async () => {
    const { db } = database();
    const key = await db.transaction(async (tx) => {
      const [row] = await tx.insert(processedRequests).values({ key: 'Ev123' }).returning();
      return row!.key;
    });
    expect(key).toBe('Ev123');
    expect(await db.select({ key: processedRequests.key }).from(processedRequests)).toEqual([{ key: 'Ev123' }]);
  });

  it('roll back with tx.rollback() and nested savepoints', async () => {
    const { db } = database();
    await db.transaction(async (tx) => {
      await tx.insert(processedRequests).values({ key: 'kept' });
      await tx
        .transaction(async (inner) => {
          await inner.insert(processedRequests).values({ key: 'dropped' });
          inner.rollback();
        })
        .catch(() => {});
    });
    expect(await db.select({ key: processedRequests.key }).from(processedRequests)).toEqual([{ key: 'kept' }]);
  });
});

describe('rows()', () => {
  it('normalises db.execute() results of either driver', async () => {
    const { db } = database();
    await db.insert(processedRequests).values([{ key: 'a' }, { key: 'b' }]);
    const result = await db.execute(
      sql`select key, count(*) over () as total, created_at from processed_requests order by key`,
    );
    const found = rows<{ key: string; total: string | number; created_at: string }>(result);
    expect(found.map((r) => [r.key, Number(r.total)])).toEqual([
      ['a', 2],
      ['b', 2],
    ]);
    expect(Number.isNaN(new Date(found[0]!.created_at).getTime())).toBe(false);
    expect(rows(await db.execute(sql`select 1 where false`))).toEqual([]);
    expect(() => rows({ nope: true })).toThrow(TypeError);
  });
});

describe('a long run of queries', () => {
  it('leaves the event loop free between them, so requests and timers are not kept waiting', async () => {
    const current = database();
    const started = performance.now();
    let timerAt = Infinity;
    setTimeout(() => {
      timerAt = performance.now();
    }, 0);
    for (let i = 0; i < 100; i++) {
      await current.db.execute(sql`select ${i}::int as n`);
      await current.query('select $1::int as n', [String(i)]);
      await current.db.transaction(async (tx) => tx.execute(sql`select ${i}::int as n`));
    }
    const endedAt = performance.now();
    expect(timerAt).toBeGreaterThan(started);
    expect(timerAt).toBeLessThan(endedAt);
  });
});

describe('embedded PGlite in a directory', () => {
  it('is created on first open, keeps its data when opened again, and runs with small shared buffers', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sitrep-pglite-'));
    try {
      const dataDir = join(parent, 'data');
      const first = await openDatabase({ dataDir });
      await migrate(first);
      await first.db.insert(workspaces).values({ id: 'T1', lastIncidentNumber: 7 });
      await first.close();
      const again = await openDatabase({ dataDir });
      expect(await again.db.select({ id: workspaces.id, last: workspaces.lastIncidentNumber }).from(workspaces)).toEqual([{ id: 'T1', last: 7 }]);
      expect(rows<{ shared_buffers: string }>(await again.db.execute(sql`show shared_buffers`))[0]!.shared_buffers).toBe('16MB');
      await again.close();
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('says which directory it could not create, and why', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'sitrep-pglite-'));
    try {
      const blocker = join(parent, 'file');
      writeFileSync(blocker, 'not a directory');
      await expect(openDatabase({ dataDir: join(blocker, 'data') })).rejects.toThrow(/^cannot create the PGlite data directory .*file\/data: /);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);
});
