/**
 * The postmortem draft as a page: the Markdown compilePostmortem writes, rendered to HTML by our
 * own small renderer, with the phase timeline drawn at the head of the Timeline section.
 */
import { compilePostmortem } from '../core/postmortem/compile-postmortem';
import { resolveTimeline } from '../core/postmortem/resolve-timeline';
import type { IncidentRecord } from '../core/types';
import { html, raw, type SafeHtml } from './html';
import { recordPhases } from './incident-phases';
import { layout } from './layout';
import { markdownToHtml } from './markdown-html';
import { phaseTimelineSvg } from './phase-timeline-svg';

export interface PostmortemLinks {
  incident: string;
  markdown: string;
}

/** "INC-42-postmortem.md" */
export function postmortemFilename(record: IncidentRecord): string {
  return `INC-${record.incident.number}-postmortem.md`;
}

export function renderPostmortemPage(record: IncidentRecord, links: PostmortemLinks, now: Date): SafeHtml {
  const markdown = compilePostmortem(record);
  const svg = phaseTimelineSvg(recordPhases(resolveTimeline(record.timeline), record, now)).value;
  // User text is escaped by the renderer, so this heading can only be the section's own.
  const document = markdownToHtml(markdown).replace('<h2>Timeline</h2>', () => `<h2>Timeline</h2>\n<div class="card" style="margin-bottom:1rem">${svg}</div>`);
  const body = html`<nav class="small muted" style="margin-bottom:1rem"><a href="${links.incident}">Incident page</a> · <a href="${links.markdown}" download="${postmortemFilename(record)}">Download Markdown</a> · internal page, do not forward</nav>
<article class="card doc">${raw(document)}</article>`;
  return layout({ title: `Postmortem draft: INC-${record.incident.number}`, body, noindex: true });
}
