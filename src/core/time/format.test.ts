import { describe, it, expect } from 'vitest';
import { caught } from '../../../test/support/refusal';
import {
  formatClock,
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  isValidZone,
  zoneAbbreviation,
} from './format';

const SUMMER = new Date('2024-05-31T21:23:00Z');
const WINTER = new Date('2024-01-15T21:23:00Z');


describe('zoneAbbreviation', () => {
  it.each([
    [SUMMER, 'America/Los_Angeles', 'PDT'],
    [WINTER, 'America/Los_Angeles', 'PST'],
    [SUMMER, 'America/New_York', 'EDT'],
    [WINTER, 'America/Chicago', 'CST'],
    [SUMMER, 'America/Denver', 'MDT'],
    [SUMMER, 'Europe/Paris', 'CEST'],
    [WINTER, 'Europe/Paris', 'CET'],
    [SUMMER, 'Europe/Berlin', 'CEST'],
    [SUMMER, 'Europe/London', 'BST'],
    [WINTER, 'Europe/London', 'GMT'],
    [SUMMER, 'UTC', 'UTC'],
    [SUMMER, 'Etc/UTC', 'UTC'],
    [SUMMER, 'Asia/Tokyo', 'GMT+9'],
    [SUMMER, 'Asia/Kolkata', 'GMT+5:30'],
    [WINTER, 'Australia/Sydney', 'GMT+11'],
    [SUMMER, 'Etc/GMT-2', 'GMT+2'],
    [SUMMER, 'UTC-8', 'UTC-8'],
    [SUMMER, 'europe/paris', 'CEST'],
  ])('%s in %s is %s', (at, zone, expected) => {
    expect(zoneAbbreviation(at, zone)).toBe(expected);
  });
});

describe('formatTime, formatDate and formatDateTime', () => {
  it.each([
    [SUMMER, 'America/Los_Angeles', '14:23 PDT', '31 May 2024', '31 May 2024, 14:23 PDT'],
    [WINTER, 'America/Los_Angeles', '13:23 PST', '15 Jan 2024', '15 Jan 2024, 13:23 PST'],
    [SUMMER, 'Europe/Paris', '23:23 CEST', '31 May 2024', '31 May 2024, 23:23 CEST'],
    [WINTER, 'Europe/London', '21:23 GMT', '15 Jan 2024', '15 Jan 2024, 21:23 GMT'],
    [SUMMER, 'Europe/London', '22:23 BST', '31 May 2024', '31 May 2024, 22:23 BST'],
    [SUMMER, 'UTC', '21:23 UTC', '31 May 2024', '31 May 2024, 21:23 UTC'],
    [SUMMER, 'Asia/Tokyo', '06:23 GMT+9', '1 Jun 2024', '1 Jun 2024, 06:23 GMT+9'],
    [new Date('2024-09-03T08:05:59Z'), 'UTC', '08:05 UTC', '3 Sep 2024', '3 Sep 2024, 08:05 UTC'],
    [new Date('2024-12-31T23:30:00Z'), 'America/New_York', '18:30 EST', '31 Dec 2024', '31 Dec 2024, 18:30 EST'],
    [new Date('2024-12-31T23:30:00Z'), 'Europe/Paris', '00:30 CET', '1 Jan 2025', '1 Jan 2025, 00:30 CET'],
  ])('%s in %s', (at, zone, time, date, dateTime) => {
    expect(formatTime(at, zone)).toBe(time);
    expect(formatDate(at, zone)).toBe(date);
    expect(formatDateTime(at, zone)).toBe(dateTime);
  });

  it('tells the instants either side of a clock change apart, however often each is asked for', () => {
    const before = new Date('2024-03-10T09:59:59.999Z');
    const after = new Date('2024-03-10T10:00:00.000Z');
    for (let i = 0; i < 3; i++) {
      expect(formatTime(before, 'America/Los_Angeles')).toBe('01:59 PST');
      expect(formatTime(after, 'America/Los_Angeles')).toBe('03:00 PDT');
      expect(formatTime(after, 'Europe/Paris')).toBe('11:00 CET');
    }
  });

  it('formats the clock alone', () => {
    expect(formatClock(SUMMER, 'America/Los_Angeles')).toBe('14:23');
  });

  it.each(['Mars/Olympus', '', 'local', 'system'])('refuses the zone "%s"', (zone) => {
    expect(caught(() => formatTime(SUMMER, zone))).toEqual({
      code: 'invalid_zone',
      message: `"${zone}" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC`,
    });
  });

  it('refuses an invalid date', () => {
    expect(caught(() => formatDate(new Date(Number.NaN), 'UTC'))).toEqual({
      code: 'invalid_time',
      message: 'That is not a valid point in time: pass a real date and time',
    });
  });
});

describe('isValidZone', () => {
  it.each([
    ['America/Los_Angeles', true],
    ['america/los_angeles', true],
    ['Europe/Paris', true],
    ['Etc/GMT+8', true],
    ['UTC', true],
    ['UTC-8', true],
    ['Mars/Olympus', false],
    ['Not a zone', false],
    ['', false],
    ['local', false],
    ['system', false],
    ['default', false],
  ])('%s → %s', (zone, expected) => {
    expect(isValidZone(zone)).toBe(expected);
  });
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [-5 * MINUTE, '0 seconds'],
    [0, '0 seconds'],
    [999, '0 seconds'],
    [SECOND, '1 second'],
    [45 * SECOND, '45 seconds'],
    [59 * SECOND + 999, '59 seconds'],
    [MINUTE, '1 minute'],
    [MINUTE + 59 * SECOND, '1 minute'],
    [44 * MINUTE + 59 * SECOND, '44 minutes'],
    [59 * MINUTE + 59 * SECOND, '59 minutes'],
    [HOUR, '1 hour'],
    [HOUR + MINUTE, '1 hour 1 minute'],
    [2 * HOUR + 5 * MINUTE + 30 * SECOND, '2 hours 5 minutes'],
    [23 * HOUR + 59 * MINUTE, '23 hours 59 minutes'],
    [DAY, '1 day'],
    [DAY + HOUR + 59 * MINUTE, '1 day 1 hour'],
    [3 * DAY + 4 * HOUR + 30 * MINUTE, '3 days 4 hours'],
    [10 * DAY, '10 days'],
    [Number.NaN, '0 seconds'],
  ])('%d ms is "%s"', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it.each([
    ['2024-03-10T01:00:00-08:00', '2024-03-10T04:00:00-07:00', '2 hours'],
    ['2024-11-03T00:30:00-07:00', '2024-11-03T01:30:00-08:00', '2 hours'],
    ['2024-03-31T01:00:00+01:00', '2024-03-31T03:15:00+02:00', '1 hour 15 minutes'],
    ['2024-10-27T02:30:00+02:00', '2024-10-27T02:30:00+01:00', '1 hour'],
  ])('counts elapsed time across a DST change: %s → %s', (from, to, expected) => {
    expect(formatDuration(new Date(to).getTime() - new Date(from).getTime())).toBe(expected);
  });
});
