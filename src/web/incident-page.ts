/**
 * The internal incident page (reached through a signed link): summary, key times, roles, components,
 * the phase timeline, the full timeline with retractions and corrections applied as the postmortem
 * applies them, and the follow-up actions. Pure: record in, HTML out.
 */
import { keyFacts } from '../core/incident/resolve-incident';
import { IMPACT_WORDS, ROLE_WORDS, SEVERITY_IMPACT, STATUS_WORDS, roleTitle, severityLabel } from '../core/labels';
import { resolveTimeline, type EntryView } from '../core/postmortem/resolve-timeline';
import { entryLabel } from '../core/postmortem/timeline-section';
import { PageTime } from './page-time';
import { ROLES, type Impact, type IncidentRecord } from '../core/types';
import { worse } from './component-days';
import { html, raw, type SafeHtml } from './html';
import { recordPhases } from './incident-phases';
import { layout } from './layout';
import { inlineHtml } from './markdown-html';
import { phaseTimelineSvg } from './phase-timeline-svg';

export interface InternalLinks {
  incident: string;
  postmortem: string;
  markdown: string;
  /** The incident on the public status page, when it is public. */
  publicPage: string | null;
}

/** Labels that already say what the entry's generated text says. */
function showsBody(v: EntryView): boolean {
  const d = v.data;
  if (v.kind === 'role_assigned' && d.role && d.person) return false;
  if (v.kind === 'severity_changed' && d.severity) return false;
  if (v.kind === 'component_impact' && d.component) return false;
  return v.body.trim() !== '';
}

function timelineItem(v: EntryView, when: string): SafeHtml {
  const marks = [v.retracted ? 'retracted' : '', v.corrected && !v.retracted ? 'corrected' : ''].filter(Boolean);
  const audience = (v.kind === 'status_update' || v.kind === 'resolved') && v.data.public === false ? ' (internal only)' : '';
  return html`<li class="${v.retracted ? 'retracted' : ''}" data-kind="${v.kind}"><span class="t">${when}</span><span><span class="what"><b>${raw(
    inlineHtml(entryLabel(v)),
  )}</b>${showsBody(v) ? html`: ${v.body}` : ''}</span>${audience}${marks.map((m) => html` <em class="muted">(${m})</em>`)}<span class="muted small"> · ${v.entry.author.name}</span></span></li>`;
}

function timelineList(views: readonly EntryView[], fmt: PageTime): SafeHtml {
  if (views.length === 0) return html`<p class="muted">Nothing has been recorded yet.</p>`;
  let day = '';
  const items = views.map((v) => {
    const at = v.entry.occurredAt;
    const date = fmt.date(at);
    const when = date === day ? fmt.time(at) : fmt.dateTime(at);
    day = date;
    return timelineItem(v, when);
  });
  return html`<ol class="timeline card">${items}</ol>`;
}

/** Every component with an impact at some point: its worst, and its impact now. */
function components(record: IncidentRecord, views: readonly EntryView[]): SafeHtml {
  const worst = new Map<string, Impact>();
  for (const v of views) {
    if (v.retracted || v.kind !== 'component_impact' || !v.data.component) continue;
    const w = worse(worst.get(v.data.component) ?? null, v.data.impact ?? null);
    if (w) worst.set(v.data.component, w);
  }
  const now = record.incident.components;
  for (const [name, impact] of Object.entries(now)) worst.set(name, worse(worst.get(name) ?? null, impact)!);
  if (worst.size === 0) return html`<p class="muted">No component has been marked as impacted.</p>`;
  return html`<ul>${[...worst].map(([name, w]) => {
    const current = now[name];
    return html`<li>${name}: <span class="state ${current ?? 'operational'}">${current ? IMPACT_WORDS[current] : 'operational'}</span> <span class="muted small">(worst: ${IMPACT_WORDS[w]})</span></li>`;
  })}</ul>`;
}

function actions(record: IncidentRecord): SafeHtml {
  if (record.actions.length === 0) return html`<p class="muted">No follow-up action has been recorded.</p>`;
  const due = record.actions.some((a) => a.dueOn);
  return html`<div class="doc"><table><thead><tr><th>#</th><th>Action</th><th>Owner</th>${due ? html`<th>Due</th>` : ''}<th>State</th></tr></thead><tbody>${record.actions.map(
    (a) => html`<tr><td>${a.number}</td><td>${a.text}</td><td>${a.owner?.name ?? 'unassigned'}</td>${due ? html`<td>${a.dueOn ?? ''}</td>` : ''}<td>${a.state}</td></tr>`,
  )}</tbody></table></div>`;
}

export function renderIncidentPage(record: IncidentRecord, links: InternalLinks, now: Date): SafeHtml {
  const { incident } = record;
  const fmt = new PageTime(incident.zone);
  const views = resolveTimeline(record.timeline);
  const impact = SEVERITY_IMPACT[incident.severity];
  const roles = ROLES.filter((r) => incident.roles[r]).map((r) => html`<dt>${roleTitle(r)}</dt><dd>${incident.roles[r]!.name}</dd>`);
  const body = html`<header class="top"><h1>INC-${incident.number}: ${incident.title}</h1><nav><a href="${links.postmortem}">Postmortem draft</a> · <a href="${links.markdown}">Download .md</a>${
    links.publicPage ? html` · <a href="${links.publicPage}">Public page</a>` : ''
  }</nav></header>
<p><span class="badge ${impact}">${severityLabel(incident.severity)} · ${impact}</span> <b>${STATUS_WORDS[incident.status]}</b>${
    incident.private ? html` · <span class="badge">Private</span>` : ''
  } <span class="muted small">· internal page, do not forward</span></p>
${incident.summary ? html`<p>${incident.summary}</p>` : ''}
<div class="card"><dl class="facts">${keyFacts(incident).map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}${roles}</dl>${
    roles.length === 0 ? html`<p class="muted small">No ${ROLE_WORDS.commander} assigned.</p>` : ''
  }</div>
<h2>Phases</h2>
<div class="card">${phaseTimelineSvg(recordPhases(views, record, now))}</div>
<h2>Components</h2>
${components(record, views)}
<h2>Timeline</h2>
<p class="muted small">All times are ${incident.zone}.</p>
${timelineList(views, fmt)}
<h2>Follow-up actions</h2>
${actions(record)}`;
  return layout({ title: `INC-${incident.number}: ${incident.title}`, body, noindex: true });
}
