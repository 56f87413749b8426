/**
 * Injected faults as the real botbuilder 4.23 client experiences them: its pipeline retries
 * (3 times) on 429/503 with Retry-After, on 5xx with backoff and on connection resets, then
 * throws a RestError carrying `statusCode`.
 */
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_ID } from './activities';
import { authDisabledAdapter, referenceTo } from './harness';
import { FakeBotConnector } from './server';

const THREAD = `${CHANNEL_ID};messageid=1700000000000`;

describe('FakeBotConnector faults seen through botbuilder', { timeout: 3000 }, () => {
  let fake: FakeBotConnector;
  let adapter: CloudAdapter;
  beforeEach(async () => {
    fake = await FakeBotConnector.start();
    adapter = authDisabledAdapter();
  });
  afterEach(async () => {
    await fake.stop();
  });
  const proactive = (logic: (ctx: TurnContext) => Promise<unknown>) =>
    adapter.continueConversationAsync('', referenceTo(fake.serviceUrl, THREAD), async (ctx) => {
      await logic(ctx);
    });
  const say = (text: string) => proactive((ctx) => ctx.sendActivity(text));
  const statuses = () => fake.calls.map((c) => c.status);

  it('429 with Retry-After: botbuilder waits that long and retries by itself', async () => {
    fake.failNext('reply', { status: 429, retryAfter: 1 });
    const t0 = Date.now();
    await say('hi');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(statuses()).toEqual([429, 201]);
    expect(fake.calls[0]?.fault).toEqual({ status: 429, retryAfter: 1 });
    expect(fake.activities()).toHaveLength(1);
  });

  it('429 that persists surfaces as RestError statusCode 429 after 1 + 3 attempts', async () => {
    fake.failNext('reply', { status: 429, retryAfter: 0 }, 4);
    const err = await say('hi').catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'RestError', statusCode: 429, code: 'TooManyRequests' });
    expect((err as { response?: { headers: { get(n: string): string | undefined } } }).response?.headers.get('retry-after')).toBe('0');
    expect(statuses()).toEqual([429, 429, 429, 429]);
    expect(fake.activities()).toHaveLength(0);
  });

  it('429 without Retry-After is not retried', async () => {
    fake.failNext('*', { status: 429 });
    await expect(say('hi')).rejects.toMatchObject({ statusCode: 429 });
    expect(statuses()).toEqual([429]);
  });

  it('a single 503 is retried after backoff and succeeds', async () => {
    fake.failNext('reply', { status: 503 });
    const t0 = Date.now();
    await say('hi');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
    expect(statuses()).toEqual([503, 201]);
  });

  it('down(): every call is 503 (Retry-After: 0, so retries are instant) until up()', async () => {
    fake.down();
    await expect(say('hi')).rejects.toMatchObject({ name: 'RestError', statusCode: 503, code: 'ServiceUnavailable' });
    expect(statuses()).toEqual([503, 503, 503, 503]);
    fake.up();
    await say('hi again');
    expect(fake.activities().map((a) => a.activity.text)).toEqual(['hi again']);
  });

  it('other 4xx are not retried; a fault hits its own category, else a * fault', async () => {
    fake.failNext('send', { status: 500 });
    fake.failNext('update', { status: 403 });
    const err = await proactive(async (ctx) => {
      const { id } = (await ctx.sendActivity('unaffected by the send fault'))!;
      await ctx.updateActivity({ id, type: 'message', text: 'edit' });
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 403 });
    expect(fake.calls.map((c) => [c.op, c.status])).toEqual([
      ['reply', 201],
      ['update', 403],
    ]);
    fake.failNext('*', { status: 400 });
    await expect(say('x')).rejects.toMatchObject({ statusCode: 400 });
    expect(fake.calls.at(-1)).toMatchObject({ op: 'reply', status: 400 });
    expect(fake.calls).toHaveLength(3);
  });

  it('createConversation faults surface from TeamsInfo-style thread creation', async () => {
    fake.failNext('create', { status: 404 });
    const err = await adapter
      .createConversationAsync('app', 'msteams', fake.serviceUrl, '', { isGroup: true, channelData: { channel: { id: CHANNEL_ID } }, activity: { type: 'message', text: 'root' } } as never, async () => {})
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 404 });
    expect(fake.conversationsCreated).toHaveLength(0);
  });

  it('hang: botbuilder has no timeout; after the reset it retries and the message lands', async () => {
    fake.failNext('reply', { hangMs: 700 });
    const t0 = Date.now();
    const sending = say('slow');
    const first = await Promise.race([sending.then(() => 'sent'), new Promise((r) => setTimeout(() => r('still waiting'), 500))]);
    expect(first).toBe('still waiting');
    expect(fake.calls.map((c) => c.status)).toEqual([0]);
    await sending;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    expect(statuses()).toEqual([0, 201]);
    expect(fake.calls[0]?.fault).toEqual({ hangMs: 700 });
  });

  it('stop() ends hanging requests', async () => {
    fake.failNext('*', { hangMs: 60_000 });
    const res = fetch(`${fake.serviceUrl}v3/conversations/x/activities`, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
    while (fake.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
    await fake.stop();
    expect(await res).toBeInstanceOf(Error);
    fake = await FakeBotConnector.start();
  });
});
