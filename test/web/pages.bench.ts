/**
 * How long each public page takes with 1,000 incidents in the database, through HTTP:
 *   npx vitest bench --run test/web/pages.bench.ts            (PGlite)
 *   TEST_DATABASE_URL=postgres://… npx vitest bench --run test/web/pages.bench.ts
 * The budget is 50 ms a page; the tests check what the pages say (test/web/thousand.test.ts).
 */
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { resetDatabase, testDatabase } from '../support/db';
import { seedHistory } from './seed';
import { SIGNING_KEY, serve, testSettings, type Served } from './support';

const NOW = new Date('2026-05-27T12:00:00Z');
let served: Served;
let lastId = '';

beforeAll(async () => {
  const database = await testDatabase();
  await resetDatabase(database);
  const seeded = await seedHistory(database.db, NOW, 1000, 7);
  lastId = seeded.at(-1)!.id;
  served = await serve({ db: database.db, settings: testSettings(), clock: { now: () => NOW }, signingKey: SIGNING_KEY });
}, 120_000);
afterAll(() => served.close());

async function get(path: string): Promise<void> {
  const res = await served.get(path);
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  await res.arrayBuffer();
}

describe('1,000 incidents', () => {
  const options = { time: 2_000, warmupIterations: 3 };
  bench('GET / (status page)', () => get('/'), options);
  bench('GET /api/v2/summary.json', () => get('/api/v2/summary.json'), options);
  bench('GET /api/v2/incidents.json', () => get('/api/v2/incidents.json'), options);
  bench('GET /history.atom', () => get('/history.atom'), options);
  bench('GET /incidents/:id', () => get(`/incidents/${lastId}`), options);
});
