import type { CommandOf } from '../command/command';
import { SitrepError } from '../errors';
import { closest, quotedChoices } from '../suggest';
import { IMPACT_WORDS } from '../labels';
import type { Incident } from '../types';
import type { Decision, DecisionContext } from './decision';
import { changed, entry, recordFact, ref } from './entries';

/**
 * The configured component a typed name means (case-insensitive). With no components
 * configured, any name is accepted as typed; an incident's existing components always match.
 */
export function matchComponent(typed: string, configured: readonly string[], incident?: Incident): string {
  const known = [...configured, ...Object.keys(incident?.components ?? {})];
  const exact = known.find((c) => c.toLowerCase() === typed.toLowerCase());
  if (exact) return exact;
  if (configured.length === 0) return typed;
  const guesses = closest(typed, configured, 3);
  const hint = guesses.length ? `did you mean ${quotedChoices(guesses)}?` : `the components are ${quotedChoices(configured.slice(0, 8))}${configured.length > 8 ? ', …' : ''}.`;
  throw new SitrepError('unknown_component', `There is no component "${typed.slice(0, 60)}": ${hint}`);
}

export function setComponentImpact(
  incident: Incident,
  cmd: CommandOf<'impact'>,
  configured: readonly string[],
  ctx: DecisionContext,
): Decision {
  const component = matchComponent(cmd.component, configured, incident);
  const previous = incident.components[component] ?? null;
  if (previous === cmd.impact) {
    const state = cmd.impact ? `already has ${IMPACT_WORDS[cmd.impact]}` : 'has no impact recorded';
    throw new SitrepError('no_change', `${component} ${state} on ${ref(incident)}.`);
  }
  const components = { ...incident.components };
  if (cmd.impact) components[component] = cmd.impact;
  else delete components[component];
  const next = changed(incident, ctx, { components });
  const words = cmd.impact ? IMPACT_WORDS[cmd.impact] : 'operational';
  const e = entry(ctx, 'component_impact', `${component}: ${words}`, { component, impact: cmd.impact, previousImpact: previous });
  return recordFact(next, e, `marked ${component} as ${words}`, `${component} is marked ${words} on ${ref(incident)}.`, { stateChanged: true });
}
