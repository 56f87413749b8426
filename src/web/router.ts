/**
 * Every web route, GET only: the public status page, the public incident pages, the Statuspage v2
 * JSON API, the history feeds, and the internal pages behind signed links. Mount it after the other
 * routes: it answers every other GET with its friendly 404 page.
 */
import { publicCache } from './public-cache';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Db } from '../db/client';
import { LIMITS, publicRepository } from '../db/public-repository';
import { componentViews, historyStart } from './component-days';
import { atomFeed, rssFeed } from './feeds';
import type { SafeHtml } from './html';
import { renderIncidentPage } from './incident-page';
import { messagePage } from './layout';
import { basePath, incidentPath } from './page-parts';
import { postmortemFilename, renderPostmortemPage } from './postmortem-page';
import { compilePostmortem } from '../core/postmortem/compile-postmortem';
import { renderPublicIncidentPage } from './public-incident-page';
import { checkSignedLink, signedPath, type LinkKind } from './signed-links';
import { renderStatusPage } from './status-page';
import type { StatusPageSettings } from './status-page-config';
import { componentsJson, incidentJson, lastChange, pageJson, statusJson, summaryJson, type ApiContext } from './statuspage-api';

export interface WebDeps {
  db: Db;
  settings: StatusPageSettings;
  clock: { now(): Date };
  /** SIGNING_KEY: signs the internal pages' links; empty disables them (every link gets 403). */
  signingKey: string;
  /** PUBLIC_URL: where this router is reachable from outside, e.g. https://status.example.com */
  publicUrl: string;
  log?: { error(obj: unknown, msg?: string): void };
  /** How long a public page or API answer is served from memory; 0 turns it off (tests that change data between requests). */
  cacheMs?: number;
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const REFUSALS = {
  missing: 'This page needs a signed link: open it from the link Sitrep posted in the incident’s conversation.',
  invalid: 'This link is not valid: open it from the link Sitrep posted in the incident’s conversation.',
  expired: 'This link has expired: ask Sitrep in the incident’s conversation for a new one.',
} as const;

function sendHtml(res: Response, status: number, page: SafeHtml, internal = false): void {
  res.status(status);
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': internal ? `${PAGE_CSP}; frame-ancestors 'none'` : PAGE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': internal || status >= 400 ? 'no-store' : 'public, max-age=30',
    'Referrer-Policy': internal ? 'no-referrer' : 'strict-origin-when-cross-origin',
  });
  if (internal) res.set('X-Robots-Tag', 'noindex, nofollow');
  res.send(page.value);
}

