import { describe, expect, it } from 'vitest';
import { publicIncident } from '../../test/web/public-fixtures';
import { componentViews } from './component-days';
import { renderPublicIncidentPage } from './public-incident-page';
import { renderStatusPage, type StatusPageData } from './status-page';
import { componentSettings, loadStatusPageConfig } from './status-page-config';

const NOW = new Date('2026-05-27T12:00:00Z');
const settings = loadStatusPageConfig(undefined, { name: 'Acme <Status>', components: ['Checkout', 'Images', 'API'], zone: 'Europe/Paris' });

function page(incidents: StatusPageData['incidents'], extra: Partial<StatusPageData> = {}): string {
  const s = extra.settings ?? settings;
  return renderStatusPage({ settings: s, publicUrl: 'https://status.example.com', now: NOW, components: componentViews(s, incidents, NOW), incidents, ...extra }).value;
}

/** The visible text, roughly. */
function text(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const ongoing = publicIncident({
  title: 'Checkout <script>alert(1)</script> errors',
  severity: 'sev1',
  started: '2026-05-27T09:00:00Z',
  impacts: [['2026-05-27T09:01:00Z', 'Checkout', 'major_outage']],
  updates: [
    ['2026-05-27T09:05:00Z', 'investigating', 'We are investigating checkout errors.'],
    ['2026-05-27T09:40:00Z', 'identified', 'A faulty deploy; rolling back.'],
  ],
});
const yesterday = publicIncident({ title: 'Images slow', severity: 'sev3', started: '2026-05-26T08:00:00Z', resolved: '2026-05-26T09:30:00Z', impacts: [['2026-05-26T08:00:00Z', 'Images', 'degraded_performance']], updates: [['2026-05-26T09:30:00Z', 'resolved', 'Images load quickly again.']] });
const lastWeek = publicIncident({ title: 'API errors', severity: 'sev2', started: '2026-05-20T10:00:00Z', resolved: '2026-05-20T11:00:00Z' });
const sameDay = publicIncident({ title: 'API timeouts', severity: 'sev2', started: '2026-05-20T15:00:00Z', resolved: '2026-05-20T16:00:00Z' });

describe('renderStatusPage', () => {
  it('says all is well when it is, with every component operational and the page name escaped', () => {
    const html = page([]);
    expect(html).toContain('<title>Acme &lt;Status&gt;: All Systems Operational</title>');
    expect(html).toContain('<div class="overall none" role="status">');
    expect(text(html)).toContain('All Systems Operational As of 27 May 2026, 14:00 CEST');
    expect(html.match(/<span class="state operational">Operational<\/span>/g)).toHaveLength(3);
    expect(text(html)).toContain('No incidents in the last 90 days.');
    expect(html).not.toContain('Active incidents');
  });

  it('during an incident: the worst state in one line, the incident with its updates newest first, the component down', () => {
    const html = page([ongoing, yesterday, lastWeek]);
    expect(html).toContain('<div class="overall critical" role="status">');
    expect(html).toContain('<span id="overall">Major System Outage</span>');
    const active = html.slice(html.indexOf('Active incidents'), html.indexOf('<h2>Components'));
    expect(active).toContain('Checkout &lt;script&gt;alert(1)&lt;/script&gt; errors');
    expect(text(active)).toMatch(/critical Identified · started 27 May 2026, 11:00 CEST Affects Checkout \(major outage\) Identified – A faulty deploy; rolling back\. 27 May 2026, 11:40 CEST Investigating – We are investigating/);
    expect(active).toContain(`href="/incidents/${ongoing.id}"`);
    expect(html).toMatch(/Checkout<\/span><span class="state major_outage">Major outage<\/span>/);
    expect(html).not.toContain('<script>');
  });

  it('lists past incidents by day, newest first, with impact, last update and resolution time', () => {
    const past = text(page([ongoing, yesterday, lastWeek, sameDay]).split('<h2>Past incidents</h2>')[1]!);
    expect(past).toMatch(
      /^ 26 May 2026 Images slow minor Images load quickly again\. 26 May 2026, 10:00 CEST · resolved 26 May 2026, 11:30 CEST 20 May 2026 API timeouts major This incident has been resolved\. 20 May 2026, 17:00 CEST · resolved 20 May 2026, 18:00 CEST API errors major/,
    );
    expect(past).not.toContain('Checkout');
  });

  it('shows groups with their worst state, hides an operational component marked onlyShowIfDegraded, and links components', () => {
    const grouped = {
      ...settings,
      groups: [{ id: 'g1', name: 'Shop', description: 'Shopping' }],
      components: [
        componentSettings('Checkout', { group: 'Shop', link: 'https://example.com/checkout', description: 'Pay <here>' }),
        componentSettings('API', { onlyShowIfDegraded: true }),
        componentSettings('Images', { group: 'Shop', link: 'javascript:alert(1)' }),
      ],
    };
    const html = page([ongoing], { settings: grouped });
    expect(html).toContain('<div class="group-name"><span>Shop<span class="desc">Shopping</span></span><span class="state major_outage">Major outage</span></div>');
    expect(html).toContain('<a href="https://example.com/checkout">Checkout</a>');
    expect(html).toContain('<div class="desc">Pay &lt;here&gt;</div>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/data-component="[^"]+">\s*<div class="row"><span class="name">API/);
    expect(html.indexOf('>Images<')).toBeGreaterThan(html.indexOf('>Checkout<'));
  });

  it('says so when the history was cut short, and works under a path prefix', () => {
    const html = page([yesterday], { truncated: true, publicUrl: 'https://example.com/status/' });
    expect(html).toContain('Older incidents of this period are not listed.');
    expect(html).toContain(`href="/status/incidents/${yesterday.id}"`);
    expect(html).toContain('href="/status/history.atom"');
  });
});

describe('renderPublicIncidentPage', () => {
  it('shows the incident, its affected components, its phases and its public updates', () => {
    const html = renderPublicIncidentPage(ongoing, settings, 'https://status.example.com', NOW).value;
    expect(html).toContain('<h2 style="margin-top:0">Checkout &lt;script&gt;alert(1)&lt;/script&gt; errors</h2>');
    expect(text(html)).toContain('Affected: Checkout (major outage)');
    expect(html).toContain('<figure class="phases"');
    expect(text(html)).toMatch(/Identified – A faulty deploy; rolling back\.[\s\S]*Investigating – We are investigating/);
    expect(html).not.toContain('<script>');
  });
});
