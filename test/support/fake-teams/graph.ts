/**
 * Microsoft Graph stand-in for channels: POST/GET /graph/v1.0/teams/{team-id}/channels[/{id}].
 * Graph's team id is the Microsoft 365 group id (a GUID), not the Bot Framework '19:…' team id —
 * a '19:…' id (or anything that is not a GUID) is answered 404, to catch that mix-up.
 * Errors use Graph's body: { error: { code, message, innerError: { date, request-id } } }.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from './routes';
import type { FakeChannel, TeamsState } from './state';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary JSON
type Json = any;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMBERSHIP = ['standard', 'private', 'shared'];

export function graphError(status: number, code: string, message: string): Reply {
  const innerError = { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() };
  return { status, body: { error: { code, message, innerError } } };
}

function teamMissing(teamId: string): Reply | undefined {
  if (GUID.test(teamId)) return undefined;
  return graphError(404, 'NotFound', `No team found with Group Id ${teamId} (Graph wants the group id GUID)`);
}

function channelJson(c: FakeChannel): Json {
  return {
    id: c.id,
    createdDateTime: new Date().toISOString(),
    displayName: c.displayName,
    description: c.description ?? null,
    isFavoriteByDefault: null,
    email: '',
    webUrl: c.webUrl,
    membershipType: c.membershipType,
  };
}

export function graphCreateChannel(state: TeamsState, teamId: string, body: Json): Reply {
  if (state.graphDenied) {
    return graphError(403, 'Forbidden', "Missing role permissions on the request. API requires one of 'Channel.Create.Group, Channel.Create, Directory.ReadWrite.All, Group.ReadWrite.All, Teamwork.Migrate.All'.");
  }
  const missing = teamMissing(teamId);
  if (missing) return missing;
  const displayName: unknown = body?.displayName;
  if (typeof displayName !== 'string' || displayName.trim() === '') {
    return graphError(400, 'BadRequest', 'displayName is required');
  }
  if (displayName.length > 50) {
    return graphError(400, 'BadRequest', `Channel name must be 50 characters or less (got ${displayName.length})`);
  }
  const membershipType: unknown = body?.membershipType ?? 'standard';
  if (typeof membershipType !== 'string' || !MEMBERSHIP.includes(membershipType)) {
    return graphError(400, 'BadRequest', `Invalid membershipType '${String(membershipType)}'`);
  }
  const wanted = displayName.trim().toLowerCase();
  if (state.channels.some((c) => c.teamId === teamId && c.displayName.trim().toLowerCase() === wanted)) {
    return graphError(400, 'NameAlreadyExists', 'Channel name already existed, please use other name.');
  }
  const description = typeof body?.description === 'string' ? body.description : undefined;
  const channel = state.channel(teamId, state.newChannelId(), displayName, description, membershipType);
  state.channels.push(channel);
  state.channelsCreated.push(channel);
  return { status: 201, body: { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${teamId}')/channels/$entity`, ...channelJson(channel) } };
}

export function graphListChannels(state: TeamsState, teamId: string): Reply {
  if (state.graphDenied) return graphError(403, 'Forbidden', 'Missing role permissions on the request.');
  const missing = teamMissing(teamId);
  if (missing) return missing;
  const value = state.channels.filter((c) => c.teamId === teamId).map(channelJson);
  return { status: 200, body: { '@odata.count': value.length, value } };
}

export function graphGetChannel(state: TeamsState, teamId: string, channelId: string): Reply {
  if (state.graphDenied) return graphError(403, 'Forbidden', 'Missing role permissions on the request.');
  const missing = teamMissing(teamId);
  if (missing) return missing;
  const channel = state.channels.find((c) => c.teamId === teamId && c.id === channelId);
  return channel ? { status: 200, body: channelJson(channel) } : graphError(404, 'NotFound', `Channel ${channelId} not found`);
}
