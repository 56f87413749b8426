/** How long to wait before attempt `attempt + 1`: exponential with full jitter, capped, never sooner than the platform asked. */
export function retryDelay(attempt: number, opts: { baseMs: number; capMs: number; retryAfterMs?: number; random?: () => number }): number {
  const random = opts.random ?? Math.random;
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.max(Math.round(jittered), opts.retryAfterMs ?? 0);
}
