/**
 * The marked gaps of a postmortem draft: one visible line each, all starting with
 * PLACEHOLDER_PREFIX, so that people and programs can find what is still to be written.
 * User text can never produce this prefix (a leading "_" in user text is escaped).
 */

export const PLACEHOLDER_PREFIX = '> _To be written by the team: ';

function placeholder(what: string): string {
  return `${PLACEHOLDER_PREFIX}${what}._`;
}

export const PLACEHOLDERS = {
  summary: placeholder('what happened, who was affected and how it was fixed, in two or three sentences'),
  components: placeholder('which components and customers were affected, and how'),
  timeline: placeholder('the timeline (nothing was recorded during the incident)'),
  rootCause: placeholder(
    'the root cause and the chain of events that led to it (notes starting "root cause:" appear here)',
  ),
  resolution: placeholder('how the incident was mitigated and resolved'),
  actions: placeholder(
    'no action items were recorded; add one with `/incident action <text> @owner`',
  ),
  lessons: placeholder('what went well, what went wrong, where we got lucky'),
} as const;

/** True when a line of a compiled postmortem is a gap still to be filled. */
export function isPlaceholder(line: string): boolean {
  return line.startsWith(PLACEHOLDER_PREFIX);
}
