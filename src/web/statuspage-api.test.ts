import { describe, expect, it } from 'vitest';
import { SEVERITY_IMPACT } from '../core/labels';
import { SEVERITIES } from '../core/types';
import { publicIncident } from '../../test/web/public-fixtures';
import { shapeProblems } from '../../test/web/statuspage-schema';
import { componentViews } from './component-days';
import { loadStatusPageConfig, stableId } from './status-page-config';
import {
  componentIndicator,
  componentsJson,
  incidentJson,
  INDICATOR_DESCRIPTIONS,
  overallIndicator,
  pageJson,
  severityImpact,
  statusJson,
  summaryJson,
  type ApiContext,
} from './statuspage-api';

const NOW = new Date('2026-05-27T12:00:00Z');
const SINCE = new Date('2026-05-01T00:00:00Z');
const settings = {
  ...loadStatusPageConfig(undefined, { name: 'Acme Status', components: ['Checkout', 'Images', 'API'], zone: 'Europe/Paris' }),
};
settings.components = settings.components.map((c) => (c.name === 'API' ? c : { ...c, group: 'Storefront' }));
settings.groups = [{ id: stableId('group', 'Storefront'), name: 'Storefront', description: 'What shoppers see' }];

const open = publicIncident({
  title: 'Images fail',
  severity: 'sev2',
  started: '2026-05-27T08:00:00Z',
  impacts: [
    ['2026-05-27T08:01:00Z', 'Images', 'major_outage'],
    ['2026-05-27T08:02:00Z', 'Checkout', 'degraded_performance'],
    ['2026-05-27T09:00:00Z', 'Images', 'partial_outage'],
  ],
  updates: [
    ['2026-05-27T08:05:00Z', 'investigating', 'We are looking into failed image loads.'],
    ['2026-05-27T09:05:00Z', 'monitoring', 'A fix is live.'],
  ],
});
const past = publicIncident({ title: 'API slow', severity: 'sev4', started: '2026-05-20T08:00:00Z', resolved: '2026-05-20T09:00:00Z', impacts: [['2026-05-20T08:00:00Z', 'API', 'degraded_performance']], updates: [['2026-05-20T08:10:00Z', 'identified', 'Slow queries.']] });

function context(incidents = [open, past]): ApiContext {
  return { settings, publicUrl: 'https://status.example.com/', since: SINCE, components: componentViews(settings, incidents, NOW) };
}

describe('words', () => {
  it('maps severity to impact as SEVERITY_IMPACT says: sev1 critical … sev4 none', () => {
    expect(SEVERITIES.map(severityImpact)).toEqual(['critical', 'major', 'minor', 'none']);
    for (const s of SEVERITIES) expect(severityImpact(s)).toBe(SEVERITY_IMPACT[s]);
  });

  it('maps component status to an indicator, and the worst of components and unresolved incidents is the page state', () => {
    expect((['operational', 'degraded_performance', 'partial_outage', 'major_outage'] as const).map(componentIndicator)).toEqual(['none', 'minor', 'major', 'critical']);
    expect(overallIndicator([], [])).toBe('none');
    expect(overallIndicator(['operational', 'degraded_performance'], [])).toBe('minor');
    expect(overallIndicator(['degraded_performance'], [{ severity: 'sev1', status: 'identified' }])).toBe('critical');
    expect(overallIndicator(['operational'], [{ severity: 'sev4', status: 'investigating' }])).toBe('none');
    expect(overallIndicator(['operational'], [{ severity: 'sev1', status: 'resolved' }])).toBe('none');
    expect(INDICATOR_DESCRIPTIONS).toEqual({ none: 'All Systems Operational', minor: 'Minor Service Outage', major: 'Partial System Outage', critical: 'Major System Outage' });
  });
});

