import { describe, it, expect } from 'vitest';
import { readTimeSpec, type TimeSpec, type ZoneHint } from './time-spec';
import { caught } from '../../../test/support/refusal';

function read(text: string): { spec: TimeSpec; next: number } {
  return readTimeSpec(text === '' ? [] : text.split(' '), 0);
}


function wall(hour: number, minute: number, second = 0, extra: Partial<Extract<TimeSpec, { kind: 'wall' }>> = {}): TimeSpec {
  return { kind: 'wall', hour, minute, second, ...extra };
}

const LA_PST: ZoneHint = { typed: 'PST', zone: 'UTC-8', displayZone: 'America/Los_Angeles' };
const MAY_31 = { year: 2024, month: 5, day: 31 };
const FORMS = 'use 14:23, 14:23 PST, 2024-05-31 14:23 America/Los_Angeles or an ISO 8601 time with offset';

describe('readTimeSpec: clock times', () => {
  it.each<[string, TimeSpec, number]>([
    ['14:23', wall(14, 23), 1],
    ['9:05', wall(9, 5), 1],
    ['00:00', wall(0, 0), 1],
    ['23:59:59', wall(23, 59, 59), 1],
    ['14:23:05 errors spike', wall(14, 23, 5), 1],
    ['2:23pm', wall(14, 23), 1],
    ['2:23PM', wall(14, 23), 1],
    ['2:23 pm', wall(14, 23), 2],
    ['2:23 PM images fail', wall(14, 23), 2],
    ['2:23:05pm', wall(14, 23, 5), 1],
    ['11am', wall(11, 0), 1],
    ['11 am', wall(11, 0), 2],
    ['11AM', wall(11, 0), 1],
    ['12am', wall(0, 0), 1],
    ['12:30 a.m.', wall(0, 30), 2],
    ['12pm', wall(12, 0), 1],
    ['12:45pm', wall(12, 45), 1],
    ['1:00 p.m.', wall(13, 0), 2],
  ])('"%s"', (text, spec, next) => {
    expect(read(text)).toEqual({ spec, next });
  });
});

