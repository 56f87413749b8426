/**
 * In-memory workspace state of the fake Slack Web API: users, channels, messages, files and
 * views. Pure data and small helpers; the method handlers live in methods.ts and the HTTP
 * side in server.ts.
 */

export interface FakeUser {
  id: string;
  name: string;
  real_name: string;
  tz: string;
  /** Seconds east of UTC; computed from `tz` for the current date when omitted. */
  tz_offset?: number;
  display_name?: string;
  is_bot?: boolean;
}

export interface FakeMessage {
  type: 'message';
  ts: string;
  channel: string;
  user: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  thread_ts?: string;
  metadata?: unknown;
  /** Set by chat.update; the versions before each update are kept in `history`. */
  edited?: { user: string; ts: string };
  history: { text: string; blocks?: unknown[] }[];
  reactions: Map<string, Set<string>>;
}

export interface FakeEphemeral {
  user: string;
  text: string;
  blocks?: unknown[];
  ts: string;
  thread_ts?: string;
}

export interface FakeBookmark {
  id: string;
  channel_id: string;
  title: string;
  type: string;
  link?: string;
  emoji?: string;
}

export interface FakeChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  created: number;
  creator: string;
  topic: string;
  purpose: string;
  members: Set<string>;
  messages: FakeMessage[];
  ephemerals: FakeEphemeral[];
  /** Pinned message timestamps. */
  pins: Set<string>;
  bookmarks: FakeBookmark[];
}

export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  /** The uploaded bytes decoded as UTF-8 (see `bytes` for binary files). */
  content: string;
  bytes: Buffer;
  channels: string[];
  initial_comment?: string;
  thread_ts?: string;
  alt_text?: string;
}

export interface PendingUpload {
  id: string;
  filename: string;
  length: number;
  alt_text?: string;
  snippet_type?: string;
  bytes?: Buffer;
}

export interface FakeView {
  id: string;
  type: string;
  view: Record<string, unknown>;
  hash: string;
  external_id?: string;
  trigger_id?: string;
  user_id?: string;
}

export interface FakeViews {
  opened: { trigger_id: string; view: Record<string, unknown> }[];
  published: { user_id: string; view: Record<string, unknown> }[];
  updated: { view_id: string; view: Record<string, unknown> }[];
  /** Every view by id, in its latest version. */
  byId: Map<string, FakeView>;
}

export interface WorkspaceOptions {
  users?: FakeUser[];
  teamId?: string;
  teamName?: string;
  botUserId?: string;
  botId?: string;
}

export const DEFAULT_USERS: FakeUser[] = [
  { id: 'U0ALICE001', name: 'alice', real_name: 'Alice Ops', tz: 'Europe/Berlin' },
  { id: 'U0BOB00002', name: 'bob', real_name: 'Bob Oncall', tz: 'America/New_York' },
  { id: 'U0CAROL003', name: 'carol', real_name: 'Carol Comms', tz: 'Asia/Kolkata' },
];

/** Seconds east of UTC of `tz` at `at` (e.g. 'Asia/Kolkata' → 19800). */
export function tzOffsetSeconds(tz: string, at = new Date()): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
}

export class SlackState {
  readonly teamId: string;
  readonly teamName: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId = 'A0SITREP01';
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly files: FakeFile[] = [];
  readonly uploads = new Map<string, PendingUpload>();
  readonly views: FakeViews = { opened: [], published: [], updated: [], byId: new Map() };
  readonly usedTriggers = new Set<string>();
  private seq = 0;
  private micros = 1_700_000_000_000_000n;

  constructor(opts: WorkspaceOptions = {}) {
    this.teamId = opts.teamId ?? 'T0FAKETEAM';
    this.teamName = opts.teamName ?? 'Fake Workspace';
    this.botUserId = opts.botUserId ?? 'U0SITREPBOT';
    this.botId = opts.botId ?? 'B0SITREPBOT';
    for (const u of opts.users ?? DEFAULT_USERS) this.users.set(u.id, u);
    this.users.set(this.botUserId, { id: this.botUserId, name: 'sitrep', real_name: 'Sitrep', tz: 'UTC', is_bot: true });
  }

  /** A new id with Slack's shape: prefix + 10 upper-case alphanumerics. */
  nextId(prefix: string): string {
    this.seq += 1;
    return prefix + this.seq.toString(36).toUpperCase().padStart(10, '0');
  }

  /** Message timestamps: '1700000000.000100', '1700000000.000200', … strictly increasing. */
  nextTs(): string {
    this.micros += 100n;
    const s = this.micros.toString();
    return `${s.slice(0, -6)}.${s.slice(-6)}`;
  }

