import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { Database } from './db/client';
import { migrationsApplied } from './db/migrate';
import type { Metrics } from './observability/metrics';

/**
 * The one HTTP server: Slack's `/slack/events`, Teams' `/api/messages`, the web pages and the
 * health routes. No body parser is global: Slack verifies signatures over the raw body.
 */
export function httpApp(opts: { routers: Router[]; database: Database; log: Logger; metrics: Metrics }): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await migrationsApplied(opts.database).catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unavailable or not migrated' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });
  for (const router of opts.routers) app.use(router);
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    opts.log.error({ err }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'Something went wrong on our side.' });
  });
  return app;
}

/**
 * `POST path` goes straight to `listener`, everything else to `rest`: Slack's endpoint is
 * Bolt's own receiver, which needs nothing express does and is the busiest route by far.
 */
export function routeFirst(path: string, listener: RequestListener, rest: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    const end = url.indexOf('?');
    if (req.method !== 'POST' || (end === -1 ? url : url.slice(0, end)) !== path) return rest(req, res);
    try {
      listener(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(400).end();
    }
  };
}

export function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
