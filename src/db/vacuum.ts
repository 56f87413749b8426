import { sql } from 'drizzle-orm';
import { rows, type Database } from './client';

/** What one round did to one table. */
export interface VacuumRun {
  table: string;
  /** VACUUM ran: dead rows reclaimed, the visibility map brought up to date. */
  vacuumed: boolean;
  /** The planner's statistics were gathered again. */
  analyzed: boolean;
  ms: number;
}

/**
 * Does for Sitrep's tables what PostgreSQL's autovacuum would, and when it would: PGlite runs
 * PostgreSQL in single-user mode, where autovacuum never starts. Left alone, its tables are never
 * analyzed, so the planner keeps planning from empty statistics (reading back a 100,000-entry
 * timeline, it sorted the rows on disk instead of following the index: 650 ms instead of 270), and
 * the dead rows of tables that are updated all the time (deliveries, incidents) are never reclaimed.
 *
 * The thresholds are the server's own `autovacuum_*` settings: a table is vacuumed once its dead
 * rows, or its rows inserted since its last vacuum, pass `threshold + scale factor × its rows`, and
 * analyzed once its rows changed since its last analyze do. On PGlite each statement holds the
 * event loop while it runs, and these thresholds keep that rare and in proportion to what changed.
 */
export async function vacuumWhereDue(database: Database): Promise<VacuumRun[]> {
  const due = rows<{ table: string; vacuum: boolean; analyze: boolean }>(
    await database.db.execute(sql`
      select s.relname as "table",
             s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
                            + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, 0)
          or current_setting('autovacuum_vacuum_insert_threshold')::float8 >= 0 -- -1 turns insert-driven vacuums off
             and s.n_ins_since_vacuum > current_setting('autovacuum_vacuum_insert_threshold')::float8
                                    + current_setting('autovacuum_vacuum_insert_scale_factor')::float8 * greatest(c.reltuples, 0) as vacuum,
             s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
                                     + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0) as analyze
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
       where s.schemaname = current_schema()
       order by s.relname`),
  );
  const done: VacuumRun[] = [];
  for (const { table, vacuum, analyze } of due) {
    if (!vacuum && !analyze) continue;
    const started = performance.now();
    const target = sql.identifier(table);
    await database.db.execute(vacuum ? (analyze ? sql`vacuum (analyze) ${target}` : sql`vacuum ${target}`) : sql`analyze ${target}`);
    done.push({ table, vacuumed: vacuum, analyzed: analyze, ms: Math.round(performance.now() - started) });
  }
  return done;
}
