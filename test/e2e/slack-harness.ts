import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client';
import { rows } from '../../src/db/client';
import { loadConfig } from '../../src/config/config';
import { startSitrep, type Sitrep } from '../../src/start';
import { FakeSlack } from '../support/fake-slack/server';
import { eventEnvelope, interactionBody, signSlackRequest, slashCommandBody } from '../support/fake-slack/signing';
import type { Logger } from 'pino';
import type { Clock } from '../../src/app/ports';
import { silentLog } from '../support/app';

export const SECRET = 'e2e-signing-secret';

/** The real server on 127.0.0.1 with its Web API pointed at a fake Slack, as a workspace would run it. */
export async function startSlackE2E(database: Database, opts: { log?: Logger; clock?: Clock } = {}) {
  const slack = await FakeSlack.start({ botToken: 'xoxb-e2e-token' });
  const announcements = slack.addChannel('incidents', { botIsMember: true });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-e2e-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.url,
    SLACK_ANNOUNCEMENTS_CHANNEL: announcements.id,
    PORT: '0',
    HOST: '127.0.0.1',
    COMPONENTS: 'Image CDN,Checkout API',
  });
  const sitrep: Sitrep = await startSitrep(config, {
    log: opts.log ?? silentLog,
    database,
    worker: { pollMs: 20, baseDelayMs: 100, maxDelayMs: 2_000 },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const base = `http://127.0.0.1:${sitrep.port}`;

  async function post(body: string, contentType: string, headers: Record<string, string> = {}, timestamp?: number) {
    const signed = signSlackRequest(body, SECRET, timestamp);
    return fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...signed, ...headers },
      body,
    });
  }

  return {
    slack,
    sitrep,
    base,
    announcements,
    post,
    /** A signed slash command, as Slack sends it; returns the HTTP status and the JSON answer. */
    async command(text: string, fields: Record<string, string> = {}) {
      const body = slashCommandBody({ text, response_url: slack.responseUrl(), ...fields });
      const started = Date.now();
      const res = await post(body, 'application/x-www-form-urlencoded');
      const raw = await res.text();
      return { status: res.status, ms: Date.now() - started, body: raw ? (JSON.parse(raw) as { text?: string; response_type?: string }) : {} };
    },
    async event(event: Record<string, unknown>, opts: { event_id?: string; retry?: number } = {}) {
      const body = JSON.stringify(eventEnvelope(event, { event_id: opts.event_id, team_id: 'T0FAKETEAM' }));
      const headers: Record<string, string> = opts.retry ? { 'x-slack-retry-num': String(opts.retry), 'x-slack-retry-reason': 'http_timeout' } : {};
      return post(body, 'application/json', headers);
    },
    async interaction(payload: Record<string, unknown>) {
      return post(interactionBody(payload), 'application/x-www-form-urlencoded');
    },
    /** Waits (bounded) until the outbox is empty; every pending delivery was sent or parked. */
    async settled(timeoutMs = 8_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const [row] = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from deliveries where status in ('pending', 'sending')`));
        if (Number(row?.n) === 0) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('deliveries did not settle in time');
    },
    async count(query: string): Promise<number> {
      const [row] = rows<{ n: number }>(await database.db.execute(sql.raw(query)));
      return Number(row?.n ?? 0);
    },
    async stop() {
      await sitrep.stop();
      await slack.stop();
    },
  };
}

export type SlackE2E = Awaited<ReturnType<typeof startSlackE2E>>;
