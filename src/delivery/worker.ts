import type { Logger } from 'pino';
import type { Message } from '../core/messages/message';
import type { RenderContext } from '../core/messages/render-text';
import type { Platform } from '../core/types';
import {
  PlatformError,
  type ChatPlatform,
  type ClaimedDelivery,
  type Clock,
  type Conversation,
  type OpenConversationRequest,
  type OutboxStore,
} from '../app/ports';
import { retryDelay } from './backoff';
import { CircuitBreaker, type BreakerOptions } from './circuit-breaker';

export interface WorkerOptions {
  /** Deliveries claimed per round; each heads a different conversation, so they go out in parallel. */
  batchSize: number;
  leaseMs: number;
  pollMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts before a delivery the platform keeps refusing is parked. */
  maxAttempts: number;
  /** Attempts before a delivery the platform calls permanently wrong is parked. */
  maxPermanentAttempts: number;
  breaker: BreakerOptions;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  batchSize: 64,
  leaseMs: 60_000,
  pollMs: 1_000,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 50,
  maxPermanentAttempts: 3,
  breaker: { threshold: 5, cooldownMs: 5_000, maxCooldownMs: 60_000 },
};

interface Payload {
  message?: Message;
  incidentId?: string;
}

export type DeliveryOutcome = 'delivered' | 'retry' | 'parked';

/**
 * Sends the outbox to the chat platforms: in order per conversation, with retries and backoff,
 * storing what the platform returned so later edits update the same message.
 */
export class DeliveryWorker {
  private readonly opts: WorkerOptions;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private readonly breaker: CircuitBreaker;
  private readonly conversations = new Map<string, Conversation>();
  /**
   * Deliveries the platform has accepted but the outbox does not yet know are done. If the
   * database drops while they are being marked, they are kept here and marked before anything
   * is claimed again, so an outage longer than the lease does not send them a second time.
   */
  private readonly sentUnmarked = new Set<string>();

  constructor(
    private readonly outbox: OutboxStore,
    private readonly platforms: ReadonlyMap<Platform, ChatPlatform>,
    private readonly clock: Clock,
    private readonly log: Logger,
    opts: Partial<WorkerOptions> = {},
    private readonly onOutcome: (platform: Platform, outcome: DeliveryOutcome, errorCode?: string) => void = () => {},
  ) {
    this.opts = { ...DEFAULT_WORKER_OPTIONS, ...opts };
    this.breaker = new CircuitBreaker(this.opts.breaker);
  }

  /** One round: claim what is due and deliver it. Returns how many deliveries were attempted. */
  async tick(): Promise<number> {
    await this.markSent();
    const now = this.clock.now();
    const probing = this.breaker.probing(now.getTime());
    const paused = [...this.breaker.open(now.getTime()), ...probing];
    const batch = await this.outbox.claim(now, this.opts.batchSize, this.opts.leaseMs, { exclude: paused });
    for (const platform of probing) batch.push(...(await this.outbox.claim(now, 1, this.opts.leaseMs, { only: platform })));
    const settled = await Promise.allSettled(batch.map((d) => this.deliver(d)));
    await this.markSent();
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return batch.length;
  }

  private async markSent(): Promise<void> {
    if (this.sentUnmarked.size === 0) return;
    const ids = [...this.sentUnmarked];
    await this.outbox.complete(ids, this.clock.now());
    for (const id of ids) this.sentUnmarked.delete(id);
  }

  /** Delivers until nothing is due now (the console waits for this after every command). */
  async drain(maxRounds = 10_000): Promise<void> {
    for (let i = 0; i < maxRounds && (await this.tick()) > 0; i++);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.markSent().catch((err) => this.log.warn({ err, deliveries: this.sentUnmarked.size }, 'could not mark sent deliveries done before stopping'));
  }

