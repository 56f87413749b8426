import type { CommandOf } from '../../core/command/command';
import { SitrepError } from '../../core/errors';
import { DEFAULT_SNOOZE_MINUTES } from '../../core/followup/settings';
import { formatDuration, formatTime } from '../../core/time/format';
import type { AppDeps, CommandContext, CommandResult } from '../context';
import { locateIncident } from '../find-incident';

/**
 * `/incident snooze [INC-n] [minutes]` and the "Snooze 15 min" buttons: the status update
 * reminders of the incident wait until then, and the count of ignored reminders starts again.
 * A snooze is kept beside the reminders, not on the timeline: it is about the bot's nagging,
 * not a fact of the incident, so it neither clutters the postmortem nor counts as activity.
 */
export async function snoozeReminders(deps: AppDeps, cmd: CommandOf<'snooze'>, ctx: CommandContext): Promise<CommandResult> {
  const now = deps.clock.now();
  const minutes = cmd.minutes ?? DEFAULT_SNOOZE_MINUTES;
  return deps.store.transaction(async (tx) => {
    if (ctx.idempotencyKey && !(await tx.claimRequest(ctx.idempotencyKey, now))) {
      return { ok: true, duplicate: true, text: 'Already snoozed.' };
    }
    const { incident } = await locateIncident(tx, ctx, cmd.incident, true);
    if (incident.status === 'resolved') {
      throw new SitrepError('incident_resolved', `INC-${incident.number} is resolved, so it gets no status update reminders to snooze.`);
    }
    const until = new Date(now.getTime() + minutes * 60_000);
    await tx.followUp.snooze(incident.id, until, now, { id: ctx.actor.id, name: ctx.actor.name });
    return {
      ok: true,
      text: `Snoozed the status update reminders of INC-${incident.number} for ${formatDuration(minutes * 60_000)}, until ${formatTime(until, incident.zone)}.`,
      incident: incident.number,
    };
  });
}
