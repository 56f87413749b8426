import type { Mention } from '../core/command/command';
import type { NewEntry } from '../core/incident/decision';
import type { IncidentCard, Message } from '../core/messages/message';
import type { RenderContext } from '../core/messages/render-text';
import type { ActionItem, EntryKind, Incident, Person, Platform, TimelineEntry } from '../core/types';
import type { FollowUpTx } from './reminders/ports';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type ConversationPurpose = 'incident' | 'announcements';

/** A chat conversation that belongs to an incident, or the announcement conversation of a platform. */
export interface Conversation {
  id: string;
  incidentId: string | null;
  platform: Platform;
  purpose: ConversationPurpose;
  /** The platform's id for it; null until the platform has created it. */
  externalId: string | null;
  name: string | null;
  link: string | null;
  /** Whatever else the platform needs to post there later (e.g. a Teams conversation reference). */
  reference: unknown;
}

export interface OpenedConversation {
  externalId: string;
  name: string;
  link: string | null;
  reference?: unknown;
}

export interface OpenConversationRequest {
  incident: IncidentCard;
  /** Platform user ids to invite. */
  members: string[];
  /** Where the declaration was typed, as the platform adapter described it (see CommandContext.origin). */
  origin?: unknown;
}

/** A failure talking to a chat platform; `retryable` failures are tried again later. */
export class PlatformError extends Error {
  constructor(
    readonly platform: Platform,
    readonly code: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(`${platform}: ${code}`);
    this.name = 'PlatformError';
  }
}

/** Everything Sitrep needs from a chat platform. Adapters implement it; they decide nothing. */
export interface ChatPlatform {
  readonly name: Platform;
  openConversation(request: OpenConversationRequest): Promise<OpenedConversation>;
  /** Posts a message; returns the platform's reference to it, for later edits. */
  post(to: Conversation, message: Message, ctx: RenderContext): Promise<string>;
  update(to: Conversation, messageRef: string, message: Message, ctx: RenderContext): Promise<void>;
}

/** Turns a mention into a person as the platform knows them (display name, zone). */
export interface PeopleDirectory {
  lookup(platform: Platform, mention: Mention): Promise<Person>;
}

/** The transaction every use case runs in: state, timeline and outbox change together. */
export interface IncidentTx {
  allocateNumber(workspace: string): Promise<number>;
  insertIncident(incident: Incident): Promise<void>;
  saveIncident(incident: Incident): Promise<void>;
  /** `lock` takes a row lock so concurrent commands on one incident apply one after another. */
  incidentByNumber(workspace: string, number: number, lock: boolean): Promise<Incident | null>;
  incidentByConversation(platform: Platform, externalId: string, lock: boolean): Promise<Incident | null>;
  openIncidents(workspace: string | null): Promise<Incident[]>;
  appendEntries(incidentId: string, entries: readonly NewEntry[]): Promise<TimelineEntry[]>;
  timeline(incidentId: string): Promise<TimelineEntry[]>;
  latestOccurredAt(incidentId: string): Promise<Date | null>;
  entryByExternalRef(incidentId: string, kind: EntryKind, externalRef: string): Promise<TimelineEntry | null>;
  actions(incidentId: string): Promise<ActionItem[]>;
  saveActions(items: readonly ActionItem[]): Promise<void>;
  conversationsOf(incidentId: string): Promise<Conversation[]>;
  createConversation(c: Omit<Conversation, 'id'>): Promise<Conversation>;
  /** The announcement conversation of a platform, created on first use. */
  announcementConversation(platform: Platform, externalId: string, name: string): Promise<Conversation>;
  /**
   * Queues a message and returns its delivery id. `at` is when it is first due (the use case's
   * clock, not the database's); `after` names a delivery that must be settled before this one.
   */
  enqueue(conversationId: string, op: 'open' | 'post' | 'upsert', payload: unknown, key: string | null, at: Date, after?: string): Promise<string>;
  /** Queues several messages in one statement, in the order given. */
  enqueueMany(rows: readonly QueuedDelivery[]): Promise<void>;
  deliveryHealth(limit: number): Promise<DeliveryHealth>;
  /** False when the key was claimed before: the request is a retry or a double submission. */
  claimRequest(key: string, at: Date): Promise<boolean>;
  /** Reminders, snoozes and response metrics, in the same transaction. */
  readonly followUp: FollowUpTx;
}

