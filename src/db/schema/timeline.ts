import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { EntryData, EntryKind, Person, Platform } from '../../core/types';
import { timestamptz } from './columns';
import { incidents } from './incidents';

/** Append-only facts; corrections are new rows that point at the row they supersede. */
export const timelineEntries = pgTable(
  'timeline_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    occurredAt: timestamptz('occurred_at').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    kind: text('kind').$type<EntryKind>().notNull(),
    author: jsonb('author').$type<Person>().notNull(),
    body: text('body').notNull().default(''),
    data: jsonb('data').$type<EntryData>().notNull().default({}),
    source: text('source').$type<Platform>().notNull(),
    externalRef: text('external_ref'),
    supersedes: bigint('supersedes', { mode: 'number' }).references(
      (): AnyPgColumn => timelineEntries.id,
    ),
  },
  (t) => [
    index('timeline_entries_incident_occurred_idx').on(t.incidentId, t.occurredAt, t.id),
    uniqueIndex('timeline_entries_external_ref_key')
      .on(t.incidentId, t.kind, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
  ],
);

export type TimelineEntryRow = typeof timelineEntries.$inferSelect;
export type NewTimelineEntryRow = typeof timelineEntries.$inferInsert;
