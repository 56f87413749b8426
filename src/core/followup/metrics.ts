import { severityLabel } from '../labels';
import { formatDate, formatDuration } from '../time/format';
import { SEVERITIES, type Incident } from '../types';

/** Response metrics: how long from the start of the impact until it was declared, mitigated, resolved. */

export interface ResponseTimes {
  declare: number;
  mitigate: number | null;
  resolve: number | null;
}

export function responseTimes(i: Pick<Incident, 'startedAt' | 'declaredAt' | 'mitigatedAt' | 'resolvedAt'>): ResponseTimes {
  const since = (d: Date | null) => (d ? Math.max(0, d.getTime() - i.startedAt.getTime()) : null);
  return { declare: since(i.declaredAt) ?? 0, mitigate: since(i.mitigatedAt), resolve: since(i.resolvedAt) };
}

/** The middle value; the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-incident lines shown at most; the medians always cover every incident. */
export const STATS_LISTED = 50;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * `/incident stats`: medians per severity and the times of each incident declared in the
 * period, oldest first. `since` is the start of the period, shown in the asker's zone.
 */
export function statsText(incidents: readonly Incident[], period: { days: number; since: Date; zone: string }): string {
  const heading = `Response times over the last ${period.days} days (incidents declared since ${formatDate(period.since, period.zone)})`;
  if (incidents.length === 0) return `${heading}: no incidents.`;
  const times = incidents.map((i) => ({ incident: i, t: responseTimes(i) }));
  const show = (ms: number | null, missing: string) => (ms === null ? missing : formatDuration(ms));
  const lines = [`${heading}: ${plural(incidents.length, 'incident')}.`, 'Median time to declare · to mitigate · to resolve, by severity:'];
  for (const severity of SEVERITIES) {
    const of = times.filter((x) => x.incident.severity === severity).map((x) => x.t);
    if (of.length === 0) continue;
    const m = (pick: (t: ResponseTimes) => number | null) => median(of.map(pick).filter((v): v is number => v !== null));
    lines.push(
      `• ${severityLabel(severity)} (${plural(of.length, 'incident')}): ` +
        [show(m((t) => t.declare), 'none yet'), show(m((t) => t.mitigate), 'none yet'), show(m((t) => t.resolve), 'none yet')].join(' · '),
    );
  }
  lines.push('Each incident — time to declare · to mitigate · to resolve:');
  const ordered = [...times].sort((a, b) => a.incident.declaredAt.getTime() - b.incident.declaredAt.getTime() || a.incident.number - b.incident.number);
  for (const { incident: i, t } of ordered.slice(0, STATS_LISTED)) {
    const title = i.title.length > 60 ? `${i.title.slice(0, 59)}…` : i.title;
    lines.push(`• INC-${i.number} ${severityLabel(i.severity)} ${title}: ${[formatDuration(t.declare), show(t.mitigate, 'not yet'), show(t.resolve, 'ongoing')].join(' · ')}`);
  }
  if (ordered.length > STATS_LISTED) lines.push(`… and ${ordered.length - STATS_LISTED} more.`);
  return lines.join('\n');
}
