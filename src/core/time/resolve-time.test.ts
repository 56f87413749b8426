import { describe, it, expect, vi } from 'vitest';
import { displayZoneOf, resolveTime, type ResolveOptions } from './resolve-time';
import { readTimeSpec } from './time-spec';
import { caught } from '../../../test/support/refusal';

const LA = 'America/Los_Angeles';

interface Situation {
  authorZone?: string;
  mode?: ResolveOptions['mode'];
  now: string;
  reference?: string | undefined;
}

function resolve(text: string, opts: Situation): string {
  const { spec } = readTimeSpec(text.split(' '), 0);
  const now = new Date(opts.now);
  const reference = opts.reference === undefined ? now : new Date(opts.reference);
  return resolveTime(spec, { authorZone: opts.authorZone ?? LA, mode: opts.mode ?? 'nearest', now, reference }).toISOString();
}


const NOW = '2024-05-31T21:30:00Z';

describe('resolveTime: zones', () => {
  it.each([
    ['14:23', LA, '2024-05-31T21:23:00.000Z'],
    ['2:23 pm', LA, '2024-05-31T21:23:00.000Z'],
    ['14:23:05', LA, '2024-05-31T21:23:05.000Z'],
    ['21:23', 'UTC', '2024-05-31T21:23:00.000Z'],
    ['23:23', 'Europe/Paris', '2024-05-31T21:23:00.000Z'],
    ['13:23 PST', 'UTC', '2024-05-31T21:23:00.000Z'],
    ['14:23 PDT', 'UTC', '2024-05-31T21:23:00.000Z'],
    ['17:23 EDT', LA, '2024-05-31T21:23:00.000Z'],
    ['16:23 EST', LA, '2024-05-31T21:23:00.000Z'],
    ['22:23 CET', LA, '2024-05-31T21:23:00.000Z'],
    ['23:23 CEST', LA, '2024-05-31T21:23:00.000Z'],
    ['22:23 BST', LA, '2024-05-31T21:23:00.000Z'],
    ['21:23 GMT', LA, '2024-05-31T21:23:00.000Z'],
    ['21:23Z', LA, '2024-05-31T21:23:00.000Z'],
    ['13:23 UTC-8', LA, '2024-05-31T21:23:00.000Z'],
    ['17:23 America/New_York', LA, '2024-05-31T21:23:00.000Z'],
    ['23:23 europe/paris', LA, '2024-05-31T21:23:00.000Z'],
    ['06:00 Asia/Tokyo', LA, '2024-05-31T21:00:00.000Z'],
    ['2024-05-31 14:23', LA, '2024-05-31T21:23:00.000Z'],
    ['2024-05-31 14:23 America/Los_Angeles', 'UTC', '2024-05-31T21:23:00.000Z'],
    ['2024-01-15 14:23 America/Los_Angeles', 'UTC', '2024-01-15T22:23:00.000Z'],
    ['2024-01-15 14:23 PDT', 'UTC', '2024-01-15T21:23:00.000Z'],
    ['2024-05-31T14:23:00-07:00', 'UTC', '2024-05-31T21:23:00.000Z'],
    ['2024-05-31T21:31Z', 'UTC', '2024-05-31T21:31:00.000Z'],
  ])('"%s" typed in %s is %s', (text, authorZone, expected) => {
    expect(resolve(text, { authorZone, now: NOW })).toBe(expected);
  });
});

