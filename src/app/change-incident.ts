import type { Command } from '../core/command/command';
import type { Decision, DecisionContext } from '../core/incident/decision';
import type { Incident, IncidentRecord } from '../core/types';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { eventTime } from './event-time';
import { locateIncident } from './find-incident';
import { persistDecision } from './persist-decision';
import type { IncidentTx } from './ports';

export interface Loaded {
  incident: Incident;
  tx: IncidentTx;
  /** The whole record, for decisions that need the timeline or the action items. */
  record(): Promise<IncidentRecord>;
}

type Targeted = Extract<Command, { incident?: number }>;

/**
 * The shape of every command that changes an incident: in one transaction, find and lock the
 * incident, work out when the fact happened, let core decide, and persist state, timeline and
 * outbox together. A repeated request (same idempotency key) changes nothing.
 */
export async function changeIncident(
  deps: AppDeps,
  cmd: Targeted,
  ctx: CommandContext,
  decide: (loaded: Loaded, dctx: DecisionContext) => Decision | Promise<Decision>,
  opts: { lock: boolean } = { lock: true },
): Promise<CommandResult> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    if (ctx.idempotencyKey && !(await tx.claimRequest(ctx.idempotencyKey))) {
      return { ok: true, duplicate: true, text: 'Already recorded.' };
    }
    const attempt = async (lock: boolean) => {
      const { incident, inIncidentConversation } = await locateIncident(tx, ctx, cmd.incident, lock);
      const at = 'at' in cmd ? cmd.at : undefined;
      const occurredAt = await eventTime(tx, incident, at, ctx.actor, now);
      const dctx: DecisionContext = {
        actor: ctx.actor,
        now,
        occurredAt,
        source: ctx.actor.platform,
        externalRef: ctx.externalRef ?? null,
        inIncidentConversation,
      };
      const record = async (): Promise<IncidentRecord> => ({
        incident,
        timeline: await tx.timeline(incident.id),
        actions: await tx.actions(incident.id),
      });
      return { incident, decision: await decide({ incident, tx, record }, dctx) };
    };
    // Facts that leave the incident as it was (most notes) need no lock, so many can be recorded
    // at once; should one change it after all (a new responder), it is decided again under the lock.
    let { incident, decision } = await attempt(opts.lock);
    if (!opts.lock && decision.incident !== incident) ({ incident, decision } = await attempt(true));
    await persistDecision(tx, decision, deps.settings, { now, before: incident });
    return { ok: true, text: decision.reply, incident: incident.number };
  });
}
