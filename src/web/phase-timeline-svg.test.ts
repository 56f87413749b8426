import { describe, expect, it } from 'vitest';
import { imageOutage } from '../core/postmortem/fixture-image-outage';
import { justDeclared } from '../core/postmortem/fixtures';
import { resolveTimeline } from '../core/postmortem/resolve-timeline';
import { publicIncident } from '../../test/web/public-fixtures';
import { publicPhases, recordPhases } from './incident-phases';
import { phaseBands, phaseTimelineSvg, ticks } from './phase-timeline-svg';

const d = (iso: string) => new Date(iso);

describe('phaseBands', () => {
  it('runs each status until the next change, merges repeats, and ends with resolved', () => {
    const input = {
      startedAt: d('2024-05-31T16:58:00Z'),
      resolvedAt: d('2024-05-31T20:02:00Z'),
      status: 'resolved' as const,
      phases: [
        { status: 'investigating' as const, at: d('2024-05-31T17:20:00Z') },
        { status: 'investigating' as const, at: d('2024-05-31T17:25:00Z') },
        { status: 'identified' as const, at: d('2024-05-31T18:34:00Z') },
        { status: 'monitoring' as const, at: d('2024-05-31T19:31:00Z') },
        { status: 'resolved' as const, at: d('2024-05-31T20:02:00Z') },
      ],
      markers: [],
      now: d('2024-06-01T00:00:00Z'),
      zone: 'America/Los_Angeles',
    };
    const end = d('2024-05-31T20:11:00Z').getTime();
    expect(phaseBands(input, end).map((b) => [b.phase, new Date(b.from).toISOString().slice(11, 16), new Date(b.to).toISOString().slice(11, 16)])).toEqual([
      ['undeclared', '16:58', '17:20'],
      ['investigating', '17:20', '18:34'],
      ['identified', '18:34', '19:31'],
      ['monitoring', '19:31', '20:02'],
      ['resolved', '20:02', '20:11'],
    ]);
  });
});

describe('ticks', () => {
  it('are round local times, at most 6, labelled as a clock or a date', () => {
    const t0 = d('2024-05-31T16:58:00Z').getTime();
    expect(ticks(t0, d('2024-05-31T20:11:00Z').getTime(), 'America/Los_Angeles').map((t) => t.label)).toEqual(['10:00', '11:00', '12:00', '13:00']);
    expect(ticks(t0, d('2024-06-04T20:00:00Z').getTime(), 'America/Los_Angeles').map((t) => t.label)).toEqual(['1 Jun', '2 Jun', '3 Jun', '4 Jun']);
  });
});

describe('phaseTimelineSvg', () => {
  it('draws the internal record: coloured bands, a marker per status update and per note, with their text', () => {
    const record = imageOutage();
    const svg = phaseTimelineSvg(recordPhases(resolveTimeline(record.timeline), record, d('2024-06-01T00:00:00Z'))).value;
    expect(svg.match(/<rect class="(\w+)"/g)).toEqual([
      '<rect class="undeclared"',
      '<rect class="investigating"',
      '<rect class="identified"',
      '<rect class="monitoring"',
      '<rect class="resolved"',
    ]);
    expect(svg.match(/class="mark update"/g)).toHaveLength(5);
    expect(svg.match(/class="mark note"/g)!.length).toBeGreaterThanOrEqual(5);
    expect(svg).toContain('<title>31 May 2024, 11:34 PDT · Identified: We have identified a database configuration change as the cause and are reverting it. (Priya Raman)</title>');
    expect(svg).toContain('Investigating: 1 hour 14 minutes');
    expect(svg).toContain('Resolved 31 May 2024, 13:02 PDT');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('draws an ongoing incident up to now', () => {
    const record = justDeclared();
    const svg = phaseTimelineSvg(recordPhases(resolveTimeline(record.timeline), record, new Date(record.incident.startedAt.getTime() + 45 * 60_000))).value;
    expect(svg.match(/<rect class="(\w+)"/g)).toEqual(['<rect class="investigating"']);
    expect(svg).toContain('Investigating: 45 minutes');
    expect(svg).not.toContain('k-resolved');
  });

  it('on the public page draws public updates only, escaped', () => {
    const incident = publicIncident({ title: 'x', started: '2026-05-27T08:00:00Z', updates: [['2026-05-27T08:10:00Z', 'identified', '<b>bold</b> & fixed']] });
    const svg = phaseTimelineSvg(publicPhases(incident, d('2026-05-27T09:00:00Z'), 'Europe/Paris')).value;
    expect(svg).toContain('<title>27 May 2026, 10:10 CEST · Identified: &lt;b&gt;bold&lt;/b&gt; &amp; fixed</title>');
    expect(svg).not.toContain('mark note');
  });

  it('survives an incident of zero length', () => {
    const at = d('2026-05-27T08:00:00Z');
    const svg = phaseTimelineSvg({ startedAt: at, resolvedAt: at, status: 'resolved', phases: [{ status: 'resolved', at }], markers: [], now: at, zone: 'UTC' }).value;
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toContain('<rect class="resolved"');
  });
});
