/**
 * Incoming activities as Microsoft Teams posts them to the bot's `/api/messages`, for tests.
 * Plain JSON (no botbuilder import): POST them to the bot, or hand them to `adapter.process`.
 * Put the fake connector's `serviceUrl` in every one, so whatever the bot sends goes to it.
 *
 * Shapes follow Teams: a new channel post's conversation id is '<channelId>;messageid=<its id>'
 * (a thread rooted at it); a reply in a thread carries the root in the id and in `replyToId`;
 * the bot only sees channel / group-chat messages that @mention it, so those builders prepend
 * `<at>Sitrep</at> ` unless the text already has an `<at>` tag or `mention: false`.
 */

export const BOT_NAME = 'Sitrep';
/** Teams bot ids are '28:<Microsoft App Id>'. */
export const BOT_ID = '28:5e1f7e2d-57a2-4c55-9a0e-3c8b1d2f0b07';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** The team: its Bot Framework id is the General channel's id; Graph uses `aadGroupId`. */
export const TEAM = {
  id: '19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2',
  name: 'Operations',
  aadGroupId: '0f3c6a8e-2b1d-4e5f-9a7b-6c5d4e3f2a10',
};
/** A non-General channel of TEAM where incidents get declared. */
export const CHANNEL_ID = '19:0c0ffee0b0a74f0e8d1a2b3c4d5e6f70@thread.tacv2';
export const USERS = {
  alice: { id: '29:1aLiCeXyZ-0123456789abcdefGHIJ', name: 'Alice Archer', aadObjectId: '6a1f0c9e-8c3b-4b1e-a2d4-5f6e7d8c9b01' },
  bob: { id: '29:1bObXyZ-9876543210zyxwvuTSRQ', name: 'Bob Baker', aadObjectId: '7b2e1d0f-9d4c-4c2f-b3e5-6a7f8e9d0c12' },
};

export interface TeamsAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface TeamsActivity {
  type: string;
  id: string;
  timestamp: string;
  localTimestamp: string;
  channelId: 'msteams';
  serviceUrl: string;
  from: TeamsAccount;
  recipient: TeamsAccount;
  conversation: { id: string; isGroup?: boolean; conversationType: 'channel' | 'personal' | 'groupChat'; tenantId: string; name?: string };
  channelData: Record<string, unknown>;
  locale: string;
  text?: string;
  textFormat?: string;
  entities?: Record<string, unknown>[];
  attachments?: { contentType: string; content: unknown }[];
  replyToId?: string;
  value?: unknown;
  action?: 'add' | 'remove';
  membersAdded?: TeamsAccount[];
  membersRemoved?: TeamsAccount[];
}

interface Common {
  serviceUrl: string;
  from?: TeamsAccount;
  id?: string;
  tenantId?: string;
  /** Overrides the conversation id the builder would compute. */
  conversationId?: string;
}
export interface ChannelOpts extends Common {
  text: string;
  channelId?: string;
  teamId?: string;
  /** Root post id when this message is a reply inside an existing thread. */
  threadId?: string;
  mention?: boolean;
}
export interface ChatOpts extends Common {
  text: string;
  mention?: boolean;
}

let lastId = 0;
/** Teams message ids are epoch-millisecond strings. */
export function nextMessageId(): string {
  lastId = Math.max(Date.now(), lastId + 1);
  return String(lastId);
}

const bot = (): TeamsAccount => ({ id: BOT_ID, name: BOT_NAME });
const mentionTag = `<at>${BOT_NAME}</at>`;

function base(type: string, o: Common, conversation: TeamsActivity['conversation'], channelData: Record<string, unknown>): TeamsActivity {
  const now = new Date();
  return {
    type,
    id: o.id ?? nextMessageId(),
    timestamp: now.toISOString(),
    localTimestamp: now.toISOString().replace('Z', '+00:00'),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: o.from ?? USERS.alice,
    recipient: bot(),
    conversation,
    channelData: { ...channelData, tenant: { id: o.tenantId ?? TENANT_ID } },
    locale: 'en-US',
  };
}

