import type { CommandOf } from '../command/command';
import { incidentCard } from '../messages/message';
import { IMPACT_WORDS } from '../labels';
import type { Incident, Person, Severity } from '../types';
import type { Decision, DecisionContext } from './decision';
import { entry, person, summaryOf } from './entries';
import { matchComponent } from './set-component-impact';

export interface NewIncident {
  id: string;
  workspace: string;
  number: number;
  defaultSeverity: Severity;
  /** The display zone: the zone named in `at`, else the declarer's, else the default. */
  zone: string;
  /** People named in the declaration, resolved to platform users. */
  invite: Person[];
  /** The configured component names (empty: any name is accepted). */
  configuredComponents: readonly string[];
}

/** Components named when declaring are affected from the start; a form cannot say how badly. */
const DECLARED_IMPACT = 'partial_outage';

/** A new incident: the declarer leads it until someone else is named. */
export function declareIncident(cmd: CommandOf<'declare'>, n: NewIncident, ctx: DecisionContext): Decision {
  const declarer = person(ctx);
  const severity = cmd.severity ?? n.defaultSeverity;
  const affected = [...new Set((cmd.components ?? []).map((c) => matchComponent(c, n.configuredComponents)))];
  const incident: Incident = {
    id: n.id,
    workspace: n.workspace,
    number: n.number,
    title: cmd.title,
    summary: cmd.summary ?? '',
    severity,
    status: 'investigating',
    private: cmd.private,
    zone: n.zone,
    // `declare at 14:23` says when the impact started; the declaration itself is now.
    startedAt: ctx.occurredAt,
    declaredAt: ctx.now,
    mitigatedAt: null,
    resolvedAt: null,
    roles: { commander: declarer },
    components: Object.fromEntries(affected.map((c) => [c, DECLARED_IMPACT])),
    members: [...new Set([declarer.id, ...n.invite.map((p) => p.id)])],
    createdBy: declarer,
    updatedAt: ctx.now,
    version: 1,
  };
  const declared = entry(ctx, 'declared', cmd.title, { severity, status: 'investigating', title: cmd.title, public: !cmd.private });
  const assigned = entry(ctx, 'role_assigned', `${declarer.name} leads the incident`, { role: 'commander', person: declarer });
  const impacts = affected.map((component) =>
    entry(ctx, 'component_impact', `${component}: ${IMPACT_WORDS[DECLARED_IMPACT]}`, { component, impact: DECLARED_IMPACT, previousImpact: null }),
  );
  const visibility = cmd.private ? 'private ' : '';
  return {
    incident,
    entries: [declared, assigned, ...impacts],
    actions: [],
    outgoing: [
      summaryOf(incident),
      { to: 'announcements', message: { type: 'announcement', event: 'declared', incident: incidentCard(incident), author: declarer.name } },
    ],
    reply: `Declared ${visibility}INC-${n.number} (${severity}): ${cmd.title}. You are the commander; "/incident lead @someone" hands over.`,
  };
}
