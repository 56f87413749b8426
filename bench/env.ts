import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import postgres from 'postgres';
import { FROM_BUILD } from '../test/chaos/sitrep-process';

/** One figure of the benchmark, as printed and as written to bench/out/latest.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
}

export interface BenchEnv {
  quick: boolean;
  /** PostgreSQL for Sitrep and the baselines; undefined → PGlite. */
  databaseUrl?: string;
}

export function figure(name: string, value: number, unit: string, target: string, met: boolean | null, baseline: number | null = null): Figure {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, value: round(value), unit, baseline: baseline === null ? null : round(baseline), ratio: baseline ? round(value / baseline) : null, target, met };
}

/** Sitrep's database settings for a child process: the PostgreSQL database emptied, or a fresh PGlite directory. */
export async function databaseEnv(env: BenchEnv): Promise<Record<string, string>> {
  if (!env.databaseUrl) return { DATA_DIR: mkdtempSync(join(tmpdir(), 'sitrep-bench-')) };
  const sql = postgres(env.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ tablename: string }[]>`select tablename from pg_tables where schemaname = 'public'`;
    if (tables.length) await sql.unsafe(`truncate ${tables.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { DATABASE_URL: env.databaseUrl };
}

/** Starts a TypeScript program as a child process that prints its port on its first line of stdout. */
export function spawnPrintingPort(script: string, env: Record<string, string>): Promise<{ port: number; stop(): void; pid: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /^(\d+)\n/.exec(out);
      if (m) resolve({ port: Number(m[1]), pid: child.pid!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

/** Resident memory of a process in MB, from /proc. */
export async function rssMb(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * How the bench starts Sitrep: the bundle `npm start` runs, with the Node options in
 * `BENCH_SITREP_NODE_OPTIONS` first, e.g. `--cpu-prof --cpu-prof-dir=bench/out/profiles` to
 * profile the server under a scenario's load (Node writes the profile when Sitrep exits).
 */
export function sitrepEntry(): string[] {
  const options = process.env.BENCH_SITREP_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  return [...options, ...FROM_BUILD];
}

/**
 * Runs a TypeScript program the way Sitrep runs: bundled (dependencies left to node_modules),
 * with plain Node, so that no TypeScript loader weighs on what it measures. Returns its stdout.
 */
export async function runBundled(script: string, env: Record<string, string>): Promise<string> {
  const outfile = join('bench', 'out', basename(script).replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [script], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', logLevel: 'warning' });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], { env: { PATH: process.env.PATH ?? '', ...env } });
  return stdout;
}
