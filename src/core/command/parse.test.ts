import { describe, expect, it } from 'vitest';
import { SitrepError } from '../errors';
import type { TimeSpec, ZoneHint } from '../time/time-spec';
import { commandSchema, type Command } from './command';
import { parseCommand } from './parse';
import { SUBCOMMANDS } from './vocabulary';
import { prng } from '../../../test/fuzz/hostile';
import { parseRefusal } from '../../../test/support/refusal';

const refusal = parseRefusal;

/** One sentence: a capital or quote first, a full stop last, no sentence boundary inside. */
function expectOneSentence(message: string): void {
  expect(message).toMatch(/^["A-Z]/);
  expect(message).toMatch(/[.]$/);
  const inner = message.slice(0, -1).replace(/\be\.g\./g, 'eg').replace(/\bINC-<n>/g, 'INC');
  expect(inner).not.toMatch(/[.!?]["”)]?\s/);
  expect(inner).not.toMatch(/\n/);
}

function wall(hour: number, minute: number, extra: Partial<Extract<TimeSpec, { kind: 'wall' }>> = {}): TimeSpec {
  return { kind: 'wall', hour, minute, second: 0, ...extra };
}

const PST: ZoneHint = { typed: 'PST', zone: 'UTC-8', displayZone: 'America/Los_Angeles' };
const LA: ZoneHint = { typed: 'America/Los_Angeles', zone: 'America/Los_Angeles', displayZone: 'America/Los_Angeles' };
const MAY_31 = { year: 2024, month: 5, day: 31 };
const at1423 = wall(14, 23);
const at1450 = wall(14, 50);
const at1507 = wall(15, 7);

describe('parseCommand: every subcommand and alias', () => {
  it.each<[string, Command]>([
    // declare (aliases new, open)
    ['declare Checkout is failing', { kind: 'declare', private: false, title: 'Checkout is failing' }],
    ['declare sev2 Checkout is failing', { kind: 'declare', private: false, severity: 'sev2', title: 'Checkout is failing' }],
    ['declare private sev3 Payroll export leaks', { kind: 'declare', private: true, severity: 'sev3', title: 'Payroll export leaks' }],
    ['declare sev1 private Payroll export leaks', { kind: 'declare', private: true, severity: 'sev1', title: 'Payroll export leaks' }],
    ['declare private Payroll export leaks', { kind: 'declare', private: true, title: 'Payroll export leaks' }],
    ['new sev4 Dashboards are slow', { kind: 'declare', private: false, severity: 'sev4', title: 'Dashboards are slow' }],
    ['open Images fail', { kind: 'declare', private: false, title: 'Images fail' }],
    // note (alias log)
    ['note rollback started', { kind: 'note', text: 'rollback started' }],
    ['log rollback started', { kind: 'note', text: 'rollback started' }],
    // update (alias status), every status
    ['update investigating Looking into 500s', { kind: 'update', status: 'investigating', message: 'Looking into 500s' }],
    ['update identified Bad config in the image service', { kind: 'update', status: 'identified', message: 'Bad config in the image service' }],
    ['status monitoring Fix deployed', { kind: 'update', status: 'monitoring', message: 'Fix deployed' }],
    ['update resolved All good', { kind: 'update', status: 'resolved', message: 'All good' }],
    // severity (alias sev), title, summary
    ['severity sev1', { kind: 'severity', severity: 'sev1' }],
    ['sev sev3', { kind: 'severity', severity: 'sev3' }],
    ['title Product images fail to load', { kind: 'title', title: 'Product images fail to load' }],
    ['summary Image requests return 403 since the DB upgrade', { kind: 'summary', summary: 'Image requests return 403 since the DB upgrade' }],
    // lead / assign, every role and role alias
    ['lead @alice', { kind: 'assign', role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign commander @alice', { kind: 'assign', role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign comms @dana', { kind: 'assign', role: 'comms', person: { id: 'dana', name: 'dana' } }],
    ['assign scribe @sam', { kind: 'assign', role: 'scribe', person: { id: 'sam', name: 'sam' } }],
    ['assign ic @alice', { kind: 'assign', role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign lead @alice', { kind: 'assign', role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign communications @dana', { kind: 'assign', role: 'comms', person: { id: 'dana', name: 'dana' } }],
    // impact, every level word
    ['impact API partial', { kind: 'impact', component: 'API', impact: 'partial_outage' }],
    ['impact Image CDN degraded', { kind: 'impact', component: 'Image CDN', impact: 'degraded_performance' }],
    ['impact Image CDN degraded_performance', { kind: 'impact', component: 'Image CDN', impact: 'degraded_performance' }],
    ['impact Payments API major', { kind: 'impact', component: 'Payments API', impact: 'major_outage' }],
    ['impact Payments API outage', { kind: 'impact', component: 'Payments API', impact: 'major_outage' }],
    ['impact Payments API major_outage', { kind: 'impact', component: 'Payments API', impact: 'major_outage' }],
    ['impact API partial_outage', { kind: 'impact', component: 'API', impact: 'partial_outage' }],
    ['impact API none', { kind: 'impact', component: 'API', impact: null }],
    ['impact API operational', { kind: 'impact', component: 'API', impact: null }],
    ['impact API ok', { kind: 'impact', component: 'API', impact: null }],
    // action, actions, done
    ['action Alert on image error rate @bob', { kind: 'action', text: 'Alert on image error rate', owner: { id: 'bob', name: 'bob' } }],
    ['action Alert on image error rate', { kind: 'action', text: 'Alert on image error rate' }],
    ['actions', { kind: 'actions' }],
    ['done 2', { kind: 'done', action: 2 }],
    ['done #3', { kind: 'done', action: 3 }],
    ['done 007', { kind: 'done', action: 7 }],
    // resolve, reopen, timeline, list, postmortem, help
    ['resolve', { kind: 'resolve', message: '' }],
    ['resolve Images load again', { kind: 'resolve', message: 'Images load again' }],
    ['reopen', { kind: 'reopen', reason: '' }],
    ['reopen errors are back', { kind: 'reopen', reason: 'errors are back' }],
    ['timeline', { kind: 'timeline' }],
    ['list', { kind: 'list' }],
    ['postmortem', { kind: 'postmortem' }],
    ['help', { kind: 'help' }],
    ['help update', { kind: 'help', topic: 'update' }],
    ['help nonsense', { kind: 'help', topic: 'nonsense' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it('knows every subcommand word of the vocabulary', () => {
    const kinds = new Set(Object.values(SUBCOMMANDS));
    expect(kinds.size).toBe(21);
  });
});

describe('parseCommand: the /incident prefix and letter case', () => {
  it.each<[string, Command]>([
    ['/incident note rollback started', { kind: 'note', text: 'rollback started' }],
    ['  /incident   note   rollback started  ', { kind: 'note', text: 'rollback started' }],
    ['/INCIDENT Note rollback started', { kind: 'note', text: 'rollback started' }],
    ['/incident\nnote rollback started', { kind: 'note', text: 'rollback started' }],
    ['Declare SEV2 Checkout is failing', { kind: 'declare', private: false, severity: 'sev2', title: 'Checkout is failing' }],
    ['Update IDENTIFIED Bad deploy', { kind: 'update', status: 'identified', message: 'Bad deploy' }],
    ['STATUS Monitoring Fix deployed', { kind: 'update', status: 'monitoring', message: 'Fix deployed' }],
    ['severity INC-4 SEV1', { kind: 'severity', incident: 4, severity: 'sev1' }],
    ['note inc-4 lowercase reference', { kind: 'note', incident: 4, text: 'lowercase reference' }],
    ['note Inc-4 mixed case reference', { kind: 'note', incident: 4, text: 'mixed case reference' }],
    ['assign COMMS @dana', { kind: 'assign', role: 'comms', person: { id: 'dana', name: 'dana' } }],
    ['impact API PARTIAL', { kind: 'impact', component: 'API', impact: 'partial_outage' }],
    ['LIST', { kind: 'list' }],
    ['help UPDATE', { kind: 'help', topic: 'update' }],
    ['note AT 14:23 capital at', { kind: 'note', at: at1423, text: 'capital at' }],
    // `private` is a keyword only in lower case: a title may start with the word "Private".
    ['declare Private key found in a public repo', { kind: 'declare', private: false, title: 'Private key found in a public repo' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: INC-<n> after the subcommand', () => {
  it.each<[string, Command]>([
    ['note INC-4 rollback started', { kind: 'note', incident: 4, text: 'rollback started' }],
    ['note INC-0042 leading zeros', { kind: 'note', incident: 42, text: 'leading zeros' }],
    ['note INC-123456789 nine digits', { kind: 'note', incident: 123456789, text: 'nine digits' }],
    ['update INC-4 monitoring Fix deployed', { kind: 'update', incident: 4, status: 'monitoring', message: 'Fix deployed' }],
    ['severity INC-4 sev2', { kind: 'severity', incident: 4, severity: 'sev2' }],
    ['title INC-4 New name', { kind: 'title', incident: 4, title: 'New name' }],
    ['summary INC-4 New summary', { kind: 'summary', incident: 4, summary: 'New summary' }],
    ['lead INC-4 @alice', { kind: 'assign', incident: 4, role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign INC-4 scribe @sam', { kind: 'assign', incident: 4, role: 'scribe', person: { id: 'sam', name: 'sam' } }],
    ['impact INC-4 API none', { kind: 'impact', incident: 4, component: 'API', impact: null }],
    ['action INC-4 Rotate keys @bob', { kind: 'action', incident: 4, text: 'Rotate keys', owner: { id: 'bob', name: 'bob' } }],
    ['actions INC-4', { kind: 'actions', incident: 4 }],
    ['done INC-4 1', { kind: 'done', incident: 4, action: 1 }],
    ['resolve INC-4', { kind: 'resolve', incident: 4, message: '' }],
    ['resolve INC-4 Back to normal', { kind: 'resolve', incident: 4, message: 'Back to normal' }],
    ['reopen INC-4 errors are back', { kind: 'reopen', incident: 4, reason: 'errors are back' }],
    ['timeline INC-7', { kind: 'timeline', incident: 7 }],
    ['postmortem INC-2', { kind: 'postmortem', incident: 2 }],
    // only the first reference is the target; a second one is text
    ['note INC-4 INC-5 was the trigger', { kind: 'note', incident: 4, text: 'INC-5 was the trigger' }],
    // a word that merely starts with inc- is text
    ['note inc-related errors', { kind: 'note', text: 'inc-related errors' }],
    ['declare inc-tool is down', { kind: 'declare', private: false, title: 'inc-tool is down' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: at <time> in every place it may stand', () => {
  it.each<[string, Command]>([
    // right after the subcommand
    ['note at 14:23 errors spike', { kind: 'note', at: at1423, text: 'errors spike' }],
    ['log at 2:23 pm errors spike', { kind: 'note', at: at1423, text: 'errors spike' }],
    ['note at 14:23 PST errors spike', { kind: 'note', at: wall(14, 23, { zone: PST }), text: 'errors spike' }],
    ['note at 2024-05-31T14:23:00Z errors spike', { kind: 'note', at: { kind: 'instant', instant: new Date('2024-05-31T14:23:00Z') }, text: 'errors spike' }],
    ['update at 14:50 identified Provider confirmed', { kind: 'update', at: at1450, status: 'identified', message: 'Provider confirmed' }],
    ['severity at 14:23 sev1', { kind: 'severity', at: at1423, severity: 'sev1' }],
    ['title at 14:23 Checkout errors', { kind: 'title', at: at1423, title: 'Checkout errors' }],
    ['summary at 14:23 Card payments fail', { kind: 'summary', at: at1423, summary: 'Card payments fail' }],
    ['lead at 14:23 @alice', { kind: 'assign', at: at1423, role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['assign at 14:23 comms @dana', { kind: 'assign', at: at1423, role: 'comms', person: { id: 'dana', name: 'dana' } }],
    ['impact at 14:23 API major', { kind: 'impact', at: at1423, component: 'API', impact: 'major_outage' }],
    ['action at 14:23 Add an alert @bob', { kind: 'action', at: at1423, text: 'Add an alert', owner: { id: 'bob', name: 'bob' } }],
    ['done at 14:23 2', { kind: 'done', at: at1423, action: 2 }],
    ['resolve at 15:07 Back to normal', { kind: 'resolve', at: at1507, message: 'Back to normal' }],
    ['resolve at 15:07', { kind: 'resolve', at: at1507, message: '' }],
    ['reopen at 15:07 errors are back', { kind: 'reopen', at: at1507, reason: 'errors are back' }],
    // after INC-<n>, or before it
    ['note INC-4 at 14:23 errors spike', { kind: 'note', incident: 4, at: at1423, text: 'errors spike' }],
    ['note at 14:23 INC-4 errors spike', { kind: 'note', incident: 4, at: at1423, text: 'errors spike' }],
    ['resolve INC-4 at 15:07 Back to normal', { kind: 'resolve', incident: 4, at: at1507, message: 'Back to normal' }],
    // after the leading keyword of declare (severity, private) and update (status)
    [
      'declare sev2 at 2024-05-31 14:23 America/Los_Angeles Images fail',
      { kind: 'declare', private: false, severity: 'sev2', at: wall(14, 23, { date: MAY_31, zone: LA }), title: 'Images fail' },
    ],
    ['declare at 14:23 sev2 Images fail', { kind: 'declare', private: false, severity: 'sev2', at: at1423, title: 'Images fail' }],
    ['declare private at 14:23 PST sev1 Leak', { kind: 'declare', private: true, severity: 'sev1', at: wall(14, 23, { zone: PST }), title: 'Leak' }],
    ['declare at 14:23 Images fail', { kind: 'declare', private: false, at: at1423, title: 'Images fail' }],
    ['update identified at 14:50 Provider confirmed', { kind: 'update', at: at1450, status: 'identified', message: 'Provider confirmed' }],
    ['update INC-4 identified at 14:50 Provider confirmed', { kind: 'update', incident: 4, at: at1450, status: 'identified', message: 'Provider confirmed' }],
    // a word after `at` that does not start with a digit is text
    ['note at the moment db is slow', { kind: 'note', text: 'at the moment db is slow' }],
    ['note at', { kind: 'note', text: 'at' }],
    ['declare at the office wifi is down', { kind: 'declare', private: false, title: 'at the office wifi is down' }],
    ['update monitoring at the edge errors drop', { kind: 'update', status: 'monitoring', message: 'at the edge errors drop' }],
    ['resolve at last', { kind: 'resolve', message: 'at last' }],
    // `at` later in the text is text; only one time is read
    ['note errors at 14:23 spiked', { kind: 'note', text: 'errors at 14:23 spiked' }],
    ['note at 14:23 at 15:00 was the peak', { kind: 'note', at: at1423, text: 'at 15:00 was the peak' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: text is kept verbatim', () => {
  it.each<[string, Command]>([
    ['note first line\n  second line\n\nthird\tcolumn', { kind: 'note', text: 'first line\n  second line\n\nthird\tcolumn' }],
    ['note   outer spaces   are trimmed   ', { kind: 'note', text: 'outer spaces   are trimmed' }],
    ['note a\r\nb', { kind: 'note', text: 'a\r\nb' }],
    ['declare sev2 Checkout   is\tfailing', { kind: 'declare', private: false, severity: 'sev2', title: 'Checkout   is\tfailing' }],
    ['update identified Line one\nLine two', { kind: 'update', status: 'identified', message: 'Line one\nLine two' }],
    ['summary Images 403\n- since upgrade\n- EU only', { kind: 'summary', summary: 'Images 403\n- since upgrade\n- EU only' }],
    ['note <script>alert(1)</script>', { kind: 'note', text: '<script>alert(1)</script>' }],
    ["note '; DROP TABLE incidents; --", { kind: 'note', text: "'; DROP TABLE incidents; --" }],
    ['note 💥 Ünïcödé 日本語 עברית', { kind: 'note', text: '💥 Ünïcödé 日本語 עברית' }],
    ['note "quoted" and `code`', { kind: 'note', text: '"quoted" and `code`' }],
    ['action Ask @bob about the alert', { kind: 'action', text: 'Ask @bob about the alert' }],
    ['action Fix   spacing\nkept @bob', { kind: 'action', text: 'Fix   spacing\nkept', owner: { id: 'bob', name: 'bob' } }],
    ['impact Image\n  CDN partial', { kind: 'impact', component: 'Image CDN', impact: 'partial_outage' }],
    ['declare Severe latency in EU', { kind: 'declare', private: false, title: 'Severe latency in EU' }],
    ['declare Several regions down', { kind: 'declare', private: false, title: 'Several regions down' }],
    ['title ' + '😀'.repeat(150), { kind: 'title', title: '😀'.repeat(150) }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: mentions', () => {
  it.each<[string, Command]>([
    ['lead <@U123>', { kind: 'assign', role: 'commander', person: { id: 'U123' } }],
    ['lead <@U123|alice>', { kind: 'assign', role: 'commander', person: { id: 'U123', name: 'alice' } }],
    ['lead <at>Alice Smith</at>', { kind: 'assign', role: 'commander', person: { id: 'Alice Smith', name: 'Alice Smith' } }],
    ['lead <at>  Alice   Smith </at>', { kind: 'assign', role: 'commander', person: { id: 'Alice Smith', name: 'Alice Smith' } }],
    ['lead @alice', { kind: 'assign', role: 'commander', person: { id: 'alice', name: 'alice' } }],
    ['lead @alice.smith', { kind: 'assign', role: 'commander', person: { id: 'alice.smith', name: 'alice.smith' } }],
    ['lead @zoë_o-neil', { kind: 'assign', role: 'commander', person: { id: 'zoë_o-neil', name: 'zoë_o-neil' } }],
    ['lead @bob.', { kind: 'assign', role: 'commander', person: { id: 'bob', name: 'bob' } }],
    ['assign comms <@W42|dana>', { kind: 'assign', role: 'comms', person: { id: 'W42', name: 'dana' } }],
    ['assign scribe <at>Sam Lee</at>', { kind: 'assign', role: 'scribe', person: { id: 'Sam Lee', name: 'Sam Lee' } }],
    ['action Rotate keys <@U9>', { kind: 'action', text: 'Rotate keys', owner: { id: 'U9' } }],
    ['action Rotate keys <@U9|bob>', { kind: 'action', text: 'Rotate keys', owner: { id: 'U9', name: 'bob' } }],
    ['action Rotate keys <at>Bob Jones</at>', { kind: 'action', text: 'Rotate keys', owner: { id: 'Bob Jones', name: 'Bob Jones' } }],
    ['action Rotate keys @bob.', { kind: 'action', text: 'Rotate keys', owner: { id: 'bob', name: 'bob' } }],
    // an over-long "mention" names no one: as an owner it stays text
    ['action Fix <at>' + 'B'.repeat(250) + '</at>', { kind: 'action', text: 'Fix <at>' + 'B'.repeat(250) + '</at>' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

const A_NOTE = 'A note needs text, e.g. "/incident note rollback started".';
const NOT_INC = (typed: string): string => `"${typed}" is not an incident number: use INC- and the number, e.g. INC-42.`;
const TIME_FORMS = 'use 14:23, 14:23 PST, 2024-05-31 14:23 America/Los_Angeles or an ISO 8601 time with offset';
const STATUS_USE = 'use investigating, identified, monitoring or resolved, e.g. "/incident update identified Bad deploy found".';
const DONE_USE = 'use the number "/incident actions" shows, e.g. "/incident done 2".';
const long = (n: number): string => 'x'.repeat(n);

describe('parseCommand: every refusal is one sentence with a code', () => {
  it.each<[string, string, string]>([
    // empty
    ['', 'empty_command', 'The command is empty: say what to do, e.g. "/incident declare sev2 Checkout is failing", or "/incident help" for every subcommand.'],
    ['   \n\t', 'empty_command', 'The command is empty: say what to do, e.g. "/incident declare sev2 Checkout is failing", or "/incident help" for every subcommand.'],
    ['/incident', 'empty_command', 'The command is empty: say what to do, e.g. "/incident declare sev2 Checkout is failing", or "/incident help" for every subcommand.'],
    // unknown subcommand, with and without a suggestion, and words that belong elsewhere
    ['decalre sev2 x', 'unknown_subcommand', 'Unknown subcommand "decalre": perhaps you meant "declare"; "/incident help" lists every subcommand.'],
    ['RESOLVED', 'unknown_subcommand', 'Unknown subcommand "RESOLVED": perhaps you meant "resolve"; "/incident help" lists every subcommand.'],
    ['xyzzy', 'unknown_subcommand', 'Unknown subcommand "xyzzy": "/incident help" lists every subcommand.'],
    ['/incidents list', 'unknown_subcommand', 'Unknown subcommand "/incidents": "/incident help" lists every subcommand.'],
    [long(100), 'unknown_subcommand', `Unknown subcommand "${long(39)}…": "/incident help" lists every subcommand.`],
    ['sev2 Checkout down', 'unknown_subcommand', '"sev2" is a severity, not a subcommand: use "/incident declare sev2 <title>" or "/incident severity sev2".'],
    ['identified Bad deploy', 'unknown_subcommand', '"identified" is a status, not a subcommand: use "/incident update identified <message>".'],
    ['INC-4 note hi', 'unexpected_argument', '"INC-4" must come after the subcommand, e.g. "/incident note INC-4 rollback started".'],
    ['at 14:23 note hi', 'unexpected_argument', '"at <time>" must come after the subcommand, e.g. "/incident note at 14:23 errors spike".'],
    ['at noon note hi', 'unexpected_argument', '"at <time>" must come after the subcommand, e.g. "/incident note at 14:23 errors spike".'],
    // INC-<n> that is not a number
    ['note INC-0 x', 'incident_not_found', NOT_INC('INC-0')],
    ['note INC- x', 'incident_not_found', NOT_INC('INC-')],
    ['note INC-4a x', 'incident_not_found', NOT_INC('INC-4a')],
    ['note INC-#4 x', 'incident_not_found', NOT_INC('INC-#4')],
    ['timeline INC-1234567890', 'incident_not_found', NOT_INC('INC-1234567890')],
    // declare
    ['declare INC-3 Checkout', 'unexpected_argument', 'A new incident gets its number when declared, so leave out "INC-3", e.g. "/incident declare sev2 Checkout is failing".'],
    ['declare sev5 Checkout', 'invalid_severity', 'Unknown severity "sev5": use sev1, sev2, sev3 or sev4, e.g. "/incident declare sev2 Checkout is failing".'],
    ['declare SEV-2 Checkout', 'invalid_severity', 'Unknown severity "SEV-2": use sev1, sev2, sev3 or sev4, e.g. "/incident declare sev2 Checkout is failing".'],
    ['declare sev 2 Checkout', 'invalid_severity', 'Unknown severity "sev": use sev1, sev2, sev3 or sev4, e.g. "/incident declare sev2 Checkout is failing".'],
    ['declare', 'missing_argument', 'A new incident needs a title, e.g. "/incident declare sev2 Checkout is failing".'],
    ['declare private sev1 at 14:23', 'missing_argument', 'A new incident needs a title, e.g. "/incident declare sev2 Checkout is failing".'],
    // note
    ['note', 'missing_argument', A_NOTE],
    ['log   ', 'missing_argument', A_NOTE],
    ['note INC-4', 'missing_argument', A_NOTE],
    ['note at 14:23', 'missing_argument', A_NOTE],
    // update
    ['update', 'invalid_status', `A status update needs a status: ${STATUS_USE}`],
    ['update INC-4', 'invalid_status', `A status update needs a status: ${STATUS_USE}`],
    ['update fixed it', 'invalid_status', `Unknown status "fixed": ${STATUS_USE}`],
    ['update identified', 'missing_argument', 'A status update needs a message, e.g. "/incident update identified Rollback in progress".'],
    ['status monitoring at 14:50', 'missing_argument', 'A status update needs a message, e.g. "/incident update monitoring Rollback in progress".'],
    // severity
    ['severity', 'invalid_severity', '"/incident severity" needs a severity: use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".'],
    ['sev', 'invalid_severity', '"/incident sev" needs a severity: use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".'],
    ['severity 2', 'invalid_severity', 'Unknown severity "2": use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".'],
    ['severity sev1 because it is bad', 'unexpected_argument', 'Unexpected "because": use "/incident severity sev1".'],
    // title, summary
    ['title', 'missing_argument', 'A title change needs the new title, e.g. "/incident title Checkout errors in EU".'],
    ['summary INC-4', 'missing_argument', 'A summary needs text, e.g. "/incident summary Card payments fail for EU customers".'],
    // assign, lead, mentions
    ['assign', 'invalid_role', '"/incident assign" needs a role: use commander, comms, scribe or postmortem, e.g. "/incident assign comms @alice".'],
    ['assign boss @alice', 'invalid_role', 'Unknown role "boss": use commander, comms, scribe or postmortem, e.g. "/incident assign comms @alice".'],
    ['assign @alice', 'invalid_role', 'Unknown role "@alice": use commander, comms, scribe or postmortem, e.g. "/incident assign comms @alice".'],
    ['lead', 'invalid_mention', '"/incident lead" needs a person: name them with @, e.g. "/incident lead @alice".'],
    ['assign comms', 'invalid_mention', '"/incident assign" needs a person: name them with @, e.g. "/incident assign comms @alice".'],
    ['lead alice', 'invalid_mention', '"alice" is not a person: name them with @, e.g. "/incident lead @alice".'],
    ['lead <@u123>', 'invalid_mention', '"<@u123>" is not a person: name them with @, e.g. "/incident lead @alice".'],
    ['lead <at> </at>', 'invalid_mention', '"<at> </at>" is not a person: name them with @, e.g. "/incident lead @alice".'],
    ['lead @', 'invalid_mention', '"@" is not a person: name them with @, e.g. "/incident lead @alice".'],
    ['lead @' + long(250), 'invalid_mention', `"@${long(38)}…" is not a person: name them with @, e.g. "/incident lead @alice".`],
    ['assign scribe @sam please', 'unexpected_argument', 'Unexpected "please": use "/incident assign scribe @alice".'],
    ['lead @alice @bob', 'unexpected_argument', 'Unexpected "@bob": use "/incident lead @alice".'],
    // impact
    ['impact', 'missing_argument', 'An impact needs a component and a level (degraded, partial, major or none), e.g. "/incident impact API partial".'],
    ['impact API', 'missing_argument', 'An impact needs a component and a level (degraded, partial, major or none), e.g. "/incident impact API partial".'],
    ['impact INC-4 partial', 'missing_argument', 'An impact needs a component and a level (degraded, partial, major or none), e.g. "/incident impact API partial".'],
    ['impact API broken', 'invalid_impact', 'Unknown impact "broken": end with degraded, partial, major or none, e.g. "/incident impact API partial".'],
    ['impact API Gateway', 'invalid_impact', 'Unknown impact "Gateway": end with degraded, partial, major or none, e.g. "/incident impact API partial".'],
    // action
    ['action', 'missing_argument', 'An action item needs text, e.g. "/incident action Add an alert on queue depth @bob".'],
    ['action @bob', 'missing_argument', 'An action item needs text, e.g. "/incident action Add an alert on queue depth @bob".'],
    ['action INC-4 at 14:23', 'missing_argument', 'An action item needs text, e.g. "/incident action Add an alert on queue depth @bob".'],
    // actions, timeline, postmortem, list
    ['timeline at 14:00', 'unexpected_argument', '"/incident timeline" shows what is recorded and takes no "at <time>": use "/incident timeline [INC-<n>]".'],
    ['actions INC-4 at 14:00', 'unexpected_argument', '"/incident actions" shows what is recorded and takes no "at <time>": use "/incident actions [INC-<n>]".'],
    ['postmortem at 9:00', 'unexpected_argument', '"/incident postmortem" shows what is recorded and takes no "at <time>": use "/incident postmortem [INC-<n>] [reviewed]".'],
    ['timeline please', 'unexpected_argument', 'Unexpected "please": use "/incident timeline [INC-<n>]".'],
    ['postmortem INC-4 INC-5', 'unexpected_argument', 'Unexpected "INC-5": use "/incident postmortem [INC-<n>] [reviewed]".'],
    ['list INC-4', 'unexpected_argument', 'Unexpected "INC-4": use "/incident list".'],
    ['list at 14:00', 'unexpected_argument', 'Unexpected "at": use "/incident list".'],
    // done
    ['done', 'missing_argument', `"/incident done" needs an action number: ${DONE_USE}`],
    ['done INC-4', 'missing_argument', `"/incident done" needs an action number: ${DONE_USE}`],
    ['done abc', 'action_not_found', `"abc" is not an action number: ${DONE_USE}`],
    ['done 0', 'action_not_found', `"0" is not an action number: ${DONE_USE}`],
    ['done -1', 'action_not_found', `"-1" is not an action number: ${DONE_USE}`],
    ['done 1234567', 'action_not_found', `"1234567" is not an action number: ${DONE_USE}`],
    ['done 2 3', 'unexpected_argument', 'Unexpected "3": use "/incident done 2".'],
    ['done #02 and more', 'unexpected_argument', 'Unexpected "and": use "/incident done 2".'],
    // times read after `at` (the time reader's phrases, as one sentence)
    ['note at 25:00 x', 'invalid_time', `"25:00" is not a time: ${TIME_FORMS}.`],
    ['note at 5 servers down', 'invalid_time', `"5" is not a time: ${TIME_FORMS}.`],
    ['declare sev2 at 2024-02-30 14:00 x', 'invalid_time', '"2024-02-30" is not a date: use a real calendar date as YYYY-MM-DD, e.g. 2024-05-31.'],
    ['note at 2024-05-31 x', 'invalid_time', '"2024-05-31" needs a time after it, e.g. "2024-05-31 14:23".'],
    ['update identified at 14:50 Europe/Atlantis x', 'invalid_zone', '"Europe/Atlantis" is not a time zone: use an IANA name like America/Los_Angeles or Europe/Paris, or UTC.'],
    ['note at 1' + long(500), 'invalid_time', `"1${long(38)}…" is not a time: ${TIME_FORMS}.`],
  ])('%j → %s', (input, code, message) => {
    expect(() => parseCommand(input)).toThrow(message);
    const err = refusal(input);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expectOneSentence(err.message);
  });
});

describe('parseCommand: text Sitrep would not store (check-text)', () => {
  const control = 'A command contains control characters: type or paste it again as plain text.';
  const broken = 'A command contains characters that are not valid text (a broken encoding): paste it again as plain text.';
  const tooLong = (what: string, max: string, has: string, advice = 'shorten it'): string =>
    `${what} can be at most ${max} characters and this one has ${has}: ${advice}.`;
  it.each<[string, string, string]>([
    ['note bell \u0007 rings', 'control_characters', control],
    ['note nul \u0000', 'control_characters', control],
    ['note escape \u001b[31m red', 'control_characters', control],
    ['note vertical\u000Btab', 'control_characters', control],
    ['note delete \u007F', 'control_characters', control],
    ['note c1 \u009B', 'control_characters', control],
    ['\u0000', 'control_characters', control],
    ['note broken \uFFFD text', 'control_characters', broken],
    ['note lone \uD800 high surrogate', 'control_characters', broken],
    ['note lone \uDC00 low surrogate', 'control_characters', broken],
    ['note ' + long(10_240), 'text_too_long', tooLong('A command', '4,000', '10,245', 'shorten it or split it into several commands')],
    ['note ' + long(3_996), 'text_too_long', tooLong('A command', '4,000', '4,001', 'shorten it or split it into several commands')],
    ['note ' + long(3_001), 'text_too_long', tooLong('A note', '3,000', '3,001', 'shorten it or split it into several notes')],
    ['declare sev2 ' + long(151), 'text_too_long', tooLong('A title', '150', '151')],
    ['title ' + '😀'.repeat(151), 'text_too_long', tooLong('A title', '150', '151')],
    ['summary ' + long(3_001), 'text_too_long', tooLong('A summary', '3,000', '3,001')],
    ['update identified ' + long(3_001), 'text_too_long', tooLong('A status update', '3,000', '3,001')],
    ['impact ' + long(101) + ' partial', 'text_too_long', tooLong('A component name', '100', '101')],
    ['action ' + long(3_001), 'text_too_long', tooLong('An action item', '3,000', '3,001')],
    ['resolve ' + long(3_001), 'text_too_long', tooLong('A resolution message', '3,000', '3,001')],
    ['reopen ' + long(3_001), 'text_too_long', tooLong('A reason', '3,000', '3,001')],
  ])('%# %s', (input, code, message) => {
    expect(() => parseCommand(input)).toThrow(message);
    const err = refusal(input);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
    expectOneSentence(err.message);
  });

  it.each([
    ['note ' + long(3_000), 3_000],
    ['title ' + long(150), 150],
    ['impact ' + long(100) + ' ok', 100],
  ])('accepts text of exactly the limit (%#)', (input, length) => {
    const cmd = parseCommand(input);
    const value = cmd.kind === 'note' ? cmd.text : cmd.kind === 'title' ? cmd.title : cmd.kind === 'impact' ? cmd.component : '';
    expect(value).toHaveLength(length);
  });

  it('accepts tabs, newlines, carriage returns, emoji and joiners', () => {
    const text = 'tab\there\r\nnew 👩‍💻 line';
    expect(parseCommand(`note ${text}`)).toEqual({ kind: 'note', text });
  });
});

/** mulberry32: a tiny seeded PRNG, so a failure can be replayed. */

describe('parseCommand: property — any line gives a valid command or a SitrepError', () => {
  const random = prng(0x5175e9);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const recase = (s: string): string => (random() < 0.2 ? s.toUpperCase() : random() < 0.2 ? s[0]!.toUpperCase() + s.slice(1) : s);
  const subcommands = Object.keys(SUBCOMMANDS);
  const pieces: readonly (() => string)[] = [
    () => pick(['rollback', 'errors', 'spike', 'Checkout', 'is', 'failing', 'API', 'Image', 'CDN', 'the', 'moment', 'db', 'slow']),
    () => pick(subcommands),
    () => pick(['sev1', 'sev2', 'SEV3', 'sev4', 'sev5', 'sev', 'sev-2', 'Severe', 'private', 'Private']),
    () => pick(['investigating', 'identified', 'monitoring', 'resolved', 'fixed']),
    () => pick(['commander', 'comms', 'scribe', 'ic', 'lead', 'boss']),
    () => pick(['degraded', 'partial', 'major', 'none', 'ok', 'outage', 'broken']),
    () => pick(['INC-4', 'inc-42', 'INC-0', 'INC-', 'INC-4a', 'INC-#4', 'INC-99999999999', 'inc-related']),
    () => 'at',
    () => pick(['14:23', '2:23', 'pm', '11am', '25:00', '5', '2024-05-31', '2024-02-30', '2024-05-31T14:23:00Z', '2024-05-31T14:23+05:30', '1x', '99:99']),
    () => pick(['PST', 'UTC', 'Z', 'UTC+5', 'UTC+5:30', 'UTC-13', 'America/Los_Angeles', 'Europe/Atlantis', 'Checkout/Payments', 'a/b', 'Etc/GMT+3']),
    () =>
      random() < 0.15
        ? `${pick(['@', '<@U1|', '<at>'])}${'a'.repeat(150 + Math.floor(random() * 150))}${pick(['', '>', '</at>'])}`
        : pick(['@alice', '@bob.', '@', '<@U123>', '<@U123|alice>', '<@u1>', '<at>Alice Smith</at>', '<at></at>', '<at>', '</at>', '<@', '|', '>']),
    () => pick(['1', '2', '#3', '0', '-1', '007', '1234567']),
    () => pick(['<script>alert(1)</script>', "'; DROP TABLE incidents; --", '" OR 1=1 --', '%00', '${jndi:ldap://x}', '{{7*7}}', '../../etc/passwd', '\\', '`rm -rf`']),
    () => pick(['💥', '👩‍💻', '日本語', 'עברית', 'Ünïcödé', 'e\u0301', '\u200B', '\u202E', '\uFEFF', '\u00A0', '\u2028', '😀'.repeat(80)]),
    () => pick(['\u0000', '\u0007', '\u001b[31m', '\u007F', '\u009B', '\uFFFD', '\uD800', '\uDC00', '\t', '\r\n', '\n']),
    () => pick(['x', 'ab ', '😀', 'word ', '\n']).repeat(1 + Math.floor(random() * 5_000)),
    () => String.fromCharCode(...Array.from({ length: 1 + Math.floor(random() * 12) }, () => Math.floor(random() * 0x10000))),
  ];
  const separators = [' ', ' ', ' ', '  ', '\n', '\t', ' \u00A0 '];

  // Well-formed lines with holes, so half the lines come close to the grammar and then get mutated.
  const templates = [
    'declare {P} {S} {A} {X}', 'note {I} {A} {X}', 'log {A} {X}', 'update {I} {A} {U} {A} {X}', 'status {U} {X}',
    'severity {I} {A} {S}', 'title {I} {X}', 'summary {A} {X}', 'lead {I} {M}', 'assign {R} {M}', 'impact {I} {X} {L}',
    'action {A} {X} {M}', 'actions {I}', 'done {I} {N}', 'resolve {I} {A} {X}', 'reopen {X}', 'timeline {I}', 'list',
    'postmortem {I}', 'help {W}', 'unassign {I} {R}', 'snooze {I} {N}', 'stats 90d', 'postmortem {I} reviewed',
    'action {X} {M} due {D}',
  ];
  const holes: Record<string, () => string> = {
    P: () => pick(['private', '']),
    S: () => pieces[2]!(),
    U: () => pieces[3]!(),
    R: () => pieces[4]!(),
    L: () => pieces[5]!(),
    I: () => (random() < 0.5 ? pieces[6]!() : ''),
    A: () => (random() < 0.5 ? `at ${pieces[8]!()}${random() < 0.3 ? ` ${pieces[9]!()}` : ''}` : ''),
    M: () => pieces[10]!(),
    N: () => pieces[11]!(),
    D: () => pick(['2026-12-01', '2026-02-30', '2026-1-1', '12/01', '2026-12-01T10:00']),
    W: () => pick([...subcommands, 'nonsense', '']),
    X: () => Array.from({ length: Math.floor(random() * 4) }, () => pick([pieces[0]!, pieces[12]!, pieces[13]!])()).join(pick(separators)),
  };

  function shapedLine(): string {
    const words = pick(templates)
      .replace(/\{(\w)\}/g, (_, hole: string) => holes[hole]!())
      .split(' ')
      .filter(Boolean);
    if (random() < 0.3) words.splice(Math.floor(random() * (words.length + 1)), 0, pick(pieces)());
    if (random() < 0.2) words.splice(Math.floor(random() * words.length), 1);
    return words.map(recase).join(pick(separators));
  }

  function randomLine(): string {
    if (random() < 0.5) return shapedLine();
    let line = random() < 0.4 ? pick(['/incident ', '/INCIDENT ', '  /incident\n', '']) : '';
    if (random() < 0.85) line += recase(pick(subcommands));
    const count = Math.floor(random() * 12);
    for (let i = 0; i < count; i++) line += pick(separators) + recase(pick(pieces)());
    return line;
  }

  it('2,000 random lines', () => {
    const outcomes = { parsed: 0, refused: 0 };
    const kinds = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const line = randomLine();
      let cmd: Command;
      try {
        cmd = parseCommand(line);
      } catch (err) {
        if (!(err instanceof SitrepError)) throw new Error(`line #${i} ${JSON.stringify(line.slice(0, 200))} threw ${String(err)}`);
        expect(err.code, `line #${i} ${JSON.stringify(line.slice(0, 200))}: ${err.message}`).not.toBe('internal');
        expect(err.message.length, err.message).toBeLessThanOrEqual(300);
        expectOneSentence(err.message);
        outcomes.refused++;
        continue;
      }
      expect(commandSchema.parse(cmd)).toEqual(cmd);
      kinds.add(cmd.kind);
      outcomes.parsed++;
    }
    // the generator must exercise both outcomes, not only one
    expect(outcomes.parsed).toBeGreaterThan(200);
    expect(outcomes.refused).toBeGreaterThan(200);
    expect(kinds.size).toBe(21);
  });
});
