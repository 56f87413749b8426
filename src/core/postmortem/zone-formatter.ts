/**
 * The time formatting one postmortem needs, in the incident's zone, fast enough for 100,000
 * timeline entries.
 *
 * The formats are those of `core/time/format` (formatTime, formatDate, formatDateTime,
 * zoneAbbreviation), but calling them per entry costs ~250 µs (luxon builds an Intl formatter
 * for every zone name), about 25 s for 100,000 entries. So they are called once per local day
 * and UTC offset; within that, only the clock changes, and it is derived from the offset:
 * - the zone's offset is looked up once per quarter hour of UTC (zone offsets are multiples of
 *   15 minutes and change on quarter hours);
 * - per local day and offset, format.ts gives the date and the abbreviation, and the derived
 *   clock is checked against formatTime and formatDateTime for that first instant. If it does
 *   not match (another format, an odd offset), that day is formatted by format.ts, per minute.
 */
import type { Zone } from 'luxon';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  zoneAbbreviation,
  zoneFromName,
} from '../time/format';

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const DAY_MINUTES = 24 * 60;

interface Day {
  date: string;
  abbreviation: string;
  /** The clock derived from the offset matches format.ts on this day. */
  derived: boolean;
}

interface Local {
  day: Day;
  minuteOfDay: number;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export class ZoneFormatter {
  private readonly resolved: Zone | undefined;
  private readonly offsets = new Map<number, number>();
  private readonly days = new Map<number, Day>();
  /** Format.ts results per UTC minute, for days where the clock cannot be derived. */
  private readonly slow = new Map<string, string>();

  constructor(readonly zone: string) {
    this.resolved = zoneFromName(zone);
  }

  /** "14:23 PDT" */
  time(at: Date): string {
    const local = this.local(at);
    if (!local?.day.derived) return this.delegate('t', at, formatTime);
    return this.clock(local);
  }

  /** "31 May 2024" */
  date(at: Date): string {
    const local = this.local(at);
    return local?.day.derived ? local.day.date : this.delegate('d', at, formatDate);
  }

  /** "31 May 2024, 14:23 PDT" */
  dateTime(at: Date): string {
    const local = this.local(at);
    if (!local?.day.derived) return this.delegate('dt', at, formatDateTime);
    return `${local.day.date}, ${this.clock(local)}`;
  }

  /** "PDT" */
  abbreviation(at: Date): string {
    const local = this.local(at);
    return local?.day.derived ? local.day.abbreviation : this.delegate('a', at, zoneAbbreviation);
  }

  /** "2 hours 5 minutes" from one instant to a later one. */
  between(from: Date, to: Date): string {
    return formatDuration(to.getTime() - from.getTime());
  }

  private clock({ day, minuteOfDay }: Local): string {
    const hours = Math.floor(minuteOfDay / 60);
    return `${twoDigits(hours)}:${twoDigits(minuteOfDay - hours * 60)} ${day.abbreviation}`;
  }

  /** The local day and minute of an instant, or undefined when format.ts must do it all. */
  private local(at: Date): Local | undefined {
    const ms = at.getTime();
    if (!this.resolved || !Number.isFinite(ms)) return undefined;
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.resolved.offset(quarter * QUARTER_HOUR_MS);
      this.offsets.set(quarter, offset);
    }
    if (!Number.isInteger(offset) || offset % 15 !== 0) return undefined;
    const localMinute = Math.floor(ms / MINUTE_MS) + offset;
    const dayNumber = Math.floor(localMinute / DAY_MINUTES);
    const minuteOfDay = localMinute - dayNumber * DAY_MINUTES;
    const key = dayNumber * 4096 + offset;
    let day = this.days.get(key);
    if (!day) {
      day = { date: formatDate(at, this.zone), abbreviation: zoneAbbreviation(at, this.zone), derived: false };
      const derived = this.clock({ day, minuteOfDay });
      day.derived = formatTime(at, this.zone) === derived && formatDateTime(at, this.zone) === `${day.date}, ${derived}`;
      this.days.set(key, day);
    }
    return { day, minuteOfDay };
  }

  private delegate(kind: string, at: Date, format: (at: Date, zone: string) => string): string {
    const key = `${kind}${Math.floor(at.getTime() / MINUTE_MS)}`;
    let found = this.slow.get(key);
    if (found === undefined) {
      found = format(at, this.zone);
      this.slow.set(key, found);
    }
    return found;
  }
}
