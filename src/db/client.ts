import { PGlite } from '@electric-sql/pglite';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;

/**
 * The query builder repositories take. Both drivers produce one: write a repository once
 * against `Db` and it runs on PostgreSQL and on PGlite. A transaction (`Tx`) is a `Db` too.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

interface DatabaseBase {
  db: Db;
  /**
   * One fixed statement straight to the driver, prepared once and reused: for the few queries
   * on the hot path, where building SQL through the query builder costs more than running it.
   * Parameters are text (cast them in the SQL); rows come back as the driver parses them.
   */
  query<T extends Record<string, unknown>>(text: string, params: readonly (string | null)[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface PostgresDatabase extends DatabaseBase {
  kind: 'postgres';
  client: postgres.Sql;
}

export interface PgliteDatabase extends DatabaseBase {
  kind: 'pglite';
  client: PGlite;
}

/** An open database: the query builder, which engine runs it, and how to shut it down. */
export type Database = PostgresDatabase | PgliteDatabase;

export interface OpenDatabaseOptions {
  /** A PostgreSQL URL; when absent, an embedded PGlite is used. */
  url?: string;
  /** PGlite's data directory (default `./.data`); `memory://` keeps it in memory. */
  dataDir?: string;
  log?: { warn(msg: string): void };
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: 10,
      onnotice: () => {},
      connect_timeout: 5,
      idle_timeout: 30,
    });
    const db: Db = drizzlePostgres({ client, schema });
    return {
      kind: 'postgres',
      db,
      client,
      query: <T extends Record<string, unknown>>(text: string, params: readonly (string | null)[]) =>
        client.unsafe<T[]>(text, params as (string | null)[], { prepare: true }) as Promise<T[]>,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = opts.dataDir ?? './.data';
  if (!dataDir.startsWith('memory://')) {
    opts.log?.warn(
      `using embedded PGlite in ${dataDir}: one process only; set DATABASE_URL to share a PostgreSQL server`,
    );
  }
  if (!dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'))) await initPgliteDataDir(dataDir);
  return fromPglite(await PGlite.create({ dataDir, startParams: PGLITE_START }));
}

/**
 * PostgreSQL's default 128 MB of shared buffers is touched in full when PGlite starts, and is
 * most of its resident memory; Sitrep's working set fits in far less, and the operating system
 * caches the data files besides.
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates a PGlite data directory in a short-lived process of its own. Creating one (initdb)
 * takes ~500 MB that PGlite does not give back, which would otherwise stay with Sitrep until
 * it restarts; the first start pays ~0.1 s more for the second process.
 */
async function initPgliteDataDir(dataDir: string): Promise<void> {
  const script = `const { PGlite } = require(process.argv[1]);
PGlite.create({ dataDir: process.argv[2] }).then((db) => db.close()).catch((err) => {
  process.stderr.write(String((err && err.message) || err));
  process.exit(1);
});`;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['-e', script, pglite, dataDir], (err, _stdout, stderr) => {
      if (err) reject(new Error(`cannot create the PGlite data directory ${dataDir}: ${stderr.trim() || err.message}`));
      else resolve();
    });
  });
}

/** Wraps an already created PGlite (e.g. one loaded from a dump) as a `Database`. */
export function fromPglite(client: PGlite): PgliteDatabase {
  const fair = takingTurns(client);
  const db: Db = drizzlePglite({ client: fair, schema });
  return {
    kind: 'pglite',
    db,
    client,
    query: async <T extends Record<string, unknown>>(text: string, params: readonly (string | null)[]) =>
      (await fair.query<T>(text, params as (string | null)[])).rows,
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/**
 * PGlite runs inside this process and answers without waiting for any I/O, so a run of queries
 * (the delivery worker working off a backlog, say) is one unbroken chain of promise callbacks:
 * no request is read and no timer fires until it ends, which took 11 s for a backlog of 10,000
 * messages. Each query and transaction here first waits for the event loop's next turn, as it
 * would for a database across a network; queries inside a transaction go straight through.
 */
function takingTurns(client: PGlite): PGlite {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const query = (async (...args: Parameters<PGlite['query']>) => {
    await turn();
    return client.query(...args);
  }) as PGlite['query'];
  const transaction = (async (...args: Parameters<PGlite['transaction']>) => {
    await turn();
    return client.transaction(...args);
  }) as PGlite['transaction'];
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return query;
      if (prop === 'transaction') return transaction;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The rows of a `db.execute(sql`…`)` result, whichever driver ran it: postgres.js returns
 * an array of rows, PGlite an object with `rows`. Raw values are not mapped by the schema:
 * timestamps come back as strings on both, but `bigint`/`count(*)` is a string on
 * postgres.js and a number on PGlite, so wrap such values in `Number(…)`.
 */
export function rows<T extends Record<string, unknown> = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: T[] }).rows;
  }
  throw new TypeError('rows(): not a result of db.execute()');
}
