import { SitrepError } from '../core/errors';
import { changed, entry } from '../core/incident/entries';
import { formatTime } from '../core/time/format';
import type { Person } from '../core/types';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { findIncident } from './find-incident';
import { persistDecision } from './persist-decision';

export interface ChatMessage {
  /** Where the message lives on its platform, e.g. `C123:1700000000.000100`; recorded once. */
  ref: string;
  text: string;
  author: Person;
  /** When the message was posted: the fact's own time. */
  at: Date;
  permalink?: string;
}

/**
 * A chat message added to the timeline (pinned, marked with :pushpin:, or "Add to timeline"),
 * at the message's own time. The same message is recorded once however often it is added.
 */
export async function recordChatMessage(deps: AppDeps, msg: ChatMessage, ctx: CommandContext): Promise<CommandResult> {
  const now = deps.clock.now();
  const text = msg.text.trim() || '(message without text)';
  return deps.store.transaction(async (tx) => {
    const incident = await findIncident(tx, ctx, undefined, true);
    if (await tx.entryByExternalRef(incident.id, 'pinned_message', msg.ref)) {
      return { ok: true, duplicate: true, incident: incident.number, text: `That message is already on the timeline of INC-${incident.number}.` };
    }
    const dctx = { actor: ctx.actor, now, occurredAt: msg.at, source: ctx.actor.platform, externalRef: msg.ref };
    const e = { ...entry(dctx, 'pinned_message', text.slice(0, 3000), msg.permalink ? { permalink: msg.permalink } : {}), author: msg.author };
    const next = changed(incident, dctx, {}, [msg.author]);
    await persistDecision(tx, { incident: next, entries: [e], actions: [], outgoing: [], reply: '' }, deps.settings, { now, before: incident });
    return { ok: true, incident: incident.number, text: `Added ${msg.author.name}'s message from ${formatTime(msg.at, incident.zone)} to the timeline of INC-${incident.number}.` };
  });
}

/** Unpinning: a retraction entry supersedes the pinned message; the original stays as it was. */
export async function retractChatMessage(deps: AppDeps, ref: string, ctx: CommandContext): Promise<CommandResult> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const incident = await findIncident(tx, ctx, undefined, true);
    const pinned = await tx.entryByExternalRef(incident.id, 'pinned_message', ref);
    if (!pinned) throw new SitrepError('no_change', 'That message is not on the timeline.');
    if (await tx.entryByExternalRef(incident.id, 'retraction', ref)) {
      return { ok: true, duplicate: true, incident: incident.number, text: 'That message was already taken off the timeline.' };
    }
    const dctx = { actor: ctx.actor, now, occurredAt: now, source: ctx.actor.platform, externalRef: ref };
    const retraction = { ...entry(dctx, 'retraction', `unpinned: ${pinned.body.slice(0, 200)}`), supersedes: pinned.id };
    await persistDecision(tx, { incident: changed(incident, dctx, {}), entries: [retraction], actions: [], outgoing: [], reply: '' }, deps.settings, {
      now,
      before: incident,
    });
    return { ok: true, incident: incident.number, text: `Took the message off the timeline of INC-${incident.number}.` };
  });
}
