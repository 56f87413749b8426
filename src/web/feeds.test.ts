import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../db/public-repository';
import { atomFeed, rssFeed } from './feeds';
import { loadStatusPageConfig } from './status-page-config';

const settings = loadStatusPageConfig(undefined, { name: 'Acme & Co', components: [] });
const ctx = { settings, publicUrl: 'https://status.example.com/', now: new Date('2026-05-27T12:00:00Z') };
const ID = '7d9f1c2e-0000-4000-8000-000000000001';

const entries: FeedEntry[] = [
  { incident: { id: ID, title: 'Checkout <fails>', severity: 'sev1' }, update: { id: '12', incidentId: ID, status: 'identified', body: 'Rollback & retry\u0000 "soon"', at: new Date('2026-05-27T09:40:00Z'), components: {} } },
  { incident: { id: ID, title: 'Checkout <fails>', severity: 'sev1' }, update: { id: '9', incidentId: ID, status: 'investigating', body: 'Looking.', at: new Date('2026-05-27T09:05:00Z'), components: {} } },
];

describe('atomFeed', () => {
  it('is an Atom feed with one escaped entry per update, newest first, with stable ids', () => {
    const xml = atomFeed(ctx, entries);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(xml).toContain('<id>https://status.example.com/history.atom</id>');
    expect(xml).toContain('<title>Acme &amp; Co status history</title>');
    expect(xml).toContain('<updated>2026-05-27T09:40:00.000Z</updated>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://status.example.com/history.atom"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain(`<id>https://status.example.com/incidents/${ID}#update-12</id>\n<title>Checkout &lt;fails&gt; — Identified</title>`);
    expect(xml).toContain('<content type="text">Identified: Rollback &amp; retry &quot;soon&quot;</content>');
    expect(xml.indexOf('update-12')).toBeLessThan(xml.indexOf('update-9'));
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
  });

  it('is valid with no entries, dated now', () => {
    const xml = atomFeed(ctx, []);
    expect(xml).toContain('<updated>2026-05-27T12:00:00.000Z</updated>');
    expect(xml).not.toContain('<entry>');
  });
});

describe('rssFeed', () => {
  it('is an RSS 2.0 channel with one item per update and RFC 822 dates', () => {
    const xml = rssFeed(ctx, entries);
    expect(xml).toContain('<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">');
    expect(xml).toContain('<link>https://status.example.com/</link>');
    expect(xml).toContain('<lastBuildDate>Wed, 27 May 2026 09:40:00 GMT</lastBuildDate>');
    expect(xml).toContain(`<item>\n<title>Checkout &lt;fails&gt; — Identified</title>\n<link>https://status.example.com/incidents/${ID}</link>\n<guid isPermaLink="false">https://status.example.com/incidents/${ID}#update-12</guid>\n<pubDate>Wed, 27 May 2026 09:40:00 GMT</pubDate>`);
    expect(xml.match(/<item>/g)).toHaveLength(2);
  });
});
