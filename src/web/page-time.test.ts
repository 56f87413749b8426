import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from '../core/time/format';
import { PageTime } from './page-time';

const ZONES = ['UTC', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago', 'europe/london'];

describe('PageTime', () => {
  it('says what format.ts says, across zones, offsets and DST changes', () => {
    for (const zone of ZONES) {
      const t = new PageTime(zone);
      // Every 7 h 13 min over two years: every hour of the day, every month, both sides of each change.
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 13 * 60_000 + 17_000) {
        const at = new Date(ms);
        expect(t.date(at), `${zone} ${at.toISOString()}`).toBe(formatDate(at, zone));
        expect(t.time(at), `${zone} ${at.toISOString()}`).toBe(formatTime(at, zone));
      }
      const change = new Date('2026-03-29T01:30:00Z');
      expect(t.dateTime(change)).toBe(formatDateTime(change, zone));
    }
  });

  it('finds the local days as luxon does, midnights moved by DST included', () => {
    for (const zone of ZONES) {
      for (const now of ['2026-05-27T12:00:00Z', '2026-09-07T03:30:00Z', '2026-04-05T04:30:00Z', '2026-01-01T00:00:00Z']) {
        const { starts, iso, labels } = new PageTime(zone).days(new Date(now), 90);
        const today = DateTime.fromISO(now, { zone }).startOf('day');
        const expected = Array.from({ length: 91 }, (_, k) => today.minus({ days: 89 - k }));
        expect(starts, `${zone} ${now}`).toEqual(expected.map((d) => d.toMillis()));
        expect(iso).toEqual(expected.slice(0, 90).map((d) => d.toISODate()));
        expect(labels).toEqual(expected.slice(0, 90).map((d) => formatDate(d.toJSDate(), zone)));
      }
    }
  });

  it('gives the ISO day in the zone', () => {
    expect(new PageTime('Europe/Paris').isoDate(new Date('2026-05-27T22:30:00Z'))).toBe('2026-05-28');
    expect(new PageTime('America/Los_Angeles').isoDate(new Date('2026-05-27T02:30:00Z'))).toBe('2026-05-26');
  });

  it('is fast for many different days', () => {
    const t = new PageTime('Europe/Paris');
    const started = performance.now();
    for (let d = 0; d < 1000; d++) t.dateTime(new Date(Date.UTC(2024, 0, 1) + d * 86_400_000 + 3_600_000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
