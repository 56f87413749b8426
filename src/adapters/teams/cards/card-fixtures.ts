import type { IncidentCard, Message, TimelineLine } from '../../../core/messages/message';
import type { AdaptiveCard, CardElement, TextBlock } from './adaptive-card';
import { visibleText } from './card-text';
import { renderCard } from './render-card';

/** Fixtures and card walkers shared by the card tests. */

export const incident = (over: Partial<IncidentCard> = {}): IncidentCard => ({
  number: 42,
  title: 'Checkout is failing',
  summary: 'Card payments time out after 30 s.',
  severity: 'sev2',
  status: 'investigating',
  private: false,
  zone: 'America/Los_Angeles',
  roles: [
    { role: 'commander', name: 'Dana Scully' },
    { role: 'scribe', name: 'Fox Mulder' },
  ],
  components: [{ name: 'checkout', impact: 'partial_outage' }],
  startedAt: '2024-05-31T21:23:00Z', // 14:23 PDT
  declaredAt: '2024-05-31T21:25:00Z',
  resolvedAt: null,
  ...over,
});

export const line = (at: string, text: string, over: Partial<TimelineLine> = {}): TimelineLine => ({
  at,
  kind: 'note',
  author: 'Dana Scully',
  text,
  retracted: false,
  ...over,
});

/** The card of a message, its fallback text, and what a reader sees in it. */
export function render(message: Message, ctx = {}): { text: string; card: AdaptiveCard; seen: string } {
  const { text, card } = renderCard(message, ctx);
  if (!card) throw new Error(`no card for ${message.type}`);
  return { text, card, seen: visibleText(card).join('\n') };
}

/** Every element of a card, nested ones included. */
export function elements(list: CardElement[]): CardElement[] {
  return list.flatMap((e) => [
    e,
    ...(e.type === 'Container' ? elements(e.items) : e.type === 'ColumnSet' ? elements(e.columns.flatMap((c) => c.items)) : []),
  ]);
}

export const textBlocks = (card: AdaptiveCard): TextBlock[] => elements(card.body).filter((e): e is TextBlock => e.type === 'TextBlock');
