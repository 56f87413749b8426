import type { ReminderKind } from '../messages/message';
import type { ActionItem, Incident } from '../types';
import { addBusinessDays, endOfDueDay } from './calendar';
import type { FollowUpSettings } from './settings';

/**
 * When each follow-through reminder is due, derived from stored facts only: nothing here
 * remembers anything between ticks. A reminder is identified by (incident, kind, subject,
 * due instant); the ledger of sent reminders makes each identity fire once.
 */

/** What the database knows about an open incident that reminders depend on. */
export interface OpenIncidentFacts {
  incident: Incident;
  /** When the update clock last started: the latest status update, declaration or reopening (recorded time). */
  lastUpdateAt: Date;
  /** When the latest status update happened (shown to people), null when none was posted. */
  lastStatusUpdate: Date | null;
  /** The latest recorded timeline entry of any kind. */
  lastActivityAt: Date;
  /** Since when the commander role has been empty: declaration or the latest (un)assignment. */
  commanderVacantSince: Date;
  snooze: { at: Date; until: Date } | null;
  /** The latest status update reminder sent after `lastUpdateAt`. */
  lastUpdateReminder: { dueAt: Date; sentAt: Date } | null;
  /** Status update reminders sent since the later of the last update and the last snooze. */
  ignoredReminders: number;
  /** Due instant of the latest no-commander nudge. */
  lastNoCommanderDueAt: Date | null;
  /** When the latest stale-incident question was sent. */
  lastStaleSentAt: Date | null;
}

export interface DueReminder {
  kind: ReminderKind;
  incident: Incident;
  dueAt: Date;
  /** The action number for an action reminder; 0 otherwise. */
  subject: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When the next status update reminder of an open incident is due, or null when it gets none. */
export function nextUpdateDue(f: OpenIncidentFacts, s: FollowUpSettings): Date | null {
  const minutes = s.cadenceMinutes[f.incident.severity];
  if (!minutes || f.incident.status === 'resolved') return null;
  const period = minutes * MINUTE;
  const last = f.lastUpdateReminder;
  const snooze = f.snooze && f.snooze.at >= f.lastUpdateAt && (!last || f.snooze.at >= last.sentAt) ? f.snooze : null;
  if (snooze) return snooze.until;
  if (!last) return new Date(f.lastUpdateAt.getTime() + period);
  // The next step of the cadence after the last reminder went out: a reminder sent late (the
  // scheduler was down) is not followed by a burst of the ones it missed.
  const behind = last.sentAt.getTime() - last.dueAt.getTime();
  const steps = Math.max(1, Math.floor(behind / period) + 1);
  return new Date(last.dueAt.getTime() + steps * period);
}

export function noCommanderDue(f: OpenIncidentFacts, s: FollowUpSettings): Date | null {
  if (!s.noCommanderMinutes || f.incident.roles.commander || f.incident.status === 'resolved') return null;
  const due = new Date(f.commanderVacantSince.getTime() + s.noCommanderMinutes * MINUTE);
  return f.lastNoCommanderDueAt && f.lastNoCommanderDueAt >= due ? null : due;
}

/** Asked again every `staleHours` while nothing happens. */
export function staleDue(f: OpenIncidentFacts, s: FollowUpSettings): Date | null {
  if (!s.staleHours || f.incident.status === 'resolved') return null;
  const since = Math.max(f.lastActivityAt.getTime(), f.lastStaleSentAt?.getTime() ?? 0);
  return new Date(since + s.staleHours * HOUR);
}

/** The reminders of an open incident that are due at `now`. */
export function dueForOpenIncident(f: OpenIncidentFacts, s: FollowUpSettings, now: Date): DueReminder[] {
  const due: DueReminder[] = [];
  const add = (kind: ReminderKind, at: Date | null) => {
    if (at && at <= now) due.push({ kind, incident: f.incident, dueAt: at, subject: 0 });
  };
  add('no_commander', noCommanderDue(f, s));
  add('update_due', nextUpdateDue(f, s));
  add('stale', staleDue(f, s));
  return due;
}

function withinCatchUp(due: Date, now: Date, s: FollowUpSettings): boolean {
  return due <= now && now.getTime() - due.getTime() <= s.catchUpDays * DAY;
}

/** The postmortem review reminder of a resolved incident whose draft is not marked reviewed. */
export function postmortemReviewDue(incident: Incident, s: FollowUpSettings, now: Date): DueReminder | null {
  if (!s.postmortemBusinessDays || incident.status !== 'resolved' || !incident.resolvedAt) return null;
  const dueAt = addBusinessDays(incident.resolvedAt, s.postmortemBusinessDays, incident.zone);
  return withinCatchUp(dueAt, now, s) ? { kind: 'postmortem_review', incident, dueAt, subject: 0 } : null;
}

/** When an action item becomes overdue: the end of its due day in `zone`; never once done or without one. */
export function overdueFrom(action: Pick<ActionItem, 'state' | 'dueOn'>, zone: string): Date | null {
  return action.state === 'open' && action.dueOn ? endOfDueDay(action.dueOn, zone) : null;
}

/** An open action item once its due day is over in the incident's zone. */
export function actionOverdue(incident: Incident, action: ActionItem, s: FollowUpSettings, now: Date): DueReminder | null {
  const dueAt = overdueFrom(action, incident.zone);
  return dueAt && withinCatchUp(dueAt, now, s) ? { kind: 'action_overdue', incident, dueAt, subject: action.number } : null;
}
