import type { Conversation } from '../app/ports';
import type { NewEntry } from '../core/incident/decision';
import type { ActionItem, EntryData, EntryKind, Incident, Person, Platform, TimelineEntry } from '../core/types';
import type { ActionItemRow, ConversationRow, IncidentRow, TimelineEntryRow } from './schema';

/** Rows as the domain knows them, and back: ids become strings, nullable columns nulls. */
export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    workspace: row.workspace,
    number: row.number,
    title: row.title,
    summary: row.summary,
    severity: row.severity,
    status: row.status,
    private: row.private,
    zone: row.zone,
    startedAt: row.startedAt,
    declaredAt: row.declaredAt,
    mitigatedAt: row.mitigatedAt,
    resolvedAt: row.resolvedAt,
    roles: row.roles,
    components: row.components,
    members: row.members,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function fromIncident(i: Incident): IncidentRow {
  return { ...i };
}

export function fromEntry(incidentId: string, e: NewEntry) {
  return {
    incidentId,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    kind: e.kind,
    author: e.author,
    body: e.body,
    data: e.data,
    source: e.source,
    externalRef: e.externalRef,
    supersedes: e.supersedes === null ? null : Number(e.supersedes),
  };
}

export function toEntry(row: TimelineEntryRow): TimelineEntry {
  return {
    id: String(row.id),
    incidentId: row.incidentId,
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    kind: row.kind,
    author: row.author,
    body: row.body,
    data: row.data,
    source: row.source,
    externalRef: row.externalRef,
    supersedes: row.supersedes === null ? null : String(row.supersedes),
  };
}

/** An entry as `timeline()` selects it: its columns but the incident id, in the order `json_build_array` lists them. */
type EntryJson = [number, string, string, EntryKind, Person, string, EntryData, Platform, string | null, number | null];

/** An entry of `incidentId` read as one JSON array; instants are ISO 8601 with an offset. */
export function entryFromJson(incidentId: string, text: string): TimelineEntry {
  const [id, occurredAt, recordedAt, kind, author, body, data, source, externalRef, supersedes] = JSON.parse(text) as EntryJson;
  return {
    id: String(id),
    incidentId,
    occurredAt: new Date(occurredAt),
    recordedAt: new Date(recordedAt),
    kind,
    author,
    body,
    data,
    source,
    externalRef,
    supersedes: supersedes === null ? null : String(supersedes),
  };
}

export function toAction(row: ActionItemRow): ActionItem {
  return {
    incidentId: row.incidentId,
    number: row.number,
    text: row.text,
    owner: row.owner ?? null,
    state: row.state,
    createdAt: row.createdAt,
    doneAt: row.doneAt,
    ...(row.dueOn ? { dueOn: row.dueOn } : {}),
  };
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: String(row.id),
    incidentId: row.incidentId,
    platform: row.platform as Platform,
    purpose: row.purpose,
    externalId: row.externalId,
    name: row.name,
    link: row.link,
    reference: row.reference,
  };
}

