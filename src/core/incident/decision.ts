import type { Message } from '../messages/message';
import type { ActionItem, Actor, Incident, Platform, TimelineEntry } from '../types';

/** What the actor's command is about, as the use case loaded it. */
export interface DecisionContext {
  actor: Actor;
  /** When the bot learnt of the command: `recorded_at` of every entry it writes. */
  now: Date;
  /** When the fact happened: the resolved `at <time>`, else `now`. */
  occurredAt: Date;
  source: Platform;
  externalRef?: string | null;
  /** The actor typed the command in the incident's own conversation (they are in the room). */
  inIncidentConversation?: boolean;
}

export type NewEntry = Omit<TimelineEntry, 'id' | 'incidentId'>;

export type Destination = 'incident' | 'announcements';

export interface Outgoing {
  to: Destination;
  message: Message;
  /** Set for a message that is edited in place on later changes, e.g. the pinned summary. */
  key?: string;
}

/**
 * Core's verdict on a command: the incident as it should be, the facts to append, the
 * action items to store and the messages to send. The use case persists all of it in one
 * transaction.
 */
export interface Decision {
  incident: Incident;
  entries: NewEntry[];
  actions: ActionItem[];
  outgoing: Outgoing[];
  reply: string;
}
