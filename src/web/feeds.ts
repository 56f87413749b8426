/**
 * The history feeds: one entry per public status update of a public incident, newest first,
 * as Atom (RFC 4287) and RSS 2.0. Text is escaped by the same helper as the pages.
 */
import { STATUS_WORDS } from '../core/labels';
import type { FeedEntry } from '../db/public-repository';
import { html } from './html';
import type { StatusPageSettings } from './status-page-config';
import { incidentUrl } from './statuspage-api';

interface FeedContext {
  settings: StatusPageSettings;
  publicUrl: string;
  now: Date;
}

const root = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

function entryTitle(e: FeedEntry): string {
  return `${e.incident.title} — ${STATUS_WORDS[e.update.status]}`;
}

function entryId(ctx: FeedContext, e: FeedEntry): string {
  return `${incidentUrl(ctx.publicUrl, e.incident.id)}#update-${e.update.id}`;
}

function newest(ctx: FeedContext, entries: readonly FeedEntry[]): Date {
  return entries[0]?.update.at ?? ctx.now;
}

export function atomFeed(ctx: FeedContext, entries: readonly FeedEntry[]): string {
  const url = root(ctx.publicUrl);
  const items = entries.map(
    (e) => html`<entry>
<id>${entryId(ctx, e)}</id>
<title>${entryTitle(e)}</title>
<updated>${e.update.at.toISOString()}</updated>
<published>${e.update.at.toISOString()}</published>
<link rel="alternate" type="text/html" href="${incidentUrl(ctx.publicUrl, e.incident.id)}"/>
<content type="text">${STATUS_WORDS[e.update.status]}: ${e.update.body}</content>
</entry>
`,
  );
  return html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${url}/history.atom</id>
<title>${ctx.settings.name} status history</title>
<updated>${newest(ctx, entries).toISOString()}</updated>
<link rel="self" type="application/atom+xml" href="${url}/history.atom"/>
<link rel="alternate" type="text/html" href="${url}/"/>
<author><name>${ctx.settings.name}</name></author>
${items}</feed>
`.value;
}

export function rssFeed(ctx: FeedContext, entries: readonly FeedEntry[]): string {
  const url = root(ctx.publicUrl);
  const items = entries.map(
    (e) => html`<item>
<title>${entryTitle(e)}</title>
<link>${incidentUrl(ctx.publicUrl, e.incident.id)}</link>
<guid isPermaLink="false">${entryId(ctx, e)}</guid>
<pubDate>${e.update.at.toUTCString()}</pubDate>
<description>${STATUS_WORDS[e.update.status]}: ${e.update.body}</description>
</item>
`,
  );
  return html`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${ctx.settings.name} status history</title>
<link>${url}/</link>
<description>Status updates of ${ctx.settings.name}, newest first.</description>
<lastBuildDate>${newest(ctx, entries).toUTCString()}</lastBuildDate>
<atom:link href="${url}/history.rss" rel="self" type="application/rss+xml"/>
${items}</channel>
</rss>
`.value;
}
