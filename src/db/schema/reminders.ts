import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ReminderKind } from '../../core/messages/message';
import type { Person } from '../../core/types';
import { timestamptz } from './columns';
import { incidents } from './incidents';

/**
 * The ledger of follow-through reminders sent. Due times are derived from the incident's state;
 * a row here says "the reminder due then was queued", and its key makes each due reminder fire
 * once, whatever restarts or how many instances tick.
 */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ReminderKind>().notNull(),
    /** The action number of an action reminder; 0 for the others. */
    subject: integer('subject').notNull().default(0),
    dueAt: timestamptz('due_at').notNull(),
    sentAt: timestamptz('sent_at').notNull(),
  },
  (t) => [
    uniqueIndex('reminders_sent_key').on(t.incidentId, t.kind, t.subject, t.dueAt),
    index('reminders_sent_incident_kind_idx').on(t.incidentId, t.kind, t.sentAt),
  ],
);

/** Status update reminders of an incident held back until `until` (Snooze); one row per incident. */
export const reminderSnoozes = pgTable('reminder_snoozes', {
  incidentId: uuid('incident_id')
    .primaryKey()
    .references(() => incidents.id, { onDelete: 'cascade' }),
  until: timestamptz('until').notNull(),
  snoozedAt: timestamptz('snoozed_at').notNull(),
  snoozedBy: jsonb('snoozed_by').$type<Person>().notNull(),
});

export type ReminderSentRow = typeof remindersSent.$inferSelect;
export type ReminderSnoozeRow = typeof reminderSnoozes.$inferSelect;
