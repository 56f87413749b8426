import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type Database } from './client';
import { migrate, migrationsApplied } from './migrate';
import { sql } from 'drizzle-orm';

const adminUrl = process.env.TEST_DATABASE_URL;
const opened: Database[] = [];
afterAll(async () => {
  await Promise.all(opened.map((d) => d.close()));
});

const tableCount = async (database: Database): Promise<number> => {
  const [row] = rows<{ n: string | number }>(
    await database.db.execute(
      sql`select count(*) as n from information_schema.tables where table_schema = 'public'`,
    ),
  );
  return Number(row!.n);
};

describe('migrate() on an empty database', () => {
  it.skipIf(adminUrl)('creates every table on PGlite, and a second run is a no-op', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    opened.push(database);
    expect(await migrationsApplied(database)).toBe(false);
    await migrate(database);
    await migrate(database);
    expect(await migrationsApplied(database)).toBe(true);
    expect(await tableCount(database)).toBe(10);
  });

  it.runIf(adminUrl)('lets processes that start together on PostgreSQL all succeed', async () => {
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    const name = `sitrep_test_migrate_${process.pid}`;
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    try {
      const url = new URL(adminUrl!);
      url.pathname = `/${name}`;
      const starting = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url: url.toString() })),
      );
      opened.push(...starting);
      expect(await migrationsApplied(starting[0]!)).toBe(false);
      await Promise.all(starting.map((d) => migrate(d)));
      await migrate(starting[0]!);
      expect(await migrationsApplied(starting[1]!)).toBe(true);
      expect(await tableCount(starting[2]!)).toBe(10);
      await Promise.all(starting.map((d) => d.close()));
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
