import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app/context';
import { registerEvents } from './handlers/events';
import { registerInteractions } from './handlers/interactions';
import { registerReminderActions } from './handlers/reminder-actions';
import { registerSlashCommand } from './handlers/slash-command';
import { SlackDirectory } from './slack-directory';
import { slackRoutes } from './slack-routes';
import { SlackPlatform } from './slack-platform';

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode instead of HTTP. */
  appToken?: string;
  apiUrl?: string;
  /** Web API calls slower than this fail and are retried by the outbox. */
  timeoutMs?: number;
}

const EVENTS_PATH = '/slack/events';

export interface SlackConnection {
  platform: SlackPlatform;
  directory: SlackDirectory;
  /** In HTTP mode, what answers `POST /slack/events` on the HTTP server. */
  events: { path: string; listener: RequestListener } | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Slack app: Bolt receives commands, shortcuts, modals and events (HTTP or Socket Mode);
 * a separate WebClient, which never retries on its own, serves the delivery worker.
 */
export function connectSlack(settings: SlackSettings, deps: AppDeps, log: Logger): SlackConnection {
  const clientOptions: WebClientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? 10_000,
  };
  const logger = boltLogger(log);
  const client = new WebClient(settings.botToken, { ...clientOptions, logger });
  let teamId: string | undefined;
  const directory = new SlackDirectory(client, deps.settings.defaultZone, deps.clock);
  const platform = new SlackPlatform(client, () => teamId, log);

  const receiver = settings.appToken
    ? undefined
    : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: EVENTS_PATH, logger, processBeforeResponse: false });
  const app = new App({
    token: settings.botToken,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken, signingSecret: settings.signingSecret }),
    clientOptions,
    logger,
    // Bolt's conversation store keeps per-conversation state we never read, at a cost on every request.
    convoStore: false,
    deferInitialization: true,
  });
  const routes = slackRoutes();
  registerSlashCommand(routes, deps, directory);
  registerInteractions(routes, deps, directory);
  registerReminderActions(routes, deps, directory);
  registerEvents(routes, deps, directory);
  routes.mount(app);
  app.error(async (err) => {
    log.error({ err: { message: err.message, code: err.code } }, 'slack handler failed');
  });

  return {
    platform,
    directory,
    events: receiver ? { path: EVENTS_PATH, listener: receiver.requestListener } : null,
    async start() {
      await app.init();
      const auth = await client.auth.test().catch(() => undefined);
      teamId = auth?.team_id;
      if (settings.appToken) await app.start();
    },
    async stop() {
      if (settings.appToken) await app.stop();
    },
  };
}

/** Bolt's logging through pino, at warn and above, without request bodies. */
function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.WARN;
  return {
    debug: () => {},
    info: () => {},
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