describe('readTimeSpec: zone words', () => {
  it.each<[string, ZoneHint, number]>([
    ['14:23 PST', LA_PST, 2],
    ['14:23 pst errors', { ...LA_PST, typed: 'pst' }, 2],
    ['14:23 PDT', { typed: 'PDT', zone: 'UTC-7', displayZone: 'America/Los_Angeles' }, 2],
    ['14:23 MST', { typed: 'MST', zone: 'UTC-7', displayZone: 'America/Denver' }, 2],
    ['14:23 MDT', { typed: 'MDT', zone: 'UTC-6', displayZone: 'America/Denver' }, 2],
    ['14:23 CST', { typed: 'CST', zone: 'UTC-6', displayZone: 'America/Chicago' }, 2],
    ['14:23 CDT', { typed: 'CDT', zone: 'UTC-5', displayZone: 'America/Chicago' }, 2],
    ['14:23 EST', { typed: 'EST', zone: 'UTC-5', displayZone: 'America/New_York' }, 2],
    ['14:23 EDT', { typed: 'EDT', zone: 'UTC-4', displayZone: 'America/New_York' }, 2],
    ['14:23 CET', { typed: 'CET', zone: 'UTC+1', displayZone: 'Europe/Paris' }, 2],
    ['14:23 CEST', { typed: 'CEST', zone: 'UTC+2', displayZone: 'Europe/Paris' }, 2],
    ['14:23 BST', { typed: 'BST', zone: 'UTC+1', displayZone: 'Europe/London' }, 2],
    ['14:23 GMT', { typed: 'GMT', zone: 'UTC', displayZone: 'UTC' }, 2],
    ['14:23 UTC', { typed: 'UTC', zone: 'UTC', displayZone: 'UTC' }, 2],
    ['14:23 utc', { typed: 'utc', zone: 'UTC', displayZone: 'UTC' }, 2],
    ['14:23 Z', { typed: 'Z', zone: 'UTC', displayZone: 'UTC' }, 2],
    ['14:23Z', { typed: 'Z', zone: 'UTC', displayZone: 'UTC' }, 1],
    ['14:23 UTC-8', { typed: 'UTC-8', zone: 'UTC-8', displayZone: 'Etc/GMT+8' }, 2],
    ['14:23 UTC+2', { typed: 'UTC+2', zone: 'UTC+2', displayZone: 'Etc/GMT-2' }, 2],
    ['14:23 GMT+0', { typed: 'GMT+0', zone: 'UTC', displayZone: 'UTC' }, 2],
    ['14:23 America/Los_Angeles', { typed: 'America/Los_Angeles', zone: 'America/Los_Angeles', displayZone: 'America/Los_Angeles' }, 2],
    ['14:23 america/los_angeles x', { typed: 'america/los_angeles', zone: 'America/Los_Angeles', displayZone: 'America/Los_Angeles' }, 2],
    ['2:23 pm Europe/Paris', { typed: 'Europe/Paris', zone: 'Europe/Paris', displayZone: 'Europe/Paris' }, 3],
    ['11am EUROPE/LONDON', { typed: 'EUROPE/LONDON', zone: 'Europe/London', displayZone: 'Europe/London' }, 2],
    ['14:23 America/Argentina/Buenos_Aires', { typed: 'America/Argentina/Buenos_Aires', zone: 'America/Argentina/Buenos_Aires', displayZone: 'America/Argentina/Buenos_Aires' }, 2],
  ])('"%s"', (text, zone, next) => {
    const { spec, next: actualNext } = read(text);
    expect(spec.zone).toEqual(zone);
    expect(actualNext).toBe(next);
  });

  it.each([
    ['14:23 errors spike', 1],
    ['14:23 CI/CD broken', 1],
    ['14:23 api/gateway down', 1],
    ['14:23 Japan region down', 1],
    ['2:23 pm PSTs', 2],
  ])('leaves a word that is not a zone to the message: "%s"', (text, next) => {
    const result = read(text);
    expect(result.next).toBe(next);
    expect(result.spec.zone).toBeUndefined();
  });

  it('starts reading after "at" and stops before the message', () => {
    const tokens = ['declare', 'sev2', 'at', '2024-05-31', '14:23', 'America/Los_Angeles', 'Images', 'fail'];
    expect(readTimeSpec(tokens, 3)).toEqual({
      spec: wall(14, 23, 0, {
        date: MAY_31,
        zone: { typed: 'America/Los_Angeles', zone: 'America/Los_Angeles', displayZone: 'America/Los_Angeles' },
      }),
      next: 6,
    });
  });
});

describe('readTimeSpec: dates and ISO 8601', () => {
  it.each<[string, TimeSpec, number]>([
    ['2024-05-31 14:23', wall(14, 23, 0, { date: MAY_31 }), 2],
    ['2024-05-31 14:23 PST oops', wall(14, 23, 0, { date: MAY_31, zone: LA_PST }), 3],
    ['2024-5-31 2:23 pm PST', wall(14, 23, 0, { date: MAY_31, zone: LA_PST }), 4],
    ['2024-02-29 00:00', wall(0, 0, 0, { date: { year: 2024, month: 2, day: 29 } }), 2],
    ['2024-05-31T14:23', wall(14, 23, 0, { date: MAY_31 }), 1],
    ['2024-05-31T14:23:00-07:00', { kind: 'instant', instant: new Date('2024-05-31T21:23:00Z') }, 1],
    ['2024-05-31T21:23Z', { kind: 'instant', instant: new Date('2024-05-31T21:23:00Z') }, 1],
    ['2024-05-31t21:23z', { kind: 'instant', instant: new Date('2024-05-31T21:23:00Z') }, 1],
    ['2024-05-31T14:23-07 errors', { kind: 'instant', instant: new Date('2024-05-31T21:23:00Z') }, 1],
    ['2024-05-31T14:23:00.5+0530', { kind: 'instant', instant: new Date('2024-05-31T08:53:00.500Z') }, 1],
    ['2024-05-31T00:10:00+02:00', { kind: 'instant', instant: new Date('2024-05-30T22:10:00Z') }, 1],
    [
      '2024-05-31T21:23:00Z Europe/Paris',
      {
        kind: 'instant',
        instant: new Date('2024-05-31T21:23:00Z'),
        zone: { typed: 'Europe/Paris', zone: 'Europe/Paris', displayZone: 'Europe/Paris' },
      },
      2,
    ],
  ])('"%s"', (text, spec, next) => {
    expect(read(text)).toEqual({ spec, next });
  });
});

