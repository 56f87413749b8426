import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEAM, TENANT_ID } from './activities';
import { FakeBotConnector } from './server';

describe('FakeBotConnector Graph channels', { timeout: 3000 }, () => {
  let fake: FakeBotConnector;
  beforeEach(async () => {
    fake = await FakeBotConnector.start();
  });
  afterEach(async () => {
    await fake.stop();
  });
  async function graph(method: string, path: string, body?: unknown) {
    const res = await fetch(`${fake.graphUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer graph-token' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
  }
  const channels = `/teams/${TEAM.aadGroupId}/channels`;
  const create = (displayName: string) => graph('POST', channels, { displayName, description: 'sev2: db down', membershipType: 'standard' });

  it('creates a channel: 201 with a Teams channel id and webUrl, visible to the Bot Connector too', async () => {
    const res = await create('inc-0042-db-down');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ displayName: 'inc-0042-db-down', description: 'sev2: db down', membershipType: 'standard' });
    expect(res.body.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    expect(res.body.webUrl).toBe(
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(res.body.id)}/inc-0042-db-down?groupId=${TEAM.aadGroupId}&tenantId=${TENANT_ID}`,
    );
    expect(fake.channelsCreated).toMatchObject([{ id: res.body.id, teamId: TEAM.aadGroupId, displayName: 'inc-0042-db-down' }]);
    expect(fake.calls[0]).toMatchObject({ op: 'graph', operation: 'graph.createChannel', teamId: TEAM.aadGroupId, status: 201 });
    expect(fake.calls[0]?.headers.authorization).toBe('Bearer graph-token');

    const list = await fetch(`${fake.serviceUrl}v3/teams/${encodeURIComponent(TEAM.id)}/conversations`).then((r) => r.json());
    expect(list).toEqual({ conversations: [{ id: TEAM.id }, { id: res.body.id, name: 'inc-0042-db-down' }] });
    expect((await graph('GET', channels)).body.value.map((c: { displayName: string }) => c.displayName)).toEqual(['General', 'inc-0042-db-down']);
    expect((await graph('GET', `${channels}/${encodeURIComponent(res.body.id)}`)).status).toBe(200);
  });

  it('rejects names over 50 characters and duplicates (case-insensitive, General included)', async () => {
    expect((await create('x'.repeat(50))).status).toBe(201);
    const long = await create('x'.repeat(51));
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({ code: 'BadRequest' });
    for (const dup of ['X'.repeat(50), 'general']) {
      const res = await create(dup);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'NameAlreadyExists' });
      expect(res.body.error.innerError['request-id']).toEqual(expect.any(String));
    }
    expect(fake.channelsCreated).toHaveLength(1);
  });

  it('denyGraph(true) answers 403 so the fallback to a thread can be tested', async () => {
    fake.denyGraph(true);
    const res = await create('inc-0043');
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'Forbidden', message: expect.stringContaining('Channel.Create.Group') });
    fake.denyGraph(false);
    expect((await create('inc-0043')).status).toBe(201);
  });

  it("a Bot Framework '19:…' team id is not a Graph team id", async () => {
    const res = await graph('POST', `/teams/${encodeURIComponent(TEAM.id)}/channels`, { displayName: 'inc-1' });
    expect(res.status).toBe(404);
    expect(fake.channelsCreated).toHaveLength(0);
  });

  it('graph faults carry Graph error bodies and Retry-After', async () => {
    fake.failNext('graph', { status: 429, retryAfter: 7 });
    const res = await create('inc-0044');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.body.error).toMatchObject({ code: 'TooManyRequests', innerError: expect.any(Object) });
    expect((await create('inc-0044')).status).toBe(201);
  });

  it('answers unknown routes and bad JSON with Bot Framework error bodies', async () => {
    const unknown = await fetch(`${fake.serviceUrl}v3/nope`).then(async (r) => ({ status: r.status, body: await r.json() }));
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'NotFound' } } });
    const bad = await fetch(`${fake.serviceUrl}v3/conversations/a%3A1/activities`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    expect(fake.calls.map((c) => [c.operation, c.status])).toEqual([
      ['unknown', 404],
      ['sendToConversation', 400],
    ]);
  });
});
