/**
 * Test support for the web pages: a real HTTP server on 127.0.0.1, realistic incidents made with
 * the bot's own commands, and bulk history for the 1,000-incident checks.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Database } from '../../src/db/client';
import { webRouter, type WebDeps } from '../../src/web/router';
import { loadStatusPageConfig, type StatusPageSettings } from '../../src/web/status-page-config';
import { testApp } from '../support/app';

export const COMPONENTS = ['Storefront', 'Image storage', 'Checkout', 'Public API'];
export const SIGNING_KEY = 'test-signing-key-0123456789abcdef';

export function testSettings(overrides: Partial<StatusPageSettings> = {}): StatusPageSettings {
  return { ...loadStatusPageConfig(undefined, { name: 'Acme Status', components: COMPONENTS, zone: 'Europe/Paris' }), ...overrides };
}

export interface Served {
  url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The web router in an express app listening on 127.0.0.1, on a free port. */
export async function serve(deps: Omit<WebDeps, 'publicUrl'> & { publicUrl?: string }): Promise<Served> {
  const app = express();
  let url = '';
  const router = (req: express.Request, res: express.Response, next: express.NextFunction) => handler(req, res, next);
  app.use(router);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = webRouter({ ...deps, publicUrl: deps.publicUrl ?? url });
  return {
    url,
    get: (path, init) => fetch(`${url}${path}`, { redirect: 'manual', ...init }),
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

export type App = ReturnType<typeof testApp>;

export function webTestApp(database: Database, now = '2026-05-27T08:20:00Z'): App {
  return testApp(database, { settings: { components: COMPONENTS, defaultZone: 'Europe/Paris' }, now });
}

const MINUTE = 60_000;

/** INC-1, a public sev2 image outage, as responders would run it; resolved when asked. */
export async function imageOutage(app: App, opts: { resolve: boolean }): Promise<void> {
  const step = async (user: string, text: string) => {
    app.clock.advance(4 * MINUTE);
    await app.ok(user, text);
  };
  await app.ok('dana', '/incident declare sev2 Product images fail to load', { zone: 'Europe/Paris' });
  await step('dana', '/incident impact INC-1 Image storage major');
  await step('dana', '/incident impact INC-1 Storefront degraded');
  await step('dana', '/incident update INC-1 investigating We are investigating failed image loads on the storefront.');
  await step('marcus', '/incident note INC-1 Root cause: the upgrade replaced pg_hba.conf (internal detail)');
  await step('dana', '/incident assign INC-1 comms @priya');
  await step('priya', '/incident update INC-1 identified We found a database configuration change and are reverting it.');
  if (!opts.resolve) return;
  app.clock.advance(30 * MINUTE);
  await step('dana', '/incident impact INC-1 Image storage none');
  await step('dana', '/incident impact INC-1 Storefront none');
  await step('priya', '/incident update INC-1 monitoring A fix is in place and we are monitoring the results.');
  app.clock.advance(20 * MINUTE);
  await step('dana', '/incident resolve INC-1 Product images load normally again.');
  await step('dana', '/incident action INC-1 Alert on image error rate @marcus');
}

/** A private incident (never on public pages) with a component impact and an update. */
export async function privateIncident(app: App, number: number): Promise<void> {
  await app.ok('erin', '/incident declare private sev1 Payroll export leaked salaries');
  await app.ok('erin', `/incident impact INC-${number} Checkout major`);
  await app.ok('erin', `/incident update INC-${number} investigating SECRET-UPDATE-TEXT about payroll.`);
}
