import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/**
 * The ingest baseline: a bare node:http server that verifies Slack's signature the same way
 * and inserts the same kind of row (a timeline note), with postgres.js (or PGlite when no
 * DATABASE_URL is given). Prints its port on stdout.
 */
const secret = process.env.SLACK_SIGNING_SECRET ?? '';
const url = process.env.DATABASE_URL;

type Insert = (body: string) => Promise<void>;

async function inserter(): Promise<Insert> {
  const ddl = `create table if not exists bench_notes (id bigint generated always as identity primary key, incident_id text not null,
    occurred_at timestamptz not null, recorded_at timestamptz not null, kind text not null, author jsonb not null, body text not null)`;
  if (url) {
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    await sql.unsafe(ddl);
    await sql`truncate bench_notes`;
    return async (body) => {
      await sql`insert into bench_notes (incident_id, occurred_at, recorded_at, kind, author, body)
                values ('inc-1', now(), now(), 'note', ${sql.json({ id: 'U1', name: 'u' })}, ${body})`;
    };
  }
  const db = await PGlite.create({ dataDir: process.env.DATA_DIR ?? 'memory://' });
  await db.exec(ddl);
  return async (body) => {
    await db.query(`insert into bench_notes (incident_id, occurred_at, recorded_at, kind, author, body) values ('inc-1', now(), now(), 'note', $1, $2)`, [
      JSON.stringify({ id: 'U1', name: 'u' }),
      body,
    ]);
  };
}

const insert = await inserter();
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString();
    const ts = String(req.headers['x-slack-request-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-slack-signature'] ?? ''));
    const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${ts}:${raw}`).digest('hex')}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) {
      res.writeHead(401).end();
      return;
    }
    const text = new URLSearchParams(raw).get('text') ?? '';
    insert(text).then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response_type: 'ephemeral', text: 'Noted.' }));
      },
      () => res.writeHead(500).end(),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
});
