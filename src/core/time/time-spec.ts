import { IANAZone } from 'luxon';
import { SitrepError } from '../errors';

export interface ZoneHint {
  /** The word as the user typed it. */
  typed: string;
  /** The luxon zone used to read the time: an IANA name, 'UTC', or a fixed offset like 'UTC-8'. */
  zone: string;
  /** The IANA name to show the incident in. */
  displayZone: string;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type TimeSpec =
  | { kind: 'instant'; instant: Date; zone?: ZoneHint }
  | { kind: 'wall'; date?: CalendarDate; hour: number; minute: number; second: number; zone?: ZoneHint };

const FORMS = 'use 14:23, 14:23 PST, 2024-05-31 14:23 America/Los_Angeles or an ISO 8601 time with offset';

const ABBREVIATIONS: Readonly<Record<string, { offset: number; displayZone: string }>> = {
  UTC: { offset: 0, displayZone: 'UTC' },
  Z: { offset: 0, displayZone: 'UTC' },
  GMT: { offset: 0, displayZone: 'UTC' },
  PST: { offset: -8, displayZone: 'America/Los_Angeles' },
  PDT: { offset: -7, displayZone: 'America/Los_Angeles' },
  MST: { offset: -7, displayZone: 'America/Denver' },
  MDT: { offset: -6, displayZone: 'America/Denver' },
  CST: { offset: -6, displayZone: 'America/Chicago' },
  CDT: { offset: -5, displayZone: 'America/Chicago' },
  EST: { offset: -5, displayZone: 'America/New_York' },
  EDT: { offset: -4, displayZone: 'America/New_York' },
  CET: { offset: 1, displayZone: 'Europe/Paris' },
  CEST: { offset: 2, displayZone: 'Europe/Paris' },
  BST: { offset: 1, displayZone: 'Europe/London' },
};

const IANA_REGIONS = new Set([
  'africa', 'america', 'antarctica', 'arctic', 'asia', 'atlantic', 'australia', 'europe', 'indian', 'pacific', 'etc',
]);

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2})?)?$/i;
const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const CLOCK = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?([ap]\.?m\.?)?(z)?$/i;
const MERIDIEM = /^[ap]\.?m\.?$/i;
const OFFSET_ZONE = /^(?:UTC|GMT)([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const ZONE_SHAPED = /^[A-Z][a-z]+(?:[_-][A-Za-z][a-z]*)*(?:\/[A-Z][a-z]+(?:[_-][A-Za-z][a-z]*)*)+$/;

function notATime(typed: string): SitrepError {
  return new SitrepError('invalid_time', `"${typed}" is not a time: ${FORMS}`);
}

function fixedZone(offset: number): string {
  if (offset === 0) return 'UTC';
  return `UTC${offset > 0 ? '+' : '-'}${Math.abs(offset)}`;
}

let knownZones: ReadonlyMap<string, string> | undefined;

/** The IANA name with its usual capitals (america/los_angeles → America/Los_Angeles). */
function canonicalZone(name: string): string {
  knownZones ??= new Map(Intl.supportedValuesOf('timeZone').map((z) => [z.toLowerCase(), z]));
  return knownZones.get(name.toLowerCase()) ?? name;
}

/**
 * Reads a zone word. Returns undefined for a word that is not a zone (it belongs to the message);
 * throws for a word that is plainly meant as a zone but is not one.
 */
export function readZoneWord(word: string): ZoneHint | undefined {
  const abbreviation = ABBREVIATIONS[word.toUpperCase()];
  if (abbreviation) return { typed: word, zone: fixedZone(abbreviation.offset), displayZone: abbreviation.displayZone };
  const offset = OFFSET_ZONE.exec(word);
  if (offset) {
    const hours = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    if (Number(offset[3] ?? 0) !== 0 || hours < -12 || hours > 14) {
      throw new SitrepError(
        'invalid_zone',
        `"${word}" is not an offset Sitrep can show: use a whole-hour offset like UTC-8 or an IANA name like Asia/Kolkata`,
      );
    }
    if (hours === 0) return { typed: word, zone: 'UTC', displayZone: 'UTC' };
    return { typed: word, zone: fixedZone(hours), displayZone: `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}` };
  }
  if (!word.includes('/')) return undefined;
  if (IANAZone.isValidZone(word)) {
    const name = canonicalZone(word);
    return { typed: word, zone: name, displayZone: name };
  }
  const region = word.split('/')[0]?.toLowerCase() ?? '';
  if (IANA_REGIONS.has(region) || ZONE_SHAPED.test(word)) {
    throw new SitrepError(
      'invalid_zone',
      `"${word}" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC`,
    );
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function readIso(token: string): TimeSpec | undefined {
  const m = ISO.exec(token);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) throw notATime(token);
  if (!m[8] && !m[9]) return { kind: 'wall', date: { year, month, day }, hour, minute, second };
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11] ?? 0)) : 0;
  if (m[9] && (Number(m[10]) > 23 || Number(m[11] ?? 0) > 59)) throw notATime(token);
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  probe.setUTCHours(hour, minute, second, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
  return { kind: 'instant', instant: new Date(probe.getTime() - offsetMinutes * 60_000) };
}

interface Clock {
  hour: number;
  minute: number;
  second: number;
  utc: boolean;
  used: number;
}

/** Reads `14:23`, `14:23:05`, `2:23pm`, `2:23 pm`, `11am`, `14:23Z` starting at tokens[i]; throws if malformed. */
function readClock(tokens: readonly string[], i: number): Clock | undefined {
  const token = tokens[i];
  if (token === undefined) return undefined;
  const m = CLOCK.exec(token);
  if (!m) return undefined;
  const next = tokens[i + 1];
  const separate = m[4] === undefined && m[5] === undefined && next !== undefined && MERIDIEM.test(next);
  const meridiem = separate ? next : m[4];
  const typed = separate ? `${token} ${next}` : token;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const second = Number(m[3] ?? 0);
  if (minute > 59 || second > 59) throw notATime(typed);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) throw notATime(typed);
    hour = (hour % 12) + (meridiem.toLowerCase().startsWith('p') ? 12 : 0);
  } else if (m[2] === undefined || hour > 23) {
    throw notATime(typed);
  }
  return { hour, minute, second, utc: m[5] !== undefined, used: separate ? 2 : 1 };
}

