import postgres from 'postgres';
import { databaseRestart, poisonMessage, processKilled, slackDown, twoInstances } from '../test/chaos/fault-scenarios';
import type { ChaosEnv, ScenarioResult } from '../test/chaos/scenarios';

/**
 * `npm run chaos [-- --quick]`: the fault scenarios against Sitrep processes on this machine,
 * a fake Slack on 127.0.0.1 and a PostgreSQL database (CHAOS_DATABASE_URL, default a
 * `sitrep_chaos` database on 127.0.0.1:5432, created if missing). One line per scenario;
 * exits 1 if any scenario lost a message.
 */
const quick = process.argv.includes('--quick');
const adminUrl = process.env.CHAOS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sitrep_chaos';

async function ensureDatabase(url: string): Promise<string | undefined> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${name}`;
    if (!row?.n) await sql.unsafe(`create database "${name}"`);
    return url;
  } catch (err) {
    process.stdout.write(`PostgreSQL not reachable (${(err as Error).message}); scenarios with several processes are skipped.\n`);
    return undefined;
  } finally {
    await sql.end({ timeout: 3 });
  }
}

function line(r: ScenarioResult): string {
  return [
    r.name.padEnd(17),
    `load: ${r.load}`,
    `faults: ${r.faults}`,
    `recorded ${r.recorded}/${r.acknowledged} acknowledged`,
    `delivered ${r.delivered}`,
    `duplicates ${r.duplicates}`,
    `lost ${r.lost}`,
    r.detail,
  ]
    .filter(Boolean)
    .join(' | ');
}

async function main(): Promise<void> {
  const databaseUrl = await ensureDatabase(adminUrl);
  const env: ChaosEnv = { databaseUrl, outageMs: quick ? 2_000 : 60_000, notes: quick ? 12 : 100 };
  const scenarios: [string, () => Promise<ScenarioResult>][] = [
    ['slack-down', () => slackDown(env)],
    ['process-killed', () => processKilled(env)],
    ['poison-message', () => poisonMessage(env)],
  ];
  if (databaseUrl) {
    scenarios.push(['database-restart', () => databaseRestart({ ...env, databaseUrl })]);
    scenarios.push(['two-instances', () => twoInstances({ ...env, databaseUrl })]);
  }
  let lost = 0;
  for (const [name, run] of scenarios) {
    try {
      const result = await run();
      lost += Math.max(0, result.lost);
      process.stdout.write(`${line(result)}\n`);
    } catch (err) {
      lost += 1;
      process.stdout.write(`${name.padEnd(17)} | failed to run: ${(err as Error).message.split('\n')[0]}\n`);
    }
  }
  process.exit(lost === 0 ? 0 : 1);
}

void main();
