import { DateTime } from 'luxon';
import { zoneFromName } from '../time/format';

/**
 * Calendar arithmetic for follow-through, in an incident's zone: business days (Monday to
 * Friday) and the end of a due day. Holidays are not known; a team that needs them sets more days.
 */

function inZone(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: zoneFromName(zone) ?? 'UTC' });
}

/** `days` business days after `from`, at the same wall-clock time in `zone`; a weekend start counts from Monday 00:00. */
export function addBusinessDays(from: Date, days: number, zone: string): Date {
  let t = inZone(from, zone);
  if (t.weekday > 5) t = t.plus({ days: 8 - t.weekday }).startOf('day');
  let left = days;
  while (left > 0) {
    t = t.plus({ days: 1 });
    if (t.weekday <= 5) left -= 1;
  }
  return t.toJSDate();
}

/** The instant a due day is over in `zone`: the start of the next day. `2026-12-01` → 2 Dec 2026 00:00. */
export function endOfDueDay(dueOn: string, zone: string): Date {
  return DateTime.fromISO(dueOn, { zone: zoneFromName(zone) ?? 'UTC' }).plus({ days: 1 }).startOf('day').toJSDate();
}

/** "1 Dec 2026" for `2026-12-01`. */
export function formatDueDay(dueOn: string): string {
  return DateTime.fromISO(dueOn, { zone: 'UTC' }).setLocale('en-US').toFormat('d LLL yyyy');
}
