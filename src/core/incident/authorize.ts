import { SitrepError } from '../errors';
import type { Actor, Incident } from '../types';

/** Who may publish status updates or resolve: the commander, any responder, or anyone who can see the incident. */
export const POLICIES = ['commander', 'responders', 'anyone'] as const;
export type Policy = (typeof POLICIES)[number];

export interface Policies {
  resolve: Policy;
  update: Policy;
}

const DOING = { resolve: 'resolve', update: 'post status updates for' } as const;

/**
 * Refuses an actor the policy does not allow. With no commander named, the commander policy
 * falls back to responders, so an incident is never left without anyone able to act.
 */
export function authorize(incident: Incident, actor: Actor, action: keyof Policies, policies: Policies): void {
  const policy = policies[action];
  if (policy === 'anyone') return;
  const commander = incident.roles.commander;
  const ref = `INC-${incident.number}`;
  if (policy === 'commander' && commander) {
    if (commander.id === actor.id) return;
    throw new SitrepError(
      'not_allowed',
      `Only the commander of ${ref} (${commander.name}) can ${DOING[action]} it; ask them, or have them hand over with "/incident lead @you".`,
    );
  }
  if (incident.members.includes(actor.id)) return;
  throw new SitrepError(
    'not_allowed',
    `Only responders of ${ref} can ${DOING[action]} it; join its channel or ask the commander${commander ? ` (${commander.name})` : ''} to add you with a role.`,
  );
}
