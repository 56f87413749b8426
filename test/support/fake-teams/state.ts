/**
 * What the fake Bot Connector / Graph remembers: activities the bot sent (with later updates),
 * conversations it created, channels created through Graph, the roster and the teams.
 * Ids look like Teams': activity ids are epoch-millisecond strings (strictly increasing),
 * channel ids `19:<hex>@thread.tacv2`, a new channel thread `<channelId>;messageid=<rootId>`,
 * a 1:1 conversation `a:1<base64url>`.
 */
import { randomBytes } from 'node:crypto';
import { TEAM, TENANT_ID, USERS } from './activities';

// biome-ignore lint/suspicious/noExplicitAny: activities are JSON as botbuilder sent them
type Json = any;

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

export interface FakeTeam {
  /** Bot Framework team id = the General channel's id, e.g. '19:…@thread.tacv2'. */
  id: string;
  name: string;
  /** The Microsoft 365 group id: what Graph calls the team id. */
  aadGroupId: string;
  /** Channels besides General. */
  channels?: { id: string; displayName: string }[];
}

export interface FakeTeamsOptions {
  /** Roster answered by the /members endpoints (every conversation has the same roster). */
  members?: FakeMember[];
  teams?: FakeTeam[];
  tenantId?: string;
}

export interface ActivityRecord {
  id: string;
  /** As sent (decoded); a thread is '<channelId>;messageid=<rootId>'. */
  conversationId: string;
  /** From the reply path. NB: botbuilder's TurnContext always replies, even proactively (see server.ts). */
  replyToId?: string;
  /** How it arrived: sendToConversation, replyToActivity, or the `activity` of createConversation. */
  via: 'send' | 'reply' | 'create';
  activity: Json;
  /** Bodies of later PUTs, oldest first. */
  updates: Json[];
  deleted: boolean;
}

export interface FakeChannel {
  id: string;
  /** The Graph team id (group id) it was created under. */
  teamId: string;
  displayName: string;
  description?: string;
  membershipType: string;
  webUrl: string;
}

export class TeamsState {
  readonly activities: ActivityRecord[] = [];
  readonly conversationsCreated: { id: string; activityId?: string; request: Json }[] = [];
  readonly channelsCreated: FakeChannel[] = [];
  /** Every channel, General included; `teamId` is the Graph (group) id. */
  readonly channels: FakeChannel[] = [];
  readonly members: FakeMember[];
  readonly teams: FakeTeam[];
  readonly tenantId: string;
  graphDenied = false;
  private lastActivityId = 0;

  constructor(opts: FakeTeamsOptions = {}) {
    this.tenantId = opts.tenantId ?? TENANT_ID;
    this.members = (opts.members ?? Object.values(USERS)).map((m) => ({ ...m }));
    this.teams = opts.teams ?? [{ ...TEAM }];
    for (const team of this.teams) {
      this.channels.push(this.channel(team.aadGroupId, team.id, 'General'));
      for (const c of team.channels ?? []) this.channels.push(this.channel(team.aadGroupId, c.id, c.displayName));
    }
  }

  /** Epoch-ms string, strictly greater than every id handed out before. */
  nextActivityId(): string {
    this.lastActivityId = Math.max(Date.now(), this.lastActivityId + 1);
    return String(this.lastActivityId);
  }

  newChannelId(): string {
    return `19:${randomBytes(16).toString('hex')}@thread.tacv2`;
  }

  newPersonalConversationId(): string {
    return `a:1${randomBytes(24).toString('base64url')}`;
  }

  record(conversationId: string, via: ActivityRecord['via'], activity: Json, replyToId?: string): ActivityRecord {
    const rec: ActivityRecord = { id: this.nextActivityId(), conversationId, via, activity, updates: [], deleted: false };
    if (replyToId !== undefined) rec.replyToId = replyToId;
    this.activities.push(rec);
    return rec;
  }

  /** An activity of this conversation; a thread and its channel count as the same conversation. */
  findActivity(conversationId: string, activityId: string): ActivityRecord | undefined {
    const base = channelOf(conversationId);
    return this.activities.find((a) => a.id === activityId && channelOf(a.conversationId) === base && !a.deleted);
  }

  /** Exact conversation, or — for a channel id without ';messageid=' — the channel and all its threads. */
  activitiesIn(conversationId?: string): ActivityRecord[] {
    if (conversationId === undefined) return [...this.activities];
    const wholeChannel = !conversationId.includes(';');
    return this.activities.filter((a) =>
      wholeChannel ? channelOf(a.conversationId) === conversationId : a.conversationId === conversationId,
    );
  }

  member(idOrAadOrUpn: string): FakeMember | undefined {
    const wanted = idOrAadOrUpn.toLowerCase();
    return this.members.find((m) =>
      [m.id, m.aadObjectId, m.userPrincipalName].some((v) => v !== undefined && v.toLowerCase() === wanted),
    );
  }

  /** The member as the Connector's /members endpoints answer (objectId and aadObjectId both set). */
  memberJson(m: FakeMember): Json {
    const [givenName, ...rest] = m.name.split(' ');
    const upn = m.userPrincipalName ?? m.email ?? `${m.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@contoso.example`;
    return {
      id: m.id,
      name: m.name,
      aadObjectId: m.aadObjectId,
      objectId: m.aadObjectId,
      givenName,
      surname: rest.join(' ') || undefined,
      email: m.email ?? upn,
      userPrincipalName: upn,
      tenantId: this.tenantId,
      userRole: 'user',
    };
  }

  teamByThreadId(teamId: string): FakeTeam | undefined {
    return this.teams.find((t) => t.id === teamId);
  }

  channel(teamGroupId: string, id: string, displayName: string, description?: string, membershipType = 'standard'): FakeChannel {
    const webUrl =
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(id)}/${encodeURIComponent(displayName)}` +
      `?groupId=${teamGroupId}&tenantId=${this.tenantId}`;
    const c: FakeChannel = { id, teamId: teamGroupId, displayName, membershipType, webUrl };
    if (description !== undefined) c.description = description;
    return c;
  }
}

/** '19:x@thread.tacv2;messageid=123' → '19:x@thread.tacv2'. */
export function channelOf(conversationId: string): string {
  const i = conversationId.indexOf(';');
  return i < 0 ? conversationId : conversationId.slice(0, i);
}
