import { DateTime, Info, type Zone } from 'luxon';
import { SitrepError } from '../errors';

const SYSTEM_ZONE_NAMES = new Set(['local', 'system', 'default']);

/**
 * The luxon zone for a name: an IANA name (any letter case), 'UTC', or a fixed offset such as 'UTC-8'.
 * Names that would mean "whatever the host is set to" are refused, so results never depend on the machine.
 */
export function zoneFromName(name: string): Zone | undefined {
  if (name.trim() === '' || SYSTEM_ZONE_NAMES.has(name.toLowerCase())) return undefined;
  const zone = Info.normalizeZone(name);
  return zone.isValid ? zone : undefined;
}

export function isValidZone(zone: string): boolean {
  return zoneFromName(zone) !== undefined;
}

export function unknownZoneError(name: string): SitrepError {
  return new SitrepError(
    'invalid_zone',
    `"${name}" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC`,
  );
}

/** The zone to show `at` in, refusing an unknown zone or an invalid instant. */
function checkedZone(at: Date, zone: string): Zone {
  const resolved = zoneFromName(zone);
  if (!resolved) throw unknownZoneError(zone);
  if (Number.isNaN(at.getTime())) {
    throw new SitrepError('invalid_time', 'That is not a valid point in time: pass a real date and time');
  }
  return resolved;
}

function inZone(at: Date, zone: string, locale = 'en-US'): DateTime {
  return DateTime.fromJSDate(at, { zone: checkedZone(at, zone) }).setLocale(locale);
}

const OFFSET_STYLE = /^GMT[+-]/;

/**
 * One Intl formatter per zone and locale that only names the zone. luxon builds a new one for
 * every 'ZZZZ' it formats, which costs ~100 µs each; a reply names its zone every time.
 */
const zoneNamers = new Map<string, Intl.DateTimeFormat>();

function zoneName(at: Date, zone: Zone, locale: string): string {
  if (zone.type !== 'iana') return zone.offsetName(at.getTime(), { format: 'short', locale }) ?? zone.name;
  const key = `${locale} ${zone.name}`;
  let namer = zoneNamers.get(key);
  if (!namer) {
    namer = new Intl.DateTimeFormat(locale, { timeZone: zone.name, timeZoneName: 'short' });
    zoneNamers.set(key, namer);
  }
  return namer.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone.name;
}

/** "PDT", "CEST", "BST", "GMT", "UTC"; "GMT+9" where no common abbreviation exists. */
export function zoneAbbreviation(at: Date, zone: string): string {
  const resolved = checkedZone(at, zone);
  const us = zoneName(at, resolved, 'en-US');
  if (!OFFSET_STYLE.test(us)) return us;
  const gb = zoneName(at, resolved, 'en-GB');
  return OFFSET_STYLE.test(gb) ? us : gb;
}

/** Wall-clock hours and minutes in the zone, without the zone: "14:23". */
export function formatClock(at: Date, zone: string): string {
  // The zone's offset at that instant, applied by hand: cheaper than a luxon DateTime per call.
  const local = new Date(at.getTime() + checkedZone(at, zone).offset(at.getTime()) * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

/**
 * What `formatTime` answered lately, by zone and second: it cannot change within a second (zones
 * change offset on whole seconds), and a busy incident names the same second many times over.
 */
const recentTimes = new Map<string, string>();

/** "14:23 PDT" */
export function formatTime(at: Date, zone: string): string {
  const key = `${zone} ${Math.floor(at.getTime() / 1000)}`;
  const known = recentTimes.get(key);
  if (known !== undefined) return known;
  const formatted = `${formatClock(at, zone)} ${zoneAbbreviation(at, zone)}`;
  if (recentTimes.size >= 512) recentTimes.clear();
  recentTimes.set(key, formatted);
  return formatted;
}

/** "31 May 2024" */
export function formatDate(at: Date, zone: string): string {
  return inZone(at, zone).toFormat('d LLL yyyy');
}

/** "31 May 2024, 14:23 PDT" */
export function formatDateTime(at: Date, zone: string): string {
  return `${formatDate(at, zone)}, ${formatTime(at, zone)}`;
}

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A human duration from absolute milliseconds, rounded down: "45 seconds", "44 minutes",
 * "2 hours 5 minutes", "3 days 4 hours". Negative or non-finite input reads as "0 seconds".
 */
export function formatDuration(ms: number): string {
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  if (seconds < 60) return count(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return count(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? count(hours, 'hour') : `${count(hours, 'hour')} ${count(rest, 'minute')}`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? count(days, 'day') : `${count(days, 'day')} ${count(rest, 'hour')}`;
}
