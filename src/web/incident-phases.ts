/** The phase timeline's input, from a whole record (internal pages) or from public facts only (public page). */
import { STATUS_WORDS } from '../core/labels';
import type { EntryView } from '../core/postmortem/resolve-timeline';
import type { IncidentRecord, IncidentStatus } from '../core/types';
import type { PublicIncident, StatusChange } from '../db/public-repository';
import type { PhaseMarker, PhaseTimelineInput } from './phase-timeline-svg';

const NOTE_KINDS = new Set(['note', 'pinned_message']);

function statusOf(v: EntryView): IncidentStatus | null {
  if (v.kind === 'declared' || v.kind === 'reopened') return 'investigating';
  if (v.kind === 'resolved') return 'resolved';
  if (v.kind === 'status_update') return v.data.status ?? 'investigating';
  return null;
}

/** Phases from every standing status change; updates and notes (with who wrote them) as markers. */
export function recordPhases(views: readonly EntryView[], record: IncidentRecord, now: Date): PhaseTimelineInput {
  const phases: StatusChange[] = [];
  const markers: PhaseMarker[] = [];
  for (const v of views) {
    if (v.retracted) continue;
    const status = statusOf(v);
    if (status) phases.push({ status, at: v.entry.occurredAt });
    const by = v.entry.author.name;
    if (v.kind === 'status_update' || v.kind === 'resolved') {
      markers.push({ at: v.entry.occurredAt, kind: 'update', label: `${STATUS_WORDS[status ?? 'investigating']}: ${v.body} (${by})` });
    } else if (NOTE_KINDS.has(v.kind)) {
      markers.push({ at: v.entry.occurredAt, kind: 'note', label: `${v.kind === 'note' ? 'Note' : 'Pinned'}: ${v.body} (${by})` });
    }
  }
  const { incident } = record;
  return { startedAt: incident.startedAt, resolvedAt: incident.resolvedAt, status: incident.status, phases, markers, now, zone: incident.zone };
}

/** Phases and public updates only: what the status page may show. */
export function publicPhases(incident: PublicIncident, now: Date, zone: string): PhaseTimelineInput {
  const markers: PhaseMarker[] = incident.updates.map((u) => ({ at: u.at, kind: 'update', label: `${STATUS_WORDS[u.status]}: ${u.body}` }));
  return { startedAt: incident.startedAt, resolvedAt: incident.resolvedAt, status: incident.status, phases: incident.phases, markers, now, zone };
}