describe('the Statuspage v2 shapes', () => {
  it('summary: page, status, components with their group, unresolved incidents, no maintenance', () => {
    const ctx = context();
    const summary = summaryJson(ctx, [open]);
    expect(shapeProblems('summary', summary)).toEqual([]);
    expect(summary.page).toEqual({ id: stableId('page', 'https://status.example.com'), name: 'Acme Status', url: 'https://status.example.com', time_zone: 'Europe/Paris', updated_at: '2026-05-27T09:05:00.000Z' });
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(summary.components.map((c) => [c.name, c.status, c.position, c.group, c.group_id])).toEqual([
      ['Storefront', 'partial_outage', 1, true, null],
      ['Checkout', 'degraded_performance', 2, false, stableId('group', 'Storefront')],
      ['Images', 'partial_outage', 3, false, stableId('group', 'Storefront')],
      ['API', 'operational', 4, false, null],
    ]);
    expect(summary.components[0]).toMatchObject({ id: stableId('group', 'Storefront'), description: 'What shoppers see', components: [stableId('component', 'Checkout'), stableId('component', 'Images')] });
    expect(summary.incidents.map((i) => i.name)).toEqual(['Images fail']);
    expect(summary.scheduled_maintenances).toEqual([]);
  });

  it('incident: impact from severity, times, shortlink, affected components and updates newest first with their component changes', () => {
    const json = incidentJson(context(), open);
    expect(shapeProblems('incidents', { page: pageJson(context(), NOW), incidents: [json] })).toEqual([]);
    expect(json).toMatchObject({
      id: open.id,
      name: 'Images fail',
      status: 'monitoring',
      impact: 'major',
      created_at: '2026-05-27T08:00:00.000Z',
      started_at: '2026-05-27T08:00:00.000Z',
      updated_at: '2026-05-27T09:05:00.000Z',
      monitoring_at: '2026-05-27T09:05:00.000Z',
      resolved_at: null,
      shortlink: `https://status.example.com/incidents/${open.id}`,
    });
    expect(json.components.map((c) => [c.id, c.name, c.status])).toEqual([
      [stableId('component', 'Images'), 'Images', 'partial_outage'],
      [stableId('component', 'Checkout'), 'Checkout', 'degraded_performance'],
    ]);
    expect(json.incident_updates.map((u) => [u.status, u.body, u.display_at])).toEqual([
      ['monitoring', 'A fix is live.', '2026-05-27T09:05:00.000Z'],
      ['investigating', 'We are looking into failed image loads.', '2026-05-27T08:05:00.000Z'],
    ]);
    expect(json.incident_updates[1]!.affected_components).toEqual([
      { code: stableId('component', 'Images'), name: 'Images', old_status: 'operational', new_status: 'major_outage' },
      { code: stableId('component', 'Checkout'), name: 'Checkout', old_status: 'operational', new_status: 'degraded_performance' },
    ]);
    expect(json.incident_updates[0]!.affected_components).toEqual([{ code: stableId('component', 'Images'), name: 'Images', old_status: 'major_outage', new_status: 'partial_outage' }]);
  });

  it('a resolved incident sets every affected component back to operational in its last update', () => {
    const json = incidentJson(context(), past);
    expect(json).toMatchObject({ status: 'resolved', impact: 'none', resolved_at: '2026-05-20T09:00:00.000Z', monitoring_at: null });
    expect(json.incident_updates[0]).toMatchObject({ status: 'resolved', affected_components: [{ name: 'API', old_status: 'degraded_performance', new_status: 'operational' }] });
  });

  it('status and components have their shapes too, and an empty page is all operational', () => {
    const ctx = context([]);
    expect(shapeProblems('status', { page: pageJson(ctx, SINCE), status: statusJson(ctx, []) })).toEqual([]);
    expect(shapeProblems('components', { page: pageJson(ctx, SINCE), components: componentsJson(ctx) })).toEqual([]);
    expect(statusJson(ctx, [])).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(summaryJson(ctx, []).page.updated_at).toBe(SINCE.toISOString());
  });

  it('the schema check itself catches a wrong enum and a missing field', () => {
    const bad = { ...incidentJson(context(), open), impact: 'sev2' } as Record<string, unknown>;
    delete bad.shortlink;
    expect(shapeProblems('incidents', { page: pageJson(context(), NOW), incidents: [bad] })).toEqual([
      "/incidents/0 must have required property 'shortlink'",
      '/incidents/0/impact must be equal to one of the allowed values',
    ]);
  });
});
