import { TurnContext, type Activity } from 'botbuilder';
import type { AppDeps, CommandContext } from '../../app/context';
import { channelOf } from './teams-connector';
import type { TeamsDirectory } from './teams-directory';
import { tenantOf, type Origin } from './teams-memory';

/**
 * The command context of a Teams activity: its author (display name, zone), the tenant as the
 * workspace, the incident conversation it was typed in, and its id for deduplication.
 */
export async function teamsContext(deps: AppDeps, directory: TeamsDirectory, activity: Partial<Activity>): Promise<CommandContext> {
  const conversationId = activity.conversation?.id;
  const origin = originOf(activity);
  const ctx: CommandContext = { actor: directory.actor(activity), workspace: tenantOf(activity) ?? 'teams', ...(origin ? { origin } : {}) };
  if (conversationId) ctx.conversation = { platform: 'teams', externalId: await boundConversation(deps, conversationId) };
  // Teams message ids are epoch milliseconds, unique within a conversation only: the key names both.
  if (activity.id && conversationId) ctx.idempotencyKey = `teams:activity:${activity.id}:${conversationId}`;
  return ctx;
}

/**
 * The id an incident knows this conversation by. A thread ('<channel>;messageid=<root>') is an
 * incident's own when Sitrep started it; in an incident's own channel every new post starts a
 * thread of its own, so there the channel id is what binds it.
 */
async function boundConversation(deps: AppDeps, conversationId: string): Promise<string> {
  const channel = channelOf(conversationId);
  if (channel === conversationId) return conversationId;
  return deps.store.transaction(async (tx) => {
    if (await tx.incidentByConversation('teams', conversationId, false)) return conversationId;
    return (await tx.incidentByConversation('teams', channel, false)) ? channel : conversationId;
  });
}

/** Where an activity was typed, as the place a new incident opens in when nothing else is set. */
export function originOf(activity: Partial<Activity>): Origin | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl) return undefined;
  const tenantId = tenantOf(activity);
  const common = { serviceUrl: activity.serviceUrl, ...(tenantId ? { tenantId } : {}) };
  if (conversation.conversationType === 'channel') {
    const data = activity.channelData as { channel?: { id?: unknown }; teamsChannelId?: unknown } | undefined;
    const named = data?.channel?.id ?? data?.teamsChannelId;
    return { kind: 'channel', channelId: typeof named === 'string' && named ? named : channelOf(conversation.id), ...common };
  }
  const reference = TurnContext.getConversationReference(activity);
  delete reference.activityId;
  return { kind: 'chat', reference, ...common };
}
