import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { incidentCard } from '../messages/message';
import { formatDateTime } from '../time/format';
import type { Incident } from '../types';
import type { Decision, DecisionContext, Outgoing } from './decision';
import { changed, entry, ref, summaryOf } from './entries';

export function assertOpen(incident: Incident, doing: string): void {
  if (incident.status === 'resolved') {
    const when = incident.resolvedAt ? ` at ${formatDateTime(incident.resolvedAt, incident.zone)}` : '';
    throw new SitrepError(
      'incident_resolved',
      `${ref(incident)} was resolved${when}, so it takes no ${doing}; "/incident reopen ${ref(incident)}" first if it is not over.`,
    );
  }
}

/** The published status update: incident conversation and announcements. */
export function statusUpdateOf(incident: Incident, message: string, ctx: DecisionContext): Outgoing[] {
  const update = {
    type: 'status_update' as const,
    incident: incidentCard(incident),
    status: incident.status,
    message,
    author: ctx.actor.name,
    at: ctx.occurredAt.toISOString(),
  };
  return [
    { to: 'incident', message: update },
    { to: 'announcements', message: update },
  ];
}

/** A status update that keeps the incident open; `update resolved …` is a resolution instead. */
export function postStatusUpdate(incident: Incident, cmd: CommandOf<'update'>, ctx: DecisionContext): Decision {
  assertOpen(incident, 'status updates');
  const severity = cmd.severity ?? incident.severity;
  const mitigatedAt = cmd.status === 'monitoring' && !incident.mitigatedAt ? ctx.occurredAt : incident.mitigatedAt;
  const next = changed(incident, ctx, { status: cmd.status, severity, mitigatedAt });
  const entries = [
    entry(ctx, 'status_update', cmd.message, {
      status: cmd.status,
      previousStatus: incident.status,
      public: !incident.private,
      components: { ...incident.components },
    }),
  ];
  if (severity !== incident.severity) {
    entries.push(entry(ctx, 'severity_changed', `${incident.severity} → ${severity}`, { severity, previousSeverity: incident.severity }));
  }
  return {
    incident: next,
    entries,
    actions: [],
    outgoing: [...statusUpdateOf(next, cmd.message, ctx), summaryOf(next)],
    reply: `Posted the ${cmd.status} update for ${ref(incident)}.`,
  };
}

