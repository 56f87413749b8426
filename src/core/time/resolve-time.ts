import type { Zone } from 'luxon';
import { SitrepError } from '../errors';
import { formatClock, formatDate, formatTime, unknownZoneError, zoneFromName } from './format';
import type { CalendarDate, TimeSpec, ZoneHint } from './time-spec';

export interface ResolveOptions {
  /** IANA zone of the person who typed the command; zone-less wall times are read in it. */
  authorZone: string;
  /** The moment a date-less wall time is taken to be near, usually now or the incident's start. */
  reference: Date;
  now: Date;
  /** 'nearest': the candidate closest to reference; 'latest-past': the most recent one not after now. */
  mode: 'nearest' | 'latest-past';
}

const CLOCK_SKEW_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface WallClock {
  hour: number;
  minute: number;
  second: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utcFields(date: CalendarDate, clock: WallClock): number {
  const probe = new Date(0);
  probe.setUTCFullYear(date.year, date.month - 1, date.day);
  probe.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return probe.getTime();
}

function calendarDay(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The instant at which the zone's clocks show the given local time, or undefined when the time
 * falls in a spring-forward gap. Where the time occurs twice (fall-back), the first occurrence.
 */
function localToInstant(zone: Zone, date: CalendarDate, clock: WallClock): number | undefined {
  const local = utcFields(date, clock);
  const offsets = new Set([zone.offset(local - DAY_MS), zone.offset(local), zone.offset(local + DAY_MS)]);
  const hits = [...offsets]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((ts) => zone.offset(ts) * MINUTE_MS === local - ts);
  return hits.length === 0 ? undefined : Math.min(...hits);
}

function shiftDays(date: CalendarDate, days: number): CalendarDate {
  return calendarDay(utcFields(date, { hour: 12, minute: 0, second: 0 }) + days * DAY_MS);
}

function describe(ms: number, zoneName: string, hint: ZoneHint | undefined): string {
  const at = new Date(ms);
  const fixedAbbreviation = hint && hint.zone !== hint.displayZone && hint.typed.toUpperCase() !== 'Z';
  const time = fixedAbbreviation ? `${formatClock(at, zoneName)} ${hint.typed.toUpperCase()}` : formatTime(at, zoneName);
  return `${time} on ${formatDate(at, zoneName)}`;
}

function futureError(ms: number, zoneName: string, hint: ZoneHint | undefined): SitrepError {
  return new SitrepError(
    'future_time',
    `${describe(ms, zoneName, hint)} is in the future; Sitrep records what has already happened`,
  );
}

function nonexistentError(date: CalendarDate, clock: WallClock, zoneName: string): SitrepError {
  const seconds = clock.second === 0 ? '' : `:${pad(clock.second)}`;
  const local = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)} ${pad(clock.hour)}:${pad(clock.minute)}${seconds}`;
  return new SitrepError(
    'nonexistent_time',
    `${local} does not exist in ${zoneName} (clocks moved forward that night); use a time before or after the change`,
  );
}

/** Turns what the user typed into the instant it names, refusing times in the future. */
export function resolveTime(spec: TimeSpec, opts: ResolveOptions): Date {
  const limit = opts.now.getTime() + CLOCK_SKEW_MS;
  if (spec.kind === 'instant') {
    const ms = spec.instant.getTime();
    if (Number.isNaN(ms)) throw new SitrepError('invalid_time', 'That is not a valid point in time: use 14:23 or an ISO 8601 time with offset');
    if (ms > limit) throw futureError(ms, spec.zone?.zone ?? opts.authorZone, spec.zone);
    return new Date(ms);
  }
  const zoneName = spec.zone?.zone ?? opts.authorZone;
  const zone = zoneFromName(zoneName);
  if (!zone) throw unknownZoneError(zoneName);
  const clock: WallClock = { hour: spec.hour, minute: spec.minute, second: spec.second };

  if (spec.date) {
    const ms = localToInstant(zone, spec.date, clock);
    if (ms === undefined) throw nonexistentError(spec.date, clock, zoneName);
    if (ms > limit) throw futureError(ms, zoneName, spec.zone);
    return new Date(ms);
  }

  const reference = opts.reference.getTime();
  const referenceDay = calendarDay(reference + zone.offset(reference) * MINUTE_MS);
  const candidates = [-1, 0, 1]
    .map((days) => localToInstant(zone, shiftDays(referenceDay, days), clock))
    .filter((ms): ms is number => ms !== undefined);
  const past = candidates.filter((ms) => ms <= limit);
  const [first] = candidates;
  if (past.length === 0) {
    if (first === undefined) throw nonexistentError(referenceDay, clock, zoneName);
    throw futureError(first, zoneName, spec.zone);
  }
  const chosen =
    opts.mode === 'latest-past'
      ? Math.max(...past)
      : past.reduce((best, ms) => (Math.abs(ms - reference) < Math.abs(best - reference) ? ms : best));
  return new Date(chosen);
}

/** The zone the user named in the spec, to show the incident in; undefined when none was named. */
export function displayZoneOf(spec: TimeSpec): string | undefined {
  return spec.zone?.displayZone;
}
