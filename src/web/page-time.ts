/**
 * Times on the pages, in one zone, in the formats of `core/time/format` ("27 May 2026",
 * "14:23 CEST", "27 May 2026, 14:23 CEST"), fast for pages that show a hundred different days.
 *
 * format.ts costs about 250 µs a call (luxon builds Intl formatters), and the postmortem's
 * ZoneFormatter pays four such calls for every new day: 90 days of strips and a history of 90
 * days cost ~100 ms. Here the local date and clock come from the zone's UTC offset by arithmetic;
 * only the offset (cached per quarter hour) and the abbreviation (once per offset and year) ask
 * luxon. The results are checked against format.ts in the tests.
 */
import { DateTime, type Zone } from 'luxon';
import { formatDate, formatDateTime, formatTime, zoneAbbreviation, zoneFromName } from '../core/time/format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTER_HOUR_MS = 15 * 60_000;

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

export class PageTime {
  private readonly resolved: Zone | undefined;
  private readonly offsets = new Map<number, number>();
  private readonly abbreviations = new Map<string, string>();

  constructor(readonly zone: string) {
    this.resolved = zoneFromName(zone);
  }

  /** The wall-clock fields of an instant in the zone, or undefined when format.ts must do it. */
  private local(at: Date): { local: Date; offset: number } | undefined {
    const ms = at.getTime();
    if (!this.resolved || !Number.isFinite(ms)) return undefined;
    const quarter = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.resolved.offset(quarter * QUARTER_HOUR_MS);
      this.offsets.set(quarter, offset);
    }
    if (!Number.isInteger(offset)) return undefined;
    return { local: new Date(ms + offset * 60_000), offset };
  }

  /** The offset in minutes at an instant (cached per quarter hour). */
  private offsetAt(ms: number): number | undefined {
    return this.local(new Date(ms))?.offset;
  }

  /**
   * The local days ending with the one `now` is in, oldest first: each day's first instant (and the
   * end of the last day), its ISO date and its label. Midnights come from the offsets; a day whose
   * midnight the arithmetic misses (a DST change at midnight) is asked of luxon.
   */
  days(now: Date, count: number): { starts: number[]; iso: string[]; labels: string[] } {
    const today = this.local(now)?.local;
    const starts: number[] = [];
    const iso: string[] = [];
    const labels: string[] = [];
    for (let i = count - 1; i >= -1; i--) {
      const day = today ? new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)) : undefined;
      const start = day ? this.midnight(day) : undefined;
      const dt = start === undefined ? DateTime.fromJSDate(now, { zone: this.zone }).startOf('day').minus({ days: i }) : undefined;
      const at = start ?? dt!.toMillis();
      starts.push(at);
      if (i < 0) break;
      iso.push(day ? this.isoDate(new Date(at)) : (dt!.toISODate() ?? ''));
      labels.push(this.date(new Date(at)));
    }
    return { starts, iso, labels };
  }

  /** The first instant of a local calendar day (given as a UTC date), or undefined if not found by arithmetic. */
  private midnight(day: Date): number | undefined {
    const wall = day.getTime();
    const first = this.offsetAt(wall);
    if (first === undefined) return undefined;
    let at = wall - first * 60_000;
    const second = this.offsetAt(at);
    if (second !== undefined && second !== first) at = wall - second * 60_000;
    const check = this.local(new Date(at))?.local;
    return check && check.getTime() === wall && this.local(new Date(at - 60_000))?.local.getUTCDate() !== day.getUTCDate() ? at : undefined;
  }

  /** "CEST" */
  abbreviation(at: Date): string {
    const l = this.local(at);
    if (!l) return zoneAbbreviation(at, this.zone);
    const key = `${l.offset}|${l.local.getUTCFullYear()}`;
    let found = this.abbreviations.get(key);
    if (found === undefined) {
      found = zoneAbbreviation(at, this.zone);
      this.abbreviations.set(key, found);
    }
    return found;
  }

  /** "27 May 2026" */
  date(at: Date): string {
    const l = this.local(at)?.local;
    return l ? `${l.getUTCDate()} ${MONTHS[l.getUTCMonth()]} ${l.getUTCFullYear()}` : formatDate(at, this.zone);
  }

  /** "2026-05-27" */
  isoDate(at: Date): string {
    const l = this.local(at)?.local;
    if (!l) return at.toISOString().slice(0, 10);
    return `${String(l.getUTCFullYear()).padStart(4, '0')}-${two(l.getUTCMonth() + 1)}-${two(l.getUTCDate())}`;
  }

  /** "14:23 CEST" */
  time(at: Date): string {
    const l = this.local(at)?.local;
    return l ? `${two(l.getUTCHours())}:${two(l.getUTCMinutes())} ${this.abbreviation(at)}` : formatTime(at, this.zone);
  }

  /** "27 May 2026, 14:23 CEST" */
  dateTime(at: Date): string {
    return this.local(at) ? `${this.date(at)}, ${this.time(at)}` : formatDateTime(at, this.zone);
  }
}
