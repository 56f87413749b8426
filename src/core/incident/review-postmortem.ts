import { SitrepError } from '../errors';
import { formatDateTime } from '../time/format';
import type { IncidentRecord } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

/** The postmortem draft was reviewed: recorded on the timeline, and the review reminders stop. */
export function reviewPostmortem(record: IncidentRecord, ctx: DecisionContext): Decision {
  const { incident } = record;
  if (incident.status !== 'resolved' || !incident.resolvedAt) {
    throw new SitrepError(
      'incident_not_resolved',
      `${ref(incident)} is still open (${incident.status}); its postmortem can be marked reviewed once it is resolved.`,
    );
  }
  const resolvedAt = incident.resolvedAt;
  const done = record.timeline.find((e) => e.kind === 'postmortem_reviewed' && e.recordedAt >= resolvedAt);
  if (done) {
    throw new SitrepError(
      'no_change',
      `The postmortem of ${ref(incident)} is already marked reviewed (by ${done.author.name}, ${formatDateTime(done.recordedAt, incident.zone)}).`,
    );
  }
  const next = changed(incident, ctx, {});
  const e = entry(ctx, 'postmortem_reviewed', 'Postmortem draft reviewed');
  return recordFact(next, e, 'marked the postmortem draft reviewed', `Marked the postmortem of ${ref(incident)} reviewed; no more reminders about it.`, {
    stateChanged: false,
  });
}
