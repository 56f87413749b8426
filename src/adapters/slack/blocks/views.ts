import type { ViewOutput } from '@slack/bolt';
import type { HomeView, InputBlock, KnownBlock, ModalView, PlainTextOption, View } from '@slack/types';
import { LIMITS } from '../../../core/command/command';
import { SEVERITY_IMPACT, severityLabel, STATUS_WORDS } from '../../../core/labels';
import type { IncidentCard } from '../../../core/messages/message';
import { formatDateTime, formatDuration } from '../../../core/time/format';
import { SEVERITIES, STATUSES, type IncidentStatus, type Severity } from '../../../core/types';
import { incidentRef, stateEmoji } from './incident-blocks';
import { fitBlocks, SLACK_LIMITS } from './limits';
import { clip, context, escapeMrkdwn, header, plain, section } from './slack-text';

/** Modals, App Home, and the readers of what a submitted modal holds. They decide nothing. */

export const DECLARE_CALLBACK_ID = 'declare_incident';
export const UPDATE_CALLBACK_ID = 'post_status_update';

/** block_id and action_id of every input, stable so that submissions can be read back. */
export const DECLARE_INPUTS = {
  title: { block: 'declare_title', action: 'title' },
  severity: { block: 'declare_severity', action: 'severity' },
  components: { block: 'declare_components', action: 'components' },
  summary: { block: 'declare_summary', action: 'summary' },
  private: { block: 'declare_private', action: 'private' },
} as const;

export const UPDATE_INPUTS = {
  status: { block: 'update_status', action: 'status' },
  message: { block: 'update_message', action: 'message' },
  severity: { block: 'update_severity', action: 'severity' },
} as const;

/** The value of the "private" checkbox. */
export const PRIVATE_VALUE = 'private';

/** Option text: at most 75 characters; option value: at most 150. */
const option = (text: string, value: string): PlainTextOption => ({ text: plain(clip(text, 75)), value: value.slice(0, 150) });
const severityOptions = SEVERITIES.map((s) => option(`${severityLabel(s)} — ${SEVERITY_IMPACT[s]}`, s));
const statusOptions = STATUSES.map((s) => option(STATUS_WORDS[s], s));
const severityOption = (s: Severity) => severityOptions[SEVERITIES.indexOf(s)];
const statusOption = (s: IncidentStatus) => statusOptions[STATUSES.indexOf(s)];

type Input = { id: { block: string; action: string }; label: string; element: InputBlock['element']; optional?: boolean; hint?: string };

function input({ id, label, element, optional, hint }: Input): InputBlock {
  return {
    type: 'input',
    block_id: id.block,
    label: plain(label),
    element: { ...element, action_id: id.action } as InputBlock['element'],
    ...(optional ? { optional: true } : {}),
    ...(hint ? { hint: plain(hint) } : {}),
  };
}

export function declareModal(opts: { components: string[]; defaultSeverity: Severity; privateMetadata: string }): View {
  const i = DECLARE_INPUTS;
  const componentsInput: Input = opts.components.length
    ? { id: i.components, label: 'Affected components', optional: true, element: componentSelect(opts.components) }
    : {
        id: i.components,
        label: 'Affected components',
        optional: true,
        hint: 'comma-separated',
        element: { type: 'plain_text_input', placeholder: plain('api, checkout') },
      };
  const view: ModalView = {
    type: 'modal',
    callback_id: DECLARE_CALLBACK_ID,
    private_metadata: opts.privateMetadata,
    title: plain('Declare an incident'),
    submit: plain('Declare'),
    close: plain('Cancel'),
    blocks: [
      input({
        id: i.title,
        label: 'Title',
        element: { type: 'plain_text_input', max_length: LIMITS.title, placeholder: plain('Checkout is failing') },
      }),
      input({ id: i.severity, label: 'Severity', element: { type: 'static_select', options: severityOptions, initial_option: severityOption(opts.defaultSeverity) } }),
      input(componentsInput),
      input({ id: i.summary, label: 'Summary', optional: true, element: { type: 'plain_text_input', multiline: true, max_length: LIMITS.text } }),
      input({
        id: i.private,
        label: 'Visibility',
        optional: true,
        element: { type: 'checkboxes', options: [option('Private incident — only invited people can see it', PRIVATE_VALUE)] },
      }),
    ],
  };
  return view;
}