function sendJson(res: Response, body: unknown): void {
  res.set({ 'Cache-Control': 'public, max-age=30', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' });
  res.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

export function webRouter(deps: WebDeps): express.Router {
  const router = express.Router();
  const repo = publicRepository(deps.db);
  const cacheMs = deps.cacheMs ?? 2_000;
  if (cacheMs > 0) {
    // Pages show data and the time to the minute (durations, uptime, today's date).
    const stamp = async () => `${await repo.stamp()} ${Math.floor(deps.clock.now().getTime() / 60_000)}`;
    router.use(publicCache({ ttlMs: cacheMs, stamp }));
  }
  const { settings, publicUrl } = deps;
  const base = basePath(publicUrl);
  const since = deps.clock.now();

  /** The days of the history: public incidents open at some time in them, and the components' states. */
  async function current() {
    const now = deps.clock.now();
    const loaded = await repo.window(historyStart(now, settings.zone), LIMITS.window + 1);
    const incidents = loaded.slice(0, LIMITS.window);
    const components = componentViews(settings, incidents, now);
    const ctx: ApiContext = { settings, publicUrl, since, components };
    const unresolved = incidents.filter((i) => i.status !== 'resolved');
    return { now, incidents, truncated: loaded.length > LIMITS.window, components, ctx, unresolved };
  }

  /** Only what is true now: the unresolved incidents and the components' current states (no history). */
  async function now() {
    const unresolved = await repo.unresolved(LIMITS.unresolved);
    const ctx: ApiContext = { settings, publicUrl, since, components: componentViews(settings, unresolved, deps.clock.now(), 1) };
    return { ctx, unresolved };
  }

  router.get(['/', '/status'], async (_req, res) => {
    const { now, incidents, components, truncated } = await current();
    sendHtml(res, 200, renderStatusPage({ settings, publicUrl, now, components, incidents, truncated }));
  });

  router.get('/incidents/:id', async (req, res, next) => {
    const incident = await repo.byId(String(req.params.id));
    if (!incident) return next();
    sendHtml(res, 200, renderPublicIncidentPage(incident, settings, publicUrl, deps.clock.now()));
  });

  router.get('/api/v2/summary.json', async (_req, res) => {
    const { ctx, unresolved } = await current();
    sendJson(res, summaryJson(ctx, unresolved));
  });
  router.get('/api/v2/status.json', async (_req, res) => {
    const { ctx, unresolved } = await now();
    const incidents = unresolved.map((i) => incidentJson(ctx, i));
    sendJson(res, { page: pageJson(ctx, lastChange(ctx, incidents)), status: statusJson(ctx, unresolved) });
  });
  router.get('/api/v2/components.json', async (_req, res) => {
    const { ctx, unresolved } = await current();
    const incidents = unresolved.map((i) => incidentJson(ctx, i));
    sendJson(res, { page: pageJson(ctx, lastChange(ctx, incidents)), components: componentsJson(ctx) });
  });
  router.get('/api/v2/incidents.json', async (_req, res) => {
    const [{ ctx }, recent] = await Promise.all([now(), repo.recent(LIMITS.recent)]);
    const incidents = recent.map((i) => incidentJson(ctx, i));
    sendJson(res, { page: pageJson(ctx, lastChange(ctx, incidents)), incidents });
  });
  router.get('/api/v2/incidents/unresolved.json', async (_req, res) => {
    const { ctx, unresolved } = await now();
    const incidents = unresolved.map((i) => incidentJson(ctx, i));
    sendJson(res, { page: pageJson(ctx, lastChange(ctx, incidents)), incidents });
  });

  router.get('/history.atom', async (_req, res) => {
    const feed = atomFeed({ settings, publicUrl, now: deps.clock.now() }, await repo.feed(LIMITS.feed));
    res.set({ 'Cache-Control': 'public, max-age=30', 'X-Content-Type-Options': 'nosniff' }).type('application/atom+xml; charset=utf-8').send(feed);
  });
  router.get('/history.rss', async (_req, res) => {
    const feed = rssFeed({ settings, publicUrl, now: deps.clock.now() }, await repo.feed(LIMITS.feed));
    res.set({ 'Cache-Control': 'public, max-age=30', 'X-Content-Type-Options': 'nosniff' }).type('application/rss+xml; charset=utf-8').send(feed);
  });

  function internal(kind: LinkKind) {
    return async (req: Request, res: Response, next: NextFunction) => {
      const workspace = String(req.params.workspace);
      const ref = /^INC-(\d{1,9})$/.exec(String(req.params.ref));
      const now = deps.clock.now();
      const number = ref ? Number(ref[1]) : 0;
      const check = number > 0 ? checkSignedLink(kind, { workspace, number }, req.query, deps.signingKey, now) : ({ ok: false, reason: 'invalid' } as const);
      if (!check.ok) return sendHtml(res, 403, messagePage('Link not valid', REFUSALS[check.reason]), true);
      const record = await repo.record(workspace, number);
      if (!record) return next();
      const link = (k: LinkKind) => `${base}${signedPath(k, { workspace, number }, deps.signingKey, check.expiresAt)}`;
      if (kind === 'postmortem.md') {
        res.set({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Disposition': `attachment; filename="${postmortemFilename(record)}"` });
        return res.type('text/markdown; charset=utf-8').send(compilePostmortem(record));
      }
      const page =
        kind === 'incident'
          ? renderIncidentPage(record, { incident: link('incident'), postmortem: link('postmortem'), markdown: link('postmortem.md'), publicPage: record.incident.private ? null : incidentPath(base, record.incident.id) }, now)
          : renderPostmortemPage(record, { incident: link('incident'), markdown: link('postmortem.md') }, now);
      sendHtml(res, 200, page, true);
    };
  }
  router.get('/internal/:workspace/:ref', internal('incident'));
  router.get('/internal/:workspace/:ref/postmortem', internal('postmortem'));
  router.get('/internal/:workspace/:ref/postmortem.md', internal('postmortem.md'));

  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    sendHtml(res, 404, messagePage('Page not found', 'There is nothing at this address.', `${base}/`));
  });
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    deps.log?.error({ err }, 'web page failed');
    sendHtml(res, 500, messagePage('Something went wrong', 'This page could not be shown just now; please try again in a minute.', `${base}/`));
  });
  return router;
}