describe('resolveTime: choosing the day of a date-less time', () => {
  it.each<[string, string, string, string, ResolveOptions['mode'], string]>([
    ['14:31', LA, NOW, NOW, 'nearest', '2024-05-31T21:31:00.000Z'],
    ['14:35', LA, NOW, NOW, 'nearest', '2024-05-30T21:35:00.000Z'],
    ['14:35', LA, NOW, NOW, 'latest-past', '2024-05-30T21:35:00.000Z'],
    ['23:55', 'UTC', '2024-05-31T00:05:00Z', '2024-05-31T00:05:00Z', 'nearest', '2024-05-30T23:55:00.000Z'],
    ['00:03', 'UTC', '2024-05-31T00:05:00Z', '2024-05-31T00:05:00Z', 'nearest', '2024-05-31T00:03:00.000Z'],
    ['23:50', LA, '2024-06-01T07:10:00Z', '2024-06-01T07:10:00Z', 'latest-past', '2024-06-01T06:50:00.000Z'],
    ['00:10', 'UTC', '2024-05-31T00:30:00Z', '2024-05-30T23:58:00Z', 'nearest', '2024-05-31T00:10:00.000Z'],
    ['23:50', 'UTC', '2024-05-31T00:20:00Z', '2024-05-31T00:05:00Z', 'nearest', '2024-05-30T23:50:00.000Z'],
    ['13:00', LA, '2024-06-01T03:00:00Z', '2024-05-30T19:00:00Z', 'nearest', '2024-05-30T20:00:00.000Z'],
    ['13:00', LA, '2024-06-01T03:00:00Z', '2024-05-30T19:00:00Z', 'latest-past', '2024-05-31T20:00:00.000Z'],
    ['00:30 CET', 'UTC', '2024-05-31T00:00:00Z', '2024-05-31T00:00:00Z', 'nearest', '2024-05-30T23:30:00.000Z'],
  ])('"%s" in %s, now %s, reference %s, %s → %s', (text, authorZone, now, reference, mode, expected) => {
    expect(resolve(text, { authorZone, now, reference, mode })).toBe(expected);
  });
});

describe('resolveTime: daylight saving changes', () => {
  it.each([
    ['2024-03-10 01:59', LA, '2024-03-10T09:59:00.000Z'],
    ['2024-03-10 03:00', LA, '2024-03-10T10:00:00.000Z'],
    ['2024-11-03 01:30', LA, '2024-11-03T08:30:00.000Z'],
    ['2024-11-03 01:30 PST', LA, '2024-11-03T09:30:00.000Z'],
    ['2024-07-01 14:23 PST', LA, '2024-07-01T22:23:00.000Z'],
    ['2024-07-01 14:23 CET', LA, '2024-07-01T13:23:00.000Z'],
    ['2024-11-03 02:00', LA, '2024-11-03T10:00:00.000Z'],
    ['2024-03-31 01:59', 'Europe/Paris', '2024-03-31T00:59:00.000Z'],
    ['2024-03-31 03:00', 'Europe/Paris', '2024-03-31T01:00:00.000Z'],
    ['2024-10-27 02:30', 'Europe/Paris', '2024-10-27T00:30:00.000Z'],
    ['2024-10-27 02:30 CET', 'Europe/Paris', '2024-10-27T01:30:00.000Z'],
  ])('"%s" in %s is %s', (text, authorZone, expected) => {
    expect(resolve(text, { authorZone, now: '2024-12-01T00:00:00Z' })).toBe(expected);
  });

  it.each([
    ['02:30', LA, '2024-03-10T12:00:00Z', '2024-03-09T10:30:00.000Z'],
    ['02:30', 'Europe/Paris', '2024-03-31T12:00:00Z', '2024-03-30T01:30:00.000Z'],
    ['01:30', LA, '2024-11-03T12:00:00Z', '2024-11-03T08:30:00.000Z'],
    ['02:30', 'Europe/Paris', '2024-10-27T12:00:00Z', '2024-10-27T00:30:00.000Z'],
  ])('a date-less "%s" in %s with now %s skips the gap or takes the first occurrence', (text, authorZone, now, expected) => {
    expect(resolve(text, { authorZone, now })).toBe(expected);
  });

  it.each([
    ['2024-03-10 02:30', LA, '2024-03-10 02:30 does not exist in America/Los_Angeles'],
    ['2024-03-10 02:00', LA, '2024-03-10 02:00 does not exist in America/Los_Angeles'],
    ['2024-03-10 2:59:30 am', LA, '2024-03-10 02:59:30 does not exist in America/Los_Angeles'],
    ['2024-03-10 02:30 America/Los_Angeles', 'UTC', '2024-03-10 02:30 does not exist in America/Los_Angeles'],
    ['2024-03-31 02:30', 'Europe/Paris', '2024-03-31 02:30 does not exist in Europe/Paris'],
    ['2024-03-31 02:15:09 Europe/Paris', LA, '2024-03-31 02:15:09 does not exist in Europe/Paris'],
  ])('"%s" typed in %s falls in the gap', (text, authorZone, prefix) => {
    expect(caught(() => resolve(text, { authorZone, now: '2024-12-01T00:00:00Z' }))).toEqual({
      code: 'nonexistent_time',
      message: `${prefix} (clocks moved forward that night); use a time before or after the change`,
    });
  });
});