/** A multi-select of the configured components; past Slack's 100 options, in groups of 100. */
function componentSelect(names: string[]): InputBlock['element'] {
  const options = names.map((n) => option(n, n));
  if (options.length <= 100) return { type: 'multi_static_select', options, placeholder: plain('Choose components') };
  const option_groups: { label: ReturnType<typeof plain>; options: PlainTextOption[] }[] = [];
  for (let at = 0; at < options.length; at += 100) {
    option_groups.push({ label: plain(`Components ${at + 1}–${Math.min(at + 100, options.length)}`), options: options.slice(at, at + 100) });
  }
  return { type: 'multi_static_select', option_groups, placeholder: plain('Choose components') };
}

export function updateModal(opts: { incident: IncidentCard; privateMetadata: string }): View {
  const c = opts.incident;
  const i = UPDATE_INPUTS;
  const view: ModalView = {
    type: 'modal',
    callback_id: UPDATE_CALLBACK_ID,
    private_metadata: opts.privateMetadata,
    title: plain('Post a status update'),
    submit: plain('Post update'),
    close: plain('Cancel'),
    blocks: fitBlocks(
      [
        context(incidentRef(c)),
        input({ id: i.status, label: 'Status', element: { type: 'static_select', options: statusOptions, initial_option: statusOption(c.status) } }),
        input({
          id: i.message,
          label: 'Message',
          element: { type: 'plain_text_input', multiline: true, max_length: LIMITS.text, placeholder: plain('What changed, what is next') },
        }),
        input({ id: i.severity, label: 'Severity', element: { type: 'static_select', options: severityOptions, initial_option: severityOption(c.severity) } }),
      ],
      { maxBlocks: SLACK_LIMITS.viewBlocks },
    ),
  };
  return view;
}

/** `view.state.values` of a submitted modal, as Slack sends it. */
export type SubmittedValues = ViewOutput['state']['values'];

export interface DeclareSubmission {
  title: string;
  severity: Severity | undefined;
  components: string[];
  summary: string | undefined;
  private: boolean;
}

export interface UpdateSubmission {
  status: IncidentStatus | undefined;
  message: string;
  severity: Severity | undefined;
}

export function readDeclareSubmission(values: SubmittedValues): DeclareSubmission {
  const i = DECLARE_INPUTS;
  const components = field(values, i.components);
  const chosen = components?.selected_options?.map((o) => o.value) ?? splitList(components?.value);
  return {
    title: textOf(values, i.title) ?? '',
    severity: oneOf(SEVERITIES, field(values, i.severity)?.selected_option?.value),
    components: [...new Set(chosen.map((c) => c.trim()).filter(Boolean))],
    summary: textOf(values, i.summary),
    private: (field(values, i.private)?.selected_options ?? []).some((o) => o.value === PRIVATE_VALUE),
  };
}

export function readUpdateSubmission(values: SubmittedValues): UpdateSubmission {
  const i = UPDATE_INPUTS;
  return {
    status: oneOf(STATUSES, field(values, i.status)?.selected_option?.value),
    message: textOf(values, i.message) ?? '',
    severity: oneOf(SEVERITIES, field(values, i.severity)?.selected_option?.value),
  };
}

function field(values: SubmittedValues, id: { block: string; action: string }) {
  return values[id.block]?.[id.action];
}

/** Trimmed text, or undefined when the field was left empty. */
function textOf(values: SubmittedValues, id: { block: string; action: string }): string | undefined {
  const text = field(values, id)?.value?.trim();
  return text ? text : undefined;
}

function splitList(text: string | null | undefined): string[] {
  return text ? text.split(',') : [];
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function appHomeView(opts: { incidents: IncidentCard[]; now: Date }): View {
  const items: KnownBlock[] = opts.incidents.map((c) => {
    const declared = new Date(c.declaredAt);
    const commander = c.roles.find((r) => r.role === 'commander')?.name;
    const facts = [
      `*${severityLabel(c.severity)}*`,
      STATUS_WORDS[c.status],
      commander ? `Commander: ${escapeMrkdwn(commander)}` : 'No commander yet',
      `declared ${formatDuration(opts.now.getTime() - declared.getTime())} ago (${formatDateTime(declared, c.zone)})`,
    ];
    return section(`${stateEmoji(c)} ${incidentRef(c)}\n${facts.join(' · ')}`);
  });
  const empty = section(':white_check_mark: No open incidents. Declare one with `/incident declare sev2 &lt;title&gt;`.');
  const view: HomeView = {
    type: 'home',
    blocks: fitBlocks([header('Open incidents'), ...(items.length ? items : [empty])], {
      maxBlocks: SLACK_LIMITS.viewBlocks,
      more: (n) => `… and ${n} more open ${n === 1 ? 'incident' : 'incidents'} — \`/incident list\` shows them all`,
    }),
  };
  return view;
}