describe('readTimeSpec: refusals', () => {
  it.each<[string, string, string]>([
    ['', 'invalid_time', '"at" needs a time after it, e.g. "at 14:23"'],
    ['14:99', 'invalid_time', `"14:99" is not a time: ${FORMS}`],
    ['24:00', 'invalid_time', `"24:00" is not a time: ${FORMS}`],
    ['14:5', 'invalid_time', `"14:5" is not a time: ${FORMS}`],
    ['14:23:61', 'invalid_time', `"14:23:61" is not a time: ${FORMS}`],
    ['14', 'invalid_time', `"14" is not a time: ${FORMS}`],
    ['13pm', 'invalid_time', `"13pm" is not a time: ${FORMS}`],
    ['0am', 'invalid_time', `"0am" is not a time: ${FORMS}`],
    ['13:00 pm', 'invalid_time', `"13:00 pm" is not a time: ${FORMS}`],
    ['noon', 'invalid_time', `"noon" is not a time: ${FORMS}`],
    ['errors spike', 'invalid_time', `"errors" is not a time: ${FORMS}`],
    ['2024-05-31', 'invalid_time', '"2024-05-31" needs a time after it, e.g. "2024-05-31 14:23"'],
    ['2024-05-31 errors', 'invalid_time', '"2024-05-31" needs a time after it, e.g. "2024-05-31 14:23"'],
    ['2024-05-31 25:00', 'invalid_time', `"25:00" is not a time: ${FORMS}`],
    ['2024-02-30 14:23', 'invalid_time', '"2024-02-30" is not a date: use a real calendar date as YYYY-MM-DD, e.g. 2024-05-31'],
    ['2023-02-29 14:23', 'invalid_time', '"2023-02-29" is not a date: use a real calendar date as YYYY-MM-DD, e.g. 2024-05-31'],
    ['2024-13-01 14:23', 'invalid_time', '"2024-13-01" is not a date: use a real calendar date as YYYY-MM-DD, e.g. 2024-05-31'],
    ['2024-02-30T14:23Z', 'invalid_time', `"2024-02-30T14:23Z" is not a time: ${FORMS}`],
    ['2024-05-31T25:00Z', 'invalid_time', `"2024-05-31T25:00Z" is not a time: ${FORMS}`],
    ['2024-05-31T14:23+24:00', 'invalid_time', `"2024-05-31T14:23+24:00" is not a time: ${FORMS}`],
    ['14:23 Mars/Olympus', 'invalid_zone', '"Mars/Olympus" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC'],
    ['14:23 America/Los_Angles', 'invalid_zone', '"America/Los_Angles" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC'],
    ['14:23 europe/pariss', 'invalid_zone', '"europe/pariss" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC'],
    ['2024-05-31T21:23Z Mars/Olympus', 'invalid_zone', '"Mars/Olympus" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC'],
    ['14:23 UTC+5:30', 'invalid_zone', '"UTC+5:30" is not an offset Sitrep can show: use a whole-hour offset like UTC-8 or an IANA name like Asia/Kolkata'],
    ['14:23 UTC+15', 'invalid_zone', '"UTC+15" is not an offset Sitrep can show: use a whole-hour offset like UTC-8 or an IANA name like Asia/Kolkata'],
  ])('"%s" → %s', (text, code, message) => {
    expect(caught(() => read(text))).toEqual({ code, message });
  });

  it('needs a time when "at" ends the command', () => {
    expect(caught(() => readTimeSpec(['note', 'at'], 2))).toEqual({
      code: 'invalid_time',
      message: '"at" needs a time after it, e.g. "at 14:23"',
    });
  });
});
