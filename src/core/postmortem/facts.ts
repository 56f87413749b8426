/** Facts a postmortem derives from the record, shared by its sections. */
import type { ActionItem, Impact, Incident } from '../types';
import { impactRank } from '../labels';
import type { EntryView } from './resolve-timeline';
import type { ZoneFormatter } from './zone-formatter';

export interface PostmortemContext {
  incident: Incident;
  /** The timeline in order, retractions and corrections applied. */
  views: EntryView[];
  actions: ActionItem[];
  fmt: ZoneFormatter;
}

export interface Mitigation {
  at: Date;
  /** Taken from the first status update to "monitoring", as none was recorded on the incident. */
  fromStatusUpdate: boolean;
}

/** When the incident was mitigated: as recorded, else the first (standing) "monitoring" update. */
export function mitigation({ incident, views }: PostmortemContext): Mitigation | null {
  if (incident.mitigatedAt) return { at: incident.mitigatedAt, fromStatusUpdate: false };
  const first = views.find((v) => !v.retracted && v.kind === 'status_update' && v.data.status === 'monitoring');
  return first ? { at: first.entry.occurredAt, fromStatusUpdate: true } : null;
}

export interface AffectedComponent {
  name: string;
  /** The worst impact the component had at any point. */
  worst: Impact;
}

/**
 * Every component that had an impact at any point, with the worst one, in the order they were
 * first seen: impact changes and status-update snapshots on the timeline, then the incident's
 * current components. Retracted entries do not count.
 */
export function affectedComponents({ incident, views }: PostmortemContext): AffectedComponent[] {
  const worst = new Map<string, Impact>();
  const see = (name: string | undefined, impact: Impact | null | undefined): void => {
    if (!name || !impact) return;
    const before = worst.get(name);
    if (before === undefined || impactRank(impact) > impactRank(before)) worst.set(name, impact);
  };
  for (const v of views) {
    if (v.retracted) continue;
    if (v.kind === 'component_impact') see(v.data.component, v.data.impact);
    if (v.kind === 'status_update' && v.data.components) {
      for (const [name, impact] of Object.entries(v.data.components)) see(name, impact);
    }
  }
  for (const [name, impact] of Object.entries(incident.components)) see(name, impact);
  return [...worst].map(([name, impact]) => ({ name, worst: impact }));
}

const ROOT_CAUSE = /^\s*root cause\s*:\s*/i;

/** Notes that state the root cause ("root cause: …"), with the prefix taken off and a capital. */
export function rootCauseNotes(views: readonly EntryView[]): { view: EntryView; text: string }[] {
  const notes: { view: EntryView; text: string }[] = [];
  for (const v of views) {
    if (v.retracted || v.kind !== 'note' || !ROOT_CAUSE.test(v.body)) continue;
    const text = v.body.replace(ROOT_CAUSE, '').trim();
    if (text !== '') notes.push({ view: v, text: `${text.charAt(0).toUpperCase()}${text.slice(1)}` });
  }
  return notes;
}

/**
 * What the responders said when resolving: the messages of "resolved" status updates and the
 * text of `resolved` entries, each distinct message once, in timeline order.
 */
export function resolutionMessages(views: readonly EntryView[]): EntryView[] {
  const seen = new Set<string>();
  return views.filter((v) => {
    const resolving = v.kind === 'resolved' || (v.kind === 'status_update' && v.data.status === 'resolved');
    const text = v.body.trim();
    if (v.retracted || !resolving || text === '' || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
