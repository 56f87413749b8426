import type { CommandOf } from '../command/command';
import { formatTime } from '../time/format';
import type { Incident } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

/** A fact on the timeline. Notes are welcome after resolution too: they feed the postmortem. */
export function recordNote(incident: Incident, cmd: CommandOf<'note'>, ctx: DecisionContext): Decision {
  const next = changed(incident, ctx, {});
  const note = entry(ctx, 'note', cmd.text);
  return recordFact(next, note, cmd.text, `Noted on ${ref(incident)} at ${formatTime(ctx.occurredAt, incident.zone)}.`, {
    stateChanged: false,
  });
}
