import { date, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { ActionState, Person } from '../../core/types';
import { timestamptz } from './columns';
import { incidents } from './incidents';

/** Follow-up actions, numbered 1, 2, 3 … within their incident. */
export const actionItems = pgTable(
  'action_items',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    owner: jsonb('owner').$type<Person>(),
    state: text('state').$type<ActionState>().notNull().default('open'),
    /** A calendar day (`2025-10-19`), kept as a string so no zone can shift it. */
    dueOn: date('due_on', { mode: 'string' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    doneAt: timestamptz('done_at'),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.number] })],
);

export type ActionItemRow = typeof actionItems.$inferSelect;
export type NewActionItemRow = typeof actionItems.$inferInsert;
