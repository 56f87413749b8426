import { and, asc, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { IncidentTx } from '../app/ports';
import type { Platform } from '../core/types';
import { rows, type Db } from './client';
import { followUpRepository } from './follow-up-repository';
import { incidentByConversationQuery, incidentByNumberQuery, latestOccurredAtQuery } from './incident-queries';
import { entryFromJson, fromEntry, fromIncident, toAction, toConversation, toEntry, toIncident } from './mappers';
import {
  actionItems,
  conversations,
  deliveries,
  incidents,
  processedRequests,
  timelineEntries,
  workspaces,
} from './schema';

/** The use cases' view of the database inside one transaction. */
export function incidentRepository(db: Db): IncidentTx {
  return {
    async allocateNumber(workspace) {
      const [row] = await db
        .insert(workspaces)
        .values({ id: workspace, lastIncidentNumber: 1 })
        .onConflictDoUpdate({ target: workspaces.id, set: { lastIncidentNumber: sql`${workspaces.lastIncidentNumber} + 1` } })
        .returning({ number: workspaces.lastIncidentNumber });
      return row!.number;
    },

    async insertIncident(incident) {
      await db.insert(incidents).values(fromIncident(incident));
    },

    async saveIncident(incident) {
      // The version is bumped by the database (migration 0004), for every update by any release.
      const { id, version: _stored, ...rest } = fromIncident(incident);
      await db.update(incidents).set(rest).where(eq(incidents.id, id!));
    },

    async incidentByNumber(workspace, number, lock) {
      const query = incidentByNumberQuery(db, workspace, number);
      const [row] = lock ? await query.for('update') : await query;
      return row ? toIncident(row) : null;
    },

    async incidentByConversation(platform, externalId, lock) {
      const query = incidentByConversationQuery(db, platform, externalId);
      const [row] = lock ? await query.for('update', { of: incidents }) : await query;
      return row ? toIncident(row.incident) : null;
    },

    async openIncidents(workspace) {
      const open = ne(incidents.status, 'resolved');
      const rows = await db
        .select()
        .from(incidents)
        .where(workspace ? and(eq(incidents.workspace, workspace), open) : open)
        .orderBy(asc(incidents.declaredAt))
        .limit(200);
      return rows.map(toIncident);
    },

    async appendEntries(incidentId, entries) {
      if (entries.length === 0) return [];
      const rows = await db
        .insert(timelineEntries)
        .values(entries.map((e) => fromEntry(incidentId, e)))
        .returning();
      return rows.map(toEntry);
    },

    async timeline(incidentId) {
      // Each entry as one JSON text rather than ten columns: a long incident has tens of
      // thousands of entries, and the drivers (PGlite above all) pay for every field they decode.
      const result = await db.execute(sql`
        select json_build_array(id, occurred_at, recorded_at, kind, author, body, data, source, external_ref, supersedes)::text as entry
          from ${timelineEntries} where incident_id = ${incidentId} order by occurred_at, id`);
      return rows<{ entry: string }>(result).map((r) => entryFromJson(incidentId, r.entry));
    },

    async latestOccurredAt(incidentId) {
      const [row] = await latestOccurredAtQuery(db, incidentId);
      return row?.at ? new Date(row.at) : null;
    },

    async entryByExternalRef(incidentId, kind, externalRef) {
      const [row] = await db
        .select()
        .from(timelineEntries)
        .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, kind), eq(timelineEntries.externalRef, externalRef)))
        .limit(1);
      return row ? toEntry(row) : null;
    },

    async actions(incidentId) {
      const rows = await db.select().from(actionItems).where(eq(actionItems.incidentId, incidentId)).orderBy(asc(actionItems.number));
      return rows.map(toAction);
    },

    async saveActions(items) {
      for (const a of items) {
        const dueOn = a.dueOn ?? null;
        const row = { incidentId: a.incidentId, number: a.number, text: a.text, owner: a.owner, state: a.state, createdAt: a.createdAt, doneAt: a.doneAt, dueOn };
        await db
          .insert(actionItems)
          .values(row)
          .onConflictDoUpdate({ target: [actionItems.incidentId, actionItems.number], set: { text: a.text, owner: a.owner, state: a.state, doneAt: a.doneAt, dueOn } });
      }
    },

    async conversationsOf(incidentId) {
      const rows = await db.select().from(conversations).where(eq(conversations.incidentId, incidentId)).orderBy(asc(conversations.id));
      return rows.map(toConversation);
    },

    async createConversation(c) {
      const [row] = await db
        .insert(conversations)
        .values({ ...c, reference: (c.reference ?? null) as Record<string, unknown> | null })
        .returning();
      return toConversation(row!);
    },

    async announcementConversation(platform, externalId, name) {
      const where = and(eq(conversations.platform, platform), eq(conversations.purpose, 'announcements'), isNull(conversations.incidentId));
      const [existing] = await db.select().from(conversations).where(where).limit(1);
      if (existing && existing.externalId === externalId) return toConversation(existing);
      if (existing) {
        const [row] = await db.update(conversations).set({ externalId, name }).where(eq(conversations.id, existing.id)).returning();
        return toConversation(row!);
      }
      const [row] = await db
        .insert(conversations)
        .values({ platform, purpose: 'announcements', externalId, name })
        .onConflictDoNothing()
        .returning();
      if (row) return toConversation(row);
      const [raced] = await db.select().from(conversations).where(where).limit(1);
      return toConversation(raced!);
    },

    async enqueue(conversationId, op, payload, key, at, after) {
      const [row] = await db
        .insert(deliveries)
        .values({ conversationId: Number(conversationId), op, payload, messageKey: key, nextAttemptAt: at, createdAt: at, afterId: after ? Number(after) : null })
        .returning({ id: deliveries.id });
      return String(row!.id);
    },

    async deliveryHealth(limit) {
      const [summary] = rows<{ waiting: number | string; oldest: string | null; parked: number | string }>(
        await db.execute(sql`
          select count(*) filter (where status in ('pending', 'sending')) as waiting,
                 min(created_at) filter (where status in ('pending', 'sending')) as oldest,
                 count(*) filter (where status = 'parked') as parked
            from deliveries where status <> 'done'`),
      );
      const stuck = await db
        .select({
          platform: conversations.platform,
          name: conversations.name,
          incident: incidents.number,
          isPrivate: incidents.private,
          status: deliveries.status,
          attempts: deliveries.attempts,
          lastError: deliveries.lastError,
          createdAt: deliveries.createdAt,
        })
        .from(deliveries)
        .innerJoin(conversations, eq(conversations.id, deliveries.conversationId))
        .leftJoin(incidents, eq(incidents.id, conversations.incidentId))
        .where(and(ne(deliveries.status, 'done'), or(eq(deliveries.status, 'parked'), gt(deliveries.attempts, 1))))
        .orderBy(desc(deliveries.id))
        .limit(limit);
      return {
        waiting: Number(summary?.waiting ?? 0),
        oldestWaitingSince: summary?.oldest ? new Date(summary.oldest) : null,
        parked: Number(summary?.parked ?? 0),
        stuck: stuck.map((s) => ({
          platform: s.platform as Platform,
          conversation: s.isPrivate ? null : s.name,
          incident: s.incident,
          status: s.status as 'pending' | 'sending' | 'parked',
          attempts: s.attempts,
          lastError: s.lastError,
          createdAt: s.createdAt,
        })),
      };
    },

    async enqueueMany(queued) {
      if (queued.length === 0) return;
      await db.insert(deliveries).values(
        queued.map((q) => ({
          conversationId: Number(q.conversationId),
          op: q.op,
          payload: q.payload,
          messageKey: q.key,
          nextAttemptAt: q.at,
          createdAt: q.at,
          afterId: q.after ? Number(q.after) : null,
        })),
      );
    },

    async claimRequest(key, at) {
      const rows = await db.insert(processedRequests).values({ key, createdAt: at }).onConflictDoNothing().returning({ key: processedRequests.key });
      return rows.length === 1;
    },

    followUp: followUpRepository(db),
  };
}

