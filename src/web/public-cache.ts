import type { NextFunction, Request, Response } from 'express';
import { gzip } from 'node:zlib';

interface Entry {
  builtAt: number;
  headers: [string, string][];
  body: Buffer;
  etag: string | null;
  /** The body gzipped, once compressed (off the event loop); until then visitors get `body`. */
  gzipped: Buffer | null;
  /** What `stamp` said just before the page was built; null when unknown. */
  stamp: string | null;
}

export interface PublicCacheOptions {
  /** How long a page is served without asking whether it changed. */
  ttlMs: number;
  /** How old a copy may be and still be served while the page is rebuilt. */
  staleMs?: number;
  /**
   * A cheap summary of everything the pages show (data and the current minute): when it is the
   * same as when an expired page was built, the page is served again without being rebuilt.
   */
  stamp?: () => Promise<string>;
}

const CACHED = /^\/(status)?$|^\/api\/v2\/[a-z/]+\.json$|^\/history\.(atom|rss)$/;

/** Bodies smaller than this go as they are: compressing them saves less than it costs. */
const COMPRESS_FROM = 1_024;

/** Whether an If-None-Match header names `etag` (weak comparison, as for GET). */
function matches(ifNoneMatch: string | undefined, etag: string | null): boolean {
  if (!ifNoneMatch || !etag) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/**
 * Public pages are the same for every visitor, and a status page is read most when something
 * is broken: each is built at most once per `ttlMs` and served from memory in between. Once a
 * page is older than that, the next visitor builds it again; visitors arriving meanwhile get
 * the previous copy rather than waiting, as long as it is younger than `staleMs` (the pages
 * tell browsers `max-age=30`, so a copy that old is one they would show anyway). Without a
 * copy that young, they wait for the build under way instead of starting their own. With a
 * `stamp`, an expired page whose data has not changed is kept rather than rebuilt, so a page
 * read all day is rebuilt about once a minute instead of every `ttlMs`.
 *
 * A cached page is gzipped once, for every visitor whose browser accepts it (a status page with
 * a busy history is ~200 KB of HTML and ~20 KB gzipped), and a browser that already holds the
 * current copy gets 304 Not Modified. Internal pages are never cached.
 */
export function publicCache({ ttlMs, staleMs = 30_000, stamp }: PublicCacheOptions) {
  const entries = new Map<string, Entry>();
  /** Pages being built: resolves when the build has ended, whether or not it produced a page. */
  const building = new Map<string, Promise<void>>();

  function serve(req: Request, res: Response, hit: Entry): void {
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.setHeader('Vary', 'Accept-Encoding');
    if (matches(req.headers['if-none-match'], hit.etag)) {
      res.status(304).end();
      return;
    }
    if (hit.gzipped && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
      res.setHeader('Content-Encoding', 'gzip');
      res.status(200).end(hit.gzipped);
      return;
    }
    res.status(200).end(hit.body);
  }

  function keep(key: string, res: Response, body: Buffer, stamp: string | null): void {
    const headers = Object.entries(res.getHeaders())
      .filter(([name]) => name !== 'content-length' && name !== 'date')
      .map(([name, value]) => [name, String(value)] as [string, string]);
    const etag = res.getHeader('etag');
    const entry: Entry = { builtAt: Date.now(), headers, body, etag: typeof etag === 'string' ? etag : null, gzipped: null, stamp };
    entries.set(key, entry);
    if (body.length >= COMPRESS_FROM) {
      gzip(body, (err, gzipped) => {
        if (!err && gzipped.length < body.length) entry.gzipped = gzipped;
      });
    }
  }

  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'GET' || !CACHED.test(req.path)) return next();
    const key = req.path;
    const hit = entries.get(key);
    const age = hit ? Date.now() - hit.builtAt : Infinity;
    if (hit && age < ttlMs) return serve(req, res, hit);
    const pending = building.get(key);
    if (pending && hit && age < staleMs) return serve(req, res, hit);
    if (pending) {
      void pending.then(() => {
        const built = entries.get(key);
        if (built && Date.now() - built.builtAt < ttlMs) serve(req, res, built);
        else next();
      });
      return;
    }
    let finished!: () => void;
    const build = new Promise<void>((resolve) => {
      finished = resolve;
    });
    building.set(key, build);
    const done = () => {
      if (building.get(key) === build) building.delete(key);
      finished();
    };
    res.once('close', done);
    const rebuild = (taken: string | null) => {
      res.setHeader('Vary', 'Accept-Encoding');
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (res.statusCode === 200 && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
          keep(key, res, Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk), taken);
        }
        done();
        return end(chunk, ...rest);
      }) as Response['end'];
      next();
    };
    if (!stamp) return rebuild(null);
    // Taken before the build, so a change made while it runs is seen at the next expiry.
    stamp().then(
      (taken) => {
        if (hit && hit.stamp === taken && entries.get(key) === hit) {
          hit.builtAt = Date.now();
          done();
          serve(req, res, hit);
        } else rebuild(taken);
      },
      () => rebuild(null),
    );
  };
}
