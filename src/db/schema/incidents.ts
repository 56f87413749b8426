import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Impact, IncidentStatus, Person, Role, Severity } from '../../core/types';
import { timestamptz } from './columns';

/** One row per workspace; `last_incident_number` is bumped to allocate `INC-<n>`. */
export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  lastIncidentNumber: integer('last_incident_number').notNull().default(0),
});

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspace: text('workspace').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    severity: text('severity').$type<Severity>().notNull(),
    status: text('status').$type<IncidentStatus>().notNull(),
    private: boolean('private').notNull().default(false),
    zone: text('zone').notNull(),
    startedAt: timestamptz('started_at').notNull(),
    declaredAt: timestamptz('declared_at').notNull(),
    mitigatedAt: timestamptz('mitigated_at'),
    resolvedAt: timestamptz('resolved_at'),
    roles: jsonb('roles').$type<Partial<Record<Role, Person>>>().notNull().default({}),
    components: jsonb('components').$type<Record<string, Impact>>().notNull().default({}),
    members: text('members').array().notNull().default(sql`'{}'::text[]`),
    createdBy: jsonb('created_by').$type<Person>().notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    /** Bumped by every update, by a trigger (migration 0004): a write decided on an older version is decided again. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('incidents_workspace_number_key').on(t.workspace, t.number),
    index('incidents_open_idx')
      .on(t.workspace, t.declaredAt)
      .where(sql`${t.status} <> 'resolved'`),
    index('incidents_resolved_at_idx').on(t.resolvedAt),
  ],
);

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type NewWorkspaceRow = typeof workspaces.$inferInsert;
export type IncidentRow = typeof incidents.$inferSelect;
export type NewIncidentRow = typeof incidents.$inferInsert;
