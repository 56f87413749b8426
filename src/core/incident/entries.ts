import { incidentCard, type Message } from '../messages/message';
import type { EntryData, EntryKind, Incident, Person } from '../types';
import type { Decision, DecisionContext, NewEntry, Outgoing } from './decision';

export function person(ctx: DecisionContext): Person {
  return { id: ctx.actor.id, name: ctx.actor.name };
}

export function entry(ctx: DecisionContext, kind: EntryKind, body: string, data: EntryData = {}): NewEntry {
  return {
    occurredAt: ctx.occurredAt,
    recordedAt: ctx.now,
    kind,
    author: person(ctx),
    body,
    data,
    source: ctx.source,
    externalRef: ctx.externalRef ?? null,
    supersedes: null,
  };
}

/**
 * The incident after a change: touched now. Anyone named (roles, owners) becomes a responder,
 * and so does an actor working from inside the incident's conversation; someone acting from
 * elsewhere with INC-<n> does not join by doing so.
 */
export function changed(incident: Incident, ctx: DecisionContext, patch: Partial<Incident>, named: Person[] = []): Incident {
  const members = new Set(incident.members);
  if (ctx.inIncidentConversation) members.add(ctx.actor.id);
  for (const p of named) members.add(p.id);
  // A fact that changes nothing about the incident (most notes) leaves it as it was, so the
  // use case need not write it, nor lock it.
  if (Object.keys(patch).length === 0 && members.size === incident.members.length) return incident;
  return { ...incident, ...patch, members: [...members], updatedAt: ctx.now };
}

/** The pinned summary, edited in place. */
export function summaryOf(incident: Incident): Outgoing {
  return { to: 'incident', key: 'summary', message: { type: 'summary', incident: incidentCard(incident) } };
}

/** A fact echoed to the incident conversation: a slash command is invisible to the channel otherwise. */
export function noticeOf(incident: Incident, e: NewEntry, text: string): Outgoing {
  const message: Message = {
    type: 'notice',
    incident: incident.number,
    zone: incident.zone,
    kind: e.kind,
    text,
    author: e.author.name,
    at: e.occurredAt.toISOString(),
  };
  return { to: 'incident', message };
}

export function ref(incident: Incident): string {
  return `INC-${incident.number}`;
}

/** A decision that records one fact, echoes it and refreshes the summary when the state changed. */
export function recordFact(
  incident: Incident,
  e: NewEntry,
  notice: string,
  reply: string,
  opts: { stateChanged: boolean },
): Decision {
  const outgoing = [noticeOf(incident, e, notice)];
  if (opts.stateChanged) outgoing.push(summaryOf(incident));
  return { incident, entries: [e], actions: [], outgoing, reply };
}
