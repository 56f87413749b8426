import type { Writable } from 'node:stream';
import type { ChatPlatform, Conversation, OpenConversationRequest, OpenedConversation } from '../../app/ports';
import { conversationName } from '../../core/messages/conversation-name';
import type { Message } from '../../core/messages/message';
import { renderText, type RenderContext } from '../../core/messages/render-text';

/**
 * The chat platform of local mode: every message the bot would post is printed, headed by the
 * conversation it goes to. Edits of a message (the pinned summary) are printed as edits.
 */
export class ConsolePlatform implements ChatPlatform {
  readonly name = 'console' as const;
  private posted = 0;

  constructor(private readonly out: Writable) {}

  async openConversation(request: OpenConversationRequest): Promise<OpenedConversation> {
    const name = `#${conversationName(request.incident.number, request.incident.title)}`;
    this.print(name, `Opened ${name} for INC-${request.incident.number}${request.incident.private ? ' (private)' : ''}.`);
    return { externalId: name, name, link: null };
  }

  async post(to: Conversation, message: Message, ctx: RenderContext): Promise<string> {
    this.print(to.name ?? to.externalId ?? '?', renderText(message, ctx));
    this.posted += 1;
    return `m${this.posted}`;
  }

  async update(to: Conversation, messageRef: string, message: Message, ctx: RenderContext): Promise<void> {
    this.print(`${to.name ?? to.externalId ?? '?'} (edited ${messageRef})`, renderText(message, ctx));
  }

  private print(where: string, text: string): void {
    const body = text.split('\n').map((l) => `  ${l}`).join('\n');
    this.out.write(`[${where}]\n${body}\n`);
  }
}
