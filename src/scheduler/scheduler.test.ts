import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeClock, silentLog } from '../../test/support/app';
import { Scheduler } from './scheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Scheduler', () => {
  it('ticks at once, then every interval, at the clock\'s now, until stopped', async () => {
    const clock = new FakeClock(new Date('2024-05-31T21:00:00Z'));
    const seen: string[] = [];
    const scheduler = new Scheduler(async (now) => {
      seen.push(now.toISOString());
      return 0;
    }, clock, silentLog, { intervalMs: 30_000 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    clock.advance(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    clock.advance(30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(seen).toEqual(['2024-05-31T21:00:00.000Z', '2024-05-31T21:00:30.000Z', '2024-05-31T21:01:00.000Z']);
  });

  it('keeps going after a failed tick', async () => {
    let calls = 0;
    const scheduler = new Scheduler(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database unavailable');
        return 0;
      },
      new FakeClock(new Date()),
      silentLog,
      { intervalMs: 1_000 },
    );
    scheduler.start();
    await vi.advanceTimersByTimeAsync(2_500);
    await scheduler.stop();
    expect(calls).toBe(3);
  });
});
