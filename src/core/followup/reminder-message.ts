import { severityLabel, STATUS_WORDS } from '../labels';
import type { Message } from '../messages/message';
import { formatDateTime, formatDuration, formatTime } from '../time/format';
import type { ActionItem, Incident, Person } from '../types';
import { formatDueDay } from './calendar';
import type { OpenIncidentFacts } from './due';
import type { FollowUpSettings } from './settings';

/** The words of each reminder, platform-neutral; the platforms add mentions and buttons. */

type Reminder = Extract<Message, { type: 'reminder' }>;

const ref = (incident: Incident) => `INC-${incident.number}`;
/** The people a reminder is addressed to, each once. */
function people(...ps: (Person | undefined)[]): Person[] {
  const out: Person[] = [];
  for (const p of ps) if (p && !out.some((o) => o.id === p.id)) out.push({ id: p.id, name: p.name });
  return out;
}

/** "16:01 PDT, 30 minutes ago", with the date when it was not today. */
function when(at: Date, now: Date, zone: string): string {
  const shown = now.getTime() - at.getTime() < 20 * 3_600_000 ? formatTime(at, zone) : formatDateTime(at, zone);
  return `${shown}, ${formatDuration(now.getTime() - at.getTime())} ago`;
}

/** Who owns the postmortem draft: the named owner, else the commander. */
export function postmortemOwner(incident: Incident): Person | undefined {
  return incident.roles.postmortem ?? incident.roles.commander;
}

export function updateReminder(f: OpenIncidentFacts, s: FollowUpSettings, now: Date): Reminder {
  const { incident } = f;
  const cadence = formatDuration(s.cadenceMinutes[incident.severity] * 60_000);
  const last = f.lastStatusUpdate
    ? `Last public update: ${when(f.lastStatusUpdate, now, incident.zone)}.`
    : `Last public update: none yet (declared ${when(incident.declaredAt, now, incident.zone)}).`;
  let text = `${ref(incident)} is due a status update (${severityLabel(incident.severity)}: every ${cadence}). ${last}`;
  const escalate = s.ignoredBeforeComms > 0 && f.ignoredReminders >= s.ignoredBeforeComms;
  const comms = escalate ? incident.roles.comms : undefined;
  if (escalate) {
    const n = f.ignoredReminders;
    text += comms
      ? ` ${n} reminders went unanswered, so the communications lead is asked too.`
      : ` ${n} reminders went unanswered; name a communications lead with "/incident assign comms @someone".`;
  }
  return { type: 'reminder', kind: 'update_due', incident: incident.number, to: people(incident.roles.commander, comms), text };
}

export function noCommanderReminder(f: OpenIncidentFacts, now: Date): Reminder {
  const { incident } = f;
  const text =
    `${ref(incident)} has had no commander for ${formatDuration(now.getTime() - f.commanderVacantSince.getTime())}: ` +
    `take the lead with "/incident lead @yourname", or name someone.`;
  return { type: 'reminder', kind: 'no_commander', incident: incident.number, to: [], text };
}

export function staleReminder(f: OpenIncidentFacts, now: Date): Reminder {
  const { incident } = f;
  const text =
    `${ref(incident)} has had no activity for ${formatDuration(now.getTime() - f.lastActivityAt.getTime())} and is still ` +
    `${STATUS_WORDS[incident.status].toLowerCase()}. Is it over? "/incident resolve ${ref(incident)}". ` +
    `Still ongoing? Say so with "/incident note ${ref(incident)} still ongoing".`;
  return { type: 'reminder', kind: 'stale', incident: incident.number, to: people(incident.roles.commander), text };
}

export function postmortemReminder(incident: Incident, s: FollowUpSettings): Reminder {
  const resolved = incident.resolvedAt ? ` (${formatDateTime(incident.resolvedAt, incident.zone)})` : '';
  const days = s.postmortemBusinessDays;
  const text =
    `The postmortem draft of ${ref(incident)} is not marked reviewed ${days} business day${days === 1 ? '' : 's'} after the resolution${resolved}. ` +
    `Once it is reviewed: "/incident postmortem ${ref(incident)} reviewed".`;
  return { type: 'reminder', kind: 'postmortem_review', incident: incident.number, to: people(postmortemOwner(incident)), text };
}

export function actionReminder(incident: Incident, action: ActionItem): Reminder {
  const due = action.dueOn ? ` was due on ${formatDueDay(action.dueOn)} and` : '';
  const text =
    `Action #${action.number} of ${ref(incident)}${due} is still open: ${action.text}. ` +
    `When it is done: "/incident done ${ref(incident)} ${action.number}".`;
  const to = people(action.owner ?? postmortemOwner(incident));
  return { type: 'reminder', kind: 'action_overdue', incident: incident.number, to, text };
}