function withText(a: TeamsActivity, text: string, mention: boolean): TeamsActivity {
  const full = mention && !text.includes('<at>') ? `${mentionTag} ${text}` : text;
  a.text = full;
  a.textFormat = 'plain';
  const html = full.replace(mentionTag, `<span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${BOT_NAME}</span>`);
  a.attachments = [{ contentType: 'text/html', content: `<p>${html}</p>` }];
  a.entities = [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/London' }];
  if (full.includes(mentionTag)) a.entities.unshift({ type: 'mention', mentioned: bot(), text: mentionTag });
  return a;
}

function channelConversation(o: Common & { channelId?: string; teamId?: string }, rootId: string) {
  const channelId = o.channelId ?? CHANNEL_ID;
  const teamId = o.teamId ?? TEAM.id;
  const conversation = {
    isGroup: true,
    conversationType: 'channel' as const,
    tenantId: o.tenantId ?? TENANT_ID,
    id: o.conversationId ?? `${channelId};messageid=${rootId}`,
  };
  const channelData = { teamsChannelId: channelId, teamsTeamId: teamId, channel: { id: channelId }, team: { id: teamId } };
  return { conversation, channelData };
}

/** An @mention of the bot in a team channel: a new post, or a reply in thread `threadId`. */
export function channelMessage(o: ChannelOpts): TeamsActivity {
  const id = o.id ?? nextMessageId();
  const { conversation, channelData } = channelConversation(o, o.threadId ?? id);
  const a = withText(base('message', { ...o, id }, conversation, channelData), o.text, o.mention !== false);
  if (o.threadId !== undefined) a.replyToId = o.threadId;
  return a;
}

/** A message in the 1:1 chat with the bot (no mention needed). */
export function personalMessage(o: ChatOpts): TeamsActivity {
  const conversation = {
    conversationType: 'personal' as const,
    tenantId: o.tenantId ?? TENANT_ID,
    id: o.conversationId ?? `a:1${Buffer.from((o.from ?? USERS.alice).id).toString('base64url')}`,
  };
  return withText(base('message', o, conversation, {}), o.text, o.mention === true);
}

/** An @mention of the bot in a group chat. */
export function groupChatMessage(o: ChatOpts): TeamsActivity {
  const conversation = {
    isGroup: true,
    conversationType: 'groupChat' as const,
    tenantId: o.tenantId ?? TENANT_ID,
    id: o.conversationId ?? '19:meeting_c0ffee00incidentchat@thread.v2',
  };
  return withText(base('message', o, conversation, {}), o.text, o.mention !== false);
}

/**
 * An Adaptive Card `Action.Submit`: a message with `value` and no text, `replyToId` = the card's
 * activity id. In a channel the card is assumed to be a thread root unless `threadId` says otherwise.
 */
export function cardSubmit(
  o: Common & { value: Record<string, unknown>; replyToId: string; scope?: 'channel' | 'personal' | 'groupChat'; channelId?: string; teamId?: string; threadId?: string },
): TeamsActivity {
  const scope = o.scope ?? 'channel';
  let a: TeamsActivity;
  if (scope === 'channel') {
    const { conversation, channelData } = channelConversation(o, o.threadId ?? o.replyToId);
    a = base('message', o, conversation, { ...channelData, source: { name: 'message' }, legacy: { replyToId: o.replyToId } });
  } else {
    const chat = scope === 'personal' ? personalMessage({ ...o, text: '' }) : groupChatMessage({ ...o, text: '' });
    a = base('message', o, chat.conversation, { source: { name: 'message' }, legacy: { replyToId: o.replyToId } });
  }
  a.replyToId = o.replyToId;
  a.value = o.value;
  return a;
}

interface TeamEventOpts extends Omit<Common, 'conversationId'> {
  team?: { id: string; name: string; aadGroupId: string };
}

/** The bot was installed in (action 'add') or removed from a team; conversation = General. */
export function installationUpdate(o: TeamEventOpts & { action?: 'add' | 'remove'; selectedChannelId?: string }): TeamsActivity {
  const team = o.team ?? TEAM;
  const conversation = { isGroup: true, conversationType: 'channel' as const, tenantId: o.tenantId ?? TENANT_ID, id: team.id };
  const channelData = { settings: { selectedChannel: { id: o.selectedChannelId ?? team.id } }, team, source: { name: 'message' } };
  const a = base('installationUpdate', o, conversation, channelData);
  a.action = o.action ?? 'add';
  return a;
}

/** conversationUpdate in a team; by default "the bot was added to the team" (eventType teamMemberAdded). */
export function conversationUpdate(
  o: TeamEventOpts & { membersAdded?: TeamsAccount[]; membersRemoved?: TeamsAccount[]; eventType?: string; channel?: { id: string; name?: string } },
): TeamsActivity {
  const team = o.team ?? TEAM;
  const conversation = { isGroup: true, conversationType: 'channel' as const, tenantId: o.tenantId ?? TENANT_ID, id: team.id };
  const channelData: Record<string, unknown> = { team, eventType: o.eventType ?? 'teamMemberAdded' };
  if (o.channel) channelData.channel = o.channel;
  const a = base('conversationUpdate', o, conversation, channelData);
  if (o.membersAdded ?? !o.membersRemoved) a.membersAdded = o.membersAdded ?? [{ id: BOT_ID }];
  if (o.membersRemoved) a.membersRemoved = o.membersRemoved;
  return a;
}
