import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker';

describe('CircuitBreaker', () => {
  const opts = { threshold: 3, cooldownMs: 1_000, maxCooldownMs: 4_000 };

  it('opens after the threshold of consecutive failures, for the cooldown, then doubles it on a failed probe', () => {
    const b = new CircuitBreaker(opts);
    expect(b.failed('slack', 0)).toBeNull();
    expect(b.failed('slack', 0)).toBeNull();
    expect(b.failed('slack', 0)).toBe(1_000);
    expect(b.open(500)).toEqual(['slack']);
    expect(b.open(1_000)).toEqual([]);
    expect(b.probing(1_000)).toEqual(['slack']);
    expect(b.failed('slack', 1_000)).toBe(2_000);
    expect(b.failed('slack', 3_000)).toBe(4_000);
    expect(b.failed('slack', 7_000)).toBe(4_000);
  });

  it('honours a longer Retry-After, keeps platforms apart, and closes on success', () => {
    const b = new CircuitBreaker(opts);
    for (let i = 0; i < 2; i++) b.failed('teams', 0);
    expect(b.failed('teams', 0, 30_000)).toBe(30_000);
    expect(b.open(10_000)).toEqual(['teams']);
    b.failed('slack', 0);
    expect(b.open(10_000)).toEqual(['teams']);
    b.succeeded('teams');
    expect(b.open(10_000)).toEqual([]);
    expect(b.failed('teams', 10_000)).toBeNull();
  });
});
