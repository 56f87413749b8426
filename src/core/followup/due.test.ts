import { describe, expect, it } from 'vitest';
import type { Incident } from '../types';
import { addBusinessDays, endOfDueDay } from './calendar';
import { actionOverdue, dueForOpenIncident, nextUpdateDue, noCommanderDue, postmortemReviewDue, staleDue, type OpenIncidentFacts } from './due';
import { median } from './metrics';
import { DEFAULT_FOLLOW_UP, parseCadence } from './settings';

const at = (iso: string) => new Date(iso);
const alice = { id: 'alice', name: 'alice' };

function incident(patch: Partial<Incident> = {}): Incident {
  const declared = at('2024-05-31T21:00:00Z');
  return {
    id: 'i1', workspace: 'w', number: 1, title: 'Checkout errors', summary: '', severity: 'sev1', status: 'investigating', private: false,
    zone: 'UTC', startedAt: declared, declaredAt: declared, mitigatedAt: null, resolvedAt: null, roles: { commander: alice },
    components: {}, members: ['alice'], createdBy: alice, updatedAt: declared, version: 1, ...patch,
  };
}

function facts(patch: Partial<OpenIncidentFacts> = {}): OpenIncidentFacts {
  const declared = at('2024-05-31T21:00:00Z');
  return {
    incident: incident(), lastUpdateAt: declared, lastStatusUpdate: null, lastActivityAt: declared, commanderVacantSince: declared,
    snooze: null, lastUpdateReminder: null, ignoredReminders: 0, lastNoCommanderDueAt: null, lastStaleSentAt: null, ...patch,
  };
}

const s = DEFAULT_FOLLOW_UP;

describe('status update due times', () => {
  it('is one cadence after the last update, then one cadence after each reminder', () => {
    expect(nextUpdateDue(facts(), s)).toEqual(at('2024-05-31T21:15:00Z'));
    const reminded = facts({ lastUpdateReminder: { dueAt: at('2024-05-31T21:15:00Z'), sentAt: at('2024-05-31T21:15:20Z') } });
    expect(nextUpdateDue(reminded, s)).toEqual(at('2024-05-31T21:30:00Z'));
  });

  it('after a reminder sent late, continues with the next step of the cadence instead of catching up', () => {
    const late = facts({ lastUpdateReminder: { dueAt: at('2024-05-31T21:15:00Z'), sentAt: at('2024-05-31T21:50:00Z') } });
    expect(nextUpdateDue(late, s)).toEqual(at('2024-05-31T22:00:00Z'));
  });

  it('is the end of a snooze given after the last update and reminder; an older snooze is forgotten', () => {
    const snoozed = facts({ snooze: { at: at('2024-05-31T21:16:00Z'), until: at('2024-05-31T21:31:00Z') }, lastUpdateReminder: { dueAt: at('2024-05-31T21:15:00Z'), sentAt: at('2024-05-31T21:15:00Z') } });
    expect(nextUpdateDue(snoozed, s)).toEqual(at('2024-05-31T21:31:00Z'));
    const old = facts({ lastUpdateAt: at('2024-05-31T21:40:00Z'), snooze: { at: at('2024-05-31T21:16:00Z'), until: at('2024-05-31T21:31:00Z') } });
    expect(nextUpdateDue(old, s)).toEqual(at('2024-05-31T21:55:00Z'));
  });

  it('follows the current severity; none for sev4 or a resolved incident', () => {
    expect(nextUpdateDue(facts({ incident: incident({ severity: 'sev3' }) }), s)).toEqual(at('2024-05-31T22:00:00Z'));
    expect(nextUpdateDue(facts({ incident: incident({ severity: 'sev4' }) }), s)).toBeNull();
    expect(nextUpdateDue(facts({ incident: incident({ status: 'resolved' }) }), s)).toBeNull();
  });
});

