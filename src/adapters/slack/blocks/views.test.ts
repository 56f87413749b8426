import type { InputBlock, KnownBlock, PlainTextOption, View } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { IncidentCard } from '../../../core/messages/message';
import { blockTexts } from './block-text';
import {
  appHomeView,
  DECLARE_INPUTS,
  declareModal,
  readDeclareSubmission,
  readUpdateSubmission,
  type SubmittedValues,
  UPDATE_INPUTS,
  updateModal,
} from './views';

const card = (over: Partial<IncidentCard> = {}): IncidentCard => ({
  number: 42, title: 'Checkout is failing', summary: '', severity: 'sev2', status: 'identified', private: false,
  zone: 'America/Los_Angeles', roles: [{ role: 'commander', name: 'dana' }], components: [],
  startedAt: '2024-05-31T21:23:00Z', declaredAt: '2024-05-31T21:30:00Z', resolvedAt: null, ...over,
});

const inputs = (view: View) => view.blocks.filter((b): b is InputBlock => (b as KnownBlock).type === 'input');
const inputOf = (view: View, blockId: string) => {
  const found = inputs(view).find((b) => b.block_id === blockId);
  if (!found) throw new Error(`no input ${blockId}`);
  return found;
};
/** An option exactly as Slack echoes it back in view.state.values. */
const chosen = (o: PlainTextOption | undefined) => ({ text: { type: 'plain_text' as const, text: o?.text.text ?? '', emoji: true }, value: o?.value ?? '' });
const optionsOf = (b: InputBlock): PlainTextOption[] => ('options' in b.element ? (b.element.options as PlainTextOption[]) : []);

describe('declare modal', () => {
  const view = declareModal({ components: ['api', 'checkout', 'Image CDN'], defaultSeverity: 'sev3', privateMetadata: '{"channel":"C1"}' });

  it('asks for title, severity, components, summary and privacy', () => {
    expect(view).toMatchObject({ type: 'modal', callback_id: 'declare_incident', private_metadata: '{"channel":"C1"}', submit: { text: 'Declare' } });
    expect(inputs(view).map((b) => [b.label.text, b.element.type, b.optional ?? false])).toEqual([
      ['Title', 'plain_text_input', false],
      ['Severity', 'static_select', false],
      ['Affected components', 'multi_static_select', true],
      ['Summary', 'plain_text_input', true],
      ['Visibility', 'checkboxes', true],
    ]);
    expect(inputOf(view, DECLARE_INPUTS.title.block).element).toMatchObject({ max_length: 150 });
    expect(inputOf(view, DECLARE_INPUTS.summary.block).element).toMatchObject({ multiline: true, max_length: 3000 });
    expect(optionsOf(inputOf(view, DECLARE_INPUTS.private.block)).map((o) => o.text.text)).toEqual(['Private incident — only invited people can see it']);
  });

  it('offers every severity, the default preselected, and the configured components', () => {
    const severity = inputOf(view, DECLARE_INPUTS.severity.block);
    expect(optionsOf(severity).map((o) => o.text.text)).toEqual(['SEV1 — critical', 'SEV2 — major', 'SEV3 — minor', 'SEV4 — none']);
    expect(severity.element).toMatchObject({ initial_option: { value: 'sev3', text: { text: 'SEV3 — minor' } } });
    expect(optionsOf(inputOf(view, DECLARE_INPUTS.components.block)).map((o) => o.value)).toEqual(['api', 'checkout', 'Image CDN']);
  });

  it('asks for comma-separated components when none are configured', () => {
    const free = inputOf(declareModal({ components: [], defaultSeverity: 'sev2', privateMetadata: '' }), DECLARE_INPUTS.components.block);
    expect(free).toMatchObject({ optional: true, hint: { text: 'comma-separated' }, element: { type: 'plain_text_input' } });
  });

  it('groups more than 100 components, as Slack allows only 100 options per list', () => {
    const names = Array.from({ length: 250 }, (_, i) => `component-${i}`);
    const el = inputOf(declareModal({ components: names, defaultSeverity: 'sev2', privateMetadata: '' }), DECLARE_INPUTS.components.block).element;
    const groups = 'option_groups' in el ? (el.option_groups ?? []) : [];
    expect(groups.map((g) => [g.label.text, g.options.length])).toEqual([['Components 1–100', 100], ['Components 101–200', 100], ['Components 201–250', 50]]);
  });

  it('reads a submission back, trimmed', () => {
    const sev1 = optionsOf(inputOf(view, DECLARE_INPUTS.severity.block))[0];
    const [api, , cdn] = optionsOf(inputOf(view, DECLARE_INPUTS.components.block));
    const [priv] = optionsOf(inputOf(view, DECLARE_INPUTS.private.block));
    const values: SubmittedValues = {
      declare_title: { title: { type: 'plain_text_input', value: '  Checkout is failing ' } },
      declare_severity: { severity: { type: 'static_select', selected_option: chosen(sev1) } },
      declare_components: { components: { type: 'multi_static_select', selected_options: [chosen(api), chosen(cdn)] } },
      declare_summary: { summary: { type: 'plain_text_input', value: '502s on /pay\n' } },
      declare_private: { private: { type: 'checkboxes', selected_options: [chosen(priv)] } },
    };
    expect(readDeclareSubmission(values)).toEqual({ title: 'Checkout is failing', severity: 'sev1', components: ['api', 'Image CDN'], summary: '502s on /pay', private: true });
  });

  it('reads empty optional fields as absent, and typed components as a list', () => {
    const values: SubmittedValues = {
      declare_title: { title: { type: 'plain_text_input', value: 'DB down' } },
      declare_severity: { severity: { type: 'static_select', selected_option: chosen(optionsOf(inputOf(view, DECLARE_INPUTS.severity.block))[1]) } },
      declare_components: { components: { type: 'plain_text_input', value: ' api, , Image CDN ,api' } },
      declare_summary: { summary: { type: 'plain_text_input', value: null } },
      declare_private: { private: { type: 'checkboxes', selected_options: [] } },
    };
    expect(readDeclareSubmission(values)).toEqual({ title: 'DB down', severity: 'sev2', components: ['api', 'Image CDN'], summary: undefined, private: false });
    const none: SubmittedValues = { declare_components: { components: { type: 'multi_static_select', selected_options: [] } } };
    expect(readDeclareSubmission(none)).toEqual({ title: '', severity: undefined, components: [], summary: undefined, private: false });
  });
});

