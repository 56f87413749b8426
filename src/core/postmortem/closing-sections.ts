/** The closing of a postmortem: root cause, resolution, follow-up actions and lessons. */
import { formatDueDay } from '../followup/calendar';
import { type PostmortemContext, mitigation, resolutionMessages, rootCauseNotes } from './facts';
import { escapeCell, escapeText } from './markdown';
import { PLACEHOLDERS } from './placeholders';
import type { EntryView } from './resolve-timeline';

/** "> text — _Bob Marsh, 31 May 2024, 10:40 PDT_", one quote per statement, blank lines between. */
function quote(ctx: PostmortemContext, v: EntryView, text: string, out: string[]): void {
  const corrected = v.corrected ? ' (corrected)' : '';
  const by = `${escapeText(v.entry.author.name)}, ${ctx.fmt.dateTime(v.entry.occurredAt)}`;
  out.push(`> ${escapeText(text)}${corrected} — _${by}_`, '');
}

/** Notes starting "root cause:", quoted with who said it and when. */
export function rootCauseSection(ctx: PostmortemContext, out: string[]): void {
  out.push('## Root cause', '');
  const notes = rootCauseNotes(ctx.views);
  if (notes.length === 0) out.push(PLACEHOLDERS.rootCause);
  for (const { view, text } of notes) quote(ctx, view, text, out);
  if (notes.length > 0) out.pop();
}

/** When it was mitigated and resolved, and what the responders said when resolving it. */
export function resolutionSection(ctx: PostmortemContext, out: string[]): void {
  const { incident, fmt } = ctx;
  out.push('## Resolution', '');
  const mitigated = mitigation(ctx);
  const facts: string[] = [];
  if (mitigated) {
    facts.push(`Mitigated ${fmt.dateTime(mitigated.at)}, ${fmt.between(incident.startedAt, mitigated.at)} after the start`);
  }
  if (incident.status === 'resolved' && incident.resolvedAt) {
    facts.push(`resolved ${fmt.dateTime(incident.resolvedAt)}`);
  }
  if (facts.length > 0) {
    const sentence = facts.join('; ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`, '');
  }
  const messages = resolutionMessages(ctx.views);
  if (messages.length === 0) out.push(PLACEHOLDERS.resolution);
  for (const v of messages) quote(ctx, v, v.body, out);
  if (messages.length > 0) out.pop();
}

/** The action items as a table, in their number order. */
export function actionsSection({ actions }: PostmortemContext, out: string[]): void {
  out.push('## Corrective and preventive measures', '');
  if (actions.length === 0) {
    out.push(PLACEHOLDERS.actions);
    return;
  }
  out.push('| # | Action | Owner | State |', '|---|---|---|---|');
  const ordered = [...actions].sort((a, b) => a.number - b.number);
  for (const a of ordered) {
    const owner = a.owner ? escapeCell(a.owner.name) : 'unassigned';
    const state = a.dueOn && a.state === 'open' ? `open, due ${formatDueDay(a.dueOn)}` : a.state;
    out.push(`| ${a.number} | ${escapeCell(a.text)} | ${owner} | ${state} |`);
  }
}

export function lessonsSection(_ctx: PostmortemContext, out: string[]): void {
  out.push('## Lessons learned', '', PLACEHOLDERS.lessons);
}
