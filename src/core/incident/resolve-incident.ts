import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { incidentCard } from '../messages/message';
import { compilePostmortem } from '../postmortem/compile-postmortem';
import { formatDateTime, formatDuration } from '../time/format';
import type { IncidentRecord } from '../types';
import type { Decision, DecisionContext, NewEntry, Outgoing } from './decision';
import { changed, entry, ref, summaryOf } from './entries';
import { assertOpen, statusUpdateOf } from './post-status-update';

export const DEFAULT_RESOLUTION = 'This incident has been resolved.';

/** Resolves the incident, publishes it, and posts the key times and the postmortem draft. */
export function resolveIncident(record: IncidentRecord, cmd: CommandOf<'resolve'>, ctx: DecisionContext): Decision {
  const { incident } = record;
  assertOpen(incident, 'resolution');
  if (ctx.occurredAt < incident.startedAt) {
    throw new SitrepError(
      'invalid_time',
      `${ref(incident)} started at ${formatDateTime(incident.startedAt, incident.zone)}; it cannot be resolved before that.`,
    );
  }
  const message = cmd.message || DEFAULT_RESOLUTION;
  const next = changed(incident, ctx, {
    status: 'resolved',
    resolvedAt: ctx.occurredAt,
    mitigatedAt: incident.mitigatedAt ?? ctx.occurredAt,
  });
  const resolved = entry(ctx, 'resolved', message, {
    status: 'resolved',
    previousStatus: incident.status,
    public: !incident.private,
    components: { ...incident.components },
  });
  const draft = postmortemOf({ incident: next, timeline: withEntries(record, [resolved]), actions: record.actions });
  const outgoing: Outgoing[] = [
    ...statusUpdateOf(next, message, ctx),
    summaryOf(next),
    { to: 'incident', message: { type: 'resolution', incident: incidentCard(next), message, facts: keyFacts(next) } },
    draft,
  ];
  return {
    incident: next,
    entries: [resolved],
    actions: [],
    outgoing,
    reply: `Resolved ${ref(incident)} after ${formatDuration(ctx.occurredAt.getTime() - incident.startedAt.getTime())}; the postmortem draft is posted in its conversation.`,
  };
}

export function keyFacts(incident: IncidentRecord['incident']): { label: string; value: string }[] {
  const zone = incident.zone;
  const since = (d: Date | null) => (d ? formatDuration(d.getTime() - incident.startedAt.getTime()) : 'not recorded');
  return [
    { label: 'Started', value: formatDateTime(incident.startedAt, zone) },
    { label: 'Declared', value: formatDateTime(incident.declaredAt, zone) },
    { label: 'Mitigated', value: incident.mitigatedAt ? formatDateTime(incident.mitigatedAt, zone) : 'not recorded' },
    { label: 'Resolved', value: incident.resolvedAt ? formatDateTime(incident.resolvedAt, zone) : 'ongoing' },
    { label: 'Time to mitigate', value: since(incident.mitigatedAt) },
    { label: 'Duration', value: incident.resolvedAt ? since(incident.resolvedAt) : 'ongoing' },
  ];
}

/** The postmortem draft as a message to the incident conversation. */
export function postmortemOf(record: IncidentRecord): Outgoing {
  const { incident } = record;
  return {
    to: 'incident',
    message: {
      type: 'postmortem',
      incident: incident.number,
      title: incident.title,
      filename: `INC-${incident.number}-postmortem.md`,
      markdown: compilePostmortem(record),
    },
  };
}

function withEntries(record: IncidentRecord, entries: NewEntry[]): IncidentRecord['timeline'] {
  const pending = entries.map((e, i) => ({ ...e, id: `pending-${i}`, incidentId: record.incident.id }));
  return [...record.timeline, ...pending];
}