describe('status update modal', () => {
  const view = updateModal({ incident: card({ title: '<!channel> down' }), privateMetadata: 'INC-42' });

  it('preselects the current status and severity and requires a message', () => {
    expect(view).toMatchObject({ type: 'modal', callback_id: 'post_status_update', private_metadata: 'INC-42', submit: { text: 'Post update' } });
    expect(blockTexts(view.blocks as KnownBlock[])).toEqual(['*INC-42* &lt;!channel&gt; down']);
    const status = inputOf(view, UPDATE_INPUTS.status.block);
    expect(optionsOf(status).map((o) => o.text.text)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(status.element).toMatchObject({ initial_option: { value: 'identified' } });
    expect(inputOf(view, UPDATE_INPUTS.severity.block).element).toMatchObject({ initial_option: { value: 'sev2' } });
    const message = inputOf(view, UPDATE_INPUTS.message.block);
    expect(message.optional ?? false).toBe(false);
    expect(message.element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
  });

  it('reads a submission back', () => {
    const values: SubmittedValues = {
      update_status: { status: { type: 'static_select', selected_option: chosen(optionsOf(inputOf(view, UPDATE_INPUTS.status.block))[2]) } },
      update_message: { message: { type: 'plain_text_input', value: '  Fix deployed, watching  ' } },
      update_severity: { severity: { type: 'static_select', selected_option: chosen(optionsOf(inputOf(view, UPDATE_INPUTS.severity.block))[2]) } },
    };
    expect(readUpdateSubmission(values)).toEqual({ status: 'monitoring', message: 'Fix deployed, watching', severity: 'sev3' });
    expect(readUpdateSubmission({})).toEqual({ status: undefined, message: '', severity: undefined });
  });
});

describe('App Home', () => {
  const now = new Date('2024-05-31T23:35:30Z');

  it('lists open incidents with severity, status, commander and age', () => {
    const home = appHomeView({ incidents: [card(), card({ number: 43, title: 'Slow <search>', severity: 'sev4', status: 'investigating', roles: [], zone: 'Europe/Paris' })], now });
    expect(home.type).toBe('home');
    expect(blockTexts(home.blocks as KnownBlock[])).toEqual([
      'Open incidents',
      ':red_circle: *INC-42* Checkout is failing\n*SEV2* · Identified · Commander: dana · declared 2 hours 5 minutes ago (31 May 2024, 14:30 PDT)',
      ':large_orange_circle: *INC-43* Slow &lt;search&gt;\n*SEV4* · Investigating · No commander yet · declared 2 hours 5 minutes ago (31 May 2024, 23:30 CEST)',
    ]);
  });

  it('says when nothing is open', () => {
    expect(blockTexts(appHomeView({ incidents: [], now }).blocks as KnownBlock[]).join('\n')).toContain('No open incidents.');
  });

  it('stays within the 100 blocks of a Home tab', () => {
    const incidents = Array.from({ length: 130 }, (_, i) => card({ number: i + 1 }));
    const blocks = appHomeView({ incidents, now }).blocks as KnownBlock[];
    expect(blocks).toHaveLength(100);
    expect(blockTexts(blocks).at(-1)).toBe('… and 32 more open incidents — `/incident list` shows them all');
  });
});
