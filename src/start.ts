import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { consoleDirectory } from './adapters/console/console-directory';
import { ConsolePlatform } from './adapters/console/console-platform';
import { connectSlack, type SlackConnection } from './adapters/slack/slack-app';
import type { AnnouncementTarget, AppDeps } from './app/context';
import type { ChatPlatform, Clock, PeopleDirectory } from './app/ports';
import { compose } from './compose';
import type { Config } from './config/config';
import type { Platform } from './core/types';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { DeliveryWorker, WorkerOptions } from './delivery/worker';
import { httpApp, listen, portOf } from './server';

export interface Sitrep {
  deps: AppDeps;
  worker: DeliveryWorker;
  database: Database;
  /** The HTTP port, or null when the server could not listen (console mode only). */
  port: number | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  log: Logger;
  /** Local mode: the console platform prints messages to `stdout`; nothing is sent elsewhere. */
  console?: { stdout: Writable };
  clock?: Clock;
  worker?: Partial<WorkerOptions>;
  /** An already open database (tests); it stays open when Sitrep stops. */
  database?: Database;
}

/** Builds and starts everything the configuration enables, on one database and one HTTP server. */
export async function startSitrep(config: Config, opts: StartOptions): Promise<Sitrep> {
  const { log } = opts;
  const database = opts.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, log }));
  await migrate(database);
  const platforms = new Map<Platform, ChatPlatform>();
  const directories = new Map<Platform, PeopleDirectory>([['console', consoleDirectory]]);
  const { deps, worker, metrics } = compose({
    database,
    platforms,
    directory: { lookup: (platform, mention) => (directories.get(platform) ?? consoleDirectory).lookup(platform, mention) },
    settings: {
      policies: { resolve: config.RESOLVE_POLICY, update: config.UPDATE_POLICY },
      defaultSeverity: config.DEFAULT_SEVERITY,
      defaultZone: config.DEFAULT_TIMEZONE,
      components: config.COMPONENTS,
      announcements: announcementTargets(config, Boolean(opts.console)),
    },
    log,
    clock: opts.clock,
    worker: { leaseMs: config.DELIVERY_LEASE_SECONDS * 1000, ...opts.worker },
    processMetrics: !opts.database,
  });

  if (opts.console) platforms.set('console', new ConsolePlatform(opts.console.stdout));
  const routers: Router[] = [];
  let slack: SlackConnection | undefined;
  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) {
    slack = connectSlack(
      { botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL },
      deps,
      log,
    );
    platforms.set('slack', slack.platform);
    directories.set('slack', slack.directory);
    if (slack.router) routers.push(slack.router);
    await slack.start();
  }

  let server: Server | null = null;
  try {
    server = await listen(httpApp({ routers, database, log, metrics }), config.PORT, config.HOST);
  } catch (err) {
    if (!opts.console) throw err;
    log.warn({ port: config.PORT }, `HTTP server not started: ${(err as Error).message}`);
  }
  if (!opts.console) worker.start();
  log.info({ port: server ? portOf(server) : null, slack: Boolean(slack), console: Boolean(opts.console) }, 'sitrep started');

  return {
    deps,
    worker,
    database,
    port: server ? portOf(server) : null,
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
      await slack?.stop();
      await worker.stop();
      if (!opts.database) await database.close();
    },
  };
}

function announcementTargets(config: Config, console: boolean): AnnouncementTarget[] {
  const targets: AnnouncementTarget[] = [];
  if (console) targets.push({ platform: 'console', externalId: '#announcements', name: '#announcements' });
  const channel = config.SLACK_ANNOUNCEMENTS_CHANNEL;
  if (config.SLACK_BOT_TOKEN && channel) targets.push({ platform: 'slack', externalId: channel, name: channel.startsWith('#') ? channel : `#${channel}` });
  return targets;
}
