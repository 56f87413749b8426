import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { actionOverdue, dueForOpenIncident, postmortemReviewDue, type DueReminder, type OpenIncidentFacts } from '../../core/followup/due';
import {
  actionReminder,
  noCommanderReminder,
  postmortemReminder,
  staleReminder,
  updateReminder,
} from '../../core/followup/reminder-message';
import { resolvedReminderHorizonDays, type FollowUpSettings } from '../../core/followup/settings';
import type { Message } from '../../core/messages/message';
import type { IncidentTx, Store } from '../ports';

export interface ReminderDeps {
  store: Store;
  log: Logger;
  /** Called after a tick that queued reminders has committed. */
  onQueued(): void;
}

const DAY = 86_400_000;

/**
 * One scheduler tick: queue every follow-through reminder due at `now`, each exactly once.
 *
 * The whole tick is one transaction holding an advisory lock, so two instances never do the same
 * work at once (the second finds the lock taken and skips). Every reminder is written to the
 * ledger (`reminders_sent`, unique per incident, kind, subject and due instant) and queued in the
 * outbox together: one that was recorded before is never queued again, after a restart or by
 * another instance. Before deciding, the incident is row-locked and its facts read again, so a
 * status update posted meanwhile is seen and the reminder it answers is not sent.
 */
export async function sendDueReminders(deps: ReminderDeps, settings: FollowUpSettings, now: Date): Promise<number> {
  const sent = await deps.store.transaction(async (tx) => {
    if (!(await tx.followUp.tryLockScheduler())) return 0;
    return (await openIncidentReminders(tx, deps.log, settings, now)) + (await afterResolution(tx, deps.log, settings, now));
  });
  if (sent > 0) deps.onQueued();
  return sent;
}

async function openIncidentReminders(tx: IncidentTx, log: Logger, settings: FollowUpSettings, now: Date): Promise<number> {
  let sent = 0;
  for (const candidate of await tx.followUp.openIncidentFacts()) {
    if (dueForOpenIncident(candidate, settings, now).length === 0) continue;
    await tx.followUp.lockIncident(candidate.incident.id);
    const [facts] = await tx.followUp.openIncidentFacts(candidate.incident.id);
    if (!facts) continue;
    for (const due of dueForOpenIncident(facts, settings, now)) {
      sent += await send(tx, log, due, now, () => openMessage(due, facts, settings, now));
    }
  }
  return sent;
}

function openMessage(due: DueReminder, facts: OpenIncidentFacts, settings: FollowUpSettings, now: Date): Message {
  switch (due.kind) {
    case 'no_commander':
      return noCommanderReminder(facts, now);
    case 'stale':
      return staleReminder(facts, now);
    default:
      return updateReminder(facts, settings, now);
  }
}

async function afterResolution(tx: IncidentTx, log: Logger, settings: FollowUpSettings, now: Date): Promise<number> {
  let sent = 0;
  const horizon = resolvedReminderHorizonDays(settings);
  for (const candidate of await tx.followUp.unreviewedPostmortems(new Date(now.getTime() - horizon * DAY))) {
    if (!postmortemReviewDue(candidate, settings, now)) continue;
    await tx.followUp.lockIncident(candidate.id);
    const [incident] = await tx.followUp.unreviewedPostmortems(new Date(now.getTime() - horizon * DAY), candidate.id);
    const due = incident && postmortemReviewDue(incident, settings, now);
    if (incident && due) sent += await send(tx, log, due, now, () => postmortemReminder(incident, settings));
  }
  // A due day is over somewhere on Earth from UTC-12 on; the exact instant is the incident's zone's.
  const utc = DateTime.fromJSDate(now, { zone: 'UTC' });
  const toDay = utc.plus({ days: 1 }).toISODate()!;
  const fromDay = utc.minus({ days: settings.catchUpDays + 2 }).toISODate()!;
  for (const candidate of await tx.followUp.overdueActions(fromDay, toDay)) {
    if (!actionOverdue(candidate.incident, candidate.action, settings, now)) continue;
    await tx.followUp.lockIncident(candidate.incident.id);
    const fresh = (await tx.followUp.overdueActions(fromDay, toDay, candidate.incident.id)).find((c) => c.action.number === candidate.action.number);
    const due = fresh && actionOverdue(fresh.incident, fresh.action, settings, now);
    if (fresh && due) sent += await send(tx, log, due, now, () => actionReminder(fresh.incident, fresh.action));
  }
  return sent;
}

/** Records the reminder in the ledger and, only if it was not there yet, queues it to the incident's conversations. */
async function send(tx: IncidentTx, log: Logger, due: DueReminder, now: Date, build: () => Message): Promise<number> {
  let message: Message;
  try {
    message = build();
  } catch (err) {
    log.error({ err, incident: due.incident.number, kind: due.kind }, 'could not word a reminder; skipped');
    return 0;
  }
  const key = { incidentId: due.incident.id, kind: due.kind, subject: due.subject, dueAt: due.dueAt };
  if (!(await tx.followUp.recordReminder(key, now))) return 0;
  const conversations = (await tx.conversationsOf(due.incident.id)).filter((c) => c.purpose === 'incident');
  for (const c of conversations) await tx.enqueue(c.id, 'post', { message, incidentId: due.incident.id }, null, now);
  log.info({ incident: due.incident.number, kind: due.kind, dueAt: due.dueAt.toISOString(), subject: due.subject }, 'reminder queued');
  return 1;
}
