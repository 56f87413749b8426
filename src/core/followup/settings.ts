import { SEVERITIES, type Severity } from '../types';

/** How Sitrep keeps the rhythm of an incident for its commander. A 0 turns that reminder off. */
export interface FollowUpSettings {
  /** Minutes between status updates, per severity. */
  cadenceMinutes: Record<Severity, number>;
  /** Minutes an open incident may go without a commander before a nudge. */
  noCommanderMinutes: number;
  /** Hours without timeline activity before an open incident is asked whether it is over. */
  staleHours: number;
  /** Business days (Mon–Fri, incident's zone) after resolution before the postmortem owner is reminded. */
  postmortemBusinessDays: number;
  /** Status update reminders ignored before the communications lead is mentioned too. */
  ignoredBeforeComms: number;
  /**
   * Postmortem and action reminders that fell due longer ago than this are not sent any more:
   * after a long outage, or for old incidents when the feature is first switched on.
   */
  catchUpDays: number;
}

export const DEFAULT_FOLLOW_UP: FollowUpSettings = {
  cadenceMinutes: { sev1: 15, sev2: 30, sev3: 60, sev4: 0 },
  noCommanderMinutes: 10,
  staleHours: 24,
  postmortemBusinessDays: 3,
  ignoredBeforeComms: 2,
  catchUpDays: 14,
};

/**
 * Days after its resolution during which a resolved incident can still be reminded of anything
 * but its open actions: its postmortem review falls due within 2 × the business days (weekends
 * and holidays around them included) and is sent up to `catchUpDays` late.
 */
export function resolvedReminderHorizonDays(s: FollowUpSettings): number {
  return s.catchUpDays + 2 * s.postmortemBusinessDays + 4;
}

/** What "Snooze" and a bare "/incident snooze" hold the update reminders back by. */
export const DEFAULT_SNOOZE_MINUTES = 15;

/**
 * `sev1:15,sev2:30,sev3:60,sev4:0` → minutes per severity; severities left out keep the default.
 * Throws an Error whose message completes "UPDATE_CADENCE …".
 */
export function parseCadence(text: string, defaults = DEFAULT_FOLLOW_UP.cadenceMinutes): Record<Severity, number> {
  const cadence = { ...defaults };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(sev[1-4])\s*[:=]\s*(\d{1,5})$/i.exec(part);
    const severity = match?.[1]?.toLowerCase() as Severity | undefined;
    if (!match || !severity || !SEVERITIES.includes(severity)) {
      throw new Error(`must list severities with minutes, e.g. sev1:15,sev2:30,sev3:60,sev4:0 (0 means never); "${part.slice(0, 30)}" is not one`);
    }
    cadence[severity] = Number(match[2]);
  }
  return cadence;
}
