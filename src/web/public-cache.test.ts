import express from 'express';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { publicCache } from './public-cache';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function serve(ttlMs: number) {
  let builds = 0;
  const app = express();
  app.use(publicCache(ttlMs));
  app.get(['/', '/api/v2/summary.json', '/internal/x'], async (req, res) => {
    builds++;
    await new Promise((r) => setTimeout(r, 30));
    res.type('json').send(JSON.stringify({ build: builds, path: req.path }));
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  close = () => server.close();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { get: (path: string) => fetch(`${base}${path}`).then((r) => r.json() as Promise<{ build: number }>), builds: () => builds };
}

describe('publicCache', () => {
  it('builds a public page once for a crowd of visitors, and again once it has expired', async () => {
    const site = await serve(200);
    const first = await Promise.all(Array.from({ length: 20 }, () => site.get('/api/v2/summary.json')));
    expect(new Set(first.map((b) => b.build))).toEqual(new Set([1]));
    expect(site.builds()).toBe(1);
    await new Promise((r) => setTimeout(r, 250));
    expect((await site.get('/api/v2/summary.json')).build).toBe(2);
  });

  it('never caches an internal page', async () => {
    const site = await serve(10_000);
    await site.get('/internal/x');
    await site.get('/internal/x');
    expect(site.builds()).toBe(2);
  });
});
