import { Agent } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ConsolePlatform } from '../../src/adapters/console/console-platform';
import { runCommand } from '../../src/app/run-command';
import { consoleDirectory } from '../../src/adapters/console/console-directory';
import { compose } from '../../src/compose';
import { openDatabase } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { spawnSitrep } from '../../test/chaos/sitrep-process';
import { FakeClock } from '../../test/support/app';
import { databaseEnv, figure, sitrepEntry, spawnPrintingPort, type BenchEnv, type Figure } from '../env';
import { load } from '../load';

const DAY = 86_400_000;

/**
 * History as the page will show it: incidents over the last year, each with updates and a
 * resolution, and every message about them delivered long ago, as a server's history would be.
 */
async function seed(db: Record<string, string>, incidents: number): Promise<void> {
  const database = await openDatabase({ url: db.DATABASE_URL, dataDir: db.DATA_DIR });
  await migrate(database);
  const clock = new FakeClock(new Date(Date.now() - 365 * DAY));
  const delivered = new Writable({ write: (_chunk, _encoding, done) => done() });
  const { deps, worker } = compose({
    database,
    platforms: new Map([['console', new ConsolePlatform(delivered)]]),
    directory: consoleDirectory,
    settings: {
      policies: { resolve: 'anyone', update: 'anyone' },
      defaultSeverity: 'sev3',
      defaultZone: 'UTC',
      components: ['Checkout API', 'Image CDN', 'Search', 'Login'],
      announcements: [],
    },
    log: pino({ level: 'silent' }),
    clock,
  });
  const step = (365 * DAY) / incidents;
  for (let i = 1; i <= incidents; i++) {
    const ctx = { actor: { id: 'u1', name: 'Bench', platform: 'console' as const, zone: 'UTC' }, workspace: 'bench', fallbackIncident: i };
    await runCommand(deps, `/incident declare sev${1 + (i % 4)} Incident number ${i}`, ctx);
    await runCommand(deps, `/incident impact ${['Checkout API', 'Image CDN', 'Search', 'Login'][i % 4]} ${['degraded', 'partial', 'major'][i % 3]}`, ctx);
    clock.advance(10 * 60_000);
    await runCommand(deps, '/incident update identified We found the cause and are fixing it.', ctx);
    clock.advance(20 * 60_000);
    if (i < incidents) await runCommand(deps, '/incident resolve Fixed.', ctx);
    clock.advance(step - 30 * 60_000);
  }
  await worker.drain();
  await database.close();
}

/**
 * The Statuspage-compatible API: /api/v2/summary.json with 1,000 incidents in history at
 * concurrency 32, against a bare node:http server answering the same bytes. Then a second
 * start on the same data, for the warm start-to-ready time.
 */
export async function statusApi(env: BenchEnv): Promise<Figure[]> {
  const incidents = env.quick ? 100 : 1_000;
  const total = env.quick ? 1_000 : 10_000;
  const db = await databaseEnv(env);
  await seed(db, incidents);
  const started = performance.now();
  const sitrep = await spawnSitrep({ ...db, COMPONENTS: 'Checkout API,Image CDN,Search,Login', LOG_LEVEL: 'info' }, 60_000, ['--server'], sitrepEntry());
  const warmMs = performance.now() - started;
  // Each client keeps the connections of its warm-up, as a poller or a browser on the page does:
  // a run that opened 32 connections at once measured their set-up in its slowest 1 %.
  const toApi = new Agent({ keepAlive: true, maxSockets: 32 });
  const toPage = new Agent({ keepAlive: true, maxSockets: 32 });
  const toBare = new Agent({ keepAlive: true, maxSockets: 32 });
  try {
    const body = await (await fetch(`http://127.0.0.1:${sitrep.port}/api/v2/summary.json`)).text();
    await load({ port: sitrep.port, path: '/api/v2/summary.json', method: 'GET', total: 500, concurrency: 32, agent: toApi });
    const ours = await load({ port: sitrep.port, path: '/api/v2/summary.json', method: 'GET', total, concurrency: 32, agent: toApi });
    // The page as browsers ask for it: they accept gzip. Its own code path (negotiating the
    // encoding, serving the cached copy) is still being compiled over its first ~2,000 requests.
    const browser = () => ({ body: '', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const pageRun = { port: sitrep.port, path: '/', method: 'GET', total: Math.floor(total / 5), concurrency: 32, build: browser, agent: toPage } as const;
    await load(pageRun);
    const page = await load(pageRun);
    const bare = await spawnPrintingPort('bench/baselines/static-server.ts', { BODY: body });
    try {
      await load({ port: bare.port, path: '/', method: 'GET', total: 500, concurrency: 32, agent: toBare });
      const base = await load({ port: bare.port, path: '/', method: 'GET', total, concurrency: 32, agent: toBare });
      return [
        figure(`status API summary.json (${incidents} incidents)`, ours.perSecond, 'req/s', '≥ 25 % of baseline', ours.perSecond >= 0.25 * base.perSecond && ours.errors === 0, base.perSecond),
        figure('status API summary.json p99', ours.p99Ms, 'ms', '≤ 50 ms', ours.p99Ms <= 50, base.p99Ms),
        figure('status page HTML p99', page.p99Ms, 'ms', '≤ 50 ms', page.p99Ms <= 50),
        figure(`start to ready (${db.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, warm)`, warmMs, 'ms', '≤ 3000 ms', warmMs <= 3_000),
      ];
    } finally {
      bare.stop();
    }
  } finally {
    for (const agent of [toApi, toPage, toBare]) agent.destroy();
    sitrep.child.kill('SIGTERM');
    await sitrep.exited;
  }
}