export interface QueuedDelivery {
  conversationId: string;
  op: 'open' | 'post' | 'upsert';
  payload: unknown;
  key: string | null;
  at: Date;
  after?: string;
}

export interface StuckDelivery {
  platform: Platform;
  /** The conversation's name; null for a private incident's or one not created yet. */
  conversation: string | null;
  incident: number | null;
  status: 'pending' | 'sending' | 'parked';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

export interface DeliveryHealth {
  waiting: number;
  oldestWaitingSince: Date | null;
  parked: number;
  /** Parked deliveries and those that failed at least once, newest first. */
  stuck: StuckDelivery[];
}

export interface Store {
  transaction<T>(fn: (tx: IncidentTx) => Promise<T>): Promise<T>;
  /** Lookups outside any transaction, never locking: each sees what is committed when it runs. */
  readonly reader: IncidentReader;
  /**
   * The same lookups, answered from memory when the incident was read before, so possibly out of
   * date: fit only for deciding facts that `appendFacts` then checks against the stored version.
   */
  readonly recent: IncidentReader;
  /**
   * Appends facts that leave the incident itself as it was, with their messages to each of its
   * conversations, atomically, if the incident is still at the version they were decided on.
   * Nothing is written when the request key was seen before (`duplicate`) or the incident has
   * changed since (`stale`).
   */
  appendFacts(facts: AppendFacts): Promise<AppendOutcome>;
}

export type AppendOutcome = 'appended' | 'duplicate' | 'stale';

export type IncidentReader = Pick<IncidentTx, 'incidentByNumber' | 'incidentByConversation' | 'latestOccurredAt'>;

export interface AppendFacts {
  incidentId: string;
  /** The incident's version the facts were decided on. */
  version: number;
  entries: readonly NewEntry[];
  /** Each goes to every conversation of the incident, in this order. */
  messages: readonly { payload: unknown; key: string | null }[];
  /** When the messages are first due (the use case's clock). */
  at: Date;
  /** The request's idempotency key, when it has one. */
  requestKey?: string;
}

export interface ClaimedDelivery {
  id: string;
  conversationId: string;
  op: 'open' | 'post' | 'upsert';
  key: string | null;
  payload: unknown;
  /** Attempts so far, this one included. */
  attempts: number;
}

/** What the delivery worker needs from storage: claim, settle, and remember what was posted where. */
export interface OutboxStore {
  /**
   * Claims due deliveries that head their conversation's queue, leasing them for `leaseMs`;
   * none for the platforms in `exclude`, or only for the platform `only`.
   */
  claim(now: Date, limit: number, leaseMs: number, filter?: { exclude?: Platform[]; only?: Platform }): Promise<ClaimedDelivery[]>;
  complete(ids: readonly string[], now: Date): Promise<void>;
  retryLater(id: string, error: string, at: Date): Promise<void>;
  park(id: string, error: string): Promise<void>;
  conversation(id: string): Promise<Conversation>;
  conversationOpened(id: string, opened: OpenedConversation): Promise<void>;
  /** The incident's own conversation on a platform, to link to from announcements. */
  incidentConversation(incidentId: string, platform: Platform): Promise<Conversation | null>;
  postedMessage(conversationId: string, key: string): Promise<string | null>;
  savePostedMessage(conversationId: string, key: string, externalRef: string, now: Date): Promise<void>;
  /** When the next pending delivery falls due, if any. */
  nextDue(): Promise<Date | null>;
}
