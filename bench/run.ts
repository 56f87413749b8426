import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchEnv, Figure } from './env';
import { drain } from './scenarios/drain';
import { ingest } from './scenarios/ingest';
import { postmortem } from './scenarios/postmortem';
import { statusApi } from './scenarios/status-api';

/**
 * `npm run bench [-- --quick] [--only=<scenario>]`: each scenario against its baseline in the same run, one table,
 * and bench/out/latest.json. DATABASE_URL selects PostgreSQL; otherwise PGlite.
 */
const env: BenchEnv = { quick: process.argv.includes('--quick'), databaseUrl: process.env.DATABASE_URL || undefined };
const scenarios: [string, (e: BenchEnv) => Promise<Figure[]>][] = [
  ['command ingest', ingest],
  ['delivery drain', drain],
  ['postmortem compile', postmortem],
  ['status API', statusApi],
];

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const figures: Figure[] = [];
for (const [name, run] of scenarios) {
  if (only && !name.includes(only)) continue;
  process.stderr.write(`running ${name}…\n`);
  figures.push(...(await run(env)));
}

const cell = (v: number | string | boolean | null) => (v === null ? '—' : typeof v === 'boolean' ? (v ? 'yes' : 'NO') : String(v));
const header = ['scenario', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'];
const table = [header, ...figures.map((f) => [f.name, f.value, f.unit, f.baseline, f.ratio, f.target, f.met].map(cell))];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const row of table) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ')}\n`);
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/latest.json', `${JSON.stringify({ database: env.databaseUrl ? 'postgresql' : 'pglite', quick: env.quick, figures }, null, 2)}\n`);
process.stdout.write(`\nwritten to bench/out/latest.json (${env.databaseUrl ? 'PostgreSQL' : 'PGlite'}${env.quick ? ', quick' : ''})\n`);
