import { LIMITS } from '../../../core/command/command';
import { SEVERITY_IMPACT, severityLabel, STATUS_WORDS } from '../../../core/labels';
import type { IncidentCard } from '../../../core/messages/message';
import { SEVERITIES, STATUSES, type Severity } from '../../../core/types';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement, type InputChoiceSet } from './adaptive-card';

/**
 * The Teams forms for declaring an incident and posting a status update, and the reading of
 * what Teams posts back when one is submitted (an Action.Submit arrives as a message whose
 * `activity.value` holds the action's `data` merged with every input's value, all strings).
 * Nothing is validated here beyond shape: the core validates the command built from it.
 */

/** The `sitrep` key of a submission's data says which form it came from. */
export const FORM_KEY = 'sitrep';

export type DeclareSubmission = { kind: 'declare'; title?: string; severity?: string; components: string[]; summary?: string; private: boolean };
export type UpdateSubmission = { kind: 'update'; incident: number; status?: string; message?: string; severity?: string };
export type FormSubmission = DeclareSubmission | UpdateSubmission;

function severityChoices(value: Severity): InputChoiceSet {
  return {
    type: 'Input.ChoiceSet',
    id: 'severity',
    label: 'Severity',
    style: 'compact',
    isRequired: true,
    errorMessage: 'Choose a severity.',
    choices: SEVERITIES.map((s) => ({ title: `${severityLabel(s)} (${SEVERITY_IMPACT[s]})`, value: s })),
    value,
  };
}

export function declareForm(opts: { components: string[]; defaultSeverity: Severity }): AdaptiveCard {
  const components: CardElement = opts.components.length
    ? {
        type: 'Input.ChoiceSet',
        id: 'components',
        label: 'Affected components',
        isMultiSelect: true,
        style: 'compact',
        placeholder: 'None yet',
        choices: opts.components.map((name) => ({ title: name, value: name })),
      }
    : {
        type: 'Input.Text',
        id: 'components',
        label: 'Affected components',
        placeholder: 'comma-separated, e.g. checkout, payments',
        maxLength: LIMITS.text,
      };
  return adaptiveCard(
    [
      heading('Declare an incident', 'Medium'),
      {
        type: 'Input.Text',
        id: 'title',
        label: 'Title',
        placeholder: 'What is broken, in a few words',
        isRequired: true,
        maxLength: LIMITS.title,
        errorMessage: `Give the incident a title of at most ${LIMITS.title} characters.`,
      },
      severityChoices(opts.defaultSeverity),
      components,
      {
        type: 'Input.Text',
        id: 'summary',
        label: 'Summary',
        placeholder: 'What do we know so far?',
        isMultiline: true,
        maxLength: LIMITS.text,
      },
      {
        type: 'Input.Toggle',
        id: 'private',
        title: 'Private incident: only the people invited can see it',
        value: 'false',
        valueOn: 'true',
        valueOff: 'false',
      },
    ],
    [{ type: 'Action.Submit', title: 'Declare', style: 'positive', data: { [FORM_KEY]: 'declare' } }],
  );
}

export function updateForm(opts: { incident: IncidentCard }): AdaptiveCard {
  const c = opts.incident;
  return adaptiveCard(
    [
      heading(`Status update · INC-${c.number}`, 'Medium'),
      textBlock(c.title, { isSubtle: true, spacing: 'None' }),
      {
        type: 'Input.ChoiceSet',
        id: 'status',
        label: 'Status',
        style: 'compact',
        isRequired: true,
        errorMessage: 'Choose a status.',
        choices: STATUSES.map((s) => ({ title: STATUS_WORDS[s], value: s })),
        value: c.status,
      },
      {
        type: 'Input.Text',
        id: 'message',
        label: 'Message',
        placeholder: 'What changed, what is next, when the next update is due',
        isMultiline: true,
        isRequired: true,
        maxLength: LIMITS.text,
        errorMessage: `Write the update, at most ${LIMITS.text} characters.`,
      },
      severityChoices(c.severity),
    ],
    [{ type: 'Action.Submit', title: 'Post update', style: 'positive', data: { [FORM_KEY]: 'update', incident: c.number } }],
  );
}

/** A field as Teams posts it: a string, absent when the input was left empty. `null` = not a string. */
function field(value: Record<string, unknown>, key: string): string | undefined | null {
  const v = value[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return null;
  return v.trim() === '' ? undefined : v;
}

function incidentNumber(v: unknown): number | null {
  const n = typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** `activity.value` of a submitted Sitrep form, or null when it is anything else. */
export function readFormSubmission(value: unknown): FormSubmission | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const strings = (keys: string[]): Record<string, string | undefined> | null => {
    const out: Record<string, string | undefined> = {};
    for (const key of keys) {
      const s = field(v, key);
      if (s === null) return null;
      out[key] = s;
    }
    return out;
  };
  if (v[FORM_KEY] === 'declare') {
    const s = strings(['title', 'severity', 'components', 'summary', 'private']);
    if (!s) return null;
    const isPrivate = s.private === undefined ? false : s.private === 'true' ? true : s.private === 'false' ? false : null;
    if (isPrivate === null) return null;
    const components = (s.components ?? '').split(',').map((name) => name.trim()).filter(Boolean);
    return omitUndefined<DeclareSubmission>({ kind: 'declare', title: s.title, severity: s.severity, components, summary: s.summary, private: isPrivate });
  }
  if (v[FORM_KEY] === 'update') {
    const incident = incidentNumber(v.incident);
    const s = strings(['status', 'message', 'severity']);
    if (incident === null || !s) return null;
    return omitUndefined<UpdateSubmission>({ kind: 'update', incident, status: s.status, message: s.message, severity: s.severity });
  }
  return null;
}

function omitUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
}
