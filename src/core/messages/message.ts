import { formatDueDay } from '../followup/calendar';
import type { EntryKind, Impact, Incident, IncidentStatus, Role, Severity } from '../types';

/**
 * What Sitrep says, built once and platform-neutral; each platform renders it (Block Kit,
 * Adaptive Card, plain text). Messages are stored in the outbox, so they hold only JSON:
 * instants are ISO strings.
 */

export interface IncidentCard {
  number: number;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  private: boolean;
  zone: string;
  roles: { role: Role; name: string }[];
  components: { name: string; impact: Impact }[];
  startedAt: string;
  declaredAt: string;
  resolvedAt: string | null;
}

export interface TimelineLine {
  at: string;
  kind: EntryKind;
  author: string;
  text: string;
  retracted: boolean;
}

export type Message =
  /** The pinned summary of an incident, edited in place whenever its state changes. */
  | { type: 'summary'; incident: IncidentCard }
  /** A new or reopened incident, for the announcement conversation (resolution is a status update). */
  | { type: 'announcement'; event: 'declared' | 'reopened'; incident: IncidentCard; author: string }
  | { type: 'status_update'; incident: IncidentCard; status: IncidentStatus; message: string; author: string; at: string }
  /** A fact recorded on the timeline, echoed to the incident conversation. */
  | { type: 'notice'; incident: number; zone: string; kind: EntryKind; text: string; author: string; at: string }
  | { type: 'resolution'; incident: IncidentCard; message: string; facts: { label: string; value: string }[] }
  | { type: 'postmortem'; incident: number; title: string; filename: string; markdown: string }
  | { type: 'timeline'; incident: IncidentCard; lines: TimelineLine[] }
  | { type: 'incident_list'; incidents: IncidentCard[] }
  | { type: 'actions'; incident: number; items: ActionLine[] }
  /**
   * A follow-through reminder in the incident conversation, addressed to `to` (mentioned where
   * the platform can). A status update reminder offers "Post update" and "Snooze".
   */
  | { type: 'reminder'; kind: ReminderKind; incident: number; to: { id: string; name: string }[]; text: string }
  | { type: 'text'; text: string };

export const REMINDER_KINDS = ['update_due', 'no_commander', 'stale', 'postmortem_review', 'action_overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type MessageType = Message['type'];

export function incidentCard(incident: Incident): IncidentCard {
  return {
    number: incident.number,
    title: incident.title,
    summary: incident.summary,
    severity: incident.severity,
    status: incident.status,
    private: incident.private,
    zone: incident.zone,
    roles: Object.entries(incident.roles).map(([role, person]) => ({ role: role as Role, name: person.name })),
    components: Object.entries(incident.components).map(([name, impact]) => ({ name, impact })),
    startedAt: incident.startedAt.toISOString(),
    declaredAt: incident.declaredAt.toISOString(),
    resolvedAt: incident.resolvedAt ? incident.resolvedAt.toISOString() : null,
  };
}

/** An action item as `/incident actions` lists it. */
export interface ActionLine {
  number: number;
  text: string;
  owner: string | null;
  done: boolean;
  /** The day it is due, `2026-12-01`, when one was set. */
  dueOn?: string | null;
  /** Still open after its due day ended in the incident's zone. */
  overdue?: boolean;
}

/** "due 1 Dec 2026" or "overdue, was due 1 Dec 2026" for an open item with a due day; else null. */
export function dueText(a: ActionLine): string | null {
  if (a.done || !a.dueOn) return null;
  return `${a.overdue ? 'overdue, was due' : 'due'} ${formatDueDay(a.dueOn)}`;
}
