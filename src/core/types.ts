/** The Sitrep domain: incidents, their timeline, roles, components and follow-up actions. */

export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The Statuspage lifecycle; `reopen` goes back from resolved to investigating. */
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

/** `postmortem` owns the postmortem draft after resolution; without one, the commander does. */
export const ROLES = ['commander', 'comms', 'scribe', 'postmortem'] as const;
export type Role = (typeof ROLES)[number];

export const IMPACTS = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
export type Impact = (typeof IMPACTS)[number];

export const PLATFORMS = ['console', 'slack', 'teams', 'api'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ENTRY_KINDS = [
  'declared',
  'note',
  'status_update',
  'severity_changed',
  'title_changed',
  'summary_changed',
  'role_assigned',
  'role_unassigned',
  'component_impact',
  'action_added',
  'action_done',
  'pinned_message',
  'retraction',
  'resolved',
  'reopened',
  'postmortem_reviewed',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A person as Sitrep knows them: a platform user id and the name to show. */
export interface Person {
  id: string;
  name: string;
}

/** Who is acting, from where, and the zone their typed times are read in. */
export interface Actor extends Person {
  platform: Platform;
  zone: string;
}

export interface Incident {
  id: string;
  workspace: string;
  number: number;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  private: boolean;
  /** IANA zone every time of this incident is shown in. */
  zone: string;
  startedAt: Date;
  declaredAt: Date;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  roles: Partial<Record<Role, Person>>;
  /** Component name → current impact; a cleared component is absent. */
  components: Record<string, Impact>;
  /** Everyone who acted on, was invited to or was named in the incident. */
  members: string[];
  createdBy: Person;
  updatedAt: Date;
  /** Counts the incident's stored changes: what was decided on an older version is decided again. */
  version: number;
}

/** Kind-specific facts carried by a timeline entry, for the postmortem and the pages. */
export interface EntryData {
  status?: IncidentStatus;
  previousStatus?: IncidentStatus;
  /** A status update that is published beyond the incident (announcements, status page). */
  public?: boolean;
  severity?: Severity;
  previousSeverity?: Severity;
  role?: Role;
  person?: Person;
  component?: string;
  impact?: Impact | null;
  previousImpact?: Impact | null;
  actionNumber?: number;
  title?: string;
  permalink?: string;
  /** Components and their impact when a status update was posted. */
  components?: Record<string, Impact>;
}

export interface TimelineEntry {
  id: string;
  incidentId: string;
  occurredAt: Date;
  recordedAt: Date;
  kind: EntryKind;
  author: Person;
  body: string;
  data: EntryData;
  source: Platform;
  externalRef: string | null;
  /** The entry this one corrects or retracts; the older entry is kept as it was. */
  supersedes: string | null;
}

export type ActionState = 'open' | 'done';

export interface ActionItem {
  incidentId: string;
  number: number;
  text: string;
  owner: Person | null;
  state: ActionState;
  createdAt: Date;
  doneAt: Date | null;
  /** The calendar day it is due (`2026-12-01`), in the incident's zone; absent when none was set. */
  dueOn?: string | null;
}

/** Everything recorded about one incident, as the postmortem and the pages need it. */
export interface IncidentRecord {
  incident: Incident;
  timeline: TimelineEntry[];
  actions: ActionItem[];
}
