import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { formatDueDay } from '../followup/calendar';
import type { ActionItem, Incident, Person } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

export function addAction(
  incident: Incident,
  existing: readonly ActionItem[],
  cmd: CommandOf<'action'>,
  owner: Person | null,
  ctx: DecisionContext,
): Decision {
  const number = existing.reduce((max, a) => Math.max(max, a.number), 0) + 1;
  const dueOn = cmd.due ?? null;
  const item: ActionItem = { incidentId: incident.id, number, text: cmd.text, owner, state: 'open', createdAt: ctx.now, doneAt: null, dueOn };
  const next = changed(incident, ctx, {}, owner ? [owner] : []);
  const e = entry(ctx, 'action_added', cmd.text, { actionNumber: number, ...(owner ? { person: owner } : {}) });
  const details = [...(owner ? [`owner: ${owner.name}`] : []), ...(dueOn ? [`due ${formatDueDay(dueOn)}`] : [])];
  const who = details.length ? ` (${details.join(', ')})` : '';
  const decision = recordFact(next, e, `added action #${number}: ${cmd.text}${who}`, `Added action #${number} to ${ref(incident)}${who}.`, {
    stateChanged: false,
  });
  return { ...decision, actions: [item] };
}

export function completeAction(incident: Incident, existing: readonly ActionItem[], cmd: CommandOf<'done'>, ctx: DecisionContext): Decision {
  const item = existing.find((a) => a.number === cmd.action);
  if (!item) {
    const range = existing.length ? `it has actions #1 to #${existing.length}` : 'it has no actions yet';
    throw new SitrepError('action_not_found', `${ref(incident)} has no action #${cmd.action}: ${range} ("/incident actions" lists them).`);
  }
  if (item.state === 'done') {
    throw new SitrepError('action_already_done', `Action #${item.number} of ${ref(incident)} is already done.`);
  }
  const next = changed(incident, ctx, {});
  const e = entry(ctx, 'action_done', item.text, { actionNumber: item.number });
  const decision = recordFact(next, e, `completed action #${item.number}: ${item.text}`, `Action #${item.number} of ${ref(incident)} is done.`, {
    stateChanged: false,
  });
  return { ...decision, actions: [{ ...item, state: 'done', doneAt: ctx.now }] };
}
