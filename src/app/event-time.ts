import { resolveTime } from '../core/time/resolve-time';
import type { TimeSpec } from '../core/time/time-spec';
import type { Actor, Incident } from '../core/types';
import type { IncidentReader } from './ports';

/**
 * When the fact happened: now, or the typed `at <time>`. A time without a date belongs to the
 * incident's day: the occurrence nearest its latest timeline entry, never in the future.
 */
export async function eventTime(tx: IncidentReader, incident: Incident, at: TimeSpec | undefined, actor: Actor, now: Date): Promise<Date> {
  if (!at) return now;
  const reference = (await tx.latestOccurredAt(incident.id)) ?? incident.startedAt;
  return resolveTime(at, { authorZone: actor.zone, reference, now, mode: 'nearest' });
}
