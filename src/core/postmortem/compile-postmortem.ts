/**
 * The postmortem draft: everything Sitrep recorded about an incident, laid out the way teams
 * publish postmortems, with marked gaps (PLACEHOLDER_PREFIX) only where people must judge.
 *
 * Deterministic: the same record always gives the same bytes. No clock, no I/O; all times in
 * the incident's zone, with the zone shown.
 */
import type { IncidentRecord } from '../types';
import { actionsSection, lessonsSection, resolutionSection, rootCauseSection } from './closing-sections';
import type { PostmortemContext } from './facts';
import { impactSection } from './impact-section';
import { durationSection, summarySection, titleSection } from './overview-sections';
import { resolveTimeline } from './resolve-timeline';
import { timelineSection } from './timeline-section';
import { ZoneFormatter } from './zone-formatter';

export { PLACEHOLDER_PREFIX, PLACEHOLDERS, isPlaceholder } from './placeholders';

type Section = (ctx: PostmortemContext, out: string[]) => void;

/** The sections, in the order they appear. */
const SECTIONS: readonly Section[] = [
  titleSection,
  summarySection,
  durationSection,
  impactSection,
  timelineSection,
  rootCauseSection,
  resolutionSection,
  actionsSection,
  lessonsSection,
];

/** The postmortem draft of one incident, as Markdown ending in a newline. */
export function compilePostmortem(record: IncidentRecord): string {
  const ctx: PostmortemContext = {
    incident: record.incident,
    views: resolveTimeline(record.timeline),
    actions: record.actions,
    fmt: new ZoneFormatter(record.incident.zone),
  };
  const out: string[] = [];
  for (const section of SECTIONS) {
    if (out.length > 0) out.push('');
    section(ctx, out);
  }
  out.push('');
  return out.join('\n');
}