describe('nudges', () => {
  it('asks for a commander once per vacancy', () => {
    const vacant = facts({ incident: incident({ roles: {} }), commanderVacantSince: at('2024-05-31T21:02:00Z') });
    expect(noCommanderDue(vacant, s)).toEqual(at('2024-05-31T21:12:00Z'));
    expect(noCommanderDue({ ...vacant, lastNoCommanderDueAt: at('2024-05-31T21:12:00Z') }, s)).toBeNull();
    expect(noCommanderDue(facts(), s)).toBeNull();
  });

  it('asks about a stale incident a day after the last activity or the last time it asked', () => {
    expect(staleDue(facts({ lastActivityAt: at('2024-06-01T08:00:00Z') }), s)).toEqual(at('2024-06-02T08:00:00Z'));
    expect(staleDue(facts({ lastStaleSentAt: at('2024-06-01T21:00:00Z') }), s)).toEqual(at('2024-06-02T21:00:00Z'));
  });

  it('lists what is due now, and nothing before', () => {
    const f = facts({ incident: incident({ roles: {} }) });
    expect(dueForOpenIncident(f, s, at('2024-05-31T21:09:59Z'))).toEqual([]);
    expect(dueForOpenIncident(f, s, at('2024-05-31T21:15:00Z')).map((d) => d.kind)).toEqual(['no_commander', 'update_due']);
  });
});

describe('after resolution', () => {
  it('counts business days in the incident\'s zone, skipping the weekend', () => {
    expect(addBusinessDays(at('2024-05-31T21:10:00Z'), 3, 'UTC')).toEqual(at('2024-06-05T21:10:00Z'));
    expect(addBusinessDays(at('2024-06-03T09:00:00Z'), 3, 'UTC')).toEqual(at('2024-06-06T09:00:00Z'));
    expect(addBusinessDays(at('2024-06-01T12:00:00Z'), 1, 'UTC')).toEqual(at('2024-06-04T00:00:00Z'));
    expect(addBusinessDays(at('2024-05-31T21:10:00Z'), 3, 'Asia/Tokyo')).toEqual(at('2024-06-05T15:00:00Z'));
  });

  it('reminds about the postmortem only within the catch-up window', () => {
    const resolved = incident({ status: 'resolved', resolvedAt: at('2024-05-31T21:10:00Z') });
    expect(postmortemReviewDue(resolved, s, at('2024-06-05T21:09:00Z'))).toBeNull();
    expect(postmortemReviewDue(resolved, s, at('2024-06-05T21:10:00Z'))?.dueAt).toEqual(at('2024-06-05T21:10:00Z'));
    expect(postmortemReviewDue(resolved, s, at('2024-07-05T21:10:00Z'))).toBeNull();
  });

  it('makes an action overdue when its due day is over in the incident\'s zone', () => {
    expect(endOfDueDay('2026-12-01', 'America/Los_Angeles')).toEqual(at('2026-12-02T08:00:00Z'));
    const action = { incidentId: 'i1', number: 2, text: 'Alert', owner: null, state: 'open' as const, createdAt: at('2026-11-01T00:00:00Z'), doneAt: null, dueOn: '2026-12-01' };
    const la = incident({ zone: 'America/Los_Angeles' });
    expect(actionOverdue(la, action, s, at('2026-12-02T07:59:00Z'))).toBeNull();
    expect(actionOverdue(la, action, s, at('2026-12-02T08:00:00Z'))).toMatchObject({ kind: 'action_overdue', subject: 2 });
    expect(actionOverdue(la, { ...action, state: 'done' }, s, at('2026-12-03T00:00:00Z'))).toBeNull();
  });
});

describe('settings and medians', () => {
  it('reads UPDATE_CADENCE and names what is wrong', () => {
    expect(parseCadence('sev1:10, sev4:120')).toEqual({ sev1: 10, sev2: 30, sev3: 60, sev4: 120 });
    expect(() => parseCadence('sev1=15,sev9:5')).toThrow(
      'must list severities with minutes, e.g. sev1:15,sev2:30,sev3:60,sev4:0 (0 means never); "sev9:5" is not one',
    );
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
