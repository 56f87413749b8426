import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { incidentCard } from '../messages/message';
import type { Incident } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, noticeOf, ref, summaryOf } from './entries';

/** A resolved incident that is not over after all goes back to investigating. */
export function reopenIncident(incident: Incident, cmd: CommandOf<'reopen'>, ctx: DecisionContext): Decision {
  if (incident.status !== 'resolved') {
    throw new SitrepError('incident_not_resolved', `${ref(incident)} is still open (${incident.status}); only a resolved incident can be reopened.`);
  }
  const next = changed(incident, ctx, { status: 'investigating', resolvedAt: null, mitigatedAt: null });
  const reason = cmd.reason || 'Reopened.';
  const reopened = entry(ctx, 'reopened', reason, { status: 'investigating', previousStatus: 'resolved', public: !incident.private });
  return {
    incident: next,
    entries: [reopened],
    actions: [],
    outgoing: [
      noticeOf(next, reopened, `reopened ${ref(incident)}: ${reason}`),
      summaryOf(next),
      { to: 'announcements', message: { type: 'announcement', event: 'reopened', incident: incidentCard(next), author: ctx.actor.name } },
    ],
    reply: `Reopened ${ref(incident)}; it is investigating again.`,
  };
}
