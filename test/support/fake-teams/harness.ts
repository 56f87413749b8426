/**
 * The real botbuilder pieces this folder's tests drive the fake with (botbuilder is imported
 * here on purpose: the point is to prove the fake matches the real client). Product code keeps
 * its botbuilder imports in src/adapters/teams/.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import express from 'express';
import { BOT_ID, BOT_NAME, TENANT_ID, USERS } from './activities';

/** CloudAdapter with authentication disabled (no inbound check, no outbound token). */
export function authDisabledAdapter(): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
}

/** A stored reference, as TurnContext.getConversationReference would have produced it. */
export function referenceTo(serviceUrl: string, conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, name: '' },
    bot: { id: BOT_ID, name: BOT_NAME },
    user: { id: USERS.alice.id, name: USERS.alice.name },
  };
}

export interface BotHost {
  /** 'http://127.0.0.1:PORT/api/messages' */
  url: string;
  /** Errors thrown by `logic` (the adapter answers 500 for them). */
  errors: unknown[];
  stop(): Promise<void>;
}

/** express on 127.0.0.1 with `/api/messages` → adapter.process(req, res, logic). */
export async function startBotHost(adapter: CloudAdapter, logic: (ctx: TurnContext) => Promise<void>): Promise<BotHost> {
  const errors: unknown[] = [];
  const app = express();
  app.post('/api/messages', express.json(), async (req, res) => {
    await adapter.process(req, res, async (ctx) => {
      try {
        await logic(ctx);
      } catch (err) {
        errors.push(err);
        throw err;
      }
    });
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
    errors,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POST an activity as Teams does (no Authorization header: auth is disabled). */
export async function postActivity(url: string, activity: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}
