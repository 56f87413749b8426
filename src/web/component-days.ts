/**
 * Component states, now and per day, from the public incidents: what the status page's component
 * list and 90-day strips show. Pure: incidents, settings and "now" in, views out.
 */
import { impactRank } from '../core/labels';
import { PageTime } from './page-time';
import type { Impact } from '../core/types';
import type { PublicIncident } from '../db/public-repository';
import { componentSettings, type ComponentSettings, type StatusPageSettings } from './status-page-config';

export const HISTORY_DAYS = 90;

/** A component's state in Statuspage's words: its impact, or operational. */
export type ComponentStatus = 'operational' | Impact;

export interface DayIncident {
  id: string;
  title: string;
  /** The worst impact this incident had on the component that day. */
  impact: Impact;
}

export interface DayState {
  /** "2026-05-27", in the page's zone. */
  iso: string;
  /** "27 May 2026" */
  label: string;
  worst: Impact | null;
  incidents: DayIncident[];
}

export interface ComponentView {
  settings: ComponentSettings;
  status: ComponentStatus;
  /** Oldest first, the last one is today. */
  days: DayState[];
  /** Percent over the days shown: a major outage counts fully, a partial outage 30 % (as Statuspage does). */
  uptime: number;
  /** The last change of an unresolved incident touching it. */
  updatedAt: Date | null;
}

interface Interval {
  component: string;
  impact: Impact;
  from: number;
  to: number;
}

export function worse(a: Impact | null, b: Impact | null): Impact | null {
  if (a === null) return b;
  if (b === null) return a;
  return impactRank(b) > impactRank(a) ? b : a;
}

/** When the incident was open: from its start to its resolution, minus resolved-then-reopened gaps. */
function openPeriods(incident: PublicIncident, now: number): { from: number; to: number }[] {
  const periods: { from: number; to: number }[] = [];
  let openedAt: number | null = incident.startedAt.getTime();
  for (const p of incident.phases) {
    const at = p.at.getTime();
    if (p.status === 'resolved' && openedAt !== null) {
      periods.push({ from: openedAt, to: at });
      openedAt = null;
    } else if (p.status !== 'resolved' && openedAt === null) openedAt = at;
  }
  if (openedAt !== null) {
    const end = incident.status === 'resolved' ? (incident.resolvedAt ?? incident.updatedAt).getTime() : now;
    periods.push({ from: openedAt, to: Math.max(openedAt, end) });
  }
  return periods;
}

/** Each component's impact over time during the incident. */
export function impactIntervals(incident: PublicIncident, now: Date): Interval[] {
  const raw: Interval[] = [];
  const end = now.getTime();
  if (incident.impacts.length === 0) {
    for (const [component, impact] of Object.entries(incident.components)) raw.push({ component, impact, from: incident.startedAt.getTime(), to: end });
  } else {
    const open = new Map<string, { impact: Impact; from: number }>();
    for (const change of incident.impacts) {
      const at = change.at.getTime();
      const current = open.get(change.component);
      if (current) raw.push({ component: change.component, ...current, to: at });
      open.delete(change.component);
      if (change.impact) open.set(change.component, { impact: change.impact, from: at });
    }
    for (const [component, current] of open) raw.push({ component, ...current, to: end });
  }
  const out: Interval[] = [];
  for (const period of openPeriods(incident, end)) {
    for (const i of raw) {
      const from = Math.max(i.from, period.from);
      const to = Math.min(i.to, period.to);
      if (to > from) out.push({ ...i, from, to });
    }
  }
  return out;
}

/** The start of the oldest day of the history: midnight in the zone, `days - 1` days before today. */
export function historyStart(now: Date, zone: string, days = HISTORY_DAYS): Date {
  return new Date(new PageTime(zone).days(now, days).starts[0]!);
}

/** Index of the day containing `t` (binary search over the boundaries), or -1 outside. */
function dayIndex(starts: number[], t: number): number {
  if (t < starts[0]! || t >= starts[starts.length - 1]!) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The components to list: the configured ones in order, else every one incidents named (by name). */
function listed(settings: StatusPageSettings, named: Iterable<string>, current: Map<string, Impact>): ComponentSettings[] {
  if (settings.components.length === 0) return [...new Set(named)].sort((a, b) => a.localeCompare(b)).map((n) => componentSettings(n));
  const known = new Set(settings.components.map((c) => c.name));
  // An unconfigured component that is down now is still shown: an outage is never hidden.
  const extra = [...current.keys()].filter((n) => !known.has(n)).sort().map((n) => componentSettings(n));
  return [...settings.components, ...extra];
}

export function componentViews(settings: StatusPageSettings, incidents: readonly PublicIncident[], now: Date, days = HISTORY_DAYS): ComponentView[] {
  const { starts, iso, labels } = new PageTime(settings.zone).days(now, days);
  const current = new Map<string, Impact>();
  const touched = new Map<string, Date>();
  const perDay = new Map<string, Map<number, Map<string, DayIncident>>>();
  const downtime = new Map<string, number>();
  const windowStart = starts[0]!;

  for (const incident of incidents) {
    if (incident.status !== 'resolved') {
      for (const [name, impact] of Object.entries(incident.components)) {
        current.set(name, worse(current.get(name) ?? null, impact)!);
        const seen = touched.get(name);
        if (!seen || seen < incident.updatedAt) touched.set(name, incident.updatedAt);
      }
    }
    for (const i of impactIntervals(incident, now)) {
      const from = Math.max(i.from, windowStart);
      const to = Math.min(i.to, now.getTime());
      if (to <= from) continue;
      const weight = i.impact === 'major_outage' ? 1 : i.impact === 'partial_outage' ? 0.3 : 0;
      downtime.set(i.component, (downtime.get(i.component) ?? 0) + weight * (to - from));
      const days = perDay.get(i.component) ?? new Map<number, Map<string, DayIncident>>();
      perDay.set(i.component, days);
      for (let d = dayIndex(starts, from), last = dayIndex(starts, to - 1); d >= 0 && d <= last; d++) {
        const list = days.get(d) ?? new Map<string, DayIncident>();
        days.set(d, list);
        const before = list.get(incident.id);
        list.set(incident.id, { id: incident.id, title: incident.title, impact: worse(before?.impact ?? null, i.impact)! });
      }
    }
  }

  const span = Math.max(1, now.getTime() - windowStart);
  return listed(settings, [...perDay.keys(), ...current.keys()], current).map((c) => {
    const days = perDay.get(c.name);
    const states: DayState[] = iso.map((date, d) => {
      const list = [...(days?.get(d)?.values() ?? [])];
      const dayWorst = list.reduce<Impact | null>((w, x) => worse(w, x.impact), null);
      return { iso: date, label: labels[d]!, worst: dayWorst, incidents: list };
    });
    const uptime = Math.max(0, 100 * (1 - (downtime.get(c.name) ?? 0) / span));
    return { settings: c, status: current.get(c.name) ?? 'operational', days: states, uptime, updatedAt: touched.get(c.name) ?? null };
  });
}
