import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { ROLE_WORDS } from '../labels';
import type { Incident } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

/** Leaves a role empty again; an incident without a commander is nudged until someone leads it. */
export function unassignRole(incident: Incident, cmd: CommandOf<'unassign'>, ctx: DecisionContext): Decision {
  const current = incident.roles[cmd.role];
  const roleName = ROLE_WORDS[cmd.role];
  if (!current) throw new SitrepError('no_change', `${ref(incident)} has no ${roleName} to unassign.`);
  const roles = { ...incident.roles };
  delete roles[cmd.role];
  const next = changed(incident, ctx, { roles });
  const e = entry(ctx, 'role_unassigned', `${current.name} is no longer ${roleName}`, { role: cmd.role, person: current });
  const hint = cmd.role === 'commander' ? ' Name one with "/incident lead @someone".' : '';
  return recordFact(next, e, `removed ${current.name} as ${roleName}`, `${ref(incident)} has no ${roleName} now (was ${current.name}).${hint}`, {
    stateChanged: true,
  });
}
