import type { AppendFacts, AppendOutcome } from '../app/ports';
import type { Database } from './client';

/**
 * Timeline entries and their messages to every conversation of their incident, for a batch of
 * requests, written by one statement. Each request's facts are written only if its incident is
 * still at the version they were decided on and its idempotency key is new (the first of the
 * batch to carry a key wins it). A change committed while the statement runs is not waited for:
 * the facts are then recorded as having come first, which is what the incident looked like when
 * they were decided. Rows are inserted in request order, so messages keep their order per
 * conversation. The statement text never changes: the server plans it once per connection.
 */
const APPEND_FACTS = `
with items as (
  select * from jsonb_to_recordset($1::jsonb)
    as i(n int, incident_id uuid, version int, request_key text, entries jsonb, messages jsonb, at timestamptz)
), unchanged as (
  select items.* from items join incidents on incidents.id = items.incident_id and incidents.version = items.version
), keyed as (
  select distinct on (request_key) n, request_key, at from unchanged where request_key is not null order by request_key, n
), claimed as (
  insert into processed_requests (key, created_at) select request_key, at from keyed
  on conflict do nothing returning key
), fresh as (
  select u.* from unchanged u
   where u.request_key is null
      or exists (select from keyed k join claimed c on c.key = k.request_key where k.n = u.n)
), entries as (
  insert into timeline_entries (incident_id, occurred_at, recorded_at, kind, author, body, data, source, external_ref, supersedes)
  select f.incident_id, e.occurred_at, e.recorded_at, e.kind, e.author, e.body, e.data, e.source, e.external_ref, e.supersedes
    from fresh f,
         rows from (jsonb_to_recordset(f.entries) as (occurred_at timestamptz, recorded_at timestamptz, kind text, author jsonb,
                    body text, data jsonb, source text, external_ref text, supersedes bigint))
           with ordinality as e(occurred_at, recorded_at, kind, author, body, data, source, external_ref, supersedes, m)
   order by f.n, e.m
), queued as (
  insert into deliveries (conversation_id, op, message_key, payload, next_attempt_at, created_at)
  select c.id, m.op, m.message_key, m.payload, f.at, f.at
    from fresh f
    join conversations c on c.incident_id = f.incident_id,
         rows from (jsonb_to_recordset(f.messages) as (op text, message_key text, payload jsonb)) with ordinality as m(op, message_key, payload, k)
   order by f.n, m.k, c.id
)
select i.n,
       exists (select from unchanged u where u.n = i.n) as unchanged,
       exists (select from fresh f where f.n = i.n) as fresh
  from items i order by i.n`;

/** Requests written together at most; more wait for the next statement. */
const MAX_BATCH = 128;

interface Waiting {
  facts: AppendFacts;
  resolve(outcome: AppendOutcome): void;
  reject(err: unknown): void;
}

/**
 * Appends facts, batching the requests that arrive in the same turn of the event loop into one
 * statement: under load, many notes cost one round trip and one commit instead of one each.
 * A batch the database refuses for what one request holds (a constraint, a bad value) is
 * written again one request at a time, so only that request fails.
 */
export function factAppender(database: Database): (facts: AppendFacts) => Promise<AppendOutcome> {
  const waiting: Waiting[] = [];

  async function write(batch: readonly AppendFacts[]): Promise<AppendOutcome[]> {
    const items = batch.map((facts, n) => ({
      n,
      incident_id: facts.incidentId,
      version: facts.version,
      request_key: facts.requestKey ?? null,
      at: facts.at.toISOString(),
      entries: facts.entries.map((e) => ({
        occurred_at: e.occurredAt,
        recorded_at: e.recordedAt,
        kind: e.kind,
        author: e.author,
        body: e.body,
        data: e.data,
        source: e.source,
        external_ref: e.externalRef,
        supersedes: e.supersedes,
      })),
      messages: facts.messages.map((m) => ({ op: m.key ? 'upsert' : 'post', message_key: m.key, payload: m.payload })),
    }));
    const rows = await database.query<{ n: number; unchanged: boolean; fresh: boolean }>(APPEND_FACTS, [JSON.stringify(items)]);
    return rows.map((r) => (!r.unchanged ? 'stale' : r.fresh ? 'appended' : 'duplicate'));
  }

  async function flush(): Promise<void> {
    const batch = waiting.splice(0, MAX_BATCH);
    if (waiting.length) setImmediate(flush);
    try {
      const outcomes = await write(batch.map((w) => w.facts));
      batch.forEach((w, i) => w.resolve(outcomes[i]!));
    } catch (err) {
      if (batch.length === 1 || !refusedForItsData(err)) {
        for (const w of batch) w.reject(err);
        return;
      }
      await Promise.all(batch.map((w) => write([w.facts]).then(([outcome]) => w.resolve(outcome!), w.reject)));
    }
  }

  return (facts) =>
    new Promise<AppendOutcome>((resolve, reject) => {
      waiting.push({ facts, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
    });
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): the rows, not the connection. */
function refusedForItsData(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
