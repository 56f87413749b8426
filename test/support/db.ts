/**
 * Integration-test databases. Every test file that touches the database does:
 *
 *   const database = useTestDatabase();            // top level or inside a describe
 *   it('…', async () => { const { db } = database(); … });
 *
 * which is `beforeAll(testDatabase)` + `beforeEach(resetDatabase)`: one migrated database
 * per vitest worker, emptied before every test.
 *
 * Default: PGlite in memory. Its ~3 s cold start is paid once per migration set: the
 * first worker dumps the migrated data dir to the OS temp dir and later workers load it
 * (~0.6 s). With `TEST_DATABASE_URL` set: a real PostgreSQL, one database per worker
 * (`sitrep_test_<pool id>`, recreated and migrated when the worker starts). A session
 * advisory lock on the name keeps two concurrent vitest runs out of each other's way.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { beforeAll, beforeEach } from 'vitest';
import { fromPglite, openDatabase, type Database } from '../../src/db/client';
import { migrate, MIGRATIONS_FOLDER } from '../../src/db/migrate';
import * as schema from '../../src/db/schema';

let cached: Promise<Database> | undefined;

/** The migrated database of this vitest worker (created on first use, then reused). */
export function testDatabase(): Promise<Database> {
  cached ??= create().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => `"${getTableName(table)}"`);

/** Empties every table and restarts identity sequences. */
export async function resetDatabase(database: Database): Promise<void> {
  await database.db.execute(sql.raw(`truncate table ${tables.join(', ')} restart identity cascade`));
}

/** Registers `beforeAll`/`beforeEach` hooks; call the returned function inside a test. */
export function useTestDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await testDatabase();
  });
  beforeEach(async () => {
    if (database) await resetDatabase(database);
  });
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database is only available inside tests');
    return database;
  };
}

async function create(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const database = url ? await openPostgres(url) : await openPglite();
  await migrate(database);
  return database;
}

let workerDatabaseUrl: string | undefined;

/**
 * The URL of this worker's PostgreSQL test database, for tests that start Sitrep in other
 * processes; undefined on PGlite (one process only). Call after `testDatabase()`.
 */
export function testDatabaseUrl(): string | undefined {
  return workerDatabaseUrl;
}

async function openPostgres(adminUrl: string): Promise<Database> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const pool = process.env.VITEST_POOL_ID ?? '0';
  let name = '';
  for (let n = 0; !name; n++) {
    const candidate = `sitrep_test_${pool}${n ? `_${n}` : ''}`;
    const [row] = await admin<{ locked: boolean }[]>`
      select pg_try_advisory_lock(hashtext(${candidate})) as locked`;
    if (row?.locked) name = candidate;
  }
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  workerDatabaseUrl = url.toString();
  const database = await openDatabase({ url: workerDatabaseUrl });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.end({ timeout: 5 });
    },
  };
}

const snapshotDir = join(tmpdir(), 'sitrep-test-pglite');

async function openPglite(): Promise<Database> {
  const hash = createHash('sha256')
    .update(readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash).join())
    .digest('hex')
    .slice(0, 16);
  const file = join(snapshotDir, `${hash}.tar`);
  const snapshot = await readFile(file).catch(() => undefined);
  if (snapshot) {
    try {
      return fromPglite(await PGlite.create({ loadDataDir: new Blob([snapshot]) }));
    } catch {
      await rm(file, { force: true });
    }
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  if (database.kind === 'pglite') await saveSnapshot(database.client, file);
  return database;
}

async function saveSnapshot(client: PGlite, file: string): Promise<void> {
  const dump = await client.dumpDataDir('none');
  await mkdir(snapshotDir, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  for (const other of await readdir(snapshotDir)) {
    if (other.endsWith('.tar') && join(snapshotDir, other) !== file) {
      await rm(join(snapshotDir, other), { force: true });
    }
  }
}
