import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { FollowUpTx } from '../app/reminders/ports';
import type { OpenIncidentFacts } from '../core/followup/due';
import { rows, type Db } from './client';
import { toAction, toIncident } from './mappers';
import { actionItems, incidents, reminderSnoozes, remindersSent } from './schema';

/** Arbitrary key of the transaction-scoped advisory lock one scheduler tick holds (migrations use …015). */
const SCHEDULER_LOCK_KEY = 7_301_944_016;

interface FactsRow extends Record<string, unknown> {
  id: string;
  last_update_at: string | Date;
  last_status_update: string | Date | null;
  last_activity_at: string | Date;
  commander_vacant_since: string | Date;
  snooze_until: string | Date | null;
  snoozed_at: string | Date | null;
  last_reminder_due: string | Date | null;
  last_reminder_sent: string | Date | null;
  ignored: number | string;
  last_no_commander_due: string | Date | null;
  last_stale_sent: string | Date | null;
}

/** Raw timestamps are strings on both drivers (a Date if a driver ever parses them). */
const at = (v: string | Date): Date => (v instanceof Date ? v : new Date(v));
const atOrNull = (v: string | Date | null): Date | null => (v === null ? null : at(v));

/** Follow-through's storage: the facts reminders are derived from, the ledger, snoozes and stats. */
export function followUpRepository(db: Db): FollowUpTx {
  return {
    async tryLockScheduler() {
      const [row] = rows<{ locked: boolean }>(await db.execute(sql.raw(`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}) as locked`)));
      return row?.locked === true;
    },

    async lockIncident(incidentId) {
      const [row] = await db.select().from(incidents).where(eq(incidents.id, incidentId)).for('update');
      return row ? toIncident(row) : null;
    },

    async openIncidentFacts(incidentId) {
      const only = incidentId ? sql`and i.id = ${incidentId}::uuid` : sql``;
      const result = rows<FactsRow>(
        await db.execute(sql`
          with facts as (
            select i.id,
              coalesce((select max(e.recorded_at) from timeline_entries e
                         where e.incident_id = i.id and e.kind in ('status_update', 'declared', 'reopened')), i.declared_at) as last_update_at,
              (select max(e.occurred_at) from timeline_entries e where e.incident_id = i.id and e.kind = 'status_update') as last_status_update,
              coalesce((select max(e.recorded_at) from timeline_entries e where e.incident_id = i.id), i.updated_at) as last_activity_at,
              coalesce((select max(e.recorded_at) from timeline_entries e
                         where e.incident_id = i.id and e.kind in ('role_assigned', 'role_unassigned') and e.data->>'role' = 'commander'),
                       i.declared_at) as commander_vacant_since
              from incidents i
             where i.status <> 'resolved' ${only})
          select f.*, s.until as snooze_until, s.snoozed_at,
                 lr.due_at as last_reminder_due, lr.sent_at as last_reminder_sent,
                 (select count(*) from reminders_sent r
                   where r.incident_id = f.id and r.kind = 'update_due'
                     and r.sent_at > greatest(f.last_update_at, coalesce(s.snoozed_at, f.last_update_at))) as ignored,
                 (select max(r.due_at) from reminders_sent r where r.incident_id = f.id and r.kind = 'no_commander') as last_no_commander_due,
                 (select max(r.sent_at) from reminders_sent r where r.incident_id = f.id and r.kind = 'stale') as last_stale_sent
            from facts f
            left join reminder_snoozes s on s.incident_id = f.id
            left join lateral (
              select r.due_at, r.sent_at from reminders_sent r
               where r.incident_id = f.id and r.kind = 'update_due' and r.sent_at > f.last_update_at
               order by r.sent_at desc, r.id desc limit 1) lr on true`),
      );
      if (result.length === 0) return [];
      const loaded = await db.select().from(incidents).where(inArray(incidents.id, result.map((r) => r.id)));
      const byId = new Map(loaded.map((row) => [row.id, toIncident(row)]));
      const facts: OpenIncidentFacts[] = [];
      for (const r of result) {
        const incident = byId.get(r.id);
        if (!incident) continue;
        facts.push({
          incident,
          lastUpdateAt: at(r.last_update_at),
          lastStatusUpdate: atOrNull(r.last_status_update),
          lastActivityAt: at(r.last_activity_at),
          commanderVacantSince: at(r.commander_vacant_since),
          snooze: r.snooze_until && r.snoozed_at ? { at: at(r.snoozed_at), until: at(r.snooze_until) } : null,
          lastUpdateReminder: r.last_reminder_due && r.last_reminder_sent ? { dueAt: at(r.last_reminder_due), sentAt: at(r.last_reminder_sent) } : null,
          ignoredReminders: Number(r.ignored),
          lastNoCommanderDueAt: atOrNull(r.last_no_commander_due),
          lastStaleSentAt: atOrNull(r.last_stale_sent),
        });
      }
      return facts.sort((a, b) => a.incident.declaredAt.getTime() - b.incident.declaredAt.getTime());
    },

    async unreviewedPostmortems(since, incidentId) {
      const found = await db
        .select()
        .from(incidents)
        .where(
          and(
            eq(incidents.status, 'resolved'),
            gte(incidents.resolvedAt, since),
            incidentId ? eq(incidents.id, incidentId) : undefined,
            sql`not exists (select 1 from timeline_entries e where e.incident_id = ${incidents.id}
                              and e.kind = 'postmortem_reviewed' and e.recorded_at >= ${incidents.resolvedAt})`,
            sql`not exists (select 1 from reminders_sent r where r.incident_id = ${incidents.id}
                              and r.kind = 'postmortem_review' and r.due_at > ${incidents.resolvedAt})`,
          ),
        )
        .orderBy(asc(incidents.resolvedAt));
      return found.map(toIncident);
    },

    async overdueActions(fromDay, toDay, incidentId) {
      const found = await db
        .select({ incident: incidents, action: actionItems })
        .from(actionItems)
        .innerJoin(incidents, eq(incidents.id, actionItems.incidentId))
        .where(
          and(
            eq(actionItems.state, 'open'),
            isNotNull(actionItems.dueOn),
            gte(actionItems.dueOn, fromDay),
            lte(actionItems.dueOn, toDay),
            incidentId ? eq(incidents.id, incidentId) : undefined,
            sql`not exists (select 1 from reminders_sent r where r.incident_id = ${actionItems.incidentId}
                              and r.kind = 'action_overdue' and r.subject = ${actionItems.number})`,
          ),
        )
        .orderBy(asc(actionItems.dueOn), asc(incidents.number), asc(actionItems.number));
      return found.map((r) => ({ incident: toIncident(r.incident), action: toAction(r.action) }));
    },

    async recordReminder(key, sentAt) {
      const inserted = await db
        .insert(remindersSent)
        .values({ incidentId: key.incidentId, kind: key.kind, subject: key.subject, dueAt: key.dueAt, sentAt })
        .onConflictDoNothing()
        .returning({ id: remindersSent.id });
      return inserted.length === 1;
    },

    async snooze(incidentId, until, snoozedAt, by) {
      await db
        .insert(reminderSnoozes)
        .values({ incidentId, until, snoozedAt, snoozedBy: by })
        .onConflictDoUpdate({ target: reminderSnoozes.incidentId, set: { until, snoozedAt, snoozedBy: by } });
    },

    async declaredSince(workspace, since) {
      const found = await db
        .select()
        .from(incidents)
        .where(and(eq(incidents.workspace, workspace), gte(incidents.declaredAt, since)))
        .orderBy(asc(incidents.declaredAt), asc(incidents.number));
      return found.map(toIncident);
    },
  };
}
