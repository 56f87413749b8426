import { stringify } from 'node:querystring';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './server';

const TOKEN = 'xoxb-test-token';
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are inspected freely in tests
type Json = Record<string, any>;

/**
 * The body exactly as @slack/web-api 7/8 serializes it (checked against a capture server):
 * undefined/null dropped, non-primitive values JSON-encoded, node:querystring encoding
 * (`%20` for spaces), `Content-Type: application/x-www-form-urlencoded`.
 */
function webClientForm(args: Record<string, unknown>): string {
  const flat: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(args)) {
    if (v === undefined || v === null) continue;
    flat[k] = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return stringify(flat);
}

async function api(fake: FakeSlack, method: string, args: Record<string, unknown> = {}, opts: { token?: string | null; json?: boolean } = {}) {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': opts.json ? 'application/json; charset=utf-8' : 'application/x-www-form-urlencoded',
  };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${fake.url}${method}`, {
    method: 'POST',
    headers,
    body: opts.json ? JSON.stringify(args) : webClientForm(args),
  });
  const text = await res.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, headers: res.headers, body };
}

/** The upload POST as WebClient.filesUploadV2 sends it: multipart, one part named `body`. */
async function uploadAsWebClient(uploadUrl: string, data: Buffer): Promise<Response> {
  const form = new FormData();
  form.append('body', new Blob([new Uint8Array(data)]), 'Untitled');
  return fetch(uploadUrl, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: form });
}

describe('FakeSlack', { timeout: 2000 }, () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: TOKEN });
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('listens on 127.0.0.1 and answers auth.test; checks the bearer token', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
    const ok = await api(fake, 'auth.test');
    expect(ok.body).toMatchObject({ ok: true, user_id: fake.botUserId, team_id: fake.teamId, bot_id: expect.stringMatching(/^B/) });
    expect((await api(fake, 'auth.test', {}, { token: 'xoxb-wrong' })).body).toEqual({ ok: false, error: 'invalid_auth' });
    expect((await api(fake, 'auth.test', {}, { token: null })).body).toEqual({ ok: false, error: 'not_authed' });
    // a per-call token arrives both as the header and as a `token` form field
    expect((await api(fake, 'auth.test', { token: TOKEN }, { token: null })).body.ok).toBe(true);
    expect((await api(fake, 'no.such.method')).body).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('creates channels with Slack name rules, invites, sets topics', async () => {
    const created = await api(fake, 'conversations.create', { name: 'inc-42-db-down', is_private: true });
    expect(created.body.channel).toMatchObject({ id: expect.stringMatching(/^C/), name: 'inc-42-db-down', is_private: true });
    const id: string = created.body.channel.id;
    expect(fake.channelByName('inc-42-db-down')?.id).toBe(id);

    expect((await api(fake, 'conversations.create', { name: 'inc-42-db-down' })).body.error).toBe('name_taken');
    expect((await api(fake, 'conversations.create', { name: 'Inc 42' })).body.error).toBe('invalid_name_specials');
    expect((await api(fake, 'conversations.create', { name: 'x'.repeat(81) })).body.error).toBe('invalid_name_maxlength');

    const [alice, bob] = [...fake.users.keys()];
    expect((await api(fake, 'conversations.invite', { channel: id, users: `${alice},${bob}` })).body.ok).toBe(true);
    expect(fake.channels.get(id)?.members).toEqual(new Set([fake.botUserId, alice, bob]));
    expect((await api(fake, 'conversations.invite', { channel: id, users: `${alice}` })).body.error).toBe('already_in_channel');
    const many = Array.from({ length: 101 }, (_, i) => `U${i}`).join(',');
    expect((await api(fake, 'conversations.invite', { channel: id, users: many })).body.error).toBe('too_many_users');
    expect((await api(fake, 'conversations.invite', { channel: id, users: 'U0NOBODY' })).body.error).toBe('user_not_found');
    expect((await api(fake, 'conversations.invite', { channel: 'C0MISSING', users: `${alice}` })).body.error).toBe('channel_not_found');

    expect((await api(fake, 'conversations.setTopic', { channel: id, topic: 't'.repeat(251) })).body.error).toBe('too_long');
    expect((await api(fake, 'conversations.setTopic', { channel: id, topic: 'SEV2 · IC @alice' })).body.ok).toBe(true);
    const info = await api(fake, 'conversations.info', { channel: id });
    expect(info.body.channel).toMatchObject({ id, is_private: true, topic: { value: 'SEV2 · IC @alice' }, is_member: true });
  });

  it('posts and updates messages with blocks sent as a JSON-encoded form field', async () => {
    const c = fake.addChannel('inc-1');
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*SEV2* db down & out' } }];
    const first = await api(fake, 'chat.postMessage', { channel: c.id, text: 'SEV2 db down', blocks });
    expect(first.body).toMatchObject({ ok: true, channel: c.id, ts: '1700000000.000100', message: { text: 'SEV2 db down', blocks } });
    const second = await api(fake, 'chat.postMessage', { channel: '#inc-1', text: 'second' });
    expect(Number(second.body.ts)).toBeGreaterThan(Number(first.body.ts));

    const updated = await api(fake, 'chat.update', { channel: c.id, ts: first.body.ts, text: 'SEV1 db down', blocks: [] });
    expect(updated.body).toMatchObject({ ok: true, ts: first.body.ts, text: 'SEV1 db down' });
    expect(c.messages.map((m) => m.text)).toEqual(['SEV1 db down', 'second']);
    expect(c.messages[0]?.history).toEqual([{ text: 'SEV2 db down', blocks }]);
    expect(fake.callsTo('chat.postMessage')[0]?.args.blocks).toEqual(blocks); // recorded decoded

    expect((await api(fake, 'chat.update', { channel: c.id, ts: '1.2', text: 'x' })).body.error).toBe('message_not_found');
    expect((await api(fake, 'chat.postMessage', { channel: 'C0NOPE', text: 'x' })).body.error).toBe('channel_not_found');
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    expect((await api(fake, 'chat.postMessage', { channel: c.id, text: 'x', blocks: tooMany })).body.error).toBe('invalid_blocks');
    expect((await api(fake, 'chat.postMessage', { channel: c.id, blocks: '[{' })).body.error).toBe('invalid_blocks_format');

    const link = await api(fake, 'chat.getPermalink', { channel: c.id, message_ts: first.body.ts });
    expect(link.body.permalink).toBe(`https://fake.slack.test/archives/${c.id}/p1700000000000100`);
    expect((await api(fake, 'pins.add', { channel: c.id, timestamp: first.body.ts })).body.ok).toBe(true);
    expect((await api(fake, 'pins.add', { channel: c.id, timestamp: first.body.ts })).body.error).toBe('already_pinned');
    expect(c.pins).toEqual(new Set([first.body.ts]));
    expect((await api(fake, 'pins.remove', { channel: c.id, timestamp: first.body.ts })).body.ok).toBe(true);
    expect((await api(fake, 'bookmarks.add', { channel_id: c.id, title: 'Runbook', type: 'link', link: 'https://runbooks.test/db' })).body.bookmark)
      .toMatchObject({ id: expect.stringMatching(/^Bk/), title: 'Runbook' });
  });

  it('accepts JSON bodies too (blocks as an array)', async () => {
    const c = fake.addChannel('inc-json');
    const res = await api(fake, 'chat.postMessage', { channel: c.id, text: 'hi', blocks: [{ type: 'divider' }] }, { json: true });
    expect(res.body.ok).toBe(true);
    expect(c.messages[0]?.blocks).toEqual([{ type: 'divider' }]);
  });

  it('answers 429 with Retry-After for a queued rate-limit fault, then recovers', async () => {
    const c = fake.addChannel('inc-rl');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    fake.failNext('*', { error: 'internal_error' });
    const limited = await api(fake, 'chat.postMessage', { channel: c.id, text: 'a' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.body).toEqual({ ok: false, error: 'ratelimited' });
    expect(c.messages).toHaveLength(0); // a faulted call changes nothing

    expect((await api(fake, 'auth.test')).body).toEqual({ ok: false, error: 'internal_error' }); // '*' fault
    expect((await api(fake, 'chat.postMessage', { channel: c.id, text: 'b' })).status).toBe(200);
    expect(c.messages.map((m) => m.text)).toEqual(['b']);
    expect(fake.callsTo('chat.postMessage').map((x) => [x.ok, x.error])).toEqual([
      [false, 'http_429'],
      [true, undefined],
    ]);
  });

  it('is down for every call until up()', async () => {
    fake.down();
    const a = await api(fake, 'auth.test');
    expect(a.status).toBe(503);
    fake.down({ status: 500 });
    expect((await api(fake, 'users.info', { user: 'U0ALICE001' })).status).toBe(500);
    fake.up();
    expect((await api(fake, 'auth.test')).body.ok).toBe(true);
    expect(fake.calls.map((x) => x.ok)).toEqual([false, false, true]);
  });

  it('hangs a call for hangMs, then drops the connection without applying it', async () => {
    const c = fake.addChannel('inc-hang');
    fake.failNext('chat.postMessage', { hangMs: 150 });
    const started = Date.now();
    await expect(api(fake, 'chat.postMessage', { channel: c.id, text: 'lost' })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(c.messages).toHaveLength(0);
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({ ok: false, error: 'hang' });
    // a client with a timeout gives up first; stop() does not wait for hung calls
    fake.failNext('auth.test', { hangMs: 60_000 });
    const timedOut = fetch(`${fake.url}auth.test`, { method: 'POST', signal: AbortSignal.timeout(100) });
    await expect(timedOut).rejects.toThrow();
  });

  it('adds latency to every answer', async () => {
    fake.setLatency(120);
    const started = Date.now();
    expect((await api(fake, 'auth.test')).body.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('runs the files.uploadV2 flow: getUploadURLExternal, multipart upload, completeUploadExternal', async () => {
    const c = fake.addChannel('inc-pm');
    const content = Buffer.from('# Postmortem\n\nDB down — 42 min\n');
    const url = await api(fake, 'files.getUploadURLExternal', { filename: 'postmortem.md', length: content.length });
    expect(url.body).toMatchObject({ ok: true, file_id: expect.stringMatching(/^F/) });
    expect(url.body.upload_url).toBe(`${fake.url.replace(/api\/$/, '')}upload/${url.body.file_id}`);

    const early = await api(fake, 'files.completeUploadExternal', { files: [{ id: url.body.file_id, title: 'PM' }], channel_id: c.id });
    expect(early.body.error).toBe('file_not_found'); // nothing uploaded yet

    const up = await uploadAsWebClient(url.body.upload_url, content);
    expect(up.status).toBe(200);
    expect(await up.text()).toBe(`OK - ${content.length}`);

    const done = await api(fake, 'files.completeUploadExternal', {
      files: [{ id: url.body.file_id, title: 'Postmortem INC-42' }],
      channel_id: c.id,
      initial_comment: 'Draft postmortem',
    });
    expect(done.body).toMatchObject({ ok: true, files: [{ id: url.body.file_id, title: 'Postmortem INC-42' }] });
    expect(fake.files).toEqual([
      expect.objectContaining({ filename: 'postmortem.md', title: 'Postmortem INC-42', content: content.toString(), channels: [c.id], initial_comment: 'Draft postmortem' }),
    ]);
    expect(fake.calls.map((x) => x.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal', 'upload', 'files.completeUploadExternal']);

    // a raw (non-multipart) upload body is accepted as well
    const raw = await api(fake, 'files.getUploadURLExternal', { filename: 'a.txt', length: 3 });
    expect((await fetch(raw.body.upload_url, { method: 'POST', body: 'abc' })).status).toBe(200);
    expect((await api(fake, 'files.completeUploadExternal', { files: [{ id: raw.body.file_id }] })).body.files[0].title).toBe('a.txt');
    expect(fake.files[1]).toMatchObject({ content: 'abc', channels: [] });
  });

  it('answers users.info with profile and time zone', async () => {
    const custom = await FakeSlack.start({ users: [{ id: 'U0KOLKATA1', name: 'ravi', real_name: 'Ravi K', tz: 'Asia/Kolkata' }] });
    try {
      const res = await api(custom, 'users.info', { user: 'U0KOLKATA1' });
      expect(res.body.user).toMatchObject({
        id: 'U0KOLKATA1',
        name: 'ravi',
        real_name: 'Ravi K',
        tz: 'Asia/Kolkata',
        tz_offset: 19800,
        profile: { display_name: 'ravi', real_name: 'Ravi K' },
      });
      expect((await api(custom, 'users.info', { user: 'U0NOBODY' })).body.error).toBe('user_not_found');
    } finally {
      await custom.stop();
    }
  });

  it('opens, publishes and updates views; a trigger_id works once', async () => {
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Declare' }, blocks: [{ type: 'divider' }] };
    const opened = await api(fake, 'views.open', { trigger_id: '1.2.abc', view: modal });
    expect(opened.body.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'modal', hash: expect.any(String) });
    expect((await api(fake, 'views.open', { trigger_id: '1.2.abc', view: modal })).body.error).toBe('exchanged_trigger_id');
    const next = { ...modal, title: { type: 'plain_text', text: 'Declared' } };
    expect((await api(fake, 'views.update', { view_id: opened.body.view.id, view: next })).body.ok).toBe(true);
    expect((await api(fake, 'views.update', { view_id: 'V0NOPE', view: next })).body.error).toBe('not_found');
    expect((await api(fake, 'views.publish', { user_id: 'U0ALICE001', view: { type: 'home', blocks: [] } })).body.ok).toBe(true);
    expect(fake.views.opened).toEqual([{ trigger_id: '1.2.abc', view: modal }]);
    expect(fake.views.published[0]?.user_id).toBe('U0ALICE001');
  });

  it('records every call in arrival order with method, decoded args, token and time', async () => {
    const before = Date.now();
    const c = fake.addChannel('inc-rec');
    await api(fake, 'chat.postMessage', { channel: c.id, text: 'hello world', unfurl_links: false });
    await api(fake, 'chat.postEphemeral', { channel: c.id, user: 'U0ALICE001', text: 'psst' });
    await fetch(fake.responseUrl('cmd1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'ack' }) });
    expect(fake.calls).toEqual([
      expect.objectContaining({ method: 'chat.postMessage', args: { channel: c.id, text: 'hello world', unfurl_links: 'false' }, token: TOKEN, ok: true }),
      expect.objectContaining({ method: 'chat.postEphemeral', ok: false, error: 'user_not_in_channel' }),
      expect.objectContaining({ method: 'response_url', args: { text: 'ack', response_id: 'cmd1' }, token: null, ok: true }),
    ]);
    expect(fake.calls[0]?.at).toBeGreaterThanOrEqual(before);
    expect(fake.callsTo('chat.postEphemeral')).toHaveLength(1);
  });
});
