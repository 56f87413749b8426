import express from 'express';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { publicCache } from './public-cache';

let close: (() => void) | undefined;
afterEach(() => close?.());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A site whose pages take `buildMs` to build and can be made to fail. */
async function serve(ttlMs: number, staleMs?: number, buildMs = 30, stamp?: () => Promise<string>) {
  let builds = 0;
  let failing = false;
  const app = express();
  app.use(publicCache({ ttlMs, staleMs, stamp }));
  app.get(['/', '/api/v2/summary.json', '/internal/x'], async (req, res) => {
    const build = ++builds;
    await sleep(buildMs);
    if (failing) res.status(500).type('json').send(JSON.stringify({ error: 'database unavailable' }));
    // The status page is large enough to be worth compressing; the API answer here is not.
    else res.type('json').send(JSON.stringify({ build, path: req.path, ...(req.path === '/' ? { rows: Array(200).fill('operational') } : {}) }));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  close = () => server.close();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const port = (server.address() as AddressInfo).port;
  return {
    /** The answer as it comes over the wire, without a client that decompresses it. */
    raw: (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      }),
    /** The page's body and how long the visitor waited for it. */
    get: async (path: string) => {
      const started = performance.now();
      const res = await fetch(`${base}${path}`);
      return { status: res.status, ...((await res.json()) as { build?: number }), waitedMs: performance.now() - started };
    },
    builds: () => builds,
    fail: (on: boolean) => {
      failing = on;
    },
  };
}

type Site = Awaited<ReturnType<typeof serve>>;

/**
 * Builds `/` once, waits `expireMs`, sends one visitor (who rebuilds it) and, `lagMs` later,
 * `visitors` more at once: the crowd's answers, and the rebuilder's still under way.
 */
async function crowdDuringRebuild(site: Site, opts: { expireMs: number; lagMs: number; visitors: number }) {
  expect((await site.get('/')).build).toBe(1);
  await sleep(opts.expireMs);
  const builder = site.get('/');
  await sleep(opts.lagMs);
  const crowd = await Promise.all(Array.from({ length: opts.visitors }, () => site.get('/')));
  return { builder, crowd };
}

describe('publicCache', () => {
  it('builds a public page once for a crowd of visitors, and again once it has expired', async () => {
    const site = await serve(200);
    const first = await Promise.all(Array.from({ length: 20 }, () => site.get('/api/v2/summary.json')));
    expect(new Set(first.map((b) => b.build))).toEqual(new Set([1]));
    expect(site.builds()).toBe(1);
    await sleep(250);
    expect((await site.get('/api/v2/summary.json')).build).toBe(2);
  });

  it('serves the previous copy at once to visitors who arrive while an expired page is being built again', async () => {
    const site = await serve(100, 30_000, 400);
    const { builder, crowd } = await crowdDuringRebuild(site, { expireMs: 150, lagMs: 50, visitors: 10 });
    expect(crowd.map((c) => c.build)).toEqual(Array(10).fill(1));
    expect(Math.max(...crowd.map((c) => c.waitedMs))).toBeLessThan(300);
    expect((await builder).build).toBe(2);
    expect(site.builds()).toBe(2);
    expect((await site.get('/')).build).toBe(2);
  });

  it('makes visitors wait for the new build when the previous copy is older than browsers may show', async () => {
    const site = await serve(50, 100, 150);
    const { builder, crowd } = await crowdDuringRebuild(site, { expireMs: 200, lagMs: 30, visitors: 5 });
    expect(crowd.map((c) => c.build)).toEqual(Array(5).fill(2));
    expect((await builder).build).toBe(2);
    expect(site.builds()).toBe(2);
  });

  it('does not keep a failed build: the visitor sees the failure and the next one builds again', async () => {
    const site = await serve(50, 30_000);
    expect((await site.get('/')).build).toBe(1);
    await sleep(80);
    site.fail(true);
    expect((await site.get('/')).status).toBe(500);
    site.fail(false);
    expect((await site.get('/')).build).toBe(3);
    expect((await site.get('/')).build).toBe(3);
  });

  it('sends a cached page gzipped to browsers that accept it, and as it is to clients that do not', async () => {
    const site = await serve(10_000);
    const plain = await site.raw('/', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    let zipped = await site.raw('/', { 'accept-encoding': 'gzip, deflate, br' });
    // Compression runs off the event loop: until it is done, the page goes as it is.
    for (let i = 0; i < 50 && !zipped.headers['content-encoding']; i++) {
      await sleep(10);
      zipped = await site.raw('/', { 'accept-encoding': 'gzip, deflate, br' });
    }
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await site.raw('/', { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
    expect((await site.raw('/api/v2/summary.json', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBeUndefined();
    expect(site.builds()).toBe(2);
  });

  it('answers 304 Not Modified to a browser that already holds the current copy', async () => {
    const site = await serve(10_000);
    const first = await site.raw('/', {});
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await site.raw('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const other = await site.raw('/', { 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
    expect(other.body.equals(first.body)).toBe(true);
    expect(site.builds()).toBe(1);
  });

  it('serves an expired page again without rebuilding it while its stamp is unchanged, and rebuilds once it changes', async () => {
    let data = 'v1';
    let asked = 0;
    const site = await serve(50, 30_000, 30, async () => {
      asked++;
      return data;
    });
    expect((await site.get('/')).build).toBe(1);
    await sleep(80);
    expect((await site.get('/')).build).toBe(1);
    expect(asked).toBe(2);
    expect((await site.get('/')).build).toBe(1);
    expect(asked).toBe(2);
    data = 'v2';
    await sleep(80);
    expect((await site.get('/')).build).toBe(2);
    expect(site.builds()).toBe(2);
  });

  it('rebuilds an expired page when its stamp cannot be read', async () => {
    let down = false;
    const site = await serve(50, 30_000, 30, async () => {
      if (down) throw new Error('database unavailable');
      return 'v1';
    });
    expect((await site.get('/')).build).toBe(1);
    down = true;
    await sleep(80);
    expect((await site.get('/')).build).toBe(2);
  });

  it('never caches an internal page', async () => {
    const site = await serve(10_000);
    await site.get('/internal/x');
    await site.get('/internal/x');
    expect(site.builds()).toBe(2);
  });
});
