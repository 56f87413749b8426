import type { CommandOf } from '../../core/command/command';
import { statsText } from '../../core/followup/metrics';
import type { AppDeps, CommandContext, CommandResult } from '../context';
import { isVisibleTo } from '../persist-decision';

/**
 * `/incident stats [30d|90d]`: response times of the incidents declared in the period, with
 * medians per severity. A private incident counts only for its members.
 */
export async function showStats(deps: AppDeps, cmd: CommandOf<'stats'>, ctx: CommandContext): Promise<CommandResult> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - cmd.days * 86_400_000);
  const declared = await deps.store.transaction((tx) => tx.followUp.declaredSince(ctx.workspace, since));
  const visible = declared.filter((i) => isVisibleTo(i, ctx.actor));
  return { ok: true, text: statsText(visible, { days: cmd.days, since, zone: ctx.actor.zone }) };
}
