import { describe, expect, it } from 'vitest';
import { compilePostmortem } from '../core/postmortem/compile-postmortem';
import { imageOutage } from '../core/postmortem/fixture-image-outage';
import { storageMigration } from '../core/postmortem/fixture-storage-migration';
import { renderIncidentPage } from './incident-page';
import { postmortemFilename, renderPostmortemPage } from './postmortem-page';

const links = { incident: '/internal/T1/INC-42?expires=1&sig=a', postmortem: '/internal/T1/INC-42/postmortem?expires=1&sig=b', markdown: '/internal/T1/INC-42/postmortem.md?expires=1&sig=c', publicPage: '/incidents/x' };
const NOW = new Date('2024-06-01T00:00:00Z');

function text(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('renderIncidentPage', () => {
  it('shows the summary, key times, roles, components, phases, the whole timeline and the actions', () => {
    const html = renderIncidentPage(imageOutage(), links, NOW).value;
    const t = text(html);
    expect(html).toContain('<h1>INC-42: Product images fail to load on the storefront</h1>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(t).toContain('SEV2 · major Resolved');
    expect(t).toContain('Started 31 May 2024, 09:58 PDT');
    expect(t).toContain('Duration 3 hours 4 minutes');
    expect(t).toContain('Commander Dana Whitfield Communications lead Priya Raman');
    expect(t).toContain('Image storage: operational (worst: major outage)');
    expect(html).toContain('<figure class="phases"');
    expect(t).toContain('11:31 PDT Note : Root cause: the upgrade replaced pg_hba.conf');
    expect(t).toContain('10:50 PDT Status → investigating : CDN ruled out; widening the search to the application servers and the database. (internal only)');
    expect(html).toContain('<a href="https://acme.slack.com/archives/C07INC42/p1717180800123456" rel="noopener noreferrer">Pinned message</a>');
    expect(t).toContain('3 Write a rollback procedure for database upgrades unassigned open');
    expect(html).toContain(`href="${links.postmortem.replace(/&/g, '&amp;')}"`);
    expect(html).not.toContain('<th>Due</th>');
  });

  it('shows when actions are due, when any is', () => {
    const record = imageOutage();
    record.actions[1] = { ...record.actions[1]!, dueOn: '2024-06-15' };
    const t = text(renderIncidentPage(record, links, NOW).value);
    expect(t).toContain('# Action Owner Due State');
    expect(t).toContain('2 Alert on image service database connection errors Priya Raman 2024-06-15 open');
  });

  it('shows retracted entries struck through and corrected ones with their correction', () => {
    const html = renderIncidentPage(storageMigration(), { ...links, publicPage: null }, NOW).value;
    expect(html).toMatch(/<li class="retracted" data-kind="note">.*The content cache is serving stale 404s for these files\..*\(retracted\)/);
    expect(text(html)).toContain('Sync job copied 1,420 of 1,540 files; 120 are missing on the new storage. (corrected)');
    expect(html).not.toContain('Public page');
  });

  it('escapes everything people typed', () => {
    const record = imageOutage();
    record.incident.title = '<script>alert(1)</script>';
    record.incident.summary = '<img src=x onerror=alert(1)>';
    record.timeline[0]!.author = { id: 'U', name: '<b onmouseover=x>' };
    record.timeline[0]!.body = '<iframe>';
    record.actions[0]!.text = '<svg onload=alert(1)>';
    const html = renderIncidentPage(record, links, NOW).value + renderPostmortemPage(record, links, NOW).value;
    expect(html).not.toMatch(/<script|<img|<iframe|<b onmouseover|<svg onload/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('renderPostmortemPage', () => {
  it('is the compiled draft as HTML, with the phase timeline at the head of the timeline', () => {
    const record = imageOutage();
    const html = renderPostmortemPage(record, links, NOW).value;
    expect(html).toContain('<h1>INC-42: Product images fail to load on the storefront</h1>');
    expect(html).toMatch(/<h2>Timeline<\/h2>\n<div class="card" style="margin-bottom:1rem"><figure class="phases"/);
    expect(html).toContain('<blockquote class="gap"><p><em>To be written by the team: what went well, what went wrong, where we got lucky.</em></p></blockquote>');
    expect(html).toContain(`download="INC-42-postmortem.md"`);
    expect(postmortemFilename(record)).toBe('INC-42-postmortem.md');
    // Every line of the Markdown draft says something the page shows.
    expect(text(html)).toContain('Time to mitigate: 2 hours 4 minutes');
    expect(compilePostmortem(record)).toContain('**Time to mitigate:** 2 hours 4 minutes');
  });
});
