import { SitrepError } from '../errors';
import { closest } from '../suggest';
import { clip } from './check-text';
import type { CommandKind } from './command';
import { SUBCOMMANDS } from './vocabulary';

interface HelpLine {
  usage: string;
  example: string;
  what: string;
}

export const HELP: Record<CommandKind, HelpLine> = {
  declare: { usage: 'declare [private] [sev1-4] [at <time>] <title>', example: 'declare sev2 Checkout is failing', what: 'open an incident with its own conversation (aliases: new, open)' },
  note: { usage: 'note [at <time>] <text>', example: 'note at 14:23 error rate spiked after deploy', what: 'add a fact to the timeline (alias: log)' },
  update: { usage: 'update <status> [at <time>] <message>', example: 'update identified Bad config in the image service', what: 'publish a status update: investigating, identified, monitoring or resolved (alias: status)' },
  severity: { usage: 'severity <sev1-4>', example: 'severity sev1', what: 'change the severity (alias: sev)' },
  title: { usage: 'title <text>', example: 'title Product images fail to load', what: 'rename the incident' },
  summary: { usage: 'summary <text>', example: 'summary Image requests return 403 since the DB upgrade', what: 'set the summary' },
  assign: { usage: 'lead @user | assign <commander|comms|scribe|postmortem> @user', example: 'assign comms @dana', what: 'give someone a role' },
  unassign: { usage: 'unassign <commander|comms|scribe|postmortem>', example: 'unassign scribe', what: 'leave a role empty again' },
  impact: { usage: 'impact <component> <degraded|partial|major|none>', example: 'impact Image CDN partial', what: 'set a component\'s impact' },
  action: { usage: 'action <text> [@owner] [due <YYYY-MM-DD>]', example: 'action Alert on image error rate @bob due 2026-12-01', what: 'add a follow-up action' },
  actions: { usage: 'actions', example: 'actions', what: 'list the follow-up actions, their owners and due days' },
  done: { usage: 'done <action number>', example: 'done 2', what: 'mark a follow-up action done' },
  resolve: { usage: 'resolve [at <time>] [message]', example: 'resolve Images load again', what: 'resolve and compile the postmortem draft' },
  reopen: { usage: 'reopen [reason]', example: 'reopen errors are back', what: 'reopen a resolved incident' },
  timeline: { usage: 'timeline', example: 'timeline', what: 'show the timeline' },
  list: { usage: 'list', example: 'list', what: 'list open incidents' },
  postmortem: { usage: 'postmortem [reviewed]', example: 'postmortem reviewed', what: 'compile and post the postmortem draft again, or mark it reviewed' },
  snooze: { usage: 'snooze [minutes]', example: 'snooze 30', what: 'hold back the status update reminders (15 minutes unless told)' },
  stats: { usage: 'stats [30d|90d]', example: 'stats 90d', what: 'time to declare, mitigate and resolve over the last 30 or 90 days' },
  help: { usage: 'help [subcommand]', example: 'help update', what: 'this help' },
  doctor: { usage: 'doctor', example: 'doctor', what: 'show messages Sitrep could not deliver yet' },
};

/** The help text: every subcommand with one example, or one subcommand in detail. */
export function helpText(topic?: string): string {
  if (topic) {
    const kind = SUBCOMMANDS[topic.toLowerCase()];
    if (!kind) {
      const guess = closest(topic, Object.keys(SUBCOMMANDS), 1)[0];
      const hint = guess ? `perhaps you meant "/incident help ${guess}"; ` : '';
      throw new SitrepError('unknown_subcommand', `There is no subcommand "${clip(topic)}": ${hint}"/incident help" lists them all.`);
    }
    const h = HELP[kind];
    return `/incident ${h.usage}\n${capitalise(h.what)}.\nExample: /incident ${h.example}`;
  }
  const lines = Object.values(HELP).map((h) => `• /incident ${h.usage} — ${h.what}. Example: /incident ${h.example}`);
  return [
    'Sitrep commands. Add INC-<n> after the subcommand to act on another incident; add "at <time>" (14:23, 14:23 PST, 2024-05-31 14:23 Europe/Paris) to back-date a fact.',
    ...lines,
  ].join('\n');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
