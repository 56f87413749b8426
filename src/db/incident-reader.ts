import { and, eq, max, sql } from 'drizzle-orm';
import type { IncidentReader } from '../app/ports';
import type { Db } from './client';
import { toIncident } from './mappers';
import { conversations, incidents, timelineEntries } from './schema';

/**
 * The lookups a command makes before it knows whether it needs a transaction, outside any:
 * built once as prepared queries, since building a query costs more than running it.
 * They never lock; a command that needs the row lock reads again inside its transaction.
 */
export function incidentReader(db: Db): IncidentReader {
  const byConversation = db
    .select({ incident: incidents })
    .from(conversations)
    .innerJoin(incidents, eq(incidents.id, conversations.incidentId))
    .where(and(eq(conversations.platform, sql.placeholder('platform')), eq(conversations.externalId, sql.placeholder('externalId'))))
    .limit(1)
    .prepare('incident_by_conversation');
  const byNumber = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspace, sql.placeholder('workspace')), eq(incidents.number, sql.placeholder('number'))))
    .limit(1)
    .prepare('incident_by_number');
  const latest = db
    .select({ at: max(timelineEntries.occurredAt) })
    .from(timelineEntries)
    .where(eq(timelineEntries.incidentId, sql.placeholder('incidentId')))
    .prepare('latest_occurred_at');
  return {
    async incidentByConversation(platform, externalId) {
      const [row] = await byConversation.execute({ platform, externalId });
      return row ? toIncident(row.incident) : null;
    },
    async incidentByNumber(workspace, number) {
      const [row] = await byNumber.execute({ workspace, number });
      return row ? toIncident(row) : null;
    },
    async latestOccurredAt(incidentId) {
      const [row] = await latest.execute({ incidentId });
      return row?.at ? new Date(row.at) : null;
    },
  };
}
