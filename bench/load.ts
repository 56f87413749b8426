import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Every request's latency, ascending. */
  latencies: number[];
}

export interface LoadSpec {
  port: number;
  path: string;
  method?: 'GET' | 'POST';
  total: number;
  concurrency: number;
  /** Body and headers of request `i` (signed per request for Slack). */
  build?: (i: number) => { body: string; headers: Record<string, string> };
  /** Keep-alive connections to reuse, as a client that keeps sending does; new ones otherwise. */
  agent?: Agent;
}

/** Sends `total` requests over `concurrency` keep-alive connections on 127.0.0.1 and measures each. */
export async function load(spec: LoadSpec): Promise<LoadResult> {
  const agent = spec.agent ?? new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const { body, headers } = spec.build?.(i) ?? { body: '', headers: {} };
      const started = performance.now();
      const req = request(
        { host: '127.0.0.1', port: spec.port, path: spec.path, method: spec.method ?? 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - started);
            if ((res.statusCode ?? 500) >= 400) errors++;
            resolve();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        latencies.push(performance.now() - started);
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (next < spec.total) await one(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!spec.agent) agent.destroy();
  latencies.sort((a, b) => a - b);
  return summarize(spec.total, errors, seconds, latencies);
}

/** Several runs of the same load as one: requests over the time spent in them, percentiles over all. */
export function combined(runs: readonly LoadResult[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (r: LoadResult) => number) => runs.reduce((s, r) => s + f(r), 0);
  return summarize(sum((r) => r.requests), sum((r) => r.errors), sum((r) => r.seconds), latencies);
}

function summarize(requests: number, errors: number, seconds: number, latencies: number[]): LoadResult {
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests, errors, seconds, perSecond: requests / seconds, p50Ms: at(0.5), p99Ms: at(0.99), latencies };
}
