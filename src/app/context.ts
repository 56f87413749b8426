import type { Logger } from 'pino';
import type { Message } from '../core/messages/message';
import type { ErrorCode } from '../core/errors';
import type { Policies } from '../core/incident/authorize';
import type { Actor, Platform, Severity } from '../core/types';
import type { ChatPlatform, Clock, PeopleDirectory, Store } from './ports';

/** Who typed the command, where, and what identifies the request for deduplication. */
export interface CommandContext {
  actor: Actor;
  workspace: string;
  /** The conversation the command was typed in, if the platform has one. */
  conversation?: { platform: Platform; externalId: string };
  /** The incident to act on when the command names none and its conversation is no incident's (console). */
  fallbackIncident?: number;
  /** The platform's reference to the thing recorded (message ts, permalink). */
  externalRef?: string;
  /** A key that is the same when the platform repeats a request (event id, activity id). */
  idempotencyKey?: string;
  /**
   * Where the command was typed, as the platform needs it to open an incident's conversation
   * there (e.g. a Teams conversation reference). Stored with the request to open it, so it
   * survives a restart and reaches whichever instance delivers it.
   */
  origin?: unknown;
}

/** What the user sees in answer: one sentence, or a rich message with a text fallback. */
export interface CommandResult {
  ok: boolean;
  text: string;
  code?: ErrorCode;
  incident?: number;
  message?: Message;
  /** The request was a repeat of one already handled, and changed nothing. */
  duplicate?: boolean;
  /** For a refused form: the field at fault. */
  field?: string;
}

export interface AnnouncementTarget {
  platform: Platform;
  externalId: string;
  name: string;
}

export interface AppSettings {
  /** Who may post status updates and who may resolve. */
  policies: Policies;
  defaultSeverity: Severity;
  defaultZone: string;
  /** Configured component names; empty means any name is accepted. */
  components: string[];
  announcements: AnnouncementTarget[];
}

export interface AppDeps {
  store: Store;
  clock: Clock;
  directory: PeopleDirectory;
  settings: AppSettings;
  newId(): string;
  log: Logger;
  /** Called after a transaction that queued messages has committed. */
  onQueued(): void;
  /** Told of every command handled: for metrics. */
  onCommand?(platform: Platform, command: string, outcome: 'ok' | 'refused' | 'failed', seconds: number): void;
}

export type { ChatPlatform };
