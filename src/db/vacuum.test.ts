import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';
import { rows } from './client';
import { vacuumWhereDue } from './vacuum';

const database = useTestDatabase();

interface TableStats {
  dead: number;
  changedSinceAnalyze: number;
  analyzed: boolean;
  estimatedRows: number;
}

async function timelineStats(): Promise<TableStats> {
  const [row] = rows<{ dead: number; changed: number; analyzed: boolean; estimated: number }>(
    await database().db.execute(sql`
      select s.n_dead_tup::int as dead, s.n_mod_since_analyze::int as changed,
             coalesce(s.last_analyze, s.last_autoanalyze) is not null as analyzed, c.reltuples::int as estimated
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
       where s.relname = 'timeline_entries'`),
  );
  return { dead: row!.dead, changedSinceAnalyze: row!.changed, analyzed: row!.analyzed, estimatedRows: row!.estimated };
}

/**
 * The table's statistics once they show what `holds` asks for: a server publishes what a session
 * did at most once a second, when the session is idle.
 */
async function timelineStatsOnce(holds: (stats: TableStats) => boolean): Promise<TableStats> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const stats = await timelineStats();
    if (holds(stats)) return stats;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the statistics never showed what was asked for: ${JSON.stringify(await timelineStats())}`);
}

/** Declares INC-1; returns its id. */
async function declaredIncident(app: ReturnType<typeof testApp>): Promise<string> {
  await app.ok('alice', '/incident declare Checkout errors');
  return rows<{ id: string }>(await database().db.execute(sql`select id from incidents`))[0]!.id;
}

async function addEntries(incidentId: string, count: number): Promise<void> {
  await database().db.execute(sql`
    insert into timeline_entries (incident_id, occurred_at, recorded_at, kind, author, body, data, source)
    select ${incidentId}, now(), now(), 'note', '{"id":"u1","name":"Alice"}', 'entry ' || g, '{}', 'slack'
      from generate_series(1, ${count}) as g`);
}

describe('vacuum where autovacuum would', () => {
  // On PostgreSQL autovacuum could get to the table first; these tests are about what Sitrep does.
  beforeEach(async () => {
    await database().db.execute(sql`alter table timeline_entries set (autovacuum_enabled = false)`);
  });
  afterEach(async () => {
    await database().db.execute(sql`alter table timeline_entries reset (autovacuum_enabled)`);
  });

  it('vacuums and analyzes a table once enough of it changed, and leaves small changes for later', async () => {
    const id = await declaredIncident(testApp(database()));
    await addEntries(id, 2_000);
    await database().db.execute(sql`delete from timeline_entries where body like 'entry %' and body::text ~ '[13579]$'`);
    await timelineStatsOnce((s) => s.dead >= 1_000 && s.changedSinceAnalyze >= 3_000);

    const runs = await vacuumWhereDue(database());

    expect(runs).toContainEqual(expect.objectContaining({ table: 'timeline_entries', vacuumed: true, analyzed: true }));
    const after = await timelineStats();
    expect(after).toMatchObject({ dead: 0, changedSinceAnalyze: 0, analyzed: true });
    // The planner now knows how many entries there are (the declaration's own and the 1,000 kept).
    const live = Number(rows<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from timeline_entries`))[0]!.n);
    expect(after.estimatedRows).toBe(live);

    // Ten more entries are far under 50 + 10 % of the table: nothing to do until more change.
    await addEntries(id, 10);
    await timelineStatsOnce((s) => s.changedSinceAnalyze >= 10);
    expect((await vacuumWhereDue(database())).map((r) => r.table)).not.toContain('timeline_entries');
  });

  it('runs on its own only on PGlite, where autovacuum does not', async () => {
    const app = testApp(database());
    if (database().kind === 'postgres') {
      expect(app.vacuum).toBeNull();
      return;
    }
    const id = await declaredIncident(app);
    await addEntries(id, 500);
    await timelineStatsOnce((s) => s.changedSinceAnalyze >= 500);
    expect(await app.vacuum!.tick()).toBeGreaterThanOrEqual(1);
    expect(await timelineStats()).toMatchObject({ changedSinceAnalyze: 0, analyzed: true });
  });
});
