import { sql } from 'drizzle-orm';
import type { IncidentReader } from '../app/ports';
import type { Db } from './client';
import { incidentByConversationQuery, incidentByNumberQuery, latestOccurredAtQuery } from './incident-queries';
import { toIncident } from './mappers';

/**
 * The lookups a command makes before it knows whether it needs a transaction, outside any:
 * built once as prepared queries, since building a query costs more than running it.
 * They never lock; a command that needs the row lock reads again inside its transaction.
 */
export function incidentReader(db: Db): IncidentReader {
  const byConversation = incidentByConversationQuery(db, sql.placeholder('platform'), sql.placeholder('externalId')).prepare('incident_by_conversation');
  const byNumber = incidentByNumberQuery(db, sql.placeholder('workspace'), sql.placeholder('number')).prepare('incident_by_number');
  const latest = latestOccurredAtQuery(db, sql.placeholder('incidentId')).prepare('latest_occurred_at');
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
