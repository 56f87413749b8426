import type { AppendFacts, AppendOutcome } from '../app/ports';
import type { Database } from './client';

/**
 * Timeline entries and their messages to every conversation of the incident, written by one
 * statement (so atomically, without a transaction's extra round trips) and only if the
 * incident is still at the version they were decided on and the request's idempotency key is
 * new. A change committed while the statement runs is not waited for: the facts are then
 * recorded as having come first, which is what the incident looked like when they were decided.
 * The statement text never changes, so the server parses and plans it once per connection.
 */
const APPEND_FACTS = `
with unchanged as (
  select from incidents where id = $2::uuid and version = $6::int
), claimed as (
  insert into processed_requests (key, created_at) select $1::text, $5::timestamptz from unchanged where $1::text is not null
  on conflict do nothing returning key
), fresh as (
  select from unchanged where $1::text is null or exists (select from claimed)
), entries as (
  insert into timeline_entries (incident_id, occurred_at, recorded_at, kind, author, body, data, source, external_ref, supersedes)
  select $2::uuid, e.occurred_at, e.recorded_at, e.kind, e.author, e.body, e.data, e.source, e.external_ref, e.supersedes
    from fresh,
         rows from (jsonb_to_recordset($3::jsonb) as (occurred_at timestamptz, recorded_at timestamptz, kind text, author jsonb,
                    body text, data jsonb, source text, external_ref text, supersedes bigint))
           with ordinality as e(occurred_at, recorded_at, kind, author, body, data, source, external_ref, supersedes, n)
   order by e.n
), queued as (
  insert into deliveries (conversation_id, op, message_key, payload, next_attempt_at, created_at)
  select c.id, m.op, m.message_key, m.payload, $5::timestamptz, $5::timestamptz
    from fresh, conversations c,
         rows from (jsonb_to_recordset($4::jsonb) as (op text, message_key text, payload jsonb)) with ordinality as m(op, message_key, payload, n)
   where c.incident_id = $2::uuid
   order by m.n, c.id
)
select (select count(*)::int from unchanged) as unchanged, (select count(*)::int from fresh) as fresh`;

export function factAppender(database: Database): (facts: AppendFacts) => Promise<AppendOutcome> {
  return async (facts) => {
    const entries = facts.entries.map((e) => ({
      occurred_at: e.occurredAt,
      recorded_at: e.recordedAt,
      kind: e.kind,
      author: e.author,
      body: e.body,
      data: e.data,
      source: e.source,
      external_ref: e.externalRef,
      supersedes: e.supersedes,
    }));
    const messages = facts.messages.map((m) => ({ op: m.key ? 'upsert' : 'post', message_key: m.key, payload: m.payload }));
    const [row] = await database.query<{ unchanged: number; fresh: number }>(APPEND_FACTS, [
      facts.requestKey ?? null,
      facts.incidentId,
      JSON.stringify(entries),
      JSON.stringify(messages),
      facts.at.toISOString(),
      String(facts.version),
    ]);
    if (Number(row?.unchanged) !== 1) return 'stale';
    return Number(row?.fresh) === 1 ? 'appended' : 'duplicate';
  };
}
