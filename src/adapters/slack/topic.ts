import type { IncidentCard } from '../../core/messages/message';
import { STATUS_WORDS } from '../../core/labels';

const MAX_TOPIC = 250;

/** The channel topic: "SEV2 · Identified · Commander: Alice · Images fail to load", at most 250 characters. */
export function topicOf(card: IncidentCard): string {
  const commander = card.roles.find((r) => r.role === 'commander')?.name ?? 'no commander';
  const topic = `${card.severity.toUpperCase()} · ${STATUS_WORDS[card.status]} · Commander: ${commander} · ${card.title}`;
  return topic.length > MAX_TOPIC ? `${topic.slice(0, MAX_TOPIC - 1)}…` : topic;
}