  /** New deliveries were queued: look now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = 0;
      try {
        worked = await this.tick();
      } catch (err) {
        this.log.warn({ err }, 'delivery round failed; retrying');
      }
      if (worked === 0 && this.running) await this.sleep(this.opts.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** Sends one delivery; what went out is marked done with the rest of the round. */
  private async deliver(d: ClaimedDelivery): Promise<void> {
    const conversation = await this.conversationOf(d.conversationId);
    const platform = this.platforms.get(conversation.platform);
    if (!platform) {
      await this.outbox.park(d.id, `no ${conversation.platform} connection is configured`);
      this.onOutcome(conversation.platform, 'parked');
      return;
    }
    try {
      await this.send(platform, d, conversation);
    } catch (err) {
      const { outcome, code } = await this.failed(d, err);
      this.onOutcome(platform.name, outcome, code);
      return;
    }
    this.sentUnmarked.add(d.id);
    this.breaker.succeeded(platform.name);
    this.onOutcome(platform.name, 'delivered');
  }

  /** A conversation the platform has created never changes again, so it is read once. */
  private async conversationOf(id: string): Promise<Conversation> {
    const cached = this.conversations.get(id);
    if (cached) return cached;
    const conversation = await this.outbox.conversation(id);
    if (conversation.externalId) {
      if (this.conversations.size >= 10_000) this.conversations.clear();
      this.conversations.set(id, conversation);
    }
    return conversation;
  }

  private async send(platform: ChatPlatform, d: ClaimedDelivery, conversation: Conversation): Promise<void> {
    if (d.op === 'open') {
      const opened = await platform.openConversation(d.payload as OpenConversationRequest);
      await this.outbox.conversationOpened(conversation.id, opened);
      this.conversations.delete(conversation.id);
      return;
    }
    if (!conversation.externalId) throw new PlatformError(platform.name, 'conversation_not_opened', false);
    const { message, incidentId } = d.payload as Payload;
    if (!message) throw new PlatformError(platform.name, 'empty_delivery', false);
    const ctx = await this.renderContext(platform.name, conversation.purpose, incidentId);
    const existing = d.op === 'upsert' && d.key ? await this.outbox.postedMessage(conversation.id, d.key) : null;
    if (existing) {
      await platform.update(conversation, existing, message, ctx);
      return;
    }
    const ref = await platform.post(conversation, message, ctx);
    if (d.op === 'upsert' && d.key) await this.outbox.savePostedMessage(conversation.id, d.key, ref, this.clock.now());
  }

  private async renderContext(platform: Platform, purpose: string, incidentId: string | undefined): Promise<RenderContext> {
    if (purpose !== 'announcements' || !incidentId) return {};
    const home = await this.outbox.incidentConversation(incidentId, platform);
    return home ? { incidentConversation: { externalId: home.externalId, name: home.name, link: home.link } } : {};
  }

  private async failed(d: ClaimedDelivery, err: unknown): Promise<{ outcome: DeliveryOutcome; code: string }> {
    const known = err instanceof PlatformError ? err : null;
    const reason = known ? known.code : err instanceof Error ? err.message : String(err);
    const permanent = known ? !known.retryable : false;
    const limit = permanent ? this.opts.maxPermanentAttempts : this.opts.maxAttempts;
    if (d.attempts >= limit) {
      this.log.error({ delivery: d.id, attempts: d.attempts, reason }, 'delivery parked');
      await this.outbox.park(d.id, reason);
      return { outcome: 'parked', code: reason };
    }
    const pause = known?.retryable ? this.breaker.failed(known.platform, this.clock.now().getTime(), known.retryAfterMs) : null;
    if (pause !== null) this.log.warn({ platform: known!.platform, pauseMs: pause, reason }, 'platform looks down; pausing deliveries to it');
    const delay = retryDelay(d.attempts, {
      baseMs: this.opts.baseDelayMs,
      capMs: this.opts.maxDelayMs,
      retryAfterMs: known?.retryAfterMs,
    });
    this.log.warn({ delivery: d.id, attempts: d.attempts, reason, retryInMs: delay }, 'delivery failed; will retry');
    await this.outbox.retryLater(d.id, reason, new Date(this.clock.now().getTime() + delay));
    return { outcome: 'retry', code: reason };
  }
}
