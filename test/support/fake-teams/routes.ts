/**
 * The Bot Connector REST routes botframework-connector 4.23 calls (paths and verbs copied from
 * lib/connectorApi/operations/conversations.js and lib/teams/operations/teams.js), and the
 * Graph stand-in under /graph/v1.0. `classify` names the operation without touching state (so
 * faults can be injected first); `execute` answers it.
 */
import { graphCreateChannel, graphGetChannel, graphListChannels } from './graph';
import { channelOf, type TeamsState } from './state';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON
type Json = any;

/** What failNext() matches on. */
export type Op = 'create' | 'send' | 'reply' | 'update' | 'delete' | 'read' | 'graph' | 'unknown';

export interface Route {
  op: Op;
  /** The ConnectorClient / TeamsConnectorClient method name, or 'graph.<verb>'. */
  operation: string;
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
  channelId?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export function connectorError(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } };
}

/** `pathname` is as received (URL-encoded); each segment is decoded separately. */
export function classify(method: string, pathname: string): Route {
  const seg = pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
  const [root, a, b, c, d, e] = seg;
  const n = seg.length;
  const unknown: Route = { op: 'unknown', operation: 'unknown' };
  if (root === 'graph' && a === 'v1.0' && b === 'teams' && c !== undefined && d === 'channels') {
    if (n === 5 && method === 'POST') return { op: 'graph', operation: 'graph.createChannel', teamId: c };
    if (n === 5 && method === 'GET') return { op: 'graph', operation: 'graph.listChannels', teamId: c };
    if (n === 6 && method === 'GET' && e !== undefined) return { op: 'graph', operation: 'graph.getChannel', teamId: c, channelId: e };
    return { ...unknown, op: 'graph' };
  }
  if (root !== 'v3') return unknown;
  if (a === 'teams' && b !== undefined && method === 'GET') {
    if (n === 3) return { op: 'read', operation: 'fetchTeamDetails', teamId: b };
    if (n === 4 && c === 'conversations') return { op: 'read', operation: 'fetchChannelList', teamId: b };
    return unknown;
  }
  if (a !== 'conversations') return unknown;
  if (n === 2) {
    if (method === 'POST') return { op: 'create', operation: 'createConversation' };
    if (method === 'GET') return { op: 'read', operation: 'getConversations' };
    return unknown;
  }
  const conversationId = b;
  if (conversationId === undefined || conversationId === '') return unknown;
  if (c === 'activities') {
    if (n === 4 && method === 'POST') return { op: 'send', operation: 'sendToConversation', conversationId };
    const activityId = d;
    if (activityId === undefined || activityId === '') return unknown;
    const r = { conversationId, activityId };
    if (n === 5 && method === 'POST') return { op: 'reply', operation: 'replyToActivity', ...r };
    if (n === 5 && method === 'PUT') return { op: 'update', operation: 'updateActivity', ...r };
    if (n === 5 && method === 'DELETE') return { op: 'delete', operation: 'deleteActivity', ...r };
    if (n === 6 && e === 'members' && method === 'GET') return { op: 'read', operation: 'getActivityMembers', ...r };
    return unknown;
  }
  if (c === 'members' && method === 'GET') {
    if (n === 4) return { op: 'read', operation: 'getConversationMembers', conversationId };
    if (n === 5 && d !== undefined) return { op: 'read', operation: 'getConversationMember', conversationId, memberId: d };
  }
  if (c === 'pagedmembers' && n === 4 && method === 'GET') return { op: 'read', operation: 'getConversationPagedMembers', conversationId };
  return unknown;
}

