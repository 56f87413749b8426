import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { compilePostmortem } from '../../src/core/postmortem/compile-postmortem';
import type { Db } from '../../src/db/client';
import { publicRepository } from '../../src/db/public-repository';
import { incidents } from '../../src/db/schema';
import { signedPath } from '../../src/web/signed-links';
import { useTestDatabase } from '../support/db';
import { shapeProblems } from './statuspage-schema';
import { SIGNING_KEY, imageOutage, privateIncident, serve, testSettings, webTestApp, type Served } from './support';

const database = useTestDatabase();
let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function start(opts: { resolve?: boolean } = {}) {
  const app = webTestApp(database());
  await imageOutage(app, { resolve: opts.resolve ?? false });
  await privateIncident(app, 2);
  served = await serve({ db: database().db, settings: testSettings(), clock: app.clock, signingKey: SIGNING_KEY });
  const [pub] = await database().db.select({ id: incidents.id }).from(incidents).where(eq(incidents.number, 1));
  const [priv] = await database().db.select({ id: incidents.id }).from(incidents).where(eq(incidents.number, 2));
  return { app, s: served, publicId: pub!.id, privateId: priv!.id };
}

const PUBLIC_PATHS = ['/', '/status', '/api/v2/summary.json', '/api/v2/status.json', '/api/v2/components.json', '/api/v2/incidents.json', '/api/v2/incidents/unresolved.json', '/history.atom', '/history.rss'];

