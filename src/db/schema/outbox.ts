import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns';
import { conversations } from './conversations';

export const DELIVERY_OPS = ['open', 'post', 'upsert'] as const;
export type DeliveryOp = (typeof DELIVERY_OPS)[number];

export const DELIVERY_STATUSES = ['pending', 'sending', 'done', 'parked'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The outbox: one message to one conversation, stored in the same transaction as the fact. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: bigint('conversation_id', { mode: 'number' })
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    op: text('op').$type<DeliveryOp>().notNull(),
    /** A delivery that must be settled first, e.g. an announcement waits for the channel it links to. */
    afterId: bigint('after_id', { mode: 'number' }).references((): AnyPgColumn => deliveries.id, { onDelete: 'set null' }),
    /** For `upsert`: which message to update in place (see `posted_messages`). */
    messageKey: text('message_key'),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    claimedUntil: timestamptz('claimed_until'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    doneAt: timestamptz('done_at'),
  },
  (t) => [
    index('deliveries_head_idx')
      .on(t.conversationId, t.id)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

/** Where a message that is updated in place lives on the platform (e.g. a Slack `ts`). */
export const postedMessages = pgTable(
  'posted_messages',
  {
    conversationId: bigint('conversation_id', { mode: 'number' })
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageKey: text('message_key').notNull(),
    externalRef: text('external_ref').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.messageKey] })],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
export type NewDeliveryRow = typeof deliveries.$inferInsert;
export type PostedMessageRow = typeof postedMessages.$inferSelect;
export type NewPostedMessageRow = typeof postedMessages.$inferInsert;
