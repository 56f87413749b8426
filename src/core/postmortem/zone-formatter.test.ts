import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, zoneAbbreviation } from '../time/format';
import { ZoneFormatter } from './zone-formatter';

/** Every `stepMinutes` (plus a few seconds, to land inside minutes) from `fromIso` for `hours`. */
function instants(fromIso: string, hours: number, stepMinutes: number): Date[] {
  const start = Date.parse(fromIso);
  const out: Date[] = [];
  for (let m = 0; m <= hours * 60; m += stepMinutes) out.push(new Date(start + m * 60_000 + (m % 60) * 997));
  return out;
}

const CASES: [zone: string, around: string][] = [
  ['America/Los_Angeles', '2024-03-10T08:00:00Z'], // PST → PDT
  ['America/Los_Angeles', '2024-11-03T07:00:00Z'], // PDT → PST
  ['Europe/Paris', '2025-10-25T22:00:00Z'], // CEST → CET, 26 Oct
  ['Europe/London', '2025-03-29T23:00:00Z'], // GMT → BST
  ['Asia/Kolkata', '2025-03-13T17:00:00Z'], // +05:30, midnight at 18:30 UTC
  ['Asia/Kathmandu', '2025-03-13T17:00:00Z'], // +05:45
  ['Australia/Lord_Howe', '2025-04-05T13:00:00Z'], // +11 → +10:30 at 15:00 UTC
  ['Pacific/Chatham', '2025-04-05T12:00:00Z'], // +13:45 → +12:45
  ['UTC', '2025-12-31T22:00:00Z'],
];

describe('ZoneFormatter', () => {
  for (const [zone, around] of CASES) {
    it(`formats exactly as core/time/format in ${zone} around ${around}`, () => {
      const fmt = new ZoneFormatter(zone);
      for (const at of instants(around, 6, 7)) {
        expect(fmt.time(at), at.toISOString()).toBe(formatTime(at, zone));
        expect(fmt.date(at), at.toISOString()).toBe(formatDate(at, zone));
        expect(fmt.dateTime(at), at.toISOString()).toBe(formatDateTime(at, zone));
        expect(fmt.abbreviation(at), at.toISOString()).toBe(zoneAbbreviation(at, zone));
      }
    });
  }

  it('falls back to core/time/format for offsets that are not quarter hours (local mean time)', () => {
    const zone = 'Europe/Amsterdam';
    const fmt = new ZoneFormatter(zone);
    for (const at of instants('1920-06-01T00:00:00Z', 2, 13)) {
      expect(fmt.dateTime(at)).toBe(formatDateTime(at, zone));
    }
  });

  it('gives durations between two instants', () => {
    const fmt = new ZoneFormatter('Europe/Paris');
    // Across the October change: 25 Oct 22:40 CEST → 27 Oct 11:00 CET is 37 h 20 min of real time.
    expect(fmt.between(new Date('2025-10-25T20:40:00Z'), new Date('2025-10-27T10:00:00Z'))).toBe('1 day 13 hours');
  });

  it('refuses an unknown zone the way core/time/format does', () => {
    expect(() => new ZoneFormatter('Mars/Olympus').time(new Date(0))).toThrow(/is not a time zone/);
  });
});
