import type { CommandContext, CommandResult } from '../../app/context';
import { renderBlocks } from './blocks/render-blocks';
import type { SlackDirectory } from './slack-directory';

/** The command context of a Slack user acting in a channel of a workspace. */
export async function slackContext(
  directory: SlackDirectory,
  who: { userId: string; userName?: string; teamId: string; channelId?: string },
  extra: Partial<CommandContext> = {},
): Promise<CommandContext> {
  const user = await directory.user(who.userId, who.userName);
  return {
    actor: { id: user.id, name: user.name, platform: 'slack', zone: user.zone },
    workspace: who.teamId,
    ...(who.channelId ? { conversation: { platform: 'slack' as const, externalId: who.channelId } } : {}),
    ...extra,
  };
}

/** A command's answer as an ephemeral Slack response: the rich message when there is one. */
export function ephemeral(result: CommandResult): { response_type: 'ephemeral'; text: string; blocks?: ReturnType<typeof renderBlocks>['blocks'] } {
  if (!result.message) return { response_type: 'ephemeral', text: result.text };
  const { text, blocks } = renderBlocks(result.message, {});
  return { response_type: 'ephemeral', text, blocks };
}


/** A Slack message ts ("1700000000.000100") as the instant it names. */
export function tsToDate(ts: string): Date {
  return new Date(Math.round(Number(ts) * 1000));
}
