import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { ROLE_WORDS } from '../labels';
import type { Incident, Person } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

/** `assignee` is the mentioned person as the platform knows them (display name resolved). */
export function assignRole(incident: Incident, cmd: CommandOf<'assign'>, assignee: Person, ctx: DecisionContext): Decision {
  const current = incident.roles[cmd.role];
  const roleName = ROLE_WORDS[cmd.role];
  if (current?.id === assignee.id) {
    throw new SitrepError('no_change', `${assignee.name} is already the ${roleName} of ${ref(incident)}.`);
  }
  const next = changed(incident, ctx, { roles: { ...incident.roles, [cmd.role]: assignee } }, [assignee]);
  const e = entry(ctx, 'role_assigned', `${assignee.name} is ${roleName}`, { role: cmd.role, person: assignee });
  const from = current ? ` (was ${current.name})` : '';
  return recordFact(next, e, `made ${assignee.name} the ${roleName}${from}`, `${assignee.name} is now the ${roleName} of ${ref(incident)}.`, {
    stateChanged: true,
  });
}
