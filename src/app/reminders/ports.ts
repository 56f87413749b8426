import type { OpenIncidentFacts } from '../../core/followup/due';
import type { ReminderKind } from '../../core/messages/message';
import type { ActionItem, Incident, Person } from '../../core/types';

export interface ReminderKey {
  incidentId: string;
  kind: ReminderKind;
  /** The action number of an action reminder; 0 otherwise. */
  subject: number;
  dueAt: Date;
}

/** What follow-through needs from storage, inside the use case's transaction (`tx.followUp`). */
export interface FollowUpTx {
  /**
   * The scheduler's lock for the rest of the transaction: false when another instance holds it
   * (it is doing this tick's work already).
   */
  tryLockScheduler(): Promise<boolean>;
  /** Row-locks an incident until the transaction ends, so no command changes it meanwhile. */
  lockIncident(incidentId: string): Promise<Incident | null>;
  /** The facts of every open incident (or of one) that reminders are derived from. */
  openIncidentFacts(incidentId?: string): Promise<OpenIncidentFacts[]>;
  /** Resolved since `since`, postmortem not marked reviewed since, and not reminded about. */
  unreviewedPostmortems(since: Date, incidentId?: string): Promise<Incident[]>;
  /** Open action items due on a day from `fromDay` to `toDay` (YYYY-MM-DD) never reminded about. */
  overdueActions(fromDay: string, toDay: string, incidentId?: string): Promise<{ incident: Incident; action: ActionItem }[]>;
  /** Writes the ledger row; false when that reminder was recorded before (it must not go out again). */
  recordReminder(key: ReminderKey, sentAt: Date): Promise<boolean>;
  snooze(incidentId: string, until: Date, at: Date, by: Person): Promise<void>;
  /** Incidents of a workspace declared at or after `since`, oldest first. */
  declaredSince(workspace: string, since: Date): Promise<Incident[]>;
}
