/**
 * The Atlassian Statuspage public API v2 shapes (summary, status, components, incidents), so that
 * status widgets and monitors built for Statuspage read Sitrep. Pure mapping from page data.
 */
import { SEVERITY_IMPACT } from '../core/labels';
import type { Impact, IncidentStatus, Severity } from '../core/types';
import type { PublicIncident, PublicUpdate } from '../db/public-repository';
import type { ComponentStatus, ComponentView } from './component-days';
import { componentSettings, stableId, type StatusPageSettings } from './status-page-config';

export const INDICATORS = ['none', 'minor', 'major', 'critical'] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_DESCRIPTIONS: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

const COMPONENT_INDICATOR: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** sev1 → critical … sev4 → none, in the words of `SEVERITY_IMPACT`. */
export function severityImpact(severity: Severity): Indicator {
  const word = SEVERITY_IMPACT[severity];
  return (INDICATORS as readonly string[]).includes(word) ? (word as Indicator) : 'none';
}

export function componentIndicator(status: ComponentStatus): Indicator {
  return COMPONENT_INDICATOR[status];
}

function worst(indicators: Iterable<Indicator>): Indicator {
  let out: Indicator = 'none';
  for (const i of indicators) if (INDICATORS.indexOf(i) > INDICATORS.indexOf(out)) out = i;
  return out;
}

/** The page's one-line state: the worst current component status or unresolved incident impact. */
export function overallIndicator(statuses: Iterable<ComponentStatus>, unresolved: readonly { severity: Severity; status: IncidentStatus }[]): Indicator {
  const fromComponents = [...statuses].map(componentIndicator);
  const fromIncidents = unresolved.filter((i) => i.status !== 'resolved').map((i) => severityImpact(i.severity));
  return worst([...fromComponents, ...fromIncidents]);
}

