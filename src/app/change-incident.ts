import type { Command } from '../core/command/command';
import { SitrepError } from '../core/errors';
import type { Decision, DecisionContext } from '../core/incident/decision';
import type { Incident, IncidentRecord } from '../core/types';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { eventTime } from './event-time';
import { locateIncident } from './find-incident';
import { persistDecision } from './persist-decision';
import type { IncidentReader, IncidentTx } from './ports';

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
): Promise<CommandResult> {
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    if (ctx.idempotencyKey && !(await tx.claimRequest(ctx.idempotencyKey, now))) {
      return { ok: true, duplicate: true, text: 'Already recorded.' };
    }
    const { incident, dctx } = await locate(tx, cmd, ctx, now, true);
    const record = async (): Promise<IncidentRecord> => ({
      incident,
      timeline: await tx.timeline(incident.id),
      actions: await tx.actions(incident.id),
    });
    const decision = await decide({ incident, tx, record }, dctx);
    await persistDecision(tx, decision, deps.settings, { now, before: incident });
    return { ok: true, text: decision.reply, incident: incident.number };
  });
}

/**
 * A fact that usually leaves the incident as it was (a note): decided without a lock on the
 * incident as last read, and written, together with the other notes that arrive at the same
 * moment, by one statement that checks the incident has not changed since: many can be recorded
 * at once, at one round trip and one commit per batch rather than per note. Should it change the
 * incident after all (a new responder), reach beyond the incident's own conversations, be
 * refused, or find the incident changed, it is decided again under the lock by `changeIncident`,
 * which alone has the last word.
 */
export async function appendFact(
  deps: AppDeps,
  cmd: Targeted,
  ctx: CommandContext,
  decide: (incident: Incident, dctx: DecisionContext) => Decision,
): Promise<CommandResult> {
  const now = deps.clock.now();
  const underLock = () => changeIncident(deps, cmd, ctx, (loaded, d) => decide(loaded.incident, d));
  let incident: Incident;
  let decision: Decision;
  try {
    const located = await locate(deps.store.recent, cmd, ctx, now, false);
    incident = located.incident;
    decision = decide(incident, located.dctx);
  } catch (err) {
    // A refusal from what may be an old reading (not a member yet, resolved since) is not final.
    if (err instanceof SitrepError) return underLock();
    throw err;
  }
  const appendOnly = decision.incident === incident && decision.actions.length === 0 && decision.outgoing.every((o) => o.to === 'incident');
  if (!appendOnly) return underLock();
  const outcome = await deps.store.appendFacts({
    incidentId: incident.id,
    version: incident.version,
    entries: decision.entries,
    messages: decision.outgoing.map((o) => ({ payload: { message: o.message, incidentId: incident.id }, key: o.key ?? null })),
    at: now,
    ...(ctx.idempotencyKey ? { requestKey: ctx.idempotencyKey } : {}),
  });
  if (outcome === 'stale') return underLock();
  if (outcome === 'duplicate') return { ok: true, duplicate: true, text: 'Already recorded.' };
  return { ok: true, text: decision.reply, incident: incident.number };
}

/** The incident a command is about, and when its fact happened. */
async function locate(reader: IncidentReader, cmd: Targeted, ctx: CommandContext, now: Date, lock: boolean) {
  const { incident, inIncidentConversation } = await locateIncident(reader, ctx, cmd.incident, lock);
  const at = 'at' in cmd ? cmd.at : undefined;
  const dctx: DecisionContext = {
    actor: ctx.actor,
    now,
    occurredAt: await eventTime(reader, incident, at, ctx.actor, now),
    source: ctx.actor.platform,
    externalRef: ctx.externalRef ?? null,
    inIncidentConversation,
  };
  return { incident, dctx };
}
