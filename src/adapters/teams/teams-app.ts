import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { AppDeps } from '../../app/context';
import { GraphClient } from './graph';
import { onMessage, type MessageEnv } from './handlers/message';
import { IncidentPlaces } from './incident-places';
import { BotConnector } from './teams-connector';
import { TeamsDirectory } from './teams-directory';
import { connectorHttpClient } from './teams-http';
import { TeamsMemory } from './teams-memory';
import { TeamsPlatform } from './teams-platform';

export interface TeamsSettings {
  /** Unset: authentication is off (TEAMS_INSECURE_LOCAL, never in production). */
  appId?: string;
  appPassword?: string;
  appType: string;
  appTenantId?: string;
  /** The Bot Connector to use before any activity has told which one serves a tenant. */
  serviceUrl: string;
  graphUrl: string;
  createChannels: boolean;
  teamId?: string;
  incidentsChannel?: string;
  /** Each Bot Connector or Graph request slower than this fails, and the outbox retries it. */
  timeoutMs?: number;
}

export interface TeamsConnection {
  platform: TeamsPlatform;
  directory: TeamsDirectory;
  /** `POST /api/messages`, with its own JSON body parser. */
  router: Router;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Teams app: botbuilder's CloudAdapter receives activities on `/api/messages` (and, with an
 * app id, rejects any request without a valid Bot Framework token); the same adapter, through an
 * HTTP client that never retries by itself, serves the delivery worker.
 */
export function connectTeams(settings: TeamsSettings, deps: AppDeps, log: Logger): TeamsConnection {
  const child = log.child({ component: 'teams' });
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const appId = settings.appId ?? '';
  const auth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: appId, MicrosoftAppPassword: settings.appPassword ?? '', MicrosoftAppType: settings.appType, MicrosoftAppTenantId: settings.appTenantId ?? '' },
    undefined,
    undefined,
    undefined,
    { httpClient: connectorHttpClient(timeoutMs) } as never,
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_ctx, err) => {
    child.error({ err }, 'teams turn failed');
  };
  const memory = new TeamsMemory({ appId: settings.appId, tenantId: settings.appTenantId, serviceUrl: settings.serviceUrl });
  const directory = new TeamsDirectory(memory, deps.settings.defaultZone);
  const connector = new BotConnector(adapter, appId, timeoutMs);
  const graph = new GraphClient({ url: settings.graphUrl, appId: settings.appId, appPassword: settings.appPassword, appType: settings.appType, appTenantId: settings.appTenantId, timeoutMs });
  const bound = (externalId: string) => deps.store.transaction(async (tx) => (await tx.incidentByConversation('teams', externalId, false)) !== null);
  const places = new IncidentPlaces(
    { createChannels: settings.createChannels, teamId: settings.teamId, incidentsChannel: settings.incidentsChannel },
    connector,
    graph,
    memory,
    bound,
    child,
  );
  const platform = new TeamsPlatform(connector, places, memory);

  const pending = new Set<Promise<unknown>>();
  const env: MessageEnv = {
    deps,
    directory,
    memory,
    connector,
    log: child,
    track(work) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
  };
  const bot = async (turn: TurnContext) => {
    memory.seen(turn.activity);
    if (turn.activity.type !== 'message') return;
    try {
      await onMessage(turn, env);
    } catch (err) {
      child.error({ err }, 'teams message failed');
    }
  };

  const router = Router();
  router.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    // With authentication on, a request without a token is refused here, without any network
    // call (botbuilder would refuse it too, but prints the error to the console). A request with a
    // token goes to botbuilder, which checks it against the Bot Framework's signing keys.
    if (appId && !req.headers.authorization) {
      res.status(401).json({ error: 'Unauthorized: a Bot Framework token is required.' });
      return;
    }
    await adapter.process(req, res, bot);
  });
  router.use('/api/messages', (err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const status = (err as { status?: unknown }).status;
    if (status === 400 || status === 413) res.status(status).json({ error: 'The request body is not a Bot Framework activity.' });
    else next(err);
  });

  return {
    platform,
    directory,
    router,
    async start() {
      if (!appId) {
        child.warn('Teams authentication is OFF (TEAMS_INSECURE_LOCAL=true): /api/messages accepts unauthenticated requests. Use it on a local machine only.');
      }
    },
    async stop() {
      await Promise.allSettled([...pending]);
    },
  };
}