  channelByName(name: string): FakeChannel | undefined {
    const bare = name.replace(/^#/, '');
    for (const c of this.channels.values()) if (c.name === bare && !c.is_im) return c;
    return undefined;
  }

  /** Adds a channel directly (no API call recorded), e.g. an existing #incidents channel. */
  addChannel(name: string, opts: { is_private?: boolean; members?: string[]; botIsMember?: boolean } = {}): FakeChannel {
    const members = new Set(opts.members ?? []);
    if (opts.botIsMember !== false) members.add(this.botUserId);
    const channel: FakeChannel = {
      id: this.nextId('C'),
      name,
      is_private: opts.is_private ?? false,
      is_im: false,
      created: Math.floor(Date.now() / 1000),
      creator: this.botUserId,
      topic: '',
      purpose: '',
      members,
      messages: [],
      ephemerals: [],
      pins: new Set(),
      bookmarks: [],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /**
   * What chat.* methods accept as `channel`: an id, `#name`/`name`, or a user id (the bot's
   * DM with that user, opened on first use). Private channels the bot is not in are hidden.
   */
  resolveChannel(ref: string): FakeChannel | undefined {
    const found = this.channels.get(ref) ?? this.channelByName(ref) ?? this.dmWith(ref);
    if (found && found.is_private && !found.members.has(this.botUserId)) return undefined;
    return found;
  }

  private dmWith(userId: string): FakeChannel | undefined {
    if (!/^[UW]/.test(userId) || !this.users.has(userId) || userId === this.botUserId) return undefined;
    for (const c of this.channels.values()) if (c.is_im && c.members.has(userId)) return c;
    const dm = this.addChannel(userId, { is_private: true, members: [userId] });
    this.channels.delete(dm.id);
    dm.id = dm.id.replace(/^C/, 'D');
    dm.is_im = true;
    this.channels.set(dm.id, dm);
    return dm;
  }

  userJson(u: FakeUser): Record<string, unknown> {
    const display = u.display_name ?? u.name;
    return {
      id: u.id,
      team_id: this.teamId,
      name: u.name,
      deleted: false,
      real_name: u.real_name,
      tz: u.tz,
      tz_offset: u.tz_offset ?? tzOffsetSeconds(u.tz),
      is_bot: u.is_bot ?? false,
      profile: { display_name: display, display_name_normalized: display, real_name: u.real_name, real_name_normalized: u.real_name },
    };
  }

  channelJson(c: FakeChannel): Record<string, unknown> {
    return {
      id: c.id,
      name: c.name,
      name_normalized: c.name,
      is_channel: !c.is_private && !c.is_im,
      is_group: c.is_private && !c.is_im,
      is_im: c.is_im,
      is_private: c.is_private,
      is_archived: false,
      is_member: c.members.has(this.botUserId),
      created: c.created,
      creator: c.creator,
      topic: { value: c.topic, creator: c.topic ? this.botUserId : '', last_set: 0 },
      purpose: { value: c.purpose, creator: '', last_set: 0 },
      num_members: c.members.size,
    };
  }

  messageJson(m: FakeMessage): Record<string, unknown> {
    const { history: _h, reactions, channel: _c, ...rest } = m;
    const out: Record<string, unknown> = { ...rest, team: this.teamId, app_id: this.appId };
    if (reactions.size > 0) {
      out.reactions = [...reactions].map(([name, users]) => ({ name, users: [...users], count: users.size }));
    }
    return out;
  }
}

/** Checks Block Kit limits Slack enforces; returns the first problem or undefined. */
export function blockProblem(blocks: unknown, max: number): string | undefined {
  if (!Array.isArray(blocks)) return 'blocks must be an array';
  if (blocks.length > max) return `no more than ${max} items allowed [json-pointer:/blocks]`;
  const ids = new Set<string>();
  for (const [i, b] of blocks.entries()) {
    if (typeof b !== 'object' || b === null || typeof (b as { type?: unknown }).type !== 'string') {
      return `missing required field: type [json-pointer:/blocks/${i}]`;
    }
    const block = b as { type: string; block_id?: unknown; text?: { text?: unknown }; fields?: unknown };
    if (typeof block.block_id === 'string') {
      if (ids.has(block.block_id)) return `duplicate block_id [json-pointer:/blocks/${i}/block_id]`;
      ids.add(block.block_id);
    }
    const text = typeof block.text?.text === 'string' ? block.text.text : '';
    if (block.type === 'section') {
      if (text.length > 3000) return `must be less than 3001 characters [json-pointer:/blocks/${i}/text/text]`;
      if (Array.isArray(block.fields)) {
        if (block.fields.length > 10) return `no more than 10 items allowed [json-pointer:/blocks/${i}/fields]`;
        for (const [j, f] of block.fields.entries()) {
          const ft = (f as { text?: unknown } | null)?.text;
          if (typeof ft === 'string' && ft.length > 2000) {
            return `must be less than 2001 characters [json-pointer:/blocks/${i}/fields/${j}/text]`;
          }
        }
      }
    }
    if (block.type === 'header' && text.length > 150) {
      return `must be less than 151 characters [json-pointer:/blocks/${i}/text/text]`;
    }
  }
  return undefined;
}
