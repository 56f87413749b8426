import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import type { Incident } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

export function changeSeverity(incident: Incident, cmd: CommandOf<'severity'>, ctx: DecisionContext): Decision {
  if (cmd.severity === incident.severity) {
    throw new SitrepError('no_change', `${ref(incident)} is already ${incident.severity}.`);
  }
  const next = changed(incident, ctx, { severity: cmd.severity });
  const e = entry(ctx, 'severity_changed', `${incident.severity} → ${cmd.severity}`, {
    severity: cmd.severity,
    previousSeverity: incident.severity,
  });
  return recordFact(next, e, `changed the severity from ${incident.severity} to ${cmd.severity}`, `${ref(incident)} is now ${cmd.severity}.`, {
    stateChanged: true,
  });
}

export function changeTitle(incident: Incident, cmd: CommandOf<'title'>, ctx: DecisionContext): Decision {
  if (cmd.title === incident.title) {
    throw new SitrepError('no_change', `${ref(incident)} already has that title.`);
  }
  const next = changed(incident, ctx, { title: cmd.title });
  const e = entry(ctx, 'title_changed', cmd.title, { title: incident.title });
  return recordFact(next, e, `renamed the incident to "${cmd.title}"`, `${ref(incident)} is now "${cmd.title}".`, { stateChanged: true });
}

export function changeSummary(incident: Incident, cmd: CommandOf<'summary'>, ctx: DecisionContext): Decision {
  if (cmd.summary === incident.summary) {
    throw new SitrepError('no_change', `${ref(incident)} already has that summary.`);
  }
  const next = changed(incident, ctx, { summary: cmd.summary });
  const e = entry(ctx, 'summary_changed', cmd.summary);
  return recordFact(next, e, `updated the summary: ${cmd.summary}`, `Summary of ${ref(incident)} updated.`, { stateChanged: true });
}
