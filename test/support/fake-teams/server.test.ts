/**
 * The fake is driven by the REAL botbuilder 4.23 client (CloudAdapter, auth disabled), so what it
 * records is exactly what the Teams adapter will send to the Bot Connector.
 */
import { TeamsActivityHandler, TeamsInfo, TurnContext, type Activity, type CloudAdapter } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOT_ID, CHANNEL_ID, TEAM, USERS, cardSubmit, channelMessage, conversationUpdate, installationUpdate, personalMessage } from './activities';
import { authDisabledAdapter, postActivity, referenceTo, startBotHost, type BotHost } from './harness';
import { FakeBotConnector } from './server';

const THREAD = `${CHANNEL_ID};messageid=1700000000000`;
const enc = encodeURIComponent;

describe('FakeBotConnector driven by botbuilder', { timeout: 3000 }, () => {
  let fake: FakeBotConnector;
  let adapter: CloudAdapter;
  let host: BotHost | undefined;
  beforeEach(async () => {
    fake = await FakeBotConnector.start();
    adapter = authDisabledAdapter();
  });
  afterEach(async () => {
    await host?.stop();
    host = undefined;
    await fake.stop();
  });
  const proactive = (conversationId: string, logic: (ctx: TurnContext) => Promise<void>) =>
    adapter.continueConversationAsync('', referenceTo(fake.serviceUrl, conversationId), logic);

  it('records a proactive sendActivity — sent as replyToActivity to a made-up id, with no token', async () => {
    let sent: { id: string } | undefined;
    await proactive(THREAD, async (ctx) => {
      sent = await ctx.sendActivity('hi');
    });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call).toMatchObject({ method: 'POST', op: 'reply', operation: 'replyToActivity', conversationId: THREAD, status: 201 });
    expect(call.activityId).toMatch(/^[0-9a-f-]{36}$/);
    expect(call.path).toBe(`/v3/conversations/${enc(THREAD)}/activities/${call.activityId}`);
    expect(call.headers.authorization).toBeUndefined();
    expect(call.headers['x-ms-conversation-id']).toBe(THREAD);
    expect(call.body).toMatchObject({ type: 'message', text: 'hi', channelId: 'msteams', from: { id: BOT_ID }, conversation: { id: THREAD } });
    expect(call.body.replyToId).toBe(call.activityId);
    expect(sent?.id).toMatch(/^\d{13}$/);
    expect(fake.activities(THREAD).map((a) => [a.id, a.via, a.activity.text])).toEqual([[sent?.id, 'reply', 'hi']]);
  });

  it('hands out strictly increasing activity ids', async () => {
    const ids: string[] = [];
    await proactive(THREAD, async (ctx) => {
      for (const text of ['a', 'b', 'c', 'd']) ids.push((await ctx.sendActivity(text))!.id);
    });
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(4);
  });

  it('records updateActivity (PUT) and deleteActivity; an unknown id is 404 ActivityNotFound, not retried', async () => {
    await proactive(THREAD, async (ctx) => {
      const { id } = (await ctx.sendActivity('status: investigating'))!;
      await ctx.updateActivity({ id, type: 'message', text: 'status: resolved' });
      await ctx.deleteActivity(id);
      const err = await ctx.updateActivity({ id: '42', type: 'message', text: 'x' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'RestError', statusCode: 404, code: 'ActivityNotFound' });
    });
    const [, put, del, missing] = fake.calls;
    expect(put).toMatchObject({ method: 'PUT', op: 'update', conversationId: THREAD, activityId: fake.activities()[0]!.id, status: 200 });
    expect(put?.body).toMatchObject({ type: 'message', text: 'status: resolved', id: put?.activityId });
    expect(del).toMatchObject({ method: 'DELETE', op: 'delete', status: 200 });
    expect(missing).toMatchObject({ method: 'PUT', activityId: '42', status: 404 });
    expect(fake.calls).toHaveLength(4);
    const [rec] = fake.activities(THREAD);
    expect(rec?.updates.map((u) => u.text)).toEqual(['status: resolved']);
    expect(rec?.deleted).toBe(true);
  });

  it('records ConnectorClient.sendToConversation as a send', async () => {
    await proactive(CHANNEL_ID, async (ctx) => {
      type Client = { conversations: { sendToConversation(id: string, a: Partial<Activity>): Promise<{ id: string }> } };
      const client = ctx.turnState.get<Client>(adapter.ConnectorClientKey);
      const res = await client.conversations.sendToConversation(CHANNEL_ID, { type: 'message', text: 'new post' });
      expect(res.id).toMatch(/^\d+$/);
    });
    expect(fake.calls[0]).toMatchObject({ method: 'POST', op: 'send', path: `/v3/conversations/${enc(CHANNEL_ID)}/activities`, status: 201 });
  });

  it("TeamsInfo.sendMessageToTeamsChannel: '' botAppId breaks on CloudAdapter; with an id it creates a thread", async () => {
    await proactive(CHANNEL_ID, async (ctx) => {
      const root = { type: 'message', text: 'INC-7 declared' } as Activity;
      await expect(TeamsInfo.sendMessageToTeamsChannel(ctx, root, CHANNEL_ID, '')).rejects.toThrow(/createConnectorClient is not a function/);
      const [ref, newId] = await TeamsInfo.sendMessageToTeamsChannel(ctx, root, CHANNEL_ID, 'any-app-id');
      // With CloudAdapter both are the new conversation id; the root activity id is after ';messageid='.
      expect(newId).toMatch(new RegExp(`^${CHANNEL_ID};messageid=\\d{13}$`));
      expect(ref.conversation.id).toBe(newId);
      await adapter.continueConversationAsync('', ref, async (c2) => {
        await c2.sendActivity('first timeline entry');
      });
    });
    expect(fake.calls.map((c) => c.operation)).toEqual(['createConversation', 'replyToActivity']);
    const create = fake.calls[0]!;
    expect(create.path).toBe('/v3/conversations');
    expect(create.body).toEqual({ isGroup: true, channelData: { channel: { id: CHANNEL_ID } }, activity: { type: 'message', text: 'INC-7 declared' } });
    const [created] = fake.conversationsCreated;
    expect(created?.id).toBe(`${CHANNEL_ID};messageid=${created?.activityId}`);
    expect(fake.activities(created?.id).map((a) => [a.via, a.activity.text])).toEqual([
      ['create', 'INC-7 declared'],
      ['reply', 'first timeline entry'],
    ]);
    expect(fake.activities(CHANNEL_ID)).toHaveLength(2);
    expect(fake.calls[1]?.conversationId).toBe(created?.id);
  });

  it('adapter.process: an @mention in a channel is answered in its thread', async () => {
    host = await startBotHost(adapter, async (ctx) => {
      const text = TurnContext.removeRecipientMention(ctx.activity)?.trim();
      await ctx.sendActivity(`ack: ${text}`);
    });
    const incoming = channelMessage({ text: 'declare sev2 db down', serviceUrl: fake.serviceUrl });
    expect(incoming.text).toBe('<at>Sitrep</at> declare sev2 db down');
    expect(await postActivity(host.url, incoming)).toMatchObject({ status: 200 });
    expect(host.errors).toEqual([]);
    const thread = `${CHANNEL_ID};messageid=${incoming.id}`;
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ op: 'reply', conversationId: thread, activityId: incoming.id });
    expect(fake.calls[0]?.body).toMatchObject({ text: 'ack: declare sev2 db down', replyToId: incoming.id, recipient: { id: USERS.alice.id } });
  });

  it('the builders are read by TeamsActivityHandler the way Teams traffic is', async () => {
    const seen: string[] = [];
    const bot = new TeamsActivityHandler();
    bot.onMessage(async (ctx, next) => {
      seen.push(ctx.activity.value ? `submit:${JSON.stringify(ctx.activity.value)}` : `message:${ctx.activity.conversation.conversationType}`);
      await next();
    });
    bot.onInstallationUpdateAdd(async (ctx, next) => {
      seen.push(`installed:${ctx.activity.conversation.id === TEAM.id}`);
      await ctx.sendActivity('Hello, team');
      await next();
    });
    bot.onTeamsMembersAddedEvent(async (added, team, ctx, next) => {
      seen.push(`added:${added.map((m) => (m.id === BOT_ID ? 'bot' : m.id)).join()}:${team.id === TEAM.id}`);
      await next();
    });
    host = await startBotHost(adapter, (ctx) => bot.run(ctx));
    const serviceUrl = fake.serviceUrl;
    for (const a of [
      personalMessage({ text: 'help', serviceUrl }),
      cardSubmit({ value: { action: 'ack', incident: 'INC-7' }, replyToId: '1700000000001', serviceUrl }),
      installationUpdate({ serviceUrl }),
      conversationUpdate({ serviceUrl }),
    ]) {
      expect(await postActivity(host.url, a)).toMatchObject({ status: 200 });
    }
    expect(host.errors).toEqual([]);
    expect(seen).toEqual(['message:personal', 'submit:{"action":"ack","incident":"INC-7"}', 'installed:true', 'added:bot:true']);
    expect(fake.calls.map((c) => [c.operation, c.conversationId])).toEqual([['replyToActivity', TEAM.id]]);
  });

  it('TeamsInfo member and team lookups hit /members and /v3/teams', async () => {
    host = await startBotHost(adapter, async (ctx) => {
      const one = await TeamsInfo.getMember(ctx, USERS.bob.aadObjectId);
      const all = await TeamsInfo.getMembers(ctx);
      const channels = await TeamsInfo.getTeamChannels(ctx);
      const details = await TeamsInfo.getTeamDetails(ctx);
      await ctx.sendActivity(JSON.stringify({ one, all: all.map((m) => m.aadObjectId), channels, details }));
    });
    await postActivity(host.url, channelMessage({ text: 'who', serviceUrl: fake.serviceUrl }));
    expect(host.errors).toEqual([]);
    expect(fake.calls.map((c) => [c.method, c.path])).toEqual([
      ['GET', `/v3/conversations/${enc(TEAM.id)}/members/${USERS.bob.aadObjectId}`],
      ['GET', `/v3/conversations/${enc(TEAM.id)}/members`],
      ['GET', `/v3/teams/${enc(TEAM.id)}/conversations`],
      ['GET', `/v3/teams/${enc(TEAM.id)}`],
      ['POST', expect.stringMatching(/\/activities\/\d+$/)],
    ]);
    const answer = JSON.parse(fake.calls[4]?.body.text as string);
    expect(answer.one).toMatchObject({ id: USERS.bob.id, name: 'Bob Baker', aadObjectId: USERS.bob.aadObjectId, email: 'bob.baker@contoso.example', userPrincipalName: 'bob.baker@contoso.example' });
    expect(answer.all).toEqual([USERS.alice.aadObjectId, USERS.bob.aadObjectId]);
    expect(answer.channels).toEqual([{ id: TEAM.id }]);
    expect(answer.details).toMatchObject({ id: TEAM.id, aadGroupId: TEAM.aadGroupId, name: 'Operations' });
  });

  it('an unknown member is a 404 RestError', async () => {
    const err = await proactive(THREAD, (ctx) => TeamsInfo.getMember(ctx, '29:nobody').then(() => undefined)).catch((e: unknown) => e);
    expect(err).toMatchObject({ statusCode: 404, code: 'MemberNotFoundInConversation' });
  });
});
