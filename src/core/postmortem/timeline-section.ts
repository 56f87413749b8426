/** The timeline: one line per entry, in the incident's zone, with the date whenever the day changes. */
import type { PostmortemContext } from './facts';
import { IMPACT_WORDS, roleTitle } from '../labels';
import { escapeStruck, escapeText, link } from './markdown';
import { PLACEHOLDERS } from './placeholders';
import type { EntryView } from './resolve-timeline';

/** An entry recorded this long after it happened was back-dated, and says when it was recorded. */
export const BACKDATED_AFTER_MS = 5 * 60_000;

/** A short label for what kind of fact an entry is: "Status → identified", "Action #2 done". */
export function entryLabel(v: EntryView): string {
  const d = v.data;
  switch (v.kind) {
    case 'declared':
      return 'Declared';
    case 'note':
      return 'Note';
    case 'status_update':
      return d.status ? `Status → ${d.status}` : 'Status update';
    case 'severity_changed':
      return d.previousSeverity ? `Severity ${d.previousSeverity} → ${d.severity ?? '?'}` : `Severity → ${d.severity ?? '?'}`;
    case 'title_changed':
      return 'Title changed';
    case 'summary_changed':
      return 'Summary updated';
    case 'role_assigned':
      return `${d.role ? roleTitle(d.role) : 'Role'}: ${d.person ? escapeText(d.person.name) : 'unassigned'}`;
    case 'role_unassigned':
      return `${d.role ? roleTitle(d.role) : 'Role'}: unassigned`;
    case 'postmortem_reviewed':
      return 'Postmortem reviewed';
    case 'component_impact':
      return `Impact: ${escapeText(d.component ?? '?')} → ${d.impact ? IMPACT_WORDS[d.impact] : 'operational'}`;
    case 'action_added':
      return `Action #${d.actionNumber ?? '?'} added`;
    case 'action_done':
      return `Action #${d.actionNumber ?? '?'} done`;
    case 'pinned_message':
      return link('Pinned message', d.permalink);
    case 'retraction':
      return 'Retraction';
    case 'resolved':
      return 'Resolved';
    case 'reopened':
      return 'Reopened';
  }
}

/**
 * The label, and the entry's text where it adds to the label. Role, severity and impact changes
 * carry a generated text ("sev3 → sev2", "API: partial outage") that the label already says.
 */
function entryText(v: EntryView): string {
  const label = entryLabel(v);
  const d = v.data;
  const saidByLabel =
    (v.kind === 'role_assigned' && d.role && d.person) ||
    (v.kind === 'role_unassigned' && d.role) ||
    (v.kind === 'severity_changed' && d.severity) ||
    (v.kind === 'component_impact' && d.component);
  let body = saidByLabel ? '' : escapeText(v.body);
  if (v.kind === 'title_changed' && d.title) body += ` (was “${escapeText(d.title)}”)`;
  if (v.kind === 'action_added' && d.person) body += ` (owner: ${escapeText(d.person.name)})`;
  body = body.trim();
  return body === '' ? label : `${label}: ${body}`;
}

export function timelineSection({ incident, views, fmt }: PostmortemContext, out: string[]): void {
  out.push('## Timeline', '');
  if (views.length === 0) {
    out.push(PLACEHOLDERS.timeline);
    return;
  }
  // Filled in once every line is known: the abbreviations in use (PDT, or CEST and CET).
  const zoneLine = out.length;
  out.push('', '');
  const abbreviations: string[] = [];
  let day = '';
  for (const v of views) {
    const at = v.entry.occurredAt;
    const abbreviation = fmt.abbreviation(at);
    if (!abbreviations.includes(abbreviation)) abbreviations.push(abbreviation);
    const date = fmt.date(at);
    const when = date === day ? fmt.time(at) : fmt.dateTime(at);
    day = date;

    let text = entryText(v);
    if (v.retracted) text = `~~${escapeStruck(text)}~~ (retracted)`;
    else if (v.corrected) text += ' (corrected)';
    const recorded = v.entry.recordedAt;
    if (recorded.getTime() - at.getTime() > BACKDATED_AFTER_MS) {
      text += ` (recorded at ${fmt.date(recorded) === date ? fmt.time(recorded) : fmt.dateTime(recorded)})`;
    }
    out.push(`- **${when}** · ${escapeText(v.entry.author.name)} · ${text}`);
  }
  const inUse = abbreviations.length > 1 ? `${abbreviations.slice(0, -1).join(', ')} and ${abbreviations.at(-1)}` : abbreviations[0];
  out[zoneLine] = `All times are ${escapeText(incident.zone)} (${inUse}).`;
}
