import { describe, expect, it } from 'vitest';
import { publicIncident } from '../../test/web/public-fixtures';
import { componentViews, impactIntervals, type ComponentView } from './component-days';
import { loadStatusPageConfig } from './status-page-config';
import { formatUptime, stripSvg } from './strip-svg';

const settings = loadStatusPageConfig(undefined, { name: 'Acme', components: ['Storefront', 'Image storage', 'Checkout'], zone: 'Europe/Paris' });
const NOW = new Date('2026-05-27T12:00:00Z');

function day(view: ComponentView, iso: string) {
  const d = view.days.find((x) => x.iso === iso);
  if (!d) throw new Error(`no day ${iso}`);
  return { worst: d.worst, titles: d.incidents.map((i) => `${i.title}:${i.impact}`) };
}

function byName(views: ComponentView[], name: string): ComponentView {
  return views.find((v) => v.settings.name === name)!;
}

describe('componentViews', () => {
  it('has 90 days per configured component, in order, the last one today in the page zone', () => {
    const views = componentViews(settings, [], NOW);
    expect(views.map((v) => v.settings.name)).toEqual(['Storefront', 'Image storage', 'Checkout']);
    for (const v of views) {
      expect(v.days).toHaveLength(90);
      expect(v.days[0]).toMatchObject({ iso: '2026-02-27', label: '27 Feb 2026', worst: null, incidents: [] });
      expect(v.days.at(-1)).toMatchObject({ iso: '2026-05-27', label: '27 May 2026' });
      expect(v.status).toBe('operational');
      expect(v.uptime).toBe(100);
    }
    const lateEvening = componentViews(settings, [], new Date('2026-05-27T22:30:00Z'));
    expect(lateEvening[0]!.days.at(-1)!.iso).toBe('2026-05-28');
  });

  it('colours each day with the worst impact that day and names the incidents', () => {
    const a = publicIncident({
      title: 'Images fail',
      started: '2026-05-20T08:00:00Z',
      resolved: '2026-05-20T10:00:00Z',
      impacts: [
        ['2026-05-20T08:05:00Z', 'Image storage', 'degraded_performance'],
        ['2026-05-20T08:30:00Z', 'Image storage', 'major_outage'],
        ['2026-05-20T09:30:00Z', 'Image storage', null],
      ],
    });
    const b = publicIncident({ title: 'Slow pages', started: '2026-05-20T14:00:00Z', resolved: '2026-05-20T15:00:00Z', impacts: [['2026-05-20T14:00:00Z', 'Image storage', 'partial_outage']] });
    const views = componentViews(settings, [a, b], NOW);
    const storage = byName(views, 'Image storage');
    expect(day(storage, '2026-05-20')).toEqual({ worst: 'major_outage', titles: ['Images fail:major_outage', 'Slow pages:partial_outage'] });
    expect(day(storage, '2026-05-19').worst).toBeNull();
    expect(day(storage, '2026-05-21').worst).toBeNull();
    expect(day(byName(views, 'Storefront'), '2026-05-20').worst).toBeNull();
    expect(storage.status).toBe('operational');
    // 1 hour of major outage and 1 hour of partial outage (counted 30 %) over the 89.5 days shown.
    const span = NOW.getTime() - new Date('2026-02-26T23:00:00Z').getTime();
    expect(storage.uptime).toBeCloseTo(100 * (1 - 1.3 * 3_600_000 / span), 6);
  });

  it('cuts days at midnight in the page zone, and an impact ending at midnight stays on its day', () => {
    const overnight = publicIncident({ started: '2026-05-10T21:30:00Z', resolved: '2026-05-10T22:30:00Z', impacts: [['2026-05-10T21:30:00Z', 'Checkout', 'partial_outage']] });
    const untilMidnight = publicIncident({ started: '2026-05-12T21:00:00Z', resolved: '2026-05-12T22:00:00Z', impacts: [['2026-05-12T21:00:00Z', 'Checkout', 'partial_outage']] });
    const checkout = byName(componentViews(settings, [overnight, untilMidnight], NOW), 'Checkout');
    expect(['2026-05-10', '2026-05-11', '2026-05-12', '2026-05-13'].map((d) => day(checkout, d).worst)).toEqual([
      'partial_outage',
      'partial_outage',
      'partial_outage',
      null,
    ]);
  });

  it('counts an unresolved incident up to now and shows its current impact; a resolved one leaves the component operational', () => {
    const open = publicIncident({ started: '2026-05-25T10:00:00Z', impacts: [['2026-05-25T10:00:00Z', 'Storefront', 'degraded_performance']], updates: [['2026-05-25T10:05:00Z', 'identified', 'Found it']] });
    const resolvedWithLeftover = publicIncident({ started: '2026-05-26T10:00:00Z', resolved: '2026-05-26T11:00:00Z', impacts: [['2026-05-26T10:00:00Z', 'Checkout', 'major_outage']] });
    const views = componentViews(settings, [open, resolvedWithLeftover], NOW);
    const storefront = byName(views, 'Storefront');
    expect(storefront.status).toBe('degraded_performance');
    expect(['2026-05-25', '2026-05-26', '2026-05-27'].map((d) => day(storefront, d).worst)).toEqual(['degraded_performance', 'degraded_performance', 'degraded_performance']);
    expect(storefront.updatedAt).toEqual(open.updatedAt);
    expect(byName(views, 'Checkout').status).toBe('operational');
    expect(day(byName(views, 'Checkout'), '2026-05-27').worst).toBeNull();
  });

  it('leaves out the time a reopened incident was resolved', () => {
    const reopened = publicIncident({ started: '2026-05-01T10:00:00Z', resolved: '2026-05-03T12:00:00Z', impacts: [['2026-05-01T10:00:00Z', 'Checkout', 'major_outage']] });
    reopened.phases = [
      { status: 'investigating', at: new Date('2026-05-01T10:00:00Z') },
      { status: 'resolved', at: new Date('2026-05-01T11:00:00Z') },
      { status: 'investigating', at: new Date('2026-05-03T09:00:00Z') },
      { status: 'resolved', at: new Date('2026-05-03T12:00:00Z') },
    ];
    expect(impactIntervals(reopened, NOW).map((i) => [new Date(i.from).toISOString(), new Date(i.to).toISOString()])).toEqual([
      ['2026-05-01T10:00:00.000Z', '2026-05-01T11:00:00.000Z'],
      ['2026-05-03T09:00:00.000Z', '2026-05-03T12:00:00.000Z'],
    ]);
    const checkout = byName(componentViews(settings, [reopened], NOW), 'Checkout');
    expect(['2026-05-01', '2026-05-02', '2026-05-03'].map((d) => day(checkout, d).worst)).toEqual(['major_outage', null, 'major_outage']);
  });

  it('uses the components an incident lists when it recorded no impact changes', () => {
    const bare = publicIncident({ started: '2026-05-26T08:00:00Z' });
    bare.components = { Checkout: 'partial_outage' };
    expect(byName(componentViews(settings, [bare], NOW), 'Checkout').status).toBe('partial_outage');
  });

  it('lists every named component by name when none is configured, and shows an unconfigured one only while it is down', () => {
    const a = publicIncident({ started: '2026-05-20T08:00:00Z', resolved: '2026-05-20T09:00:00Z', impacts: [['2026-05-20T08:00:00Z', 'Search', 'partial_outage']] });
    const b = publicIncident({ started: '2026-05-27T08:00:00Z', impacts: [['2026-05-27T08:00:00Z', 'Billing', 'major_outage']] });
    const bare = { ...settings, components: [] };
    expect(componentViews(bare, [a, b], NOW).map((v) => v.settings.name)).toEqual(['Billing', 'Search']);
    expect(componentViews(settings, [a, b], NOW).map((v) => v.settings.name)).toEqual(['Storefront', 'Image storage', 'Checkout', 'Billing']);
  });
});

