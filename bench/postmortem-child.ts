import { sql } from 'drizzle-orm';
import { compilePostmortem } from '../src/core/postmortem/compile-postmortem';
import { rows, openDatabase } from '../src/db/client';
import { incidentRepository } from '../src/db/incident-repository';
import { migrate } from '../src/db/migrate';
import { vacuumWhereDue } from '../src/db/vacuum';

/**
 * One postmortem compile in a process of its own, so its peak memory is its own:
 * `tsx bench/postmortem-child.ts <entries>`; prints JSON {baselineMs, compileMs, peakMb, bytes}.
 */
const entries = Number(process.argv[2] ?? 1000);
const database = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: 'memory://' });
await migrate(database);
if (process.env.DATABASE_URL) await database.db.execute(sql`truncate incidents, timeline_entries, workspaces restart identity cascade`);
await database.db.execute(sql`
  insert into incidents (id, workspace, number, title, severity, status, zone, started_at, declared_at, resolved_at, created_by, roles)
  values ('00000000-0000-0000-0000-000000000001', 'bench', 1, 'Bench incident', 'sev2', 'resolved', 'America/Los_Angeles',
          '2024-03-09T12:00:00Z', '2024-03-09T12:05:00Z', '2024-03-11T12:00:00Z', '{"id":"u1","name":"Alice"}', '{"commander":{"id":"u1","name":"Alice"}}')`);
await database.db.execute(sql`
  insert into timeline_entries (incident_id, occurred_at, recorded_at, kind, author, body, data, source)
  select '00000000-0000-0000-0000-000000000001', ts, ts,
         case when g % 50 = 0 then 'status_update' else 'note' end,
         jsonb_build_object('id', 'u' || (g % 7), 'name', 'Responder ' || (g % 7)),
         'Entry ' || g || ': error rate at ' || (g % 97) || ' percent on the image service',
         case when g % 50 = 0 then '{"status":"identified","public":true}'::jsonb else '{}'::jsonb end,
         'slack'
    from generate_series(1, ${entries}) as g,
         lateral (select timestamptz '2024-03-09T12:05:00Z' + (g * interval '1 second') * (172800.0 / ${entries})) as t(ts)`);

// An incident gathers its entries over hours, while autovacuum (or, on PGlite, Sitrep's own
// `vacuumWhereDue`) keeps the planner's statistics up to date; do what it would have done by now.
// The server publishes table statistics at most once a second.
for (let waited = 0; waited < 5_000; waited += 100) {
  const [stats] = rows<{ changed: number }>(
    await database.db.execute(sql`select n_mod_since_analyze::int as changed from pg_stat_user_tables where relname = 'timeline_entries'`),
  );
  if (Number(stats?.changed ?? 0) >= entries) break;
  await new Promise((r) => setTimeout(r, 100));
}
await vacuumWhereDue(database);

const id = '00000000-0000-0000-0000-000000000001';
// The compile runs first, so its peak holds nothing of the baseline's rows.
const before = process.memoryUsage().rss;
let t = performance.now();
const markdown = await database.db.transaction(async (tx) => {
  const repo = incidentRepository(tx);
  const incident = (await repo.incidentByNumber('bench', 1, false))!;
  return compilePostmortem({ incident, timeline: await repo.timeline(incident.id), actions: await repo.actions(incident.id) });
});
const compileMs = performance.now() - t;
const peakMb = (process.resourceUsage().maxRSS * 1024 - before) / 1024 / 1024;

t = performance.now();
const plain = rows(await database.db.execute(sql`select * from timeline_entries where incident_id = ${id} order by occurred_at, id`));
const baselineMs = performance.now() - t;
if (plain.length !== entries) throw new Error(`expected ${entries} rows, read ${plain.length}`);
process.stdout.write(`${JSON.stringify({ baselineMs, compileMs, peakMb, bytes: markdown.length })}\n`);
await database.close();
