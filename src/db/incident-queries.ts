import { and, eq, max, type Placeholder } from 'drizzle-orm';
import type { Platform } from '../core/types';
import type { Db } from './client';
import { conversations, incidents, timelineEntries } from './schema';

/**
 * The lookups that find an incident, written once: the repository runs them with values inside
 * a transaction (locking when asked), the reader prepares them once with placeholders.
 */
type Value<T> = T | Placeholder;

export function incidentByNumberQuery(db: Db, workspace: Value<string>, number: Value<number>) {
  return db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspace, workspace), eq(incidents.number, number)))
    .limit(1);
}

export function incidentByConversationQuery(db: Db, platform: Value<Platform>, externalId: Value<string>) {
  return db
    .select({ incident: incidents })
    .from(conversations)
    .innerJoin(incidents, eq(incidents.id, conversations.incidentId))
    .where(and(eq(conversations.platform, platform), eq(conversations.externalId, externalId)))
    .limit(1);
}

export function latestOccurredAtQuery(db: Db, incidentId: Value<string>) {
  return db
    .select({ at: max(timelineEntries.occurredAt) })
    .from(timelineEntries)
    .where(eq(timelineEntries.incidentId, incidentId));
}