describe('stripSvg', () => {
  it('draws 90 bars and 90 focusable days whose details name the incidents, escaped', () => {
    const a = publicIncident({ title: '<script>x</script> Images', started: '2026-05-20T08:00:00Z', resolved: '2026-05-20T09:00:00Z', impacts: [['2026-05-20T08:00:00Z', 'Image storage', 'major_outage']] });
    const svg = stripSvg(byName(componentViews(settings, [a], NOW), 'Image storage')).value;
    expect(svg.match(/<rect /g)).toHaveLength(90);
    expect(svg.match(/<li class="day" tabindex="0"/g)).toHaveLength(90);
    expect(svg).toContain('<rect x="451" width="4" height="34" rx="1" class="major_outage"><title>20 May 2026: major outage — &lt;script&gt;x&lt;/script&gt; Images</title></rect>');
    expect(svg).toContain('data-day="2026-05-20"><div class="tip" role="tooltip"><strong>20 May 2026</strong>Major outage<ul><li>&lt;script&gt;x&lt;/script&gt; Images</li></ul></div></li>');
    expect(svg).toContain('data-day="2026-05-21"><div class="tip" role="tooltip"><strong>21 May 2026</strong>No incidents recorded.</div></li>');
    expect(svg).toContain('aria-label="Image storage, last 90 days: incidents on 1 day, 99.95 % uptime"');
    expect(svg).not.toContain('<script');
  });

  it('shows uptime with two decimals, never rounded up to 100 %', () => {
    expect(formatUptime(100)).toBe('100 %');
    expect(formatUptime(99.9999)).toBe('99.99 %');
    expect(formatUptime(98.5)).toBe('98.50 %');
  });
});
