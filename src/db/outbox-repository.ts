import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import type { ClaimedDelivery, OutboxStore } from '../app/ports';
import type { Platform } from '../core/types';
import { rows, type Db } from './client';
import { toConversation } from './mappers';
import { conversations, deliveries, postedMessages } from './schema';

function platformFilter(filter: { exclude?: readonly Platform[]; only?: Platform }) {
  if (filter.only) return sql`and c.conversation_id in (select id from conversations where platform = ${filter.only})`;
  if (!filter.exclude?.length) return sql``;
  const list = sql.join(
    filter.exclude.map((p) => sql`${p}`),
    sql`, `,
  );
  return sql`and c.conversation_id not in (select id from conversations where platform in (${list}))`;
}

interface ClaimRow extends Record<string, unknown> {
  id: string | number;
  conversation_id: string | number;
  op: ClaimedDelivery['op'];
  message_key: string | null;
  payload: unknown;
  attempts: number;
}

/**
 * The outbox as the delivery worker sees it. A delivery is claimed with a lease rather than a
 * held row lock, so no transaction stays open while a platform is called; a worker that dies
 * mid-send loses its lease and the delivery is claimed again.
 */
export function outboxRepository(db: Db): OutboxStore {
  return {
    async claim(now, limit, leaseMs, filter = {}) {
      // Raw SQL parameters go to the driver as they are; postgres.js takes instants as text.
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs).toISOString();
      // The head of each conversation's queue, found by a loose index scan over conversation ids
      // (one index probe per conversation with work), so a long queue in one channel costs no
      // more to claim from than a short one.
      const result = await db.execute(sql`
        update deliveries d
           set status = 'sending', claimed_until = ${until}::timestamptz, attempts = d.attempts + 1
         where d.id in (
           with recursive queues(cid) as (
             select min(conversation_id) from deliveries where status in ('pending', 'sending')
             union all
             select (select min(q.conversation_id) from deliveries q
                      where q.status in ('pending', 'sending') and q.conversation_id > queues.cid)
               from queues where queues.cid is not null
           ), heads as (
             select (select x.id from deliveries x
                      where x.conversation_id = queues.cid and x.status in ('pending', 'sending')
                      order by x.id limit 1) as id
               from queues where queues.cid is not null
           )
           select c.id from heads join deliveries c on c.id = heads.id
            where (c.status = 'pending' or c.claimed_until < ${at}::timestamptz)
              and c.next_attempt_at <= ${at}::timestamptz
              and (c.after_id is null or not exists (
                select 1 from deliveries a where a.id = c.after_id and a.status in ('pending', 'sending')))
              ${platformFilter(filter)}
            order by c.id
            limit ${limit}
            for update of c skip locked)
        returning d.id, d.conversation_id, d.op, d.message_key, d.payload, d.attempts`);
      return rows<ClaimRow>(result).map((r) => ({
        id: String(r.id),
        conversationId: String(r.conversation_id),
        op: r.op,
        key: r.message_key,
        payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
        attempts: r.attempts,
      }));
    },

    async complete(ids, now) {
      await db
        .update(deliveries)
        .set({ status: 'done', doneAt: now, claimedUntil: null, lastError: null })
        .where(inArray(deliveries.id, ids.map(Number)));
    },

    async retryLater(id, error, at) {
      await db
        .update(deliveries)
        .set({ status: 'pending', nextAttemptAt: at, claimedUntil: null, lastError: error })
        .where(eq(deliveries.id, Number(id)));
    },

    async park(id, error) {
      await db.update(deliveries).set({ status: 'parked', claimedUntil: null, lastError: error }).where(eq(deliveries.id, Number(id)));
    },

    async conversation(id) {
      const [row] = await db.select().from(conversations).where(eq(conversations.id, Number(id)));
      if (!row) throw new Error(`conversation ${id} does not exist`);
      return toConversation(row);
    },

    async conversationOpened(id, opened) {
      await db
        .update(conversations)
        .set({
          externalId: opened.externalId,
          name: opened.name,
          link: opened.link,
          reference: (opened.reference ?? null) as Record<string, unknown> | null,
        })
        .where(eq(conversations.id, Number(id)));
    },

    async incidentConversation(incidentId, platform: Platform) {
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.incidentId, incidentId), eq(conversations.platform, platform), eq(conversations.purpose, 'incident')))
        .orderBy(asc(conversations.id))
        .limit(1);
      return row ? toConversation(row) : null;
    },

    async postedMessage(conversationId, key) {
      const [row] = await db
        .select({ ref: postedMessages.externalRef })
        .from(postedMessages)
        .where(and(eq(postedMessages.conversationId, Number(conversationId)), eq(postedMessages.messageKey, key)));
      return row?.ref ?? null;
    },

    async savePostedMessage(conversationId, key, externalRef, now) {
      await db
        .insert(postedMessages)
        .values({ conversationId: Number(conversationId), messageKey: key, externalRef, updatedAt: now })
        .onConflictDoUpdate({ target: [postedMessages.conversationId, postedMessages.messageKey], set: { externalRef, updatedAt: now } });
    },

    async nextDue() {
      const [row] = await db
        .select({ at: min(deliveries.nextAttemptAt) })
        .from(deliveries)
        .where(inArray(deliveries.status, ['pending', 'sending']));
      return row?.at ? new Date(row.at) : null;
    },
  };
}
