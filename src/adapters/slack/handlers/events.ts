import type { SlackRoutes } from '../slack-routes';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../../app/context';
import { isSitrepError } from '../../../core/errors';
import { readIncident } from '../../../app/read-incident';
import { recordChatMessage, retractChatMessage } from '../../../app/record-chat-message';
import { appHomeView } from '../blocks/views';
import type { SlackDirectory } from '../slack-directory';
import { slackContext, tsToDate } from '../slack-context';

interface PinnedItem {
  channel: string;
  ts: string;
  text?: string;
  user?: string;
  permalink?: string;
}

/**
 * Events: pinning (or :pushpin:) adds a message of an incident channel to its timeline once,
 * unpinning retracts it, and App Home lists the open incidents. Slack retries an event it
 * thinks we missed; the message's channel and ts make each pin count once, and nothing is
 * marked as seen before it is recorded, so a retry after a failure is not lost.
 */
export function registerEvents(app: SlackRoutes, deps: AppDeps, directory: SlackDirectory): void {
  const record = async (client: WebClient, teamId: string, pinnedBy: string, item: PinnedItem) => {
    const message = item.text !== undefined && item.user ? item : await fetchMessage(client, item);
    if (!message) return;
    const ctx = await slackContext(directory, { userId: pinnedBy, teamId, channelId: item.channel });
    const author = await directory.user(message.user ?? pinnedBy);
    const result = await ignoreOutsideIncidents(recordChatMessage(
      deps,
      {
        ref: `${item.channel}:${item.ts}`,
        text: message.text ?? '',
        author: { id: author.id, name: author.name },
        at: tsToDate(item.ts),
        permalink: message.permalink ?? (await permalinkOf(client, item)),
      },
      ctx,
    ));
    if (result?.ok && !result.duplicate) deps.onQueued();
  };

  app.event('pin_added', async ({ event, body, client }) => {
    const msg = (event.item as { message?: { text?: string; user?: string; ts?: string; permalink?: string } }).message;
    if (!msg?.ts) return;
    await record(client, body.team_id, event.user, { channel: event.channel_id, ts: msg.ts, text: msg.text, user: msg.user, permalink: msg.permalink });
  });

  app.event('reaction_added', async ({ event, body, client }) => {
    if (event.reaction !== 'pushpin' || event.item.type !== 'message') return;
    await record(client, body.team_id, event.user, { channel: event.item.channel, ts: event.item.ts });
  });

  app.event('pin_removed', async ({ event, body }) => {
    const msg = (event.item as { message?: { ts?: string } }).message;
    if (!msg?.ts) return;
    const ctx = await slackContext(directory, { userId: event.user, teamId: body.team_id, channelId: event.channel_id });
    await ignoreOutsideIncidents(retractChatMessage(deps, `${event.channel_id}:${msg.ts}`, ctx));
  });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = await slackContext(directory, { userId: event.user, teamId: body.team_id });
    const listed = await readIncident(deps, { kind: 'list' }, ctx);
    const incidents = listed.message?.type === 'incident_list' ? listed.message.incidents : [];
    await client.views.publish({ user_id: event.user, view: appHomeView({ incidents, now: deps.clock.now() }) });
  });
}

/** A pin outside an incident channel, or of a message never recorded, is none of Sitrep's business. */
async function ignoreOutsideIncidents<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (err) {
    if (isSitrepError(err)) return undefined;
    throw err;
  }
}

async function fetchMessage(client: WebClient, item: PinnedItem): Promise<{ text?: string; user?: string; permalink?: string } | null> {
  const history = await client.conversations.history({ channel: item.channel, latest: item.ts, inclusive: true, limit: 1 });
  const found = history.messages?.find((m) => m.ts === item.ts);
  return found ? { text: found.text, user: found.user } : null;
}

async function permalinkOf(client: WebClient, item: PinnedItem): Promise<string | undefined> {
  try {
    return (await client.chat.getPermalink({ channel: item.channel, message_ts: item.ts })).permalink;
  } catch {
    return undefined;
  }
}
