/**
 * Web API method handlers of the fake Slack: real argument names, answer shapes and error
 * codes (https://docs.slack.dev/reference/methods). Form-encoded args arrive as strings;
 * JSON-ish args (`blocks`, `view`, `files`, …) are already parsed by server.ts when valid.
 */
import { blockProblem, type FakeChannel, type FakeMessage, type SlackState } from './state';

export type Args = Record<string, unknown>;
export type Answer = { ok: boolean; error?: string; [key: string]: unknown };
export interface MethodContext {
  /** 'http://127.0.0.1:PORT/' — where upload URLs point. */
  origin: string;
}
type Handler = (s: SlackState, a: Args, ctx: MethodContext) => Answer;

const MAX_INVITE = 100;
const fail = (error: string, ...messages: string[]): Answer =>
  messages.length > 0 ? { ok: false, error, response_metadata: { messages } } : { ok: false, error };

function str(a: Args, key: string): string | undefined {
  const v = a[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
const bool = (a: Args, key: string): boolean => a[key] === true || a[key] === 'true' || a[key] === '1';
const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function channelById(s: SlackState, a: Args, key = 'channel'): FakeChannel | undefined {
  const c = s.channels.get(str(a, key) ?? '');
  return c && (!c.is_private || c.members.has(s.botUserId)) ? c : undefined;
}
function findMessage(c: FakeChannel, ts: string | undefined): FakeMessage | undefined {
  return ts === undefined ? undefined : c.messages.find((m) => m.ts === ts);
}

/** Parses `blocks` for chat.*: undefined when absent, an Answer on error. */
function messageBlocks(a: Args): unknown[] | undefined | Answer {
  if (a.blocks === undefined || a.blocks === '') return undefined;
  if (!Array.isArray(a.blocks)) return fail('invalid_blocks_format', 'blocks must be a JSON array');
  const problem = blockProblem(a.blocks, 50);
  return problem ? fail('invalid_blocks', problem) : a.blocks;
}
const isAnswer = (v: unknown): v is Answer => obj(v)?.ok === false;

function messageContent(a: Args): { text: string; blocks?: unknown[]; attachments?: unknown[] } | Answer {
  const blocks = messageBlocks(a);
  if (isAnswer(blocks)) return blocks;
  const text = str(a, 'text') ?? '';
  const attachments = Array.isArray(a.attachments) ? a.attachments : undefined;
  if (!text && !blocks && !attachments) return fail('no_text');
  if (text.length > 40_000) return fail('msg_too_long');
  return { text, ...(blocks ? { blocks } : {}), ...(attachments ? { attachments } : {}) };
}

function viewArg(a: Args, maxBlocks = 100): Record<string, unknown> | Answer {
  const view = obj(a.view);
  if (!view) return fail('invalid_arguments', 'missing required field: view');
  if (typeof view.type !== 'string') return fail('invalid_arguments', 'missing required field: type [json-pointer:/view]');
  const problem = blockProblem(view.blocks ?? [], maxBlocks);
  return problem ? fail('invalid_arguments', problem.replace('/blocks', '/view/blocks')) : view;
}

function storeView(s: SlackState, view: Record<string, unknown>, extra: { trigger_id?: string; user_id?: string }, id = s.nextId('V')): Answer {
  const hash = `${Math.floor(Date.now() / 1000)}.${s.nextId('h').slice(-8).toLowerCase()}`;
  const external_id = typeof view.external_id === 'string' ? view.external_id : undefined;
  s.views.byId.set(id, { id, type: String(view.type), view, hash, ...(external_id ? { external_id } : {}), ...extra });
  const json = { id, team_id: s.teamId, state: { values: {} }, hash, root_view_id: id, app_id: s.appId, bot_id: s.botId, ...view };
  return { ok: true, view: json };
}

const CHANNEL_NAME = /^[a-z0-9_-]+$/;

export const methods: Record<string, Handler> = {
  'auth.test': (s) => ({
    ok: true,
    url: 'https://fake.slack.test/',
    team: s.teamName,
    user: 'sitrep',
    team_id: s.teamId,
    user_id: s.botUserId,
    bot_id: s.botId,
    is_enterprise_install: false,
  }),

  'conversations.create': (s, a) => {
    const name = str(a, 'name') ?? '';
    if (!name) return fail('invalid_name_required');
    if (name.length > 80) return fail('invalid_name_maxlength');
    if (!CHANNEL_NAME.test(name)) return fail('invalid_name_specials');
    if (/^[-_]+$/.test(name)) return fail('invalid_name_punctuation');
    if (s.channelByName(name)) return fail('name_taken');
    return { ok: true, channel: s.channelJson(s.addChannel(name, { is_private: bool(a, 'is_private') })) };
  },

  'conversations.invite': (s, a) => {
    const c = channelById(s, a);
    if (!c) return fail('channel_not_found');
    const users = [...new Set((str(a, 'users') ?? '').split(',').map((u) => u.trim()).filter(Boolean))];
    if (users.length === 0) return fail('no_user');
    if (users.length > MAX_INVITE) return fail('too_many_users');
    if (users.includes(s.botUserId)) return fail('cant_invite_self');
    const unknown = users.find((u) => !s.users.has(u));
    if (unknown) return { ...fail('user_not_found'), errors: [{ user: unknown, ok: false, error: 'user_not_found' }] };
    const fresh = users.filter((u) => !c.members.has(u));
    if (fresh.length === 0) return fail('already_in_channel');
    for (const u of fresh) c.members.add(u);
    return { ok: true, channel: s.channelJson(c) };
  },

  'conversations.setTopic': (s, a) => {
    const c = channelById(s, a);
    if (!c) return fail('channel_not_found');
    const topic = str(a, 'topic') ?? '';
    if ([...topic].length > 250) return fail('too_long');
    c.topic = topic;
    return { ok: true, channel: s.channelJson(c) };
  },

  'conversations.info': (s, a) => {
    const c = channelById(s, a);
    return c ? { ok: true, channel: s.channelJson(c) } : fail('channel_not_found');
  },

  'chat.postMessage': (s, a) => {
    const c = s.resolveChannel(str(a, 'channel') ?? '');
    if (!c) return fail('channel_not_found');
    const content = messageContent(a);
    if (isAnswer(content)) return content;
    const thread_ts = str(a, 'thread_ts');
    const message: FakeMessage = {
      type: 'message',
      ts: s.nextTs(),
      channel: c.id,
      user: s.botUserId,
      bot_id: s.botId,
      ...content,
      ...(thread_ts ? { thread_ts } : {}),
      ...(a.metadata !== undefined ? { metadata: a.metadata } : {}),
      history: [],
      reactions: new Map(),
    };
    c.messages.push(message);
    return { ok: true, channel: c.id, ts: message.ts, message: s.messageJson(message) };
  },

  'chat.update': (s, a) => {
    const c = s.resolveChannel(str(a, 'channel') ?? '');
    if (!c) return fail('channel_not_found');
    const m = findMessage(c, str(a, 'ts'));
    if (!m) return fail('message_not_found');
    if (m.user !== s.botUserId) return fail('cant_update_message');
    const blocks = messageBlocks(a);
    if (isAnswer(blocks)) return blocks;
    const text = str(a, 'text');
    if (text === undefined && blocks === undefined && a.attachments === undefined) return fail('no_text');
    m.history.push({ text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
    if (text !== undefined) m.text = text;
    if (blocks !== undefined) m.blocks = blocks;
    if (Array.isArray(a.attachments)) m.attachments = a.attachments;
    m.edited = { user: s.botUserId, ts: s.nextTs() };
    return { ok: true, channel: c.id, ts: m.ts, text: m.text, message: s.messageJson(m) };
  },

  'chat.postEphemeral': (s, a) => {
    const c = s.resolveChannel(str(a, 'channel') ?? '');
    if (!c) return fail('channel_not_found');
    const user = str(a, 'user') ?? '';
    if (!s.users.has(user)) return fail('user_not_found');
    if (!c.members.has(user)) return fail('user_not_in_channel');
    const content = messageContent(a);
    if (isAnswer(content)) return content;
    const thread_ts = str(a, 'thread_ts');
    const ts = s.nextTs();
    c.ephemerals.push({ user, ts, text: content.text, ...(content.blocks ? { blocks: content.blocks } : {}), ...(thread_ts ? { thread_ts } : {}) });
    return { ok: true, message_ts: ts };
  },

  'chat.getPermalink': (s, a) => {
    const c = s.resolveChannel(str(a, 'channel') ?? '');
    if (!c) return fail('channel_not_found');
    const m = findMessage(c, str(a, 'message_ts'));
    if (!m) return fail('message_not_found');
    const thread = m.thread_ts ? `?thread_ts=${m.thread_ts}&cid=${c.id}` : '';
    return { ok: true, channel: c.id, permalink: `https://fake.slack.test/archives/${c.id}/p${m.ts.replace('.', '')}${thread}` };
  },

  'pins.add': (s, a) => {
    const c = channelById(s, a);
    if (!c) return fail('channel_not_found');
    const ts = str(a, 'timestamp');
    if (!ts) return fail('no_item_specified');
    if (!findMessage(c, ts)) return fail('message_not_found');
    if (c.pins.has(ts)) return fail('already_pinned');
    c.pins.add(ts);
    return { ok: true };
  },

  'pins.remove': (s, a) => {
    const c = channelById(s, a);
    if (!c) return fail('channel_not_found');
    const ts = str(a, 'timestamp');
    if (!ts) return fail('no_item_specified');
    if (!findMessage(c, ts)) return fail('message_not_found');
    if (!c.pins.delete(ts)) return fail('not_pinned');
    return { ok: true };
  },

  'reactions.add': (s, a) => {
    const c = channelById(s, a);
    if (!c) return fail('channel_not_found');
    const m = findMessage(c, str(a, 'timestamp'));
    if (!m) return fail('message_not_found');
    const name = (str(a, 'name') ?? '').replace(/^:|:$/g, '');
    if (!name) return fail('invalid_name');
    const users = m.reactions.get(name) ?? new Set<string>();
    if (users.has(s.botUserId)) return fail('already_reacted');
    m.reactions.set(name, users.add(s.botUserId));
    return { ok: true };
  },

  'users.info': (s, a) => {
    const u = s.users.get(str(a, 'user') ?? '');
    return u ? { ok: true, user: s.userJson(u) } : fail('user_not_found');
  },

  'views.open': (s, a) => {
    const trigger_id = str(a, 'trigger_id');
    if (!trigger_id) return fail('invalid_arguments', 'invalid `trigger_id`');
    if (s.usedTriggers.has(trigger_id)) return fail('exchanged_trigger_id');
    const view = viewArg(a);
    if (isAnswer(view)) return view;
    s.usedTriggers.add(trigger_id);
    s.views.opened.push({ trigger_id, view });
    return storeView(s, view, { trigger_id });
  },

  'views.publish': (s, a) => {
    const user_id = str(a, 'user_id') ?? '';
    if (!s.users.has(user_id)) return fail('invalid_arguments', 'invalid `user_id`');
    const view = viewArg(a);
    if (isAnswer(view)) return view;
    if (view.type !== 'home') return fail('invalid_arguments', 'view type must be home');
    s.views.published.push({ user_id, view });
    return storeView(s, view, { user_id });
  },

  'views.update': (s, a) => {
    const id = str(a, 'view_id');
    const external = str(a, 'external_id');
    const current = id ? s.views.byId.get(id) : [...s.views.byId.values()].find((v) => external && v.external_id === external);
    if (!current) return fail('not_found');
    const hash = str(a, 'hash');
    if (hash && hash !== current.hash) return fail('hash_conflict');
    const view = viewArg(a);
    if (isAnswer(view)) return view;
    s.views.updated.push({ view_id: current.id, view });
    const { id: _id, view: _v, hash: _h, type: _t, ...extra } = current;
    return storeView(s, view, extra, current.id);
  },

  'files.getUploadURLExternal': (s, a, ctx) => {
    const filename = str(a, 'filename');
    const length = Number(str(a, 'length'));
    if (!filename || !Number.isInteger(length) || length < 1) return fail('invalid_arguments');
    const id = s.nextId('F');
    const alt_text = str(a, 'alt_text');
    const snippet_type = str(a, 'snippet_type');
    s.uploads.set(id, { id, filename, length, ...(alt_text ? { alt_text } : {}), ...(snippet_type ? { snippet_type } : {}) });
    return { ok: true, upload_url: `${ctx.origin}upload/${id}`, file_id: id };
  },

  'files.completeUploadExternal': (s, a) => {
    const list = Array.isArray(a.files) ? a.files.map(obj) : undefined;
    if (!list || list.length === 0 || list.some((f) => typeof f?.id !== 'string')) return fail('invalid_arguments');
    const channelId = str(a, 'channel_id');
    const channel = channelId ? s.resolveChannel(channelId) : undefined;
    if (channelId && !channel) return fail('invalid_channel');
    const pending = list.map((f) => s.uploads.get(String(f?.id)));
    if (pending.some((p) => !p?.bytes)) return fail('file_not_found');
    const initial_comment = str(a, 'initial_comment');
    const thread_ts = str(a, 'thread_ts');
    const out = list.map((f, i) => {
      const p = pending[i]!;
      const bytes = p.bytes!;
      const title = typeof f?.title === 'string' ? f.title : p.filename;
      s.uploads.delete(p.id);
      s.files.push({
        id: p.id,
        filename: p.filename,
        title,
        content: bytes.toString('utf8'),
        bytes,
        channels: channel ? [channel.id] : [],
        ...(initial_comment ? { initial_comment } : {}),
        ...(thread_ts ? { thread_ts } : {}),
        ...(p.alt_text ? { alt_text: p.alt_text } : {}),
      });
      return { id: p.id, title, name: p.filename, size: bytes.length };
    });
    return { ok: true, files: out };
  },

  'bookmarks.add': (s, a) => {
    const c = channelById(s, a, 'channel_id');
    if (!c) return fail('channel_not_found');
    const title = str(a, 'title');
    const type = str(a, 'type');
    const link = str(a, 'link');
    const emoji = str(a, 'emoji');
    if (!title || !type) return fail('invalid_arguments');
    if (type !== 'link') return fail('invalid_bookmark_type');
    if (!link || !/^https?:\/\//.test(link)) return fail('invalid_link');
    const bookmark = { id: s.nextId('Bk'), channel_id: c.id, title, type, link, ...(emoji ? { emoji } : {}) };
    c.bookmarks.push(bookmark);
    return { ok: true, bookmark };
  },
};
