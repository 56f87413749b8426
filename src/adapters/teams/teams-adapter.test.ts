import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../app/ports';
import { commandText } from './handlers/message';
import { channelOf, threadRootOf } from './teams-connector';
import { TeamsDirectory, zoneOf } from './teams-directory';
import { toPlatformError } from './teams-errors';
import { ConnectorHttpError, retryAfterMs } from './teams-http';
import { TeamsMemory } from './teams-memory';

const BOT = { id: '28:bot', name: 'Sitrep' };
const BOB = { id: '29:bob', name: 'Bob Baker' };

function activity(over: Partial<Activity>): Partial<Activity> {
  return { type: 'message', recipient: BOT, from: { id: '29:alice', name: 'Alice Archer' }, entities: [], ...over };
}

describe('Teams failures as the delivery worker sees them', () => {
  it('keeps Retry-After on a 429, retries 5xx, timeouts and network failures, and gives up on other 4xx', () => {
    expect(toPlatformError(new ConnectorHttpError(429, 'TooManyRequests', 3_000))).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterMs: 3_000 });
    expect(toPlatformError(new ConnectorHttpError(503, 'ServiceUnavailable'))).toMatchObject({ retryable: true });
    expect(toPlatformError(new ConnectorHttpError(0, 'timeout'))).toMatchObject({ code: 'timeout', retryable: true });
    expect(toPlatformError(new ConnectorHttpError(404, 'ActivityNotFound'))).toMatchObject({ code: 'http_404_ActivityNotFound', retryable: false });
    const already = new PlatformError('teams', 'x', false);
    expect(toPlatformError(already)).toBe(already);
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2_000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('Teams conversation ids', () => {
  it('tells a thread from its channel', () => {
    expect(channelOf('19:x@thread.tacv2;messageid=17')).toBe('19:x@thread.tacv2');
    expect(threadRootOf('19:x@thread.tacv2;messageid=17')).toBe('17');
    expect(threadRootOf('a:1abc')).toBeUndefined();
  });
});

describe('TeamsDirectory', () => {
  const directory = () => new TeamsDirectory(new TeamsMemory({ serviceUrl: 'http://127.0.0.1/' }), 'UTC');

  it('resolves an <at> name to the Teams user the activity mentions, only while its command runs', async () => {
    const d = directory();
    const a = activity({ entities: [{ type: 'mention', mentioned: BOT, text: '<at>Sitrep</at>' }, { type: 'mention', mentioned: BOB, text: '<at>Bob</at>' }] });
    expect(await d.withMentionsOf(a, () => d.lookup('teams', { id: 'Bob', name: 'Bob' }))).toEqual({ id: '29:bob', name: 'Bob Baker' });
    expect(await d.withMentionsOf(a, () => d.lookup('teams', { id: 'Sitrep', name: 'Sitrep' }))).toEqual({ id: 'Sitrep', name: 'Sitrep' });
    expect(await d.lookup('teams', { id: 'Bob', name: 'Bob' })).toEqual({ id: 'Bob', name: 'Bob' });
  });

  it('names the author by their display name, in the zone their client reports', () => {
    const d = directory();
    expect(d.actor(activity({ localTimezone: 'Europe/Paris' }))).toEqual({ id: '29:alice', name: 'Alice Archer', platform: 'teams', zone: 'Europe/Paris' });
    expect(zoneOf(activity({ entities: [{ type: 'clientInfo', timezone: 'Asia/Tokyo' }] }))).toBe('Asia/Tokyo');
    expect(d.actor(activity({ localTimezone: 'Not/AZone' })).zone).toBe('UTC');
  });
});

describe('commandText', () => {
  it('drops the bot\'s mention and keeps the others for the parser', () => {
    const a = activity({
      text: '<at>Sitrep</at> lead&nbsp;<at>Bob Baker</at>',
      entities: [{ type: 'mention', mentioned: BOT, text: '<at>Sitrep</at>' }, { type: 'mention', mentioned: BOB, text: '<at>Bob Baker</at>' }],
    });
    expect(commandText(a)).toBe('lead <at>Bob Baker</at>');
    expect(commandText(activity({ text: 'declare sev2 DB down' }))).toBe('declare sev2 DB down');
  });
});
