import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { consoleDirectory } from './adapters/console/console-directory';
import { ConsolePlatform } from './adapters/console/console-platform';
import type { SlackConnection } from './adapters/slack/slack-app';
import type { TeamsConnection, TeamsSettings } from './adapters/teams/teams-app';
import type { AnnouncementTarget, AppDeps } from './app/context';
import type { ChatPlatform, Clock, PeopleDirectory } from './app/ports';
import { compose } from './compose';
import { followUpSettings, type Config } from './config/config';
import type { Platform } from './core/types';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import type { DeliveryWorker, WorkerOptions } from './delivery/worker';
import type { Scheduler } from './scheduler/scheduler';
import { httpApp, listen, portOf, routeFirst } from './server';
import { loadStatusPageConfig, type StatusPageSettings } from './web/status-page-config';
import { webRouter } from './web/router';
import { ConfigError } from './config/config';
import { randomBytes } from 'node:crypto';

export interface Sitrep {
  deps: AppDeps;
  worker: DeliveryWorker;
  scheduler: Scheduler;
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
  /** Teams adapter overrides (tests: a short Bot Connector timeout). */
  teams?: Pick<TeamsSettings, 'timeoutMs'>;
}

/** Builds and starts everything the configuration enables, on one database and one HTTP server. */
export async function startSitrep(config: Config, opts: StartOptions): Promise<Sitrep> {
  const { log } = opts;
  const statusPage = statusPageSettings(config);
  const database = opts.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, log }));
  await migrate(database);
  const platforms = new Map<Platform, ChatPlatform>();
  const directories = new Map<Platform, PeopleDirectory>([['console', consoleDirectory]]);
  const { deps, worker, metrics, scheduler, housekeeping, vacuum } = compose({
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
    followUp: followUpSettings(config),
    scheduler: { intervalMs: config.SCHEDULER_INTERVAL_SECONDS * 1000 },
    retentionDays: config.HISTORY_RETENTION_DAYS,
  });

  if (opts.console) platforms.set('console', new ConsolePlatform(opts.console.stdout));
  const routers: Router[] = [];
  let slack: SlackConnection | undefined;
  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) {
    // Each platform's SDK is loaded only when that platform is configured (botbuilder alone is tens of MB).
    const { connectSlack } = await import('./adapters/slack/slack-app');
    slack = connectSlack(
      { botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL },
      deps,
      log,
    );
    platforms.set('slack', slack.platform);
    directories.set('slack', slack.directory);
    await slack.start();
  }
  let teams: TeamsConnection | undefined;
  if (teamsEnabled(config)) {
    const { connectTeams } = await import('./adapters/teams/teams-app');
    teams = connectTeams(
      {
        appId: config.MicrosoftAppId,
        appPassword: config.MicrosoftAppPassword,
        appType: config.MicrosoftAppType,
        appTenantId: config.MicrosoftAppTenantId,
        serviceUrl: config.TEAMS_SERVICE_URL,
        graphUrl: config.GRAPH_API_URL,
        createChannels: config.TEAMS_CREATE_CHANNELS,
        teamId: config.TEAMS_TEAM_ID,
        incidentsChannel: config.TEAMS_INCIDENTS_CHANNEL,
        ...opts.teams,
      },
      deps,
      log,
    );
    platforms.set('teams', teams.platform);
    directories.set('teams', teams.directory);
    routers.push(teams.router);
    await teams.start();
  }

  const signingKey = config.SIGNING_KEY ?? randomBytes(32).toString('hex');
  if (!config.SIGNING_KEY) log.warn('SIGNING_KEY is not set: links to internal pages stop working when Sitrep restarts');
  // Last: the web router answers every other path with its 404 page.
  routers.push(webRouter({ db: database.db, settings: statusPage, clock: deps.clock, signingKey, publicUrl: publicUrl(config), log }));

  let server: Server | null = null;
  try {
    const app = httpApp({ routers, database, log, metrics });
    server = await listen(slack?.events ? routeFirst(slack.events.path, slack.events.listener, app) : app, config.PORT, config.HOST);
  } catch (err) {
    if (!opts.console) throw err;
    log.warn({ port: config.PORT }, `HTTP server not started: ${(err as Error).message}`);
  }
  // The console drains after each line and starts these itself when it is interactive.
  if (!opts.console) {
    worker.start();
    scheduler.start();
    housekeeping.start();
    vacuum?.start();
  }
  log.info({ port: server ? portOf(server) : null, slack: Boolean(slack), teams: Boolean(teams), console: Boolean(opts.console) }, 'sitrep started');

  return {
    deps,
    worker,
    scheduler,
    database,
    port: server ? portOf(server) : null,
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
      await slack?.stop();
      await teams?.stop();
      await scheduler.stop();
      await housekeeping.stop();
      await vacuum?.stop();
      await worker.stop();
      if (!opts.database) await database.close();
    },
  };
}

function statusPageSettings(config: Config): StatusPageSettings {
  try {
    return loadStatusPageConfig(config.STATUS_PAGE_CONFIG, { name: config.STATUS_PAGE_NAME, components: config.COMPONENTS, zone: config.DEFAULT_TIMEZONE });
  } catch (err) {
    throw new ConfigError([(err as Error).message.replace(/\.$/, '')]);
  }
}

/** Where people reach this server; in local mode, this machine. */
export function publicUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT || 3000}`;
}

function announcementTargets(config: Config, console: boolean): AnnouncementTarget[] {
  const targets: AnnouncementTarget[] = [];
  if (console) targets.push({ platform: 'console', externalId: '#announcements', name: '#announcements' });
  const channel = config.SLACK_ANNOUNCEMENTS_CHANNEL;
  if (config.SLACK_BOT_TOKEN && channel) targets.push({ platform: 'slack', externalId: channel, name: channel.startsWith('#') ? channel : `#${channel}` });
  if (teamsEnabled(config) && config.TEAMS_ANNOUNCEMENTS_CHANNEL) {
    targets.push({ platform: 'teams', externalId: config.TEAMS_ANNOUNCEMENTS_CHANNEL, name: 'the Teams announcements channel' });
  }
  return targets;
}

/** Teams runs with a Microsoft app id, or without authentication in insecure local mode. */
export function teamsEnabled(config: Config): boolean {
  return Boolean(config.MicrosoftAppId || config.TEAMS_INSECURE_LOCAL);
}