export function execute(state: TeamsState, route: Route, body: Json, serviceUrl: string): Reply {
  const cid = route.conversationId ?? '';
  const aid = route.activityId ?? '';
  switch (route.operation) {
    case 'createConversation':
      return createConversation(state, body, serviceUrl);
    case 'sendToConversation':
      if (!isActivity(body)) return connectorError(400, 'BadArgument', 'Activity body required');
      return { status: 201, body: { id: state.record(cid, 'send', body).id } };
    case 'replyToActivity':
      // Teams does not check replyToId (botbuilder sends proactive messages as replies to a made-up id).
      if (!isActivity(body)) return connectorError(400, 'BadArgument', 'Activity body required');
      return { status: 201, body: { id: state.record(cid, 'reply', body, aid).id } };
    case 'updateActivity': {
      const rec = state.findActivity(cid, aid);
      if (!rec) return connectorError(404, 'ActivityNotFound', `Activity ${aid} not found in conversation ${cid}`);
      if (!isActivity(body)) return connectorError(400, 'BadArgument', 'Activity body required');
      rec.updates.push(body);
      return { status: 200, body: { id: rec.id } };
    }
    case 'deleteActivity': {
      const rec = state.findActivity(cid, aid);
      if (!rec) return connectorError(404, 'ActivityNotFound', `Activity ${aid} not found in conversation ${cid}`);
      rec.deleted = true;
      return { status: 200 };
    }
    case 'getConversationMembers':
    case 'getActivityMembers':
      return { status: 200, body: state.members.map((m) => state.memberJson(m)) };
    case 'getConversationPagedMembers':
      return { status: 200, body: { members: state.members.map((m) => state.memberJson(m)) } };
    case 'getConversationMember': {
      const m = state.member(route.memberId ?? '');
      if (!m) return connectorError(404, 'MemberNotFoundInConversation', 'The member could not be found in the conversation');
      return { status: 200, body: state.memberJson(m) };
    }
    case 'getConversations':
      return { status: 200, body: { conversations: conversationsSeen(state) } };
    case 'fetchTeamDetails':
    case 'fetchChannelList': {
      const team = state.teamByThreadId(route.teamId ?? '');
      if (!team) return connectorError(404, 'NotFound', `Team ${route.teamId} not found`);
      const channels = state.channels.filter((ch) => ch.teamId === team.aadGroupId);
      if (route.operation === 'fetchTeamDetails') {
        const details = { id: team.id, name: team.name, aadGroupId: team.aadGroupId, type: 'standard' };
        return { status: 200, body: { ...details, channelCount: channels.length, memberCount: state.members.length } };
      }
      // Teams leaves the General channel's name out.
      const list = channels.map((ch) => (ch.id === team.id ? { id: ch.id } : { id: ch.id, name: ch.displayName }));
      return { status: 200, body: { conversations: list } };
    }
    case 'graph.createChannel':
      return graphCreateChannel(state, route.teamId ?? '', body);
    case 'graph.listChannels':
      return graphListChannels(state, route.teamId ?? '');
    case 'graph.getChannel':
      return graphGetChannel(state, route.teamId ?? '', route.channelId ?? '');
    default:
      return connectorError(404, 'NotFound', 'No such Bot Connector operation');
  }
}

/**
 * POST /v3/conversations. With channelData.channel.id a new thread is started in that channel:
 * its `activity` becomes the root and the id is '<channelId>;messageid=<rootId>'. Otherwise a
 * 1:1 conversation 'a:1…' (activityId only when an activity was given).
 */
function createConversation(state: TeamsState, body: Json, serviceUrl: string): Reply {
  if (typeof body !== 'object' || body === null) return connectorError(400, 'BadArgument', 'ConversationParameters required');
  const channelId: unknown = body.channelData?.channel?.id;
  if (typeof channelId === 'string' && channelId !== '') {
    if (!isActivity(body.activity)) return connectorError(400, 'BadArgument', 'An activity is required to start a thread in a channel');
    const activityId = state.nextActivityId();
    const id = `${channelOf(channelId)};messageid=${activityId}`;
    state.activities.push({ id: activityId, conversationId: id, via: 'create', activity: body.activity, updates: [], deleted: false });
    state.conversationsCreated.push({ id, activityId, request: body });
    return { status: 201, body: { id, activityId, serviceUrl } };
  }
  const members: unknown = body.members;
  if (!Array.isArray(members) || members.length === 0) {
    return connectorError(400, 'BadArgument', 'members (or channelData.channel.id) required');
  }
  const id = state.newPersonalConversationId();
  const created: { id: string; activityId?: string; request: Json } = { id, request: body };
  if (isActivity(body.activity)) {
    const rec = state.record(id, 'create', body.activity);
    created.activityId = rec.id;
  }
  state.conversationsCreated.push(created);
  return { status: 201, body: { id, activityId: created.activityId, serviceUrl } };
}

function conversationsSeen(state: TeamsState): { id: string }[] {
  const ids = new Set(state.activities.map((a) => a.conversationId));
  for (const c of state.conversationsCreated) ids.add(c.id);
  return [...ids].map((id) => ({ id }));
}

function isActivity(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
