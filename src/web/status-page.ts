/**
 * The public status page: the overall state in one line, the unresolved incidents with their public
 * updates, every component with its state and 90-day strip, and the incidents of the last 90 days by
 * day. Pure: data in, HTML out; readable without JavaScript.
 */
import { PageTime } from './page-time';
import type { PublicIncident } from '../db/public-repository';
import type { Impact } from '../core/types';
import { HISTORY_DAYS, worse, type ComponentView } from './component-days';
import { html, safeHref, type SafeHtml } from './html';
import { layout } from './layout';
import { activeIncident, basePath, componentStatusWords, feedLinks, pageFooter, pageHeader, pastIncident } from './page-parts';
import type { StatusPageSettings } from './status-page-config';
import { INDICATOR_DESCRIPTIONS, overallIndicator } from './statuspage-api';
import { stripSvg } from './strip-svg';

export interface StatusPageData {
  settings: StatusPageSettings;
  publicUrl: string;
  now: Date;
  components: ComponentView[];
  /** Public incidents open at some time in the last 90 days: unresolved first, then newest first. */
  incidents: PublicIncident[];
  /** More incidents matched than were loaded. */
  truncated?: boolean;
}

function componentBlock(view: ComponentView): SafeHtml {
  const s = view.settings;
  const link = safeHref(s.link);
  const name = link ? html`<a href="${link}">${s.name}</a>` : s.name;
  return html`<div class="component" data-component="${s.id}">
<div class="row"><span class="name">${name}</span><span class="state ${view.status}">${componentStatusWords(view.status)}</span></div>
${s.description ? html`<div class="desc">${s.description}</div>` : ''}
${stripSvg(view)}
</div>`;
}

/** Components in order; a group is shown where its first component is, with all of its members. */
function componentList(settings: StatusPageSettings, views: readonly ComponentView[]): SafeHtml {
  const visible = views.filter((v) => !(v.settings.onlyShowIfDegraded && v.status === 'operational'));
  if (visible.length === 0) return html`<p class="card muted">No components are listed on this page.</p>`;
  const sections: { group: string | null; views: ComponentView[] }[] = [];
  for (const v of visible) {
    const group = v.settings.group;
    const existing = group ? sections.find((s) => s.group === group) : sections.at(-1)?.group === null ? sections.at(-1) : undefined;
    if (existing) existing.views.push(v);
    else sections.push({ group, views: [v] });
  }
  const parts = sections.map((s) => {
    if (!s.group) return s.views.map(componentBlock);
    const description = settings.groups.find((g) => g.name === s.group)?.description;
    const worst = s.views.reduce<Impact | null>((w, v) => worse(w, v.status === 'operational' ? null : v.status), null) ?? 'operational';
    return html`<div class="group-name"><span>${s.group}${description ? html`<span class="desc">${description}</span>` : ''}</span><span class="state ${worst}">${componentStatusWords(worst)}</span></div>${s.views.map(componentBlock)}`;
  });
  return html`<div class="card components">${parts}</div>`;
}

function history(incidents: readonly PublicIncident[], base: string, fmt: PageTime, truncated: boolean): SafeHtml {
  const past = incidents.filter((i) => i.status === 'resolved').sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  if (past.length === 0) return html`<p class="muted">No incidents in the last ${HISTORY_DAYS} days.</p>`;
  const days = new Map<string, PublicIncident[]>();
  for (const i of past) {
    const key = fmt.isoDate(i.startedAt);
    days.set(key, [...(days.get(key) ?? []), i]);
  }
  const ordered = [...days].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return html`${ordered.map(
    ([iso, list]) => html`<section class="day-group" id="day-${iso}"><h3>${fmt.date(list[0]!.startedAt)}</h3>${list.map((i) => pastIncident(i, base, fmt))}</section>`,
  )}${truncated ? html`<p class="muted small">Older incidents of this period are not listed.</p>` : ''}`;
}

export function renderStatusPage(data: StatusPageData): SafeHtml {
  const { settings, now } = data;
  const base = basePath(data.publicUrl);
  const fmt = new PageTime(settings.zone);
  const unresolved = data.incidents.filter((i) => i.status !== 'resolved');
  const indicator = overallIndicator(data.components.map((c) => c.status), unresolved);
  const body = html`${pageHeader(settings, base)}
<div class="overall ${indicator}" role="status"><span class="dot" aria-hidden="true"></span><div><span id="overall">${INDICATOR_DESCRIPTIONS[indicator]}</span><small>As of ${fmt.dateTime(now)}</small></div></div>
${unresolved.length > 0 ? html`<h2>Active incidents</h2>${unresolved.map((i) => activeIncident(i, base, fmt))}` : ''}
<h2>Components</h2>
${componentList(settings, data.components)}
<h2>Past incidents</h2>
${history(data.incidents, base, fmt, data.truncated ?? false)}
${pageFooter(settings, base)}`;
  return layout({ title: `${settings.name}: ${INDICATOR_DESCRIPTIONS[indicator]}`, body, head: feedLinks(base, settings.name) });
}