describe('the public routes', () => {
  it('serve the status page as HTML, cached briefly, with a strict content policy', async () => {
    const { s } = await start();
    for (const path of ['/', '/status']) {
      const res = await s.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=30');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await res.text();
      expect(html).toContain('<span id="overall">Major System Outage</span>');
      expect(html).toMatch(/Image storage<\/span><span class="state major_outage">Major outage/);
      expect(html).toContain('Identified</b> – We found a database configuration change and are reverting it.');
    }
  });

  it('show a new status update once the brief cache has expired, though the clock has not moved', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: false });
    served = await serve({ db: database().db, settings: testSettings(), clock: app.clock, signingKey: SIGNING_KEY, cacheMs: 100 });
    const summary = async () => (await (await served!.get('/api/v2/summary.json')).json()) as { status: { indicator: string }; incidents: unknown[] };
    const before = await summary();
    expect(before.incidents).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(await summary()).toEqual(before);
    await app.ok('dana', '/incident resolve INC-1 Product images load normally again.');
    await new Promise((r) => setTimeout(r, 150));
    const after = await summary();
    expect(after.incidents).toHaveLength(0);
    expect(after.status.indicator).toBe('none');
    expect(await (await served.get('/')).text()).toContain('Product images load normally again.');
  });

  it('never show a private incident, an internal note or a responder name', async () => {
    const { s, publicId, privateId } = await start();
    for (const path of [...PUBLIC_PATHS, `/incidents/${publicId}`]) {
      const body = await (await s.get(path)).text();
      for (const secret of ['Payroll', 'SECRET-UPDATE-TEXT', privateId, 'pg_hba', 'Root cause', 'priya', 'marcus', 'erin']) {
        expect(body, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
    expect((await s.get(`/incidents/${privateId}`)).status).toBe(404);
  });

  it('answer the Statuspage v2 JSON API in its shapes, cached 30 s and readable from any origin', async () => {
    const { s, publicId } = await start();
    const get = async (path: string) => {
      const res = await s.get(`/api/v2/${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=30');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      return (await res.json()) as unknown;
    };
    const summary = await get('summary.json');
    expect(shapeProblems('summary', summary)).toEqual([]);
    expect(shapeProblems('status', await get('status.json'))).toEqual([]);
    expect(shapeProblems('components', await get('components.json'))).toEqual([]);
    const list = await get('incidents.json');
    expect(shapeProblems('incidents', list)).toEqual([]);
    const unresolved = await get('incidents/unresolved.json');
    expect(shapeProblems('incidents', unresolved)).toEqual([]);

    expect(summary).toMatchObject({ page: { name: 'Acme Status', url: s.url, time_zone: 'Europe/Paris' }, status: { indicator: 'critical', description: 'Major System Outage' } });
    const incident = (unresolved as unknown as { incidents: { id: string; shortlink: string; impact: string; incident_updates: { body: string }[] }[] }).incidents[0]!;
    expect(incident).toMatchObject({ id: publicId, impact: 'major', shortlink: `${s.url}/incidents/${publicId}` });
    expect(incident.incident_updates.map((u) => u.body)).toEqual([
      'We found a database configuration change and are reverting it.',
      'We are investigating failed image loads on the storefront.',
    ]);
    expect((await s.get(new URL(incident.shortlink).pathname)).status).toBe(200);
  });

  it('publish the history as Atom and RSS, newest update first', async () => {
    const { s } = await start({ resolve: true });
    const atom = await s.get('/history.atom');
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await atom.text();
    expect([...xml.matchAll(/<title>Product images fail to load — (\w+)<\/title>/g)].map((m) => m[1])).toEqual(['Resolved', 'Monitoring', 'Identified', 'Investigating']);
    const rss = await s.get('/history.rss');
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect((await rss.text()).match(/<item>/g)).toHaveLength(4);
  });

  it('show a title with markup as text everywhere', async () => {
    const app = webTestApp(database());
    await app.ok('mallory', '/incident declare sev2 <script>alert(1)</script> & "quotes"');
    await app.ok('mallory', '/incident update INC-1 identified <img src=x onerror=alert(1)>');
    served = await serve({ db: database().db, settings: testSettings(), clock: app.clock, signingKey: SIGNING_KEY });
    const [row] = await database().db.select({ id: incidents.id }).from(incidents);
    for (const path of ['/', `/incidents/${row!.id}`, '/history.atom', '/history.rss', signedPath('incident', { workspace: 'local', number: 1 }, SIGNING_KEY, new Date(app.clock.now().getTime() + 3_600_000))]) {
      const body = await (await served.get(path)).text();
      expect(body, path).not.toMatch(/<script>alert|<img src=x/);
      expect(body, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    }
    const json = (await (await served.get('/api/v2/incidents.json')).json()) as { incidents: { name: string }[] };
    expect(json.incidents[0]!.name).toBe('<script>alert(1)</script> & "quotes"');
  });

  it('answer an unknown address with a friendly 404 page, and leave other methods alone', async () => {
    const { s } = await start();
    for (const path of ['/nope', '/incidents/00000000-0000-4000-8000-000000000000', '/incidents/<x>', '/api/v2/nothing.json']) {
      const res = await s.get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<h1 style="font-size:1.3rem;margin-top:0">Page not found</h1>');
      expect(html).toContain('<a href="/">Go to the status page</a>');
    }
    const post = await s.get('/', { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.text()).not.toContain('Page not found');
  });

  it('answer a failure with a short 500 page and no details', async () => {
    const broken = new Proxy({}, { get: () => () => { throw new Error('database is down: password=hunter2'); } }) as unknown as Db;
    const errors: unknown[] = [];
    served = await serve({ db: broken, settings: testSettings(), clock: { now: () => new Date() }, signingKey: SIGNING_KEY, log: { error: (obj) => errors.push(obj) } });
    const res = await served.get('/');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('This page could not be shown just now; please try again in a minute.');
    expect(html).not.toContain('hunter2');
    expect(errors).toHaveLength(1);
  });
});

describe('the internal pages', () => {
  const ref = { workspace: 'local', number: 1 };

  it('open through a signed link: the incident page, the postmortem as HTML and as a Markdown download', async () => {
    const { app, s } = await start({ resolve: true });
    const expires = new Date(app.clock.now().getTime() + 86_400_000);
    const page = await s.get(signedPath('incident', ref, SIGNING_KEY, expires));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const html = await page.text();
    expect(html).toContain('<h1>INC-1: Product images fail to load</h1>');
    expect(html).toContain('Root cause: the upgrade replaced pg_hba.conf (internal detail)');
    expect(html).toContain(`href="${signedPath('postmortem', ref, SIGNING_KEY, expires).replace(/&/g, '&amp;')}"`);

    const pm = await s.get(signedPath('postmortem', ref, SIGNING_KEY, expires));
    expect(pm.status).toBe(200);
    expect(await pm.text()).toMatch(/<h2>Timeline<\/h2>\n<div class="card"[^>]*><figure class="phases"/);

    const md = await s.get(signedPath('postmortem.md', ref, SIGNING_KEY, expires));
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="INC-1-postmortem.md"');
    const record = await publicRepository(database().db).record('local', 1);
    expect(await md.text()).toBe(compilePostmortem(record!));
  });

  it('open for a private incident too, since the link itself is the permission', async () => {
    const { app, s } = await start();
    const res = await s.get(signedPath('incident', { workspace: 'local', number: 2 }, SIGNING_KEY, new Date(app.clock.now().getTime() + 60_000)));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Payroll export leaked salaries');
  });

  it('refuse a missing, wrong, borrowed or expired signature with 403 and one sentence', async () => {
    const { app, s } = await start();
    const later = new Date(app.clock.now().getTime() + 3_600_000);
    const good = signedPath('incident', ref, SIGNING_KEY, later);
    const query = good.slice(good.indexOf('?'));
    const cases: [string, string][] = [
      ['/internal/local/INC-1', 'This page needs a signed link'],
      [good.replace(/sig=[\w-]{5}/, 'sig=AAAAA'), 'This link is not valid'],
      [`/internal/local/INC-2${query}`, 'This link is not valid'],
      [`/internal/local/INC-1/postmortem${query}`, 'This link is not valid'],
      [signedPath('incident', ref, 'another-key', later), 'This link is not valid'],
      [`/internal/local/42${query}`, 'This link is not valid'],
      [signedPath('incident', ref, SIGNING_KEY, new Date(app.clock.now().getTime() - 1000)), 'This link has expired'],
    ];
    for (const [path, sentence] of cases) {
      const res = await s.get(path);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html, path).toContain(sentence);
      expect(html).not.toContain('Product images');
    }
    app.clock.advance(2 * 3_600_000);
    expect((await s.get(good)).status).toBe(403);
  });

  it('say not found for a well-signed link to an incident that does not exist', async () => {
    const { app, s } = await start();
    const res = await s.get(signedPath('incident', { workspace: 'local', number: 99 }, SIGNING_KEY, new Date(app.clock.now().getTime() + 60_000)));
    expect(res.status).toBe(404);
  });
});