describe('resolveTime: independence from the host clock', () => {
  it.each(['2024-01-15T00:00:00Z', '2024-07-15T00:00:00Z'])('gives the same answers when the system clock says %s', (fake) => {
    vi.useFakeTimers({ now: new Date(fake) });
    try {
      expect(resolve('2024-11-03 01:30', { authorZone: LA, now: '2024-12-01T00:00:00Z' })).toBe('2024-11-03T08:30:00.000Z');
      expect(resolve('2024-10-27 02:30', { authorZone: 'Europe/Paris', now: '2024-12-01T00:00:00Z' })).toBe('2024-10-27T00:30:00.000Z');
      expect(resolve('14:23', { authorZone: LA, now: NOW })).toBe('2024-05-31T21:23:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('resolveTime: refusals', () => {
  const tail = 'is in the future; Sitrep records what has already happened';
  it.each<[string, string, string, string | undefined, string]>([
    ['2026-11-22T14:23:00Z', 'UTC', NOW, undefined, `14:23 UTC on 22 Nov 2026 ${tail}`],
    ['2026-11-22T14:23:00Z', LA, NOW, undefined, `06:23 PST on 22 Nov 2026 ${tail}`],
    ['2026-11-22T14:23:00Z Europe/Paris', LA, NOW, undefined, `15:23 CET on 22 Nov 2026 ${tail}`],
    ['2024-05-31T21:32Z', 'UTC', NOW, undefined, `21:32 UTC on 31 May 2024 ${tail}`],
    ['2024-05-31 14:35', LA, NOW, undefined, `14:35 PDT on 31 May 2024 ${tail}`],
    ['2024-06-01 10:00 PST', 'UTC', NOW, undefined, `10:00 PST on 1 Jun 2024 ${tail}`],
    ['2024-06-01 10:00 UTC+2', LA, NOW, undefined, `10:00 UTC+2 on 1 Jun 2024 ${tail}`],
    ['2024-06-01 10:00 GMT', LA, NOW, undefined, `10:00 UTC on 1 Jun 2024 ${tail}`],
    ['2024-06-01 10:00 Asia/Tokyo', LA, NOW, undefined, `10:00 GMT+9 on 1 Jun 2024 ${tail}`],
    ['12:00', 'UTC', NOW, '2024-06-05T00:00:00Z', `12:00 UTC on 4 Jun 2024 ${tail}`],
  ])('"%s" in %s with now %s', (text, authorZone, now, reference, message) => {
    expect(caught(() => resolve(text, { authorZone, now, reference }))).toEqual({ code: 'future_time', message });
  });

  it('refuses an author zone that is not a zone', () => {
    expect(caught(() => resolve('14:23', { authorZone: 'Mars/Olympus', now: NOW }))).toEqual({
      code: 'invalid_zone',
      message: '"Mars/Olympus" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC',
    });
  });
});

describe('displayZoneOf', () => {
  it.each([
    ['14:23', undefined],
    ['14:23 PST', LA],
    ['14:23 cest', 'Europe/Paris'],
    ['14:23 GMT', 'UTC'],
    ['14:23 UTC+2', 'Etc/GMT-2'],
    ['14:23 america/new_york', 'America/New_York'],
    ['2024-05-31T21:23Z', undefined],
    ['2024-05-31T21:23Z Europe/London', 'Europe/London'],
  ])('"%s" → %s', (text, expected) => {
    expect(displayZoneOf(readTimeSpec(text.split(' '), 0).spec)).toBe(expected);
  });
});
