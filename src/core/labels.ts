/** Human words for the domain's codes, as every message, page and postmortem shows them. */
import { IMPACTS, type Impact, type IncidentStatus, type Role, type Severity } from './types';

export const IMPACT_WORDS: Record<Impact, string> = {
  degraded_performance: 'degraded performance',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
};

/** How bad each severity is, in one word: sev1 is the worst. */
export const SEVERITY_IMPACT: Record<Severity, string> = {
  sev1: 'critical',
  sev2: 'major',
  sev3: 'minor',
  sev4: 'none',
};

export const STATUS_WORDS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** In a sentence: "dana is now the communications lead". */
export const ROLE_WORDS: Record<Role, string> = {
  commander: 'commander',
  comms: 'communications lead',
  scribe: 'scribe',
  postmortem: 'postmortem owner',
};

/** As a label: "Communications lead: dana". */
export function roleTitle(role: Role): string {
  const words = ROLE_WORDS[role];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "SEV2" */
export function severityLabel(severity: Severity): string {
  return severity.toUpperCase();
}

/** Rank of an impact: the higher, the worse. */
export function impactRank(impact: Impact): number {
  return IMPACTS.indexOf(impact);
}
