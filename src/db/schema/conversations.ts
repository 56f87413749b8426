import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Platform } from '../../core/types';
import { timestamptz } from './columns';
import { incidents } from './incidents';

export const CONVERSATION_PURPOSES = ['incident', 'announcements'] as const;
export type ConversationPurpose = (typeof CONVERSATION_PURPOSES)[number];

/**
 * A chat conversation Sitrep posts to: an incident's channel (or Teams thread, or the
 * console), or a workspace-wide announcements channel (`incident_id` null).
 */
export const conversations = pgTable(
  'conversations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: uuid('incident_id').references(() => incidents.id, { onDelete: 'cascade' }),
    platform: text('platform').$type<Platform>().notNull(),
    purpose: text('purpose').$type<ConversationPurpose>().notNull(),
    /** The platform's id (Slack channel id, Teams conversation id); null until created. */
    externalId: text('external_id'),
    name: text('name'),
    link: text('link'),
    /** Whatever the platform needs to post here later (e.g. a Teams conversation reference). */
    reference: jsonb('reference').$type<Record<string, unknown>>(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('conversations_platform_external_id_key')
      .on(t.platform, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('conversations_incident_id_idx').on(t.incidentId),
    uniqueIndex('conversations_announcements_key')
      .on(t.platform, t.purpose)
      .where(sql`${t.purpose} = 'announcements' and ${t.incidentId} is null`),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;
export type NewConversationRow = typeof conversations.$inferInsert;
