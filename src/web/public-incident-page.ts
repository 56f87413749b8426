/** One public incident (its shortlink): impact, state, affected components, phases and public updates. */
import { IMPACT_WORDS, STATUS_WORDS } from '../core/labels';
import { PageTime } from './page-time';
import type { Impact } from '../core/types';
import type { PublicIncident } from '../db/public-repository';
import { worse } from './component-days';
import { html, type SafeHtml } from './html';
import { publicPhases } from './incident-phases';
import { layout } from './layout';
import { basePath, feedLinks, pageFooter, pageHeader, updateList } from './page-parts';
import { phaseTimelineSvg } from './phase-timeline-svg';
import type { StatusPageSettings } from './status-page-config';
import { severityImpact } from './statuspage-api';

/** Every component the incident touched, with the worst impact it had. */
function affected(incident: PublicIncident): [string, Impact][] {
  const worst = new Map<string, Impact>();
  const see = (name: string, impact: Impact | null) => {
    const w = worse(worst.get(name) ?? null, impact);
    if (w) worst.set(name, w);
  };
  for (const i of incident.impacts) see(i.component, i.impact);
  for (const u of incident.updates) for (const [n, i] of Object.entries(u.components)) see(n, i);
  if (incident.status !== 'resolved') for (const [n, i] of Object.entries(incident.components)) see(n, i);
  return [...worst];
}

export function renderPublicIncidentPage(incident: PublicIncident, settings: StatusPageSettings, publicUrl: string, now: Date): SafeHtml {
  const base = basePath(publicUrl);
  const fmt = new PageTime(settings.zone);
  const impact = severityImpact(incident.severity);
  const components = affected(incident);
  const resolved = incident.status === 'resolved' && incident.resolvedAt ? ` · resolved ${fmt.dateTime(incident.resolvedAt)}` : '';
  const body = html`${pageHeader(settings, base)}
<article class="card incident ${impact}" data-incident="${incident.id}">
<h2 style="margin-top:0">${incident.title}</h2>
<p class="muted small">${impact === 'none' ? '' : html`<span class="badge ${impact}">${impact}</span> `}${STATUS_WORDS[incident.status]} · started ${fmt.dateTime(incident.startedAt)}${resolved}</p>
${components.length > 0 ? html`<p class="small">Affected: ${components.map(([n, i], k) => html`${k > 0 ? ', ' : ''}${n} (${IMPACT_WORDS[i]})`)}</p>` : ''}
${phaseTimelineSvg(publicPhases(incident, now, settings.zone))}
<h3>Updates</h3>
${updateList(incident.updates, fmt)}
</article>
<p><a href="${base}/">← Current status</a></p>
${pageFooter(settings, base)}`;
  return layout({ title: `${incident.title} · ${settings.name}`, body, head: feedLinks(base, settings.name) });
}
