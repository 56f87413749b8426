import type { Activity, Attachment } from 'botbuilder';
import type { Message } from '../../core/messages/message';
import type { RenderContext } from '../../core/messages/render-text';
import type { AdaptiveCard } from './cards/adaptive-card';
import { renderCard } from './cards/render-card';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The parts of an outgoing message activity Sitrep sets. */
export type OutgoingActivity = Pick<Activity, 'type'> & Partial<Pick<Activity, 'text' | 'textFormat' | 'summary' | 'attachments'>>;

/** A plain-text message: shown as typed, never as Markdown (it may quote what a user typed). */
export function textActivity(text: string): OutgoingActivity {
  return { type: 'message', text, textFormat: 'plain' };
}

/**
 * A card message. Its plain-text rendering goes in `summary`, which Teams shows in notifications
 * and the chat list; as `text` it would be printed above the card, saying everything twice.
 */
export function cardActivity(card: AdaptiveCard, summary: string, extra: Attachment[] = []): OutgoingActivity {
  return { type: 'message', summary, attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }, ...extra] };
}

/** A Sitrep message as the Teams activity that shows it. */
export function messageActivity(message: Message, ctx: RenderContext = {}): OutgoingActivity {
  const { text, card } = renderCard(message, ctx);
  if (!card) return textActivity(text);
  if (message.type !== 'postmortem') return cardActivity(card, text);
  // The draft travels inline as the attachment's `content`, not as a `contentUrl` data: URL.
  // A bot cannot put a file in a channel or group chat without uploading it to SharePoint
  // through Graph first (the file-consent flow works in personal chats only), and Teams clients
  // resolve data: URLs for images only. Inline content is accepted in every scope, stays with
  // the message for API readers and exports, and the card beside it names the file.
  const document: Attachment = { contentType: 'text/markdown', name: message.filename, content: message.markdown };
  return cardActivity(card, text, [document]);
}