export interface ApiContext {
  settings: StatusPageSettings;
  publicUrl: string;
  /** Used where nothing more precise is known (component creation). */
  since: Date;
  components: ComponentView[];
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function incidentUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(id)}`;
}

export function pageJson(ctx: ApiContext, updatedAt: Date) {
  const url = ctx.publicUrl.replace(/\/+$/, '');
  return { id: stableId('page', url), name: ctx.settings.name, url, time_zone: ctx.settings.zone, updated_at: updatedAt.toISOString() };
}

function componentJson(ctx: ApiContext, view: Pick<ComponentView, 'settings' | 'status' | 'updatedAt'>, position: number, groupId: string | null) {
  const s = view.settings;
  return {
    id: s.id,
    name: s.name,
    status: view.status,
    created_at: ctx.since.toISOString(),
    updated_at: (view.updatedAt ?? ctx.since).toISOString(),
    position,
    description: s.description,
    showcase: s.showcase,
    start_date: null as string | null,
    group_id: groupId,
    page_id: pageJson(ctx, ctx.since).id,
    group: false,
    only_show_if_degraded: s.onlyShowIfDegraded,
  };
}
export type ComponentJson = ReturnType<typeof componentJson>;
export type GroupJson = Omit<ComponentJson, 'group'> & { group: true; components: string[] };

/** Components in page order; each group is an entry too (`group: true`, its children's ids), placed before its first child. */
export function componentsJson(ctx: ApiContext): (ComponentJson | GroupJson)[] {
  const out: (ComponentJson | GroupJson)[] = [];
  const groups = new Map(ctx.settings.groups.map((g) => [g.name, g]));
  const placed = new Map<string, GroupJson>();
  for (const view of ctx.components) {
    const group = view.settings.group ? groups.get(view.settings.group) : undefined;
    if (group && !placed.has(group.name)) {
      const members = ctx.components.filter((v) => v.settings.group === group.name);
      const status = members.map((m) => m.status).reduce<ComponentStatus>((w, s) => (componentRank(s) > componentRank(w) ? s : w), 'operational');
      const updated = members.map((m) => m.updatedAt).filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
      const base = componentJson(ctx, { settings: { ...componentSettings(group.name), id: group.id, description: group.description }, status, updatedAt: updated }, out.length + 1, null);
      const entry: GroupJson = { ...base, group: true, components: members.map((m) => m.settings.id) };
      placed.set(group.name, entry);
      out.push(entry);
    }
    out.push(componentJson(ctx, view, out.length + 1, group?.id ?? null));
  }
  return out;
}

function componentRank(s: ComponentStatus): number {
  return s === 'operational' ? -1 : ['degraded_performance', 'partial_outage', 'major_outage'].indexOf(s);
}

/** Each update's component changes against the one before it (oldest first), as Statuspage lists them. */
function affected(ctx: ApiContext, updates: readonly PublicUpdate[]) {
  const byUpdate = new Map<string, { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus }[]>();
  let before: Record<string, Impact> = {};
  for (const u of [...updates].reverse()) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(u.components)])];
    byUpdate.set(
      u.id,
      names
        .filter((n) => before[n] !== u.components[n])
        .map((n) => ({ code: idOf(ctx, n), name: n, old_status: before[n] ?? 'operational', new_status: u.components[n] ?? 'operational' })),
    );
    before = u.components;
  }
  return byUpdate;
}

function idOf(ctx: ApiContext, name: string): string {
  return ctx.components.find((c) => c.settings.name === name)?.settings.id ?? componentSettings(name).id;
}

export function incidentJson(ctx: ApiContext, incident: PublicIncident) {
  const pageId = pageJson(ctx, ctx.since).id;
  const changes = affected(ctx, incident.updates);
  const names = new Set<string>([...incident.impacts.map((i) => i.component), ...Object.keys(incident.components)]);
  for (const u of incident.updates) for (const n of Object.keys(u.components)) names.add(n);
  const monitoring = incident.updates.filter((u) => u.status === 'monitoring').at(-1);
  const latest = [incident.declaredAt, incident.resolvedAt, incident.updates[0]?.at ?? null]
    .filter((d): d is Date => d !== null)
    .reduce((a, b) => (b > a ? b : a));
  return {
    id: incident.id,
    name: incident.title,
    status: incident.status,
    impact: severityImpact(incident.severity),
    created_at: incident.declaredAt.toISOString(),
    updated_at: latest.toISOString(),
    started_at: incident.startedAt.toISOString(),
    monitoring_at: iso(monitoring?.at ?? null),
    resolved_at: incident.status === 'resolved' ? iso(incident.resolvedAt) : null,
    shortlink: incidentUrl(ctx.publicUrl, incident.id),
    page_id: pageId,
    components: [...names].map((n) => {
      const view = ctx.components.find((c) => c.settings.name === n);
      return componentJson(ctx, view ?? { settings: componentSettings(n), status: 'operational', updatedAt: null }, view ? ctx.components.indexOf(view) + 1 : 0, null);
    }),
    incident_updates: incident.updates.map((u) => ({
      id: u.id,
      incident_id: incident.id,
      status: u.status,
      body: u.body,
      created_at: u.at.toISOString(),
      updated_at: u.at.toISOString(),
      display_at: u.at.toISOString(),
      affected_components: changes.get(u.id) ?? [],
    })),
  };
}
export type IncidentJson = ReturnType<typeof incidentJson>;

/** When the page last changed: the newest incident change shown, else `since`. */
export function lastChange(ctx: ApiContext, incidents: readonly IncidentJson[]): Date {
  const times = [ctx.since.getTime(), ...incidents.map((i) => Date.parse(i.updated_at)), ...ctx.components.map((c) => c.updatedAt?.getTime() ?? 0)];
  return new Date(Math.max(...times));
}

export function statusJson(ctx: ApiContext, unresolved: readonly PublicIncident[]) {
  const indicator = overallIndicator(ctx.components.map((c) => c.status), unresolved);
  return { indicator, description: INDICATOR_DESCRIPTIONS[indicator] };
}

export function summaryJson(ctx: ApiContext, unresolved: readonly PublicIncident[]) {
  const incidents = unresolved.map((i) => incidentJson(ctx, i));
  return {
    page: pageJson(ctx, lastChange(ctx, incidents)),
    status: statusJson(ctx, unresolved),
    components: componentsJson(ctx),
    incidents,
    scheduled_maintenances: [] as never[],
  };
}
