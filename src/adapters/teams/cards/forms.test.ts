import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/command/command';
import type { IncidentCard } from '../../../core/messages/message';
import type { AdaptiveCard, CardElement, CardInput, SubmitAction } from './adaptive-card';
import { visibleText } from './card-text';
import { declareForm, readFormSubmission, updateForm } from './forms';

const incident: IncidentCard = {
  number: 42,
  title: 'Checkout *is* failing',
  summary: '',
  severity: 'sev2',
  status: 'identified',
  private: false,
  zone: 'UTC',
  roles: [],
  components: [],
  startedAt: '2024-05-31T21:23:00Z',
  declaredAt: '2024-05-31T21:23:00Z',
  resolvedAt: null,
};

const isInput = (e: CardElement): e is CardInput => e.type.startsWith('Input.');
const inputs = (card: AdaptiveCard): Record<string, CardInput> => Object.fromEntries(card.body.filter(isInput).map((i) => [i.id, i]));
const submit = (card: AdaptiveCard): SubmitAction => {
  const action = card.actions?.[0];
  if (action?.type !== 'Action.Submit') throw new Error('no submit action');
  return action;
};
/** What Teams posts as `activity.value`: the action's data merged with the inputs' values. */
const posted = (card: AdaptiveCard, values: Record<string, string>): unknown => ({ ...submit(card).data, ...values });

describe('declareForm', () => {
  const form = declareForm({ components: ['checkout', 'payments', 'search'], defaultSeverity: 'sev3' });

  it('asks for a title, severity, components, summary and privacy', () => {
    expect(form.version).toBe('1.5');
    const byId = inputs(form);
    expect(Object.keys(byId)).toEqual(['title', 'severity', 'components', 'summary', 'private']);
    expect(byId.title).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: LIMITS.title });
    expect(byId.title?.errorMessage).toContain('title');
    expect(byId.severity).toMatchObject({ type: 'Input.ChoiceSet', value: 'sev3' });
    expect(byId.severity?.type === 'Input.ChoiceSet' && byId.severity.choices.map((c) => c.value)).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
    expect(byId.components).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
    expect(byId.components?.type === 'Input.ChoiceSet' && byId.components.choices.map((c) => c.value)).toEqual(['checkout', 'payments', 'search']);
    expect(byId.summary).toMatchObject({ type: 'Input.Text', isMultiline: true });
    expect(byId.private).toMatchObject({ type: 'Input.Toggle', value: 'false', valueOn: 'true', valueOff: 'false' });
    expect(submit(form).data).toEqual({ sitrep: 'declare' });
  });

  it('shows readable labels', () => {
    const seen = visibleText(form).join('\n');
    expect(seen).toContain('Declare an incident');
    expect(seen).toContain('Severity');
    expect(seen).toContain('Affected components');
    expect(seen).toContain('[Declare]');
  });

  it('takes components as comma-separated text when none are configured', () => {
    const byId = inputs(declareForm({ components: [], defaultSeverity: 'sev2' }));
    expect(byId.components).toMatchObject({ type: 'Input.Text' });
    expect(byId.components?.type === 'Input.Text' && byId.components.placeholder).toContain('comma-separated');
    expect(byId.severity).toMatchObject({ value: 'sev2' });
  });

  it('round-trips a full submission as Teams posts it', () => {
    const value = posted(form, { title: 'Checkout down', severity: 'sev1', components: 'checkout,payments', summary: 'All card payments fail.', private: 'true' });
    expect(readFormSubmission(value)).toEqual({
      kind: 'declare',
      title: 'Checkout down',
      severity: 'sev1',
      components: ['checkout', 'payments'],
      summary: 'All card payments fail.',
      private: true,
    });
  });

  it('reads missing and empty optional fields as absent', () => {
    expect(readFormSubmission({ sitrep: 'declare', title: 'Search slow', severity: 'sev3', private: 'false' })).toEqual({
      kind: 'declare',
      title: 'Search slow',
      severity: 'sev3',
      components: [],
      private: false,
    });
    expect(readFormSubmission({ sitrep: 'declare', title: '', components: '', summary: '  ' })).toEqual({ kind: 'declare', components: [], private: false });
  });

  it('splits typed components on commas, trimming blanks', () => {
    const value = posted(declareForm({ components: [], defaultSeverity: 'sev2' }), { title: 't', components: ' api , db,, cache ' });
    expect(readFormSubmission(value)).toMatchObject({ components: ['api', 'db', 'cache'] });
  });
});

describe('updateForm', () => {
  const form = updateForm({ incident });

  it('starts from the current status and severity', () => {
    const byId = inputs(form);
    expect(Object.keys(byId)).toEqual(['status', 'message', 'severity']);
    expect(byId.status).toMatchObject({ type: 'Input.ChoiceSet', value: 'identified' });
    expect(byId.status?.type === 'Input.ChoiceSet' && byId.status.choices.map((c) => c.title)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(byId.message).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: LIMITS.text });
    expect(byId.severity).toMatchObject({ value: 'sev2' });
    expect(submit(form).data).toEqual({ sitrep: 'update', incident: 42 });
  });

  it('names the incident, its title escaped', () => {
    const seen = visibleText(form).join('\n');
    expect(seen).toContain('Status update · INC-42\nCheckout *is* failing');
    expect(JSON.stringify(form)).toContain('Checkout \\\\*is\\\\* failing');
  });

  it('round-trips a submission as Teams posts it', () => {
    const value = posted(form, { status: 'monitoring', message: 'Rolled back, watching.', severity: 'sev3' });
    expect(readFormSubmission(value)).toEqual({ kind: 'update', incident: 42, status: 'monitoring', message: 'Rolled back, watching.', severity: 'sev3' });
    expect(readFormSubmission({ sitrep: 'update', incident: 42 })).toEqual({ kind: 'update', incident: 42 });
  });
});

describe('readFormSubmission refuses what is not one of our forms', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'declare'],
    ['an array', [{ sitrep: 'declare' }]],
    ['no marker', { title: 'x' }],
    ['another marker', { sitrep: 'delete' }],
    ['an update without incident', { sitrep: 'update', message: 'x' }],
    ['an update of incident 0', { sitrep: 'update', incident: 0 }],
    ['an update of incident 1.5', { sitrep: 'update', incident: 1.5 }],
    ['an update of incident "abc"', { sitrep: 'update', incident: 'abc' }],
    ['a non-string field', { sitrep: 'declare', title: { text: 'x' } }],
    ['a toggle that is neither true nor false', { sitrep: 'declare', private: 'yes' }],
    ['an update with a numeric message', { sitrep: 'update', incident: 42, message: 5 }],
  ])('%s', (_what, value) => {
    expect(readFormSubmission(value)).toBeNull();
  });
});
