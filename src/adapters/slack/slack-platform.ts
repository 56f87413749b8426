import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ChatPlatform, Conversation, OpenConversationRequest, OpenedConversation } from '../../app/ports';
import { conversationName } from '../../core/messages/conversation-name';
import type { IncidentCard, Message } from '../../core/messages/message';
import type { RenderContext } from '../../core/messages/render-text';
import { renderBlocks } from './blocks/render-blocks';
import { topicOf } from './topic';
import { slackErrorCode, toPlatformError } from './slack-errors';

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const INVITE_CHUNK = 100;
const NAME_ATTEMPTS = 5;

/**
 * Slack as the delivery worker sees it. Every call may fail; failures become PlatformErrors
 * and the worker decides about retries, so the WebClient itself never retries or queues.
 */
export class SlackPlatform implements ChatPlatform {
  readonly name = 'slack' as const;

  constructor(
    private readonly client: WebClient,
    private readonly teamId: () => string | undefined,
    private readonly log: Logger,
  ) {}

  async openConversation(request: OpenConversationRequest): Promise<OpenedConversation> {
    const card = request.incident;
    const channel = await this.createChannel(card);
    const members = request.members.filter((m) => SLACK_USER.test(m));
    for (let i = 0; i < members.length; i += INVITE_CHUNK) {
      await this.call(() => this.client.conversations.invite({ channel: channel.id, users: members.slice(i, i + INVITE_CHUNK).join(',') }), [
        'already_in_channel',
        'cant_invite_self',
        'user_not_found',
      ]);
    }
    await this.call(() => this.client.conversations.setTopic({ channel: channel.id, topic: topicOf(card) }), ['too_long']);
    const team = this.teamId();
    return {
      externalId: channel.id,
      name: `#${channel.name}`,
      link: team ? `https://app.slack.com/client/${team}/${channel.id}` : null,
    };
  }

  async post(to: Conversation, message: Message, ctx: RenderContext): Promise<string> {
    const channel = this.channelOf(to);
    if (message.type === 'postmortem') return this.uploadPostmortem(channel, message);
    const { text, blocks } = renderBlocks(message, ctx);
    const posted = await this.call(() => this.client.chat.postMessage({ channel, text, blocks, unfurl_links: false }));
    const ts = (posted as { ts?: string }).ts;
    if (!ts) throw toPlatformError(new Error('chat.postMessage returned no ts'));
    if (message.type === 'summary') await this.pin(channel, ts);
    return ts;
  }

  async update(to: Conversation, messageRef: string, message: Message, ctx: RenderContext): Promise<void> {
    const channel = this.channelOf(to);
    const { text, blocks } = renderBlocks(message, ctx);
    await this.call(() => this.client.chat.update({ channel, ts: messageRef, text, blocks }));
    if (message.type === 'summary' && to.purpose === 'incident') {
      await this.call(() => this.client.conversations.setTopic({ channel, topic: topicOf(message.incident) }), ['too_long']);
    }
  }

  private async createChannel(card: IncidentCard): Promise<{ id: string; name: string }> {
    const base = conversationName(card.number, card.title, 80);
    for (let attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
      const suffix = attempt === 1 ? '' : `-${attempt}`;
      const name = `${base.slice(0, 80 - suffix.length)}${suffix}`;
      try {
        const created = await this.client.conversations.create({ name, is_private: card.private });
        const channel = created.channel as { id?: string; name?: string } | undefined;
        if (!channel?.id) throw new Error('conversations.create returned no channel');
        return { id: channel.id, name: channel.name ?? name };
      } catch (err) {
        if (slackErrorCode(err) !== 'name_taken') throw toPlatformError(err);
      }
    }
    throw toPlatformError(Object.assign(new Error('name_taken'), { code: 'slack_webapi_platform_error', data: { error: 'name_taken' } }));
  }

  /** Pinning is a courtesy: the summary is already posted, so a failed pin must not post it again. */
  private async pin(channel: string, ts: string): Promise<void> {
    try {
      await this.client.pins.add({ channel, timestamp: ts });
    } catch (err) {
      if (slackErrorCode(err) !== 'already_pinned') this.log.warn({ err: toPlatformError(err).code, channel }, 'could not pin the incident summary');
    }
  }

  private async uploadPostmortem(channel: string, m: Extract<Message, { type: 'postmortem' }>): Promise<string> {
    const uploaded = await this.call(() =>
      this.client.filesUploadV2({
        channel_id: channel,
        filename: m.filename,
        title: `INC-${m.incident} postmortem draft`,
        content: m.markdown,
        initial_comment: renderBlocks(m, {}).text,
      }),
    );
    const files = (uploaded as { files?: { files?: { id?: string }[] }[] }).files ?? [];
    return files[0]?.files?.[0]?.id ?? m.filename;
  }

  private channelOf(to: Conversation): string {
    if (!to.externalId) throw toPlatformError(Object.assign(new Error('no channel'), { code: 'slack_webapi_platform_error', data: { error: 'channel_not_found' } }));
    return to.externalId;
  }

  /** Runs a Web API call; Slack codes listed in `harmless` count as success. */
  private async call<T>(fn: () => Promise<T>, harmless: string[] = []): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      const code = slackErrorCode(err);
      if (code && harmless.includes(code)) return undefined;
      throw toPlatformError(err);
    }
  }
}
