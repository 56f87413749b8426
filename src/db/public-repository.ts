/**
 * What the web pages read. Public queries filter `private = false` in SQL and load only what a
 * status page may show: the commander's public status updates (their text), status and component
 * changes (no text), never notes, names or the internal timeline. Every result is bounded, and the
 * entries of the listed incidents come in one query. Internal pages get the whole record.
 */
import { and, asc, desc, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { resolveTimeline } from '../core/postmortem/resolve-timeline';
import type { EntryData, EntryKind, Impact, IncidentRecord, IncidentStatus, Severity, TimelineEntry } from '../core/types';
import { rows, type Db } from './client';
import { toAction, toEntry, toIncident } from './mappers';
import { actionItems, incidents, timelineEntries } from './schema';

export interface PublicUpdate {
  id: string;
  incidentId: string;
  status: IncidentStatus;
  body: string;
  at: Date;
  /** The components and their impact when it was posted (a resolution clears them all). */
  components: Record<string, Impact>;
}

export interface StatusChange {
  status: IncidentStatus;
  at: Date;
}

export interface ImpactChange {
  component: string;
  impact: Impact | null;
  at: Date;
}

export interface PublicIncident {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  startedAt: Date;
  declaredAt: Date;
  resolvedAt: Date | null;
  updatedAt: Date;
  /** Component → current impact. */
  components: Record<string, Impact>;
  /** Public status updates, newest first. */
  updates: PublicUpdate[];
  /** Status changes (declared, updates, resolved, reopened), oldest first. */
  phases: StatusChange[];
  /** Component impact changes, oldest first. */
  impacts: ImpactChange[];
}

export interface FeedEntry {
  update: PublicUpdate;
  incident: { id: string; title: string; severity: Severity };
}

export const LIMITS = { window: 300, recent: 50, unresolved: 50, feed: 100 } as const;

const UPDATE_KINDS: EntryKind[] = ['status_update', 'resolved'];
const isPublic = sql`${timelineEntries.data} ->> 'public' = 'true'`;
const publicUpdate = and(inArray(timelineEntries.kind, UPDATE_KINDS), isPublic)!;

const incidentColumns = {
  id: incidents.id,
  title: incidents.title,
  severity: incidents.severity,
  status: incidents.status,
  startedAt: incidents.startedAt,
  declaredAt: incidents.declaredAt,
  resolvedAt: incidents.resolvedAt,
  updatedAt: incidents.updatedAt,
  components: incidents.components,
};

/** Only the text of public updates is read; other kinds come without their (internal) text. */
const entryColumns = {
  id: timelineEntries.id,
  incidentId: timelineEntries.incidentId,
  occurredAt: timelineEntries.occurredAt,
  recordedAt: timelineEntries.recordedAt,
  kind: timelineEntries.kind,
  body: sql<string>`case when ${publicUpdate} then ${timelineEntries.body} else '' end`,
  data: timelineEntries.data,
  supersedes: timelineEntries.supersedes,
};

type EntryRow = { id: number; incidentId: string; occurredAt: Date; recordedAt: Date; kind: EntryKind; body: string; data: EntryData; supersedes: number | null };
type IncidentHead = Omit<PublicIncident, 'updates' | 'phases' | 'impacts'>;

const NOBODY = { id: '', name: '' };

function slimEntry(r: EntryRow): TimelineEntry {
  return {
    id: String(r.id),
    incidentId: r.incidentId,
    occurredAt: new Date(r.occurredAt),
    recordedAt: new Date(r.recordedAt),
    kind: r.kind,
    author: NOBODY,
    body: r.body,
    data: r.data,
    source: 'api',
    externalRef: null,
    supersedes: r.supersedes === null ? null : String(r.supersedes),
  };
}

/** The public facts of one incident's entries, with retractions and corrections applied. */
export function publicFacts(entries: readonly TimelineEntry[]): Pick<PublicIncident, 'updates' | 'phases' | 'impacts'> {
  const updates: PublicUpdate[] = [];
  const phases: StatusChange[] = [];
  const impacts: ImpactChange[] = [];
  for (const v of resolveTimeline(entries)) {
    if (v.retracted) continue;
    const at = v.entry.occurredAt;
    if (v.kind === 'component_impact' && v.data.component) impacts.push({ component: v.data.component, impact: v.data.impact ?? null, at });
    if (v.kind === 'declared' || v.kind === 'reopened') phases.push({ status: 'investigating', at });
    if (v.kind !== 'status_update' && v.kind !== 'resolved') continue;
    const status = v.kind === 'resolved' ? 'resolved' : (v.data.status ?? 'investigating');
    phases.push({ status, at });
    if (v.data.public !== true) continue;
    const components = status === 'resolved' ? {} : { ...(v.data.components ?? {}) };
    updates.push({ id: String(v.entry.id), incidentId: v.entry.incidentId, status, body: v.body, at, components });
  }
  updates.reverse();
  return { updates, phases, impacts };
}

export function publicRepository(db: Db) {
  /**
   * Public incidents and, in a second query run at the same time, the entries of the same incidents
   * (chosen by the same filter, order and limit), so a page costs one round trip.
   */
  async function listed(where: SQL | undefined, order: SQL[], limit: number): Promise<PublicIncident[]> {
    const filter = and(eq(incidents.private, false), where);
    const chosen = db.select({ id: incidents.id }).from(incidents).where(filter).orderBy(...order).limit(limit);
    const [heads, entryRows] = await Promise.all([
      db.select(incidentColumns).from(incidents).where(filter).orderBy(...order).limit(limit),
      db
        .select(entryColumns)
        .from(timelineEntries)
        .where(
          and(
            inArray(timelineEntries.incidentId, chosen),
            or(publicUpdate, inArray(timelineEntries.kind, ['declared', 'reopened', 'component_impact', 'retraction'])),
          ),
        )
        .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id)) as Promise<EntryRow[]>,
    ]);
    const byIncident = new Map<string, TimelineEntry[]>();
    for (const r of entryRows) {
      const list = byIncident.get(r.incidentId) ?? [];
      list.push(slimEntry(r));
      byIncident.set(r.incidentId, list);
    }
    return heads.map((h) => ({ ...h, ...publicFacts(byIncident.get(h.id) ?? []) }));
  }

  return {
    /** Public incidents open at some time since `since` (unresolved first, then newest first). */
    async window(since: Date, limit: number = LIMITS.window): Promise<PublicIncident[]> {
      return listed(
        or(ne(incidents.status, 'resolved'), gte(incidents.resolvedAt, since)),
        [sql`${incidents.status} = 'resolved'`, desc(incidents.startedAt), desc(incidents.id)],
        limit,
      );
    },

    async unresolved(limit: number = LIMITS.unresolved): Promise<PublicIncident[]> {
      return listed(ne(incidents.status, 'resolved'), [desc(incidents.startedAt), desc(incidents.id)], limit);
    },

    /** The most recently declared public incidents. */
    async recent(limit: number = LIMITS.recent): Promise<PublicIncident[]> {
      return listed(undefined, [desc(incidents.declaredAt), desc(incidents.id)], limit);
    },

    async byId(id: string): Promise<PublicIncident | null> {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
      const [found] = await listed(eq(incidents.id, id), [], 1);
      return found ?? null;
    },

    /** The newest public status updates of public incidents, newest first. */
    async feed(limit: number = LIMITS.feed): Promise<FeedEntry[]> {
      const newest = (columns: Parameters<Db['select']>[0]) =>
        db
          .select(columns)
          .from(timelineEntries)
          .innerJoin(incidents, eq(incidents.id, timelineEntries.incidentId))
          .where(and(eq(incidents.private, false), publicUpdate))
          .orderBy(desc(timelineEntries.occurredAt), desc(timelineEntries.id))
          .limit(limit);
      // The newest updates and, at the same time, the retractions and corrections in their
      // incidents, so that a retracted update is not published and a corrected one says the correction.
      const [candidates, superseding] = await Promise.all([
        newest({ ...entryColumns, title: incidents.title, severity: incidents.severity }) as unknown as Promise<(EntryRow & { title: string; severity: Severity })[]>,
        db
          .select(entryColumns)
          .from(timelineEntries)
          .where(
            and(
              inArray(timelineEntries.incidentId, newest({ id: timelineEntries.incidentId })),
              sql`${timelineEntries.supersedes} is not null`,
              or(publicUpdate, eq(timelineEntries.kind, 'retraction')),
            ),
          ) as Promise<EntryRow[]>,
      ]);
      const byIncident = new Map<string, Map<string, TimelineEntry>>();
      for (const e of [...candidates, ...superseding]) {
        const entries = byIncident.get(e.incidentId) ?? new Map<string, TimelineEntry>();
        entries.set(String(e.id), slimEntry(e));
        byIncident.set(e.incidentId, entries);
      }
      const incidentOf = new Map(candidates.map((c) => [c.incidentId, { id: c.incidentId, title: c.title, severity: c.severity }]));
      const out: FeedEntry[] = [];
      for (const [id, incident] of incidentOf) {
        for (const update of publicFacts([...byIncident.get(id)!.values()]).updates) out.push({ update, incident });
      }
      return out.sort((a, b) => b.update.at.getTime() - a.update.at.getTime() || Number(b.update.id) - Number(a.update.id)).slice(0, limit);
    },

    /**
     * Changes whenever anything a public page shows may have: an incident is created or updated
     * (every update bumps its version) or a timeline entry is added. Costs one pass over the
     * incidents' versions and one index lookup.
     */
    async stamp(): Promise<string> {
      const [row] = rows<{ stamp: string }>(
        await db.execute(sql`select concat_ws('.', count(*), sum(${incidents.version}), (select max(${timelineEntries.id}) from ${timelineEntries})) as stamp from ${incidents}`),
      );
      return row!.stamp;
    },

    /** Everything about one incident, for its internal page and postmortem (private ones too). */
    async record(workspace: string, number: number): Promise<IncidentRecord | null> {
      const [row] = await db
        .select()
        .from(incidents)
        .where(and(eq(incidents.workspace, workspace), eq(incidents.number, number)))
        .limit(1);
      if (!row) return null;
      const [entries, actions] = await Promise.all([
        db.select().from(timelineEntries).where(eq(timelineEntries.incidentId, row.id)).orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id)),
        db.select().from(actionItems).where(eq(actionItems.incidentId, row.id)).orderBy(asc(actionItems.number)),
      ]);
      return { incident: toIncident(row), timeline: entries.map(toEntry), actions: actions.map(toAction) };
    },
  };
}

export type PublicRepository = ReturnType<typeof publicRepository>;