/**
 * Reads the time that follows the keyword `at`, starting at tokens[start], and returns it
 * with the index of the first token that belongs to the rest of the command.
 */
export function readTimeSpec(tokens: readonly string[], start: number): { spec: TimeSpec; next: number } {
  const first = tokens[start];
  if (first === undefined) {
    throw new SitrepError('invalid_time', '"at" needs a time after it, e.g. "at 14:23"');
  }
  const iso = readIso(first);
  if (iso) {
    const after = tokens[start + 1];
    const zone = after === undefined ? undefined : readZoneWord(after);
    return zone ? { spec: { ...iso, zone }, next: start + 2 } : { spec: iso, next: start + 1 };
  }
  let i = start;
  let date: CalendarDate | undefined;
  const d = DATE.exec(first);
  if (d) {
    const [year, month, day] = [d[1], d[2], d[3]].map(Number) as [number, number, number];
    if (!validDate(year, month, day)) {
      throw new SitrepError('invalid_time', `"${first}" is not a date: use a real calendar date as YYYY-MM-DD, e.g. 2024-05-31`);
    }
    date = { year, month, day };
    i += 1;
  }
  const token = tokens[i];
  const clock = readClock(tokens, i);
  if (!clock) {
    if (date && (token === undefined || !/^\d/.test(token))) {
      throw new SitrepError('invalid_time', `"${first}" needs a time after it, e.g. "${first} 14:23"`);
    }
    throw notATime(token ?? first);
  }
  i += clock.used;
  let zone: ZoneHint | undefined = clock.utc ? { typed: 'Z', zone: 'UTC', displayZone: 'UTC' } : undefined;
  const word = tokens[i];
  if (!zone && word !== undefined) {
    zone = readZoneWord(word);
    if (zone) i += 1;
  }
  const spec: TimeSpec = { kind: 'wall', hour: clock.hour, minute: clock.minute, second: clock.second };
  if (date) spec.date = date;
  if (zone) spec.zone = zone;
  return { spec, next: i };
}
