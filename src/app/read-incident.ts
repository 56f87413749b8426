import type { CommandOf } from '../core/command/command';
import { isSitrepError } from '../core/errors';
import { incidentCard, type IncidentCard, type TimelineLine } from '../core/messages/message';
import { renderText } from '../core/messages/render-text';
import { resolveTimeline } from '../core/postmortem/resolve-timeline';
import type { TimelineEntry } from '../core/types';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { overdueFrom } from '../core/followup/due';
import { findIncident } from './find-incident';
import { isVisibleTo } from './persist-decision';

/** Timeline, action items and the open-incident list: answers to the asker only, nothing recorded. */
export async function readIncident(
  deps: AppDeps,
  cmd: CommandOf<'timeline'> | CommandOf<'actions'> | CommandOf<'list'>,
  ctx: CommandContext,
): Promise<CommandResult> {
  return deps.store.transaction(async (tx) => {
    if (cmd.kind === 'list') {
      const here = ctx.conversation ? await tx.incidentByConversation(ctx.conversation.platform, ctx.conversation.externalId, false) : null;
      const open = (await tx.openIncidents(ctx.workspace)).filter((i) => isVisibleTo(i, ctx.actor, { inIncident: here?.id === i.id }));
      const message = { type: 'incident_list' as const, incidents: open.map(incidentCard) };
      return { ok: true, text: renderText(message), message };
    }
    const incident = await findIncident(tx, ctx, cmd.incident, false);
    if (cmd.kind === 'actions') {
      const now = deps.clock.now();
      const items = (await tx.actions(incident.id)).map((a) => {
        const overdueAt = overdueFrom(a, incident.zone);
        return {
          number: a.number,
          text: a.text,
          owner: a.owner?.name ?? null,
          done: a.state === 'done',
          dueOn: a.dueOn ?? null,
          overdue: overdueAt !== null && overdueAt <= now,
        };
      });
      const message = { type: 'actions' as const, incident: incident.number, items };
      return { ok: true, text: renderText(message), message, incident: incident.number };
    }
    const message = { type: 'timeline' as const, incident: incidentCard(incident), lines: timelineLines(await tx.timeline(incident.id)) };
    return { ok: true, text: renderText(message), message, incident: incident.number };
  });
}

/** The timeline as people read it, with corrections and retractions applied as in the postmortem. */
export function timelineLines(entries: readonly TimelineEntry[]): TimelineLine[] {
  return resolveTimeline(entries).map((v) => ({
    at: v.entry.occurredAt.toISOString(),
    kind: v.kind,
    author: v.entry.author.name,
    text: v.body,
    retracted: v.retracted,
  }));
}

/** The incident a form is for, as a card; or the refusal the user should see. */
export async function incidentCardFor(
  deps: AppDeps,
  ctx: CommandContext,
  named: number | undefined,
): Promise<{ ok: true; card: IncidentCard } | { ok: false; result: CommandResult }> {
  try {
    const incident = await deps.store.transaction((tx) => findIncident(tx, ctx, named, false));
    return { ok: true, card: incidentCard(incident) };
  } catch (err) {
    if (isSitrepError(err)) return { ok: false, result: { ok: false, code: err.code, text: err.message } };
    throw err;
  }
}
