import type { Activity, ChannelAccount, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { PlatformError } from '../../app/ports';
import { withTimeout } from './graph';
import type { OutgoingActivity } from './teams-activity';
import { toPlatformError } from './teams-errors';

export type Reference = Partial<ConversationReference>;

/** Where a Teams conversation is reached: the Bot Connector of its region, its tenant, and the bot. */
export interface Address {
  serviceUrl: string;
  tenantId?: string;
  bot: ChannelAccount;
}

/** A reference to post in a channel (or thread: '<channelId>;messageid=<rootId>') or chat by id. */
export function referenceTo(conversationId: string, at: Address): Reference {
  return {
    channelId: 'msteams',
    serviceUrl: at.serviceUrl,
    bot: at.bot,
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '', ...(at.tenantId ? { tenantId: at.tenantId } : {}) },
  };
}

/** '19:x@thread.tacv2;messageid=123' → '19:x@thread.tacv2'. */
export function channelOf(conversationId: string): string {
  const i = conversationId.indexOf(';');
  return i < 0 ? conversationId : conversationId.slice(0, i);
}

/** The root activity id of a thread conversation id, if it is one. */
export function threadRootOf(conversationId: string): string | undefined {
  return /;messageid=([^;]+)$/.exec(conversationId)?.[1];
}

/**
 * Proactive calls to the Bot Connector through botbuilder's CloudAdapter. Each HTTP request has
 * its own deadline (teams-http.ts); the whole call also races a timer, so that nothing botbuilder
 * does first (such as fetching a token) can hold a delivery forever. Every failure is a PlatformError.
 */
export class BotConnector {
  constructor(
    private readonly adapter: CloudAdapter,
    /** '' with authentication off (insecure local mode). */
    private readonly appId: string,
    private readonly timeoutMs: number,
  ) {}

  /** Posts into a conversation; returns the new activity's id. */
  send(reference: Reference, activity: OutgoingActivity): Promise<string> {
    return this.call(async () => {
      let id = '';
      await inTurn(
        (logic) => this.adapter.continueConversationAsync(this.appId, reference, logic),
        async (ctx) => {
          id = (await ctx.sendActivity(activity as Partial<Activity>))?.id ?? '';
        },
      );
      return id;
    });
  }

  /** Replaces an activity the bot posted earlier. */
  update(reference: Reference, activityId: string, activity: OutgoingActivity): Promise<void> {
    return this.call(async () => {
      await inTurn(
        (logic) => this.adapter.continueConversationAsync(this.appId, reference, logic),
        async (ctx) => {
          await ctx.updateActivity({ ...activity, id: activityId } as Partial<Activity>);
        },
      );
    });
  }

  /**
   * Starts a new thread in a team channel, `root` as its first post (what
   * TeamsInfo.sendMessageToTeamsChannel does, without needing a turn). Returns the thread's
   * conversation id, '<channelId>;messageid=<root activity id>'.
   */
  startThread(channelId: string, at: Address, root: OutgoingActivity): Promise<string> {
    const parameters = {
      isGroup: true,
      bot: at.bot,
      channelData: { channel: { id: channelId }, ...(at.tenantId ? { tenant: { id: at.tenantId } } : {}) },
      activity: root,
      ...(at.tenantId ? { tenantId: at.tenantId } : {}),
    } as unknown as ConversationParameters;
    return this.call(async () => {
      let conversationId = '';
      // The audience must be undefined (not ''): undefined means "the Bot Connector's own scope".
      await inTurn(
        (logic) => this.adapter.createConversationAsync(this.appId, 'msteams', at.serviceUrl, undefined as unknown as string, parameters, logic),
        async (ctx) => {
          conversationId = ctx.activity.conversation.id;
        },
      );
      // Retrying would start another thread; the worker gives up on a permanent error soon.
      if (!threadRootOf(conversationId)) throw new PlatformError('teams', 'unexpected_thread_id', false);
      return conversationId;
    });
  }

  /** Opens (or finds: Teams keeps one per user) the bot's personal chat with a user; returns its reference. */
  personalChat(userId: string, at: Address): Promise<Reference> {
    const parameters = {
      isGroup: false,
      bot: at.bot,
      members: [{ id: userId }],
      ...(at.tenantId ? { tenantId: at.tenantId, channelData: { tenant: { id: at.tenantId } } } : {}),
    } as unknown as ConversationParameters;
    return this.call(async () => {
      let conversationId = '';
      await inTurn(
        (logic) => this.adapter.createConversationAsync(this.appId, 'msteams', at.serviceUrl, undefined as unknown as string, parameters, logic),
        async (ctx) => {
          conversationId = ctx.activity.conversation.id;
        },
      );
      const reference = referenceTo(conversationId, at);
      return { ...reference, user: { id: userId, name: '' }, conversation: { ...reference.conversation!, isGroup: false, conversationType: 'personal' } };
    });
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await withTimeout(fn(), this.timeoutMs * 2 + 1_000, () => new Error('timeout'));
    } catch (err) {
      throw toPlatformError(err);
    }
  }
}


/**
 * Runs a turn's logic so that its failure reaches the caller: the adapter hands errors thrown in
 * a turn to its onTurnError handler, which logs and swallows them — a failed post would look sent.
 */
async function inTurn(start: (logic: (ctx: TurnContext) => Promise<void>) => Promise<void>, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
  let failure: { err: unknown } | undefined;
  await start(async (ctx) => {
    try {
      await logic(ctx);
    } catch (err) {
      failure = { err };
    }
  });
  if (failure) throw failure.err;
}
