/** Public incidents as the repository returns them, for the pure renderers' tests. */
import type { Impact, IncidentStatus, Severity } from '../../src/core/types';
import type { PublicIncident, PublicUpdate } from '../../src/db/public-repository';

let next = 0;

export interface Spec {
  id?: string;
  title?: string;
  severity?: Severity;
  /** ISO instants. */
  started: string;
  resolved?: string;
  /** Component impact changes: [iso, component, impact or null]. */
  impacts?: [string, string, Impact | null][];
  /** Public updates, oldest first: [iso, status, body]. */
  updates?: [string, IncidentStatus, string][];
}

/** A public incident; its status follows its last update (resolved when `resolved` is given). */
export function publicIncident(spec: Spec): PublicIncident {
  const id = spec.id ?? `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
  const at = (iso: string) => new Date(iso);
  const impacts = (spec.impacts ?? []).map(([iso, component, impact]) => ({ at: at(iso), component, impact }));
  const components: Record<string, Impact> = {};
  for (const i of impacts) {
    if (i.impact) components[i.component] = i.impact;
    else delete components[i.component];
  }
  let snapshot: Record<string, Impact> = {};
  const updates: PublicUpdate[] = (spec.updates ?? []).map(([iso, status, body], k) => {
    for (const i of impacts) {
      if (i.at.getTime() > at(iso).getTime()) continue;
      snapshot = { ...snapshot };
      if (i.impact) snapshot[i.component] = i.impact;
      else delete snapshot[i.component];
    }
    return { id: `${id}-${k}`, incidentId: id, status, body, at: at(iso), components: status === 'resolved' ? {} : snapshot };
  });
  if (spec.resolved && !updates.some((u) => u.status === 'resolved')) {
    updates.push({ id: `${id}-r`, incidentId: id, status: 'resolved', body: 'This incident has been resolved.', at: at(spec.resolved), components: {} });
  }
  const phases = [{ status: 'investigating' as IncidentStatus, at: at(spec.started) }, ...updates.map((u) => ({ status: u.status, at: u.at }))];
  const last = updates.at(-1);
  return {
    id,
    title: spec.title ?? `Incident ${id.slice(-4)}`,
    severity: spec.severity ?? 'sev2',
    status: spec.resolved ? 'resolved' : (last?.status ?? 'investigating'),
    startedAt: at(spec.started),
    declaredAt: at(spec.started),
    resolvedAt: spec.resolved ? at(spec.resolved) : null,
    updatedAt: at(spec.resolved ?? last?.at.toISOString() ?? spec.started),
    components,
    updates: [...updates].reverse(),
    phases,
    impacts,
  };
}
