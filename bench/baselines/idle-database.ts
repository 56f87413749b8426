import { readFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';

/**
 * The idle-memory baseline: Node with Sitrep's database open as Sitrep opens it (PGlite with the
 * same settings, or a postgres.js pool), migrated, after one query, and nothing else. Bundled and
 * run with plain Node as Sitrep is (a TypeScript loader alone adds ~70 MB). Prints
 * `{"rssMb": …}` and exits.
 */
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: process.env.DATA_DIR });
await migrate(database);
await database.query('select 1', []);
const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
process.stdout.write(`${JSON.stringify({ rssMb: kb / 1024 })}\n`);
await database.close();
