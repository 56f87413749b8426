import { describe, expect, it } from 'vitest';
import type { Command } from './command';
import { parseCommand } from './parse';
import { parseRefusal } from '../../../test/support/refusal';

const refusal = parseRefusal;

describe('parseCommand: follow-through subcommands', () => {
  it.each<[string, Command]>([
    ['unassign commander', { kind: 'unassign', role: 'commander' }],
    ['unassign lead', { kind: 'unassign', role: 'commander' }],
    ['unassign INC-4 comms', { kind: 'unassign', incident: 4, role: 'comms' }],
    ['unassign postmortem', { kind: 'unassign', role: 'postmortem' }],
    ['assign postmortem @pat', { kind: 'assign', role: 'postmortem', person: { id: 'pat', name: 'pat' } }],
    ['snooze', { kind: 'snooze' }],
    ['snooze INC-4', { kind: 'snooze', incident: 4 }],
    ['snooze 30', { kind: 'snooze', minutes: 30 }],
    ['snooze INC-4 45m', { kind: 'snooze', incident: 4, minutes: 45 }],
    ['snooze 20 minutes', { kind: 'snooze', minutes: 20 }],
    ['stats', { kind: 'stats', days: 30 }],
    ['stats 30d', { kind: 'stats', days: 30 }],
    ['stats 90d', { kind: 'stats', days: 90 }],
    ['stats 90 days', { kind: 'stats', days: 90 }],
    ['postmortem reviewed', { kind: 'postmortem', reviewed: true }],
    ['postmortem INC-4 reviewed', { kind: 'postmortem', incident: 4, reviewed: true }],
    ['action Add an alert @bob due 2026-12-01', { kind: 'action', text: 'Add an alert', owner: { id: 'bob', name: 'bob' }, due: '2026-12-01' }],
    ['action Add an alert due 2026-12-01 @bob', { kind: 'action', text: 'Add an alert', owner: { id: 'bob', name: 'bob' }, due: '2026-12-01' }],
    ['action Add an alert due 2026-12-01', { kind: 'action', text: 'Add an alert', due: '2026-12-01' }],
    ['action Pay what is due @bob', { kind: 'action', text: 'Pay what is due', owner: { id: 'bob', name: 'bob' } }],
    ['action Review due dates', { kind: 'action', text: 'Review due dates' }],
  ])('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });
});

describe('parseCommand: follow-through refusals', () => {
  it.each<[string, string, string]>([
    ['unassign', 'invalid_role', '"/incident unassign" needs a role: use commander, comms, scribe or postmortem, e.g. "/incident unassign scribe".'],
    ['unassign boss', 'invalid_role', 'Unknown role "boss": use commander, comms, scribe or postmortem, e.g. "/incident unassign scribe".'],
    ['unassign comms @dana', 'unexpected_argument', 'Unexpected "@dana": use "/incident unassign comms".'],
    ['snooze soon', 'unexpected_argument', '"soon" is not a number of minutes from 1 to 1440: use "/incident snooze [INC-<n>] [minutes]", e.g. "/incident snooze 30".'],
    ['snooze 0', 'unexpected_argument', '"0" is not a number of minutes from 1 to 1440: use "/incident snooze [INC-<n>] [minutes]", e.g. "/incident snooze 30".'],
    ['snooze 2000', 'unexpected_argument', '"2000" is not a number of minutes from 1 to 1440: use "/incident snooze [INC-<n>] [minutes]", e.g. "/incident snooze 30".'],
    ['snooze 30 please', 'unexpected_argument', 'Unexpected "please": use "/incident snooze [INC-<n>] [minutes]".'],
    ['snooze at 14:00', 'unexpected_argument', '"/incident snooze" counts from now and takes no "at <time>": use "/incident snooze [INC-<n>] [minutes]".'],
    ['stats 7d', 'unexpected_argument', 'Unknown period "7d": use 30d or 90d, e.g. "/incident stats 90d".'],
    ['stats 30d INC-1', 'unexpected_argument', 'Unexpected "INC-1": use "/incident stats 30d".'],
    ['postmortem approved', 'unexpected_argument', 'Unexpected "approved": use "/incident postmortem [INC-<n>] [reviewed]".'],
    ['action Add an alert due 2026-13-01', 'invalid_time', '"2026-13-01" is not a due date: write it as YYYY-MM-DD, e.g. "/incident action Add an alert @bob due 2026-12-01".'],
    ['action Add an alert due 1/12/2026 @bob', 'invalid_time', '"1/12/2026" is not a due date: write it as YYYY-MM-DD, e.g. "/incident action Add an alert @bob due 2026-12-01".'],
    ['action due 2026-12-01 @bob', 'missing_argument', 'An action item needs text, e.g. "/incident action Add an alert on queue depth @bob".'],
  ])('%j → %s', (input, code, sentence) => {
    const err = refusal(input);
    expect(err.code).toBe(code);
    expect(err.message).toBe(sentence);
  });
});

describe('declare: people named at the end are invited', () => {
  it.each<[string, unknown]>([
    ['declare sev2 DB down @bob <@U0CAROL003|carol>', { kind: 'declare', private: false, severity: 'sev2', title: 'DB down', invite: [{ id: 'bob', name: 'bob' }, { id: 'U0CAROL003', name: 'carol' }] }],
    ['declare Ask @bob about the DB', { kind: 'declare', private: false, title: 'Ask @bob about the DB' }],
    ['declare @bob', { kind: 'declare', private: false, title: '@bob' }],
  ])('%j', (line, expected) => {
    expect(parseCommand(line)).toEqual(expected);
  });
});
