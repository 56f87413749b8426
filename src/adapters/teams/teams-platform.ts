import type { ChatPlatform, Conversation, OpenConversationRequest, OpenedConversation } from '../../app/ports';
import { PlatformError } from '../../app/ports';
import type { Message } from '../../core/messages/message';
import type { RenderContext } from '../../core/messages/render-text';
import type { IncidentPlaces } from './incident-places';
import { messageActivity } from './teams-activity';
import { referenceTo, threadRootOf, type BotConnector, type Reference } from './teams-connector';
import type { TeamsMemory } from './teams-memory';

/**
 * Teams as the delivery worker sees it. Posts and edits go through the Bot Connector with the
 * conversation's stored ConversationReference (or, for the announcements channel, one built from
 * its id); every failure is a PlatformError and the worker decides about retries.
 */
export class TeamsPlatform implements ChatPlatform {
  readonly name = 'teams' as const;

  constructor(
    private readonly connector: BotConnector,
    private readonly places: IncidentPlaces,
    private readonly memory: TeamsMemory,
  ) {}

  openConversation(request: OpenConversationRequest): Promise<OpenedConversation> {
    return this.places.open(request);
  }

  async post(to: Conversation, message: Message, ctx: RenderContext): Promise<string> {
    const activity = messageActivity(message, ctx);
    // An incident thread's root post is its summary card: the summary is kept there, not repeated.
    const root = this.summaryRoot(to, message);
    if (root) {
      await this.connector.update(this.referenceOf(to), root, activity);
      return root;
    }
    const id = await this.connector.send(this.referenceOf(to), activity);
    // Posted, but with no id to edit it by later: failing now would only post it again.
    return id || 'no-activity-id';
  }

  async update(to: Conversation, messageRef: string, message: Message, ctx: RenderContext): Promise<void> {
    await this.connector.update(this.referenceOf(to), messageRef, messageActivity(message, ctx));
  }

  private summaryRoot(to: Conversation, message: Message): string | undefined {
    if (message.type !== 'summary' || to.purpose !== 'incident' || !to.externalId) return undefined;
    return threadRootOf(to.externalId);
  }

  private referenceOf(to: Conversation): Reference {
    const stored = to.reference as Reference | null;
    if (stored && typeof stored === 'object' && stored.conversation?.id) return stored;
    if (!to.externalId) throw new PlatformError('teams', 'conversation_not_opened', false);
    const tenantId = this.memory.tenant();
    return referenceTo(to.externalId, { serviceUrl: this.memory.serviceUrl(tenantId), bot: this.memory.bot(), ...(tenantId ? { tenantId } : {}) });
  }
}
