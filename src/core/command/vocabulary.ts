import type { Impact, Role, Severity, IncidentStatus } from '../types';
import { SEVERITIES, STATUSES } from '../types';
import type { CommandKind } from './command';

/** Every word a user may type for a subcommand, including aliases. */
export const SUBCOMMANDS: Record<string, CommandKind> = {
  declare: 'declare',
  new: 'declare',
  open: 'declare',
  note: 'note',
  log: 'note',
  update: 'update',
  status: 'update',
  severity: 'severity',
  sev: 'severity',
  title: 'title',
  summary: 'summary',
  lead: 'assign',
  assign: 'assign',
  unassign: 'unassign',
  impact: 'impact',
  action: 'action',
  actions: 'actions',
  done: 'done',
  resolve: 'resolve',
  reopen: 'reopen',
  timeline: 'timeline',
  list: 'list',
  postmortem: 'postmortem',
  help: 'help',
  doctor: 'doctor',
  snooze: 'snooze',
  stats: 'stats',
};

export const ROLE_WORDS: Record<string, Role> = {
  commander: 'commander',
  lead: 'commander',
  ic: 'commander',
  comms: 'comms',
  communications: 'comms',
  scribe: 'scribe',
  postmortem: 'postmortem',
};

/** `null` clears the component's impact. */
export const IMPACT_WORDS: Record<string, Impact | null> = {
  degraded: 'degraded_performance',
  degraded_performance: 'degraded_performance',
  partial: 'partial_outage',
  partial_outage: 'partial_outage',
  major: 'major_outage',
  major_outage: 'major_outage',
  outage: 'major_outage',
  none: null,
  operational: null,
  ok: null,
};

export function asSeverity(word: string): Severity | undefined {
  const w = word.toLowerCase();
  return (SEVERITIES as readonly string[]).includes(w) ? (w as Severity) : undefined;
}

export function asStatus(word: string): IncidentStatus | undefined {
  const w = word.toLowerCase();
  return (STATUSES as readonly string[]).includes(w) ? (w as IncidentStatus) : undefined;
}

export const SEVERITY_CHOICES = 'sev1, sev2, sev3 or sev4';
export const STATUS_CHOICES = 'investigating, identified, monitoring or resolved';
export const ROLE_CHOICES = 'commander, comms, scribe or postmortem';
export const IMPACT_CHOICES = 'degraded, partial, major or none';
