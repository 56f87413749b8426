import type { Conversation } from '../app/ports';
import type { NewEntry } from '../core/incident/decision';
import type { ActionItem, Incident, Platform, TimelineEntry } from '../core/types';
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

