import pino from 'pino';
import type { AppSettings, CommandContext, CommandResult } from '../../src/app/context';
import { PlatformError, type ChatPlatform, type Clock, type Conversation, type OpenConversationRequest, type OpenedConversation } from '../../src/app/ports';
import { runCommand } from '../../src/app/run-command';
import { consoleDirectory } from '../../src/adapters/console/console-directory';
import { compose } from '../../src/compose';
import type { FollowUpSettings } from '../../src/core/followup/settings';
import { conversationName } from '../../src/core/messages/conversation-name';
import type { Message } from '../../src/core/messages/message';
import { renderText, type RenderContext } from '../../src/core/messages/render-text';
import type { Platform } from '../../src/core/types';
import type { Database } from '../../src/db/client';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(public current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface PlatformCall {
  op: 'open' | 'post' | 'update';
  conversation: string;
  message?: Message;
  text: string;
  ref?: string;
}

/**
 * A chat platform that records what it was asked to do and can be told to fail the next
 * calls, the way a real platform fails: retryable (rate limit, 5xx) or permanent.
 */
export class RecordingPlatform implements ChatPlatform {
  readonly calls: PlatformCall[] = [];
  /** Every call the platform received, failed ones included. */
  tries = 0;
  private failures: PlatformError[] = [];
  private next = 0;

  constructor(readonly name: Platform = 'console') {}

  failNext(count: number, code = 'service_unavailable', retryable = true, retryAfterMs?: number): void {
    for (let i = 0; i < count; i++) this.failures.push(new PlatformError(this.name, code, retryable, retryAfterMs));
  }

  async openConversation(request: OpenConversationRequest): Promise<OpenedConversation> {
    this.maybeFail();
    const name = `#${conversationName(request.incident.number, request.incident.title)}`;
    this.calls.push({ op: 'open', conversation: name, text: request.incident.title });
    return { externalId: `C${request.incident.number}`, name, link: `https://chat.example/${name.slice(1)}` };
  }

  async post(to: Conversation, message: Message, ctx: RenderContext): Promise<string> {
    this.maybeFail();
    const ref = `ts${++this.next}`;
    this.calls.push({ op: 'post', conversation: to.name ?? '?', message, text: renderText(message, ctx), ref });
    return ref;
  }

  async update(to: Conversation, messageRef: string, message: Message, ctx: RenderContext): Promise<void> {
    this.maybeFail();
    this.calls.push({ op: 'update', conversation: to.name ?? '?', message, text: renderText(message, ctx), ref: messageRef });
  }

  /** Posts and updates to one conversation, in order. */
  to(conversation: string): PlatformCall[] {
    return this.calls.filter((c) => c.conversation === conversation && c.op !== 'open');
  }

  /** Clears failures still queued: the platform is back. */
  recover(): void {
    this.failures = [];
  }

  private maybeFail(): void {
    this.tries += 1;
    const failure = this.failures.shift();
    if (failure) throw failure;
  }
}

export const silentLog = pino({ level: 'silent' });

export const testSettings: AppSettings = {
  policies: { resolve: 'anyone', update: 'anyone' },
  defaultSeverity: 'sev3',
  defaultZone: 'UTC',
  components: [],
  announcements: [{ platform: 'console', externalId: '#announcements', name: '#announcements' }],
};

/** The application on a test database, with a fake clock and a recording platform. */
export function testApp(database: Database, opts: { settings?: Partial<AppSettings>; now?: string; followUp?: Partial<FollowUpSettings> } = {}) {
  const clock = new FakeClock(new Date(opts.now ?? '2024-05-31T21:00:00Z'));
  const platform = new RecordingPlatform('console');
  const { deps, worker, scheduler, vacuum } = compose({
    database,
    platforms: new Map([[platform.name, platform]]),
    directory: consoleDirectory,
    settings: { ...testSettings, ...opts.settings },
    log: silentLog,
    clock,
    worker: { baseDelayMs: 1_000, maxDelayMs: 60_000 },
    followUp: opts.followUp,
  });

  /** Runs one command as `user`, like the console does, and delivers what it queued. */
  async function run(user: string, text: string, extra: Partial<CommandContext> & { zone?: string } = {}): Promise<CommandResult> {
    const { zone, ...ctx } = extra;
    const result = await runCommand(deps, text, {
      actor: { id: user, name: user, platform: 'console', zone: zone ?? 'UTC' },
      workspace: 'local',
      ...ctx,
    });
    await worker.drain();
    return result;
  }

  /** Runs a command that must succeed. */
  async function ok(user: string, text: string, extra: Partial<CommandContext> & { zone?: string } = {}): Promise<CommandResult> {
    const result = await run(user, text, extra);
    if (!result.ok) throw new Error(`"${text}" was refused: ${result.text}`);
    return result;
  }

  return { deps, worker, scheduler, vacuum, clock, platform, run, ok };
}
