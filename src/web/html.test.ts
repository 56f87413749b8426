import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml, raw, safeHref, SafeHtml } from './html';
import { layout, messagePage } from './layout';

describe('escapeHtml', () => {
  it('turns the five special characters into references and leaves other text alone', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(escapeHtml('Léa · 14:23 CEST → ok')).toBe('Léa · 14:23 CEST → ok');
  });

  it('drops control characters XML forbids and bidi overrides, keeping tabs and line breaks', () => {
    expect(escapeHtml('a\u0000b\u0008c\u001fd\u202eevil\u2066e\tf\ng')).toBe('abcdevile\tf\ng');
  });

  it('escapes an already escaped text again, so it shows as typed', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('the html template tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = '<img src=x onerror=alert(1)>';
    const out = html`<h1 title="${'" onmouseover="x'}">${title}</h1>`;
    expect(out).toBeInstanceOf(SafeHtml);
    expect(out.value).toBe('<h1 title="&quot; onmouseover=&quot;x">&lt;img src=x onerror=alert(1)&gt;</h1>');
  });

  it('keeps nested fragments and joins arrays; numbers show, null, undefined and booleans do not', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${0}${null}${undefined}${false}${true}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });

  it('inserts raw markup only when asked, and joins with an escaped separator', () => {
    expect(html`${raw('<b>x</b>')}`.value).toBe('<b>x</b>');
    expect(joinHtml([html`<i>a</i>`, 'b&c'], ' & ').value).toBe('<i>a</i> &amp; b&amp;c');
  });
});

describe('safeHref', () => {
  it('accepts http and https addresses only', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '/relative', 'https://exa mple.com', 'https://x.com/"onmouseover', '', null, undefined]) {
      expect(safeHref(bad)).toBeUndefined();
    }
  });
});

describe('layout', () => {
  it('is a complete document with viewport, inline styles only, and the title escaped', () => {
    const page = layout({ title: 'A <b> page', body: html`<p>hi</p>` }).value;
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<title>A &lt;b&gt; page</title>');
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|<link rel="stylesheet"|@import|url\(|https?:\/\/(?!www\.w3\.org)/);
    expect(page).not.toContain('noindex');
  });

  it('marks internal and message pages noindex', () => {
    expect(layout({ title: 't', body: '', noindex: true }).value).toContain('<meta name="robots" content="noindex, nofollow">');
    const msg = messagePage('Page not found', 'Nothing <here>.', '/').value;
    expect(msg).toContain('Nothing &lt;here&gt;.');
    expect(msg).toContain('<a href="/">Go to the status page</a>');
  });
});
