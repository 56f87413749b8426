/** Pieces the public pages share: links, the page header and footer, incident cards and update lists. */
import { IMPACT_WORDS, STATUS_WORDS } from '../core/labels';
import type { PageTime } from './page-time';
import type { PublicIncident, PublicUpdate } from '../db/public-repository';
import type { ComponentStatus } from './component-days';
import { html, safeHref, type SafeHtml } from './html';
import type { StatusPageSettings } from './status-page-config';
import { severityImpact } from './statuspage-api';

/** The path prefix of PUBLIC_URL ("" when the page is served at the root of its host). */
export function basePath(publicUrl: string): string {
  try {
    return new URL(publicUrl).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

export function incidentPath(base: string, id: string): string {
  return `${base}/incidents/${encodeURIComponent(id)}`;
}

export function componentStatusWords(status: ComponentStatus): string {
  if (status === 'operational') return 'Operational';
  const words = IMPACT_WORDS[status];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function timeTag(at: Date, fmt: PageTime): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${fmt.dateTime(at)}</time>`;
}

export function feedLinks(base: string, name: string): SafeHtml {
  return html`<link rel="alternate" type="application/atom+xml" title="${name} history (Atom)" href="${base}/history.atom">
<link rel="alternate" type="application/rss+xml" title="${name} history (RSS)" href="${base}/history.rss">`;
}

export function pageHeader(settings: StatusPageSettings, base: string): SafeHtml {
  const home = safeHref(settings.homepage);
  return html`<header class="top"><h1><a href="${base}/" style="color:inherit;text-decoration:none">${settings.name}</a></h1><nav>${
    home ? html`<a href="${home}">Website</a> · ` : ''
  }<a href="${base}/history.atom">Subscribe (Atom)</a> · <a href="${base}/history.rss">RSS</a></nav></header>`;
}

export function pageFooter(settings: StatusPageSettings, base: string): SafeHtml {
  return html`<footer>Times are shown in ${settings.zone}. · <a href="${base}/api/v2/summary.json">JSON API</a> · <a href="${base}/history.atom">Atom</a> · <a href="${base}/history.rss">RSS</a><br>Powered by Sitrep</footer>`;
}

export function updateList(updates: readonly PublicUpdate[], fmt: PageTime): SafeHtml {
  if (updates.length === 0) return html`<p class="muted small">No public update has been posted yet.</p>`;
  return html`<ol class="updates">${updates.map(
    (u) => html`<li id="update-${u.id}"><b>${STATUS_WORDS[u.status]}</b> – ${u.body}${timeTag(u.at, fmt)}</li>`,
  )}</ol>`;
}

/** An unresolved incident on the status page: name, impact, state and every public update, newest first. */
export function activeIncident(incident: PublicIncident, base: string, fmt: PageTime): SafeHtml {
  const impact = severityImpact(incident.severity);
  const affects = Object.entries(incident.components);
  return html`<article class="card incident ${impact}" data-incident="${incident.id}">
<h3><a href="${incidentPath(base, incident.id)}">${incident.title}</a></h3>
<div class="muted small">${impact === 'none' ? '' : html`<span class="badge ${impact}">${impact}</span> `}${STATUS_WORDS[incident.status]} · started ${fmt.dateTime(incident.startedAt)}</div>
${affects.length > 0 ? html`<p class="small affects">Affects ${affects.map(([name, i], k) => html`${k > 0 ? ', ' : ''}${name} (${IMPACT_WORDS[i]})`)}</p>` : ''}
${updateList(incident.updates, fmt)}
</article>`;
}

/** A past incident in the history: name, impact, its last public word, and when it was resolved. */
export function pastIncident(incident: PublicIncident, base: string, fmt: PageTime): SafeHtml {
  const impact = severityImpact(incident.severity);
  const last = incident.updates[0];
  const resolved = incident.resolvedAt ? `resolved ${fmt.dateTime(incident.resolvedAt)}` : 'resolved';
  return html`<div class="past ${impact}" data-incident="${incident.id}"><a href="${incidentPath(base, incident.id)}">${incident.title}</a>${
    impact === 'none' ? '' : html` <span class="badge ${impact}">${impact}</span>`
  }${last ? html`<p>${last.body}</p>` : ''}<span class="when">${fmt.dateTime(incident.startedAt)} · ${resolved}</span></div>`;
}
