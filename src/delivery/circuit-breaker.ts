import type { Platform } from '../core/types';

export interface BreakerOptions {
  /** Consecutive transient failures that open the breaker. */
  threshold: number;
  /** First pause once open; it doubles on each failed probe, up to `maxCooldownMs`. */
  cooldownMs: number;
  maxCooldownMs: number;
}

interface State {
  failures: number;
  openUntil: number;
  cooldownMs: number;
}

/**
 * One breaker per platform: after a run of transient failures the worker stops sending to that
 * platform for a while, then lets one round through as a probe. A success closes it. A platform
 * that is down thus gets a probe per cooldown instead of a retry per queued message.
 */
export class CircuitBreaker {
  private readonly states = new Map<Platform, State>();

  constructor(private readonly opts: BreakerOptions) {}

  /** Platforms not to send to at `now`. */
  open(now: number): Platform[] {
    return [...this.states].filter(([, s]) => s.openUntil > now).map(([p]) => p);
  }

  /** Platforms whose pause is over but that have not answered since: send them one probe only. */
  probing(now: number): Platform[] {
    return [...this.states].filter(([, s]) => s.openUntil !== 0 && s.openUntil <= now).map(([p]) => p);
  }

  succeeded(platform: Platform): void {
    this.states.delete(platform);
  }

  /** Returns the pause started, if this failure opened (or re-opened) the breaker. */
  failed(platform: Platform, now: number, retryAfterMs = 0): number | null {
    const s = this.states.get(platform) ?? { failures: 0, openUntil: 0, cooldownMs: this.opts.cooldownMs };
    s.failures += 1;
    this.states.set(platform, s);
    if (s.failures < this.opts.threshold || s.openUntil > now) return null;
    const pause = Math.max(s.cooldownMs, retryAfterMs);
    s.openUntil = now + pause;
    s.cooldownMs = Math.min(this.opts.maxCooldownMs, s.cooldownMs * 2);
    return pause;
  }
}
