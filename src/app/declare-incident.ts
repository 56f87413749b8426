import type { CommandOf } from '../core/command/command';
import { declareIncident as decide } from '../core/incident/declare-incident';
import { incidentCard } from '../core/messages/message';
import { displayZoneOf, resolveTime } from '../core/time/resolve-time';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { persistDecision } from './persist-decision';
import type { OpenConversationRequest } from './ports';

/**
 * Declares an incident: allocates INC-<n>, records it, and queues the opening of its own
 * conversation on the platform it was declared from, its pinned summary and the announcement.
 */
export async function declareIncident(deps: AppDeps, cmd: CommandOf<'declare'>, ctx: CommandContext): Promise<CommandResult> {
  const invite = await Promise.all((cmd.invite ?? []).map((m) => deps.directory.lookup(ctx.actor.platform, m)));
  const now = deps.clock.now();
  const occurredAt = cmd.at ? resolveTime(cmd.at, { authorZone: ctx.actor.zone, reference: now, now, mode: 'latest-past' }) : now;
  const zone = (cmd.at && displayZoneOf(cmd.at)) ?? ctx.actor.zone ?? deps.settings.defaultZone;
  return deps.store.transaction(async (tx) => {
    if (ctx.idempotencyKey && !(await tx.claimRequest(ctx.idempotencyKey, now))) {
      return { ok: true, duplicate: true, text: 'That declaration was already received.' };
    }
    const number = await tx.allocateNumber(ctx.workspace);
    const decision = decide(
      cmd,
      {
        id: deps.newId(),
        workspace: ctx.workspace,
        number,
        defaultSeverity: deps.settings.defaultSeverity,
        zone,
        invite,
        configuredComponents: deps.settings.components,
      },
      { actor: ctx.actor, now, occurredAt, source: ctx.actor.platform, externalRef: ctx.externalRef ?? null },
    );
    await tx.insertIncident(decision.incident);
    const conversation = await tx.createConversation({
      incidentId: decision.incident.id,
      platform: ctx.actor.platform,
      purpose: 'incident',
      externalId: null,
      name: null,
      link: null,
      reference: null,
    });
    const request: OpenConversationRequest = { incident: incidentCard(decision.incident), members: decision.incident.members, origin: ctx.origin };
    const opening = await tx.enqueue(conversation.id, 'open', request, null, now);
    // The announcement links to the new conversation, so it waits until that exists.
    await persistDecision(tx, decision, deps.settings, { now, inserted: true, announceAfter: opening });
    return { ok: true, text: decision.reply, incident: number };
  });
}
