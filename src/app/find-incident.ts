import { SitrepError } from '../core/errors';
import type { Incident } from '../core/types';
import type { CommandContext } from './context';
import { isVisibleTo } from './persist-decision';
import type { IncidentReader } from './ports';

/**
 * The incident a command is about: the one it names, else the one whose conversation it was
 * typed in, else (console) the one last declared or named. A private incident is found only
 * by its members and from its own conversation; to anyone else it does not exist.
 */
export async function findIncident(tx: IncidentReader, ctx: CommandContext, named: number | undefined, lock: boolean): Promise<Incident> {
  return (await locateIncident(tx, ctx, named, lock)).incident;
}

/**
 * The incident, and whether the command was typed in its own conversation. The local console
 * is one room for every public incident; a private one admits only its members there too.
 */
export async function locateIncident(
  tx: IncidentReader,
  ctx: CommandContext,
  named: number | undefined,
  lock: boolean,
): Promise<{ incident: Incident; inIncidentConversation: boolean }> {
  // Typed in an incident's conversation without naming one: that incident, locked in the same query.
  const lockHere = lock && named === undefined;
  const here = ctx.conversation ? await tx.incidentByConversation(ctx.conversation.platform, ctx.conversation.externalId, lockHere) : null;
  const number = named ?? here?.number ?? ctx.fallbackIncident;
  if (number === undefined) {
    throw new SitrepError(
      'no_incident_in_context',
      'Which incident? Name it, e.g. "/incident note INC-42 rollback started", or type the command in the incident\'s own channel.',
    );
  }
  const reuse = here !== null && here.number === number && here.workspace === ctx.workspace && (!lock || lockHere);
  const incident = reuse ? here : await tx.incidentByNumber(ctx.workspace, number, lock);
  const typedThere = here !== null && here.id === incident?.id;
  if (!incident || !isVisibleTo(incident, ctx.actor, { inIncident: typedThere })) {
    throw new SitrepError('incident_not_found', `There is no INC-${number}; "/incident list" shows the open incidents.`);
  }
  const inIncidentConversation = typedThere || (ctx.actor.platform === 'console' && !ctx.conversation && !incident.private);
  return { incident, inIncidentConversation };
}
