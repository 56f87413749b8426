import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { figure, type BenchEnv, type Figure } from '../env';

const run = promisify(execFile);

interface Compile {
  baselineMs: number;
  compileMs: number;
  peakMb: number;
  bytes: number;
}

async function compileIn(entries: number, env: BenchEnv): Promise<Compile> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/postmortem-child.ts', String(entries)], {
    env: { PATH: process.env.PATH ?? '', ...(env.databaseUrl ? { DATABASE_URL: env.databaseUrl } : {}) },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Compile;
}

/**
 * Postmortem compile for 1,000, 10,000 and 100,000 timeline entries (loading them included),
 * each in its own process; the baseline reads the same rows with one plain query.
 */
export async function postmortem(env: BenchEnv): Promise<Figure[]> {
  const sizes = env.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const results = new Map<number, Compile>();
  for (const n of sizes) results.set(n, await compileIn(n, env));
  const figures: Figure[] = [];
  for (const [n, r] of results) {
    const big = n === 100_000;
    figures.push(figure(`postmortem compile, ${n.toLocaleString('en-US')} entries`, r.compileMs, 'ms', big ? '≤ 2000 ms' : 'reported', big ? r.compileMs <= 2_000 : null, r.baselineMs));
    if (big) figures.push(figure('postmortem compile, 100,000 entries: peak memory', r.peakMb, 'MB', '≤ 256 MB', r.peakMb <= 256));
  }
  const largest = sizes.at(-1)!;
  const growth = results.get(largest)!.compileMs / results.get(largest / 10)!.compileMs;
  figures.push(figure(`postmortem compile growth ×10 entries (${(largest / 10).toLocaleString('en-US')} → ${largest.toLocaleString('en-US')})`, growth, '×', '≤ ×15', growth <= 15));
  return figures;
}
