import { Agent } from 'node:http';
import { spawnSitrep } from '../../test/chaos/sitrep-process';
import { FakeSlack } from '../../test/support/fake-slack/server';
import { signSlackRequest, slashCommandBody } from '../../test/support/fake-slack/signing';
import { databaseEnv, figure, rssMb, runBundled, sitrepEntry, spawnPrintingPort, type BenchEnv, type Figure } from '../env';
import { combined, load, type LoadResult } from '../load';

const SECRET = 'bench-signing-secret';

function slashNote(channel: string) {
  return (i: number) => {
    const body = slashCommandBody({ text: `note bench note ${i}`, channel_id: channel, user_id: 'U0ALICE001' });
    return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, SECRET) } };
  };
}

/** Rounds the load is split into, Sitrep's and the baseline's taking turns. */
const ROUNDS = 5;
/**
 * Requests each side serves before anything is measured. Both servers and the load generator
 * run JIT-compiled code: on the 2-core machines we test on, each side's CPU per request keeps
 * falling over its first ~3,000 requests (the bare server's from 0.43 to 0.11–0.19 ms, Sitrep's
 * from 0.9 to 0.3–0.4 ms), and a server that has been up for a while is past that.
 */
const WARMUP_ROUNDS = 3;

/**
 * Command ingest: signed `/incident note` slash commands at concurrency 32 against the real
 * server (its own process), and the same load against a bare node:http server that verifies
 * the same signature and inserts the same row. The two take turns, a fifth of the load each
 * time, so a machine that slows down or speeds up during the run weighs on both alike; before
 * each of the baseline's turns, Sitrep has posted every note so far to the fake Slack, so the
 * baseline has the machine to itself. Also reports the server's start and memory; the idle
 * memory's baseline is Node with the same database open and nothing else.
 */
export async function ingest(env: BenchEnv): Promise<Figure[]> {
  const total = env.quick ? 500 : 5_000;
  // Measured first, on a database of its own (a PGlite directory Sitrep's start must still create).
  const bareIdle = (JSON.parse(await runBundled('bench/baselines/idle-database.ts', await databaseEnv(env))) as { rssMb: number }).rssMb;
  const slack = await FakeSlack.start({ botToken: 'xoxb-bench' });
  const db = await databaseEnv(env);
  const started = performance.now();
  const sitrep = await spawnSitrep({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, LOG_LEVEL: 'info', ...db }, 30_000, [], sitrepEntry());
  const readyMs = performance.now() - started;
  try {
    const idle = await rssMb(sitrep.child.pid!);
    const declare = slashCommandBody({ text: 'declare Bench incident', user_id: 'U0ALICE001' });
    await fetch(`http://127.0.0.1:${sitrep.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(declare, SECRET) },
      body: declare,
    });
    const deadline = Date.now() + 10_000;
    while (!slack.channelByName('inc-1-bench-incident') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const channel = slack.channelByName('inc-1-bench-incident')!.id;
    const bare = await spawnPrintingPort('bench/baselines/ingest-server.ts', { SLACK_SIGNING_SECRET: SECRET, ...db });
    try {
      const round = Math.ceil(total / ROUNDS);
      const warmups = env.quick ? 1 : WARMUP_ROUNDS;
      let sent = 0;
      const posted = () => slack.channelByName('inc-1-bench-incident')!.messages.filter((m) => m.text?.includes('bench note')).length;
      const oursRuns: LoadResult[] = [];
      const baseRuns: LoadResult[] = [];
      // Each side keeps its connections from one turn to the next, as Slack's would.
      const toSitrep = new Agent({ keepAlive: true, maxSockets: 32 });
      const toBare = new Agent({ keepAlive: true, maxSockets: 32 });
      for (let i = 0; i < warmups + ROUNDS; i++) {
        const ours = await load({ port: sitrep.port, path: '/slack/events', total: round, concurrency: 32, build: slashNote(channel), agent: toSitrep });
        sent += round;
        const drained = Date.now() + 120_000;
        while (posted() < sent && Date.now() < drained) await new Promise((r) => setTimeout(r, 50));
        const base = await load({ port: bare.port, path: '/', total: round, concurrency: 32, build: slashNote('C1'), agent: toBare });
        if (i < warmups) continue;
        oursRuns.push(ours);
        baseRuns.push(base);
      }
      toSitrep.destroy();
      toBare.destroy();
      const ours = combined(oursRuns);
      const base = combined(baseRuns);
      const afterIngest = await rssMb(sitrep.child.pid!);
      return [
        figure('command ingest throughput', ours.perSecond, 'req/s', '≥ 50 % of baseline', ours.perSecond >= 0.5 * base.perSecond && ours.errors === 0, base.perSecond),
        figure('command ingest ack p50', ours.p50Ms, 'ms', 'reported', null, base.p50Ms),
        figure('command ingest ack p99', ours.p99Ms, 'ms', '≤ 50 ms', ours.p99Ms <= 50, base.p99Ms),
        figure(`start to ready (${db.DATABASE_URL ? 'PostgreSQL' : 'PGlite, cold'})`, readyMs, 'ms', '≤ 3000 ms warm', db.DATABASE_URL ? readyMs <= 3_000 : null),
        figure('resident memory idle', idle, 'MB', '≤ 200 MB', idle <= 200, bareIdle),
        figure('resident memory after ingest', afterIngest, 'MB', 'reported', null),
      ];
    } finally {
      bare.stop();
    }
  } finally {
    sitrep.child.kill('SIGTERM');
    await sitrep.exited;
    await slack.stop();
  }
}
