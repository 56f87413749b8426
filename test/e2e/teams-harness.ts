import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { visibleText } from '../../src/adapters/teams/cards/card-text';
import type { AdaptiveCard } from '../../src/adapters/teams/cards/adaptive-card';
import { loadConfig } from '../../src/config/config';
import type { Database } from '../../src/db/client';
import { rows } from '../../src/db/client';
import { startSitrep, type Sitrep } from '../../src/start';
import { silentLog } from '../support/app';
import {
  CHANNEL_ID,
  TEAM,
  cardSubmit,
  channelMessage,
  personalMessage,
  type ChannelOpts,
  type ChatOpts,
  type TeamsActivity,
} from '../support/fake-teams/activities';
import { FakeBotConnector, type ActivityRecord } from '../support/fake-teams/server';

/** The announcements channel of the fake team. */
export const ANNOUNCEMENTS_ID = '19:a11ce0a11ce0a11ce0a11ce0a11ce000@thread.tacv2';
/** A channel set aside for incident threads (TEAMS_INCIDENTS_CHANNEL). */
export const INCIDENTS_ID = '19:1dc1dc1dc1dc1dc1dc1dc1dc1dc1dc10@thread.tacv2';
/** Bot Connector requests slower than this fail in the tests (production: 10 s). */
export const TEST_TIMEOUT_MS = 500;

/** The real server on 127.0.0.1, Teams in insecure local mode, its Bot Connector and Graph a fake. */
export async function startTeamsE2E(database: Database, opts: { env?: Record<string, string>; log?: Logger } = {}) {
  const fake = await FakeBotConnector.start({
    teams: [{ ...TEAM, channels: [{ id: CHANNEL_ID, displayName: 'Operations chat' }, { id: ANNOUNCEMENTS_ID, displayName: 'Announcements' }, { id: INCIDENTS_ID, displayName: 'Incidents' }] }],
  });
  const config = loadConfig({
    TEAMS_INSECURE_LOCAL: 'true',
    TEAMS_SERVICE_URL: fake.serviceUrl,
    GRAPH_API_URL: fake.graphUrl,
    TEAMS_ANNOUNCEMENTS_CHANNEL: ANNOUNCEMENTS_ID,
    COMPONENTS: 'Image CDN,Checkout API',
    PORT: '0',
    HOST: '127.0.0.1',
    ...opts.env,
  });
  const sitrep: Sitrep = await startSitrep(config, {
    log: opts.log ?? silentLog,
    database,
    worker: { pollMs: 20, baseDelayMs: 100, maxDelayMs: 2_000 },
    teams: { timeoutMs: TEST_TIMEOUT_MS },
  });
  const url = `http://127.0.0.1:${sitrep.port}/api/messages`;
  const serviceUrl = fake.serviceUrl;

  async function send(activity: TeamsActivity, headers: Record<string, string> = {}) {
    const started = Date.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
    return { status: res.status, ms: Date.now() - started, activity };
  }

  return {
    fake,
    sitrep,
    url,
    send,
    /** An @mention of the bot in a channel (a new post, or a reply in thread `threadId`). */
    channel: (text: string, o: Partial<ChannelOpts> = {}) => send(channelMessage({ text, serviceUrl, ...o })),
    personal: (text: string, o: Partial<ChatOpts> = {}) => send(personalMessage({ text, serviceUrl, ...o })),
    submit: (value: Record<string, unknown>, replyToId: string, o: Partial<Parameters<typeof cardSubmit>[0]> = {}) =>
      send(cardSubmit({ value, replyToId, serviceUrl, ...o })),
    /** What the bot said in answer to an incoming activity, oldest first. */
    answersTo: (activityId: string) => fake.activities().filter((a) => a.replyToId === activityId),
    /** Threads the bot started, oldest first. */
    threads: () => fake.conversationsCreated.filter((c) => c.id.includes(';messageid=')).map((c) => ({ id: c.id, rootId: c.activityId ?? '' })),
    /** Waits (bounded) until the outbox is empty: every pending delivery was sent or parked. */
    async settled(timeoutMs = 4_000) {
      await waitFor(async () => (await count(database, `select count(*)::int as n from deliveries where status in ('pending', 'sending')`)) === 0, timeoutMs, 'deliveries did not settle in time');
    },
    count: (query: string) => count(database, query),
    async stop() {
      await sitrep.stop();
      await fake.stop();
    },
  };
}

export type TeamsE2E = Awaited<ReturnType<typeof startTeamsE2E>>;

/** An activity as it is now (its latest update). */
export function current(rec: ActivityRecord): any {
  return rec.updates.at(-1) ?? rec.activity;
}

/** The Adaptive Card of an activity as it is now, if it has one. */
export function cardOf(rec: ActivityRecord): AdaptiveCard | undefined {
  const attachments = (current(rec).attachments ?? []) as { contentType: string; content: unknown }[];
  return attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as AdaptiveCard | undefined;
}

/** What a reader sees of an activity: its card's text lines, or its text. */
export function seen(rec: ActivityRecord): string {
  const card = cardOf(rec);
  return card ? visibleText(card).join('\n') : String(current(rec).text ?? '');
}

export async function count(database: Database, query: string): Promise<number> {
  const [row] = rows<{ n: number }>(await database.db.execute(sql.raw(query)));
  return Number(row?.n ?? 0);
}

export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 4_000, message = 'condition not met in time'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(message);
}
