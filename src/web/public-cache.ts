import type { NextFunction, Request, Response } from 'express';

interface Entry {
  expires: number;
  status: number;
  headers: [string, string][];
  body: Buffer;
}

const CACHED = /^\/(status)?$|^\/api\/v2\/[a-z/]+\.json$|^\/history\.(atom|rss)$/;

/**
 * Public pages are the same for every visitor, and a status page is read most when something
 * is broken: each is built at most once per `ttlMs` and served from memory in between (they
 * already tell browsers `max-age=30`). Internal pages are never cached.
 */
export function publicCache(ttlMs: number) {
  const entries = new Map<string, Entry>();
  /** Pages being built: visitors arriving meanwhile wait for that one instead of building their own. */
  const building = new Map<string, Promise<void>>();
  const serve = (res: Response, hit: Entry) => {
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.status(hit.status).end(hit.body);
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || !CACHED.test(req.path)) return next();
    const key = req.path;
    const hit = entries.get(key);
    if (hit && hit.expires > Date.now()) return serve(res, hit);
    const pending = building.get(key);
    if (pending) {
      void pending.then(() => {
        const built = entries.get(key);
        if (built && built.expires > Date.now()) serve(res, built);
        else next();
      });
      return;
    }
    let finished!: () => void;
    building.set(
      key,
      new Promise<void>((resolve) => {
        finished = resolve;
      }),
    );
    res.once('close', () => {
      building.delete(key);
      finished();
    });
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => name !== 'content-length' && name !== 'date')
          .map(([name, value]) => [name, String(value)] as [string, string]);
        entries.set(key, { expires: Date.now() + ttlMs, status: 200, headers, body: Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk) });
      }
      building.delete(key);
      finished();
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };
}
