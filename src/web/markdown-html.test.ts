import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePostmortem } from '../core/postmortem/compile-postmortem';
import { largeRecord } from '../core/postmortem/fixtures';
import { imageOutage } from '../core/postmortem/fixture-image-outage';
import { inlineHtml, markdownToHtml } from './markdown-html';

/** The visible text of some HTML, roughly: tags dropped, references decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('inline Markdown', () => {
  it.each([
    ['**SEV2** · Resolved', '<strong>SEV2</strong> · Resolved'],
    ['_Posted 31 May by dana; public._', '<em>Posted 31 May by dana; public.</em>'],
    ['~~**Investigating**: wrong~~ (retracted)', '<del><strong>Investigating</strong>: wrong</del> (retracted)'],
    ['[Pinned message](https://acme.slack.com/archives/C1/p1): plan', '<a href="https://acme.slack.com/archives/C1/p1" rel="noopener noreferrer">Pinned message</a>: plan'],
    ['add one with `/incident action <text> @owner`', 'add one with <code>/incident action &lt;text&gt; @owner</code>'],
    ['\\# not a heading, 1\\. not a list, a \\| b', '# not a heading, 1. not a list, a | b'],
    ['&lt;script&gt; &#126; &amp;', '&lt;script&gt; ~ &amp;'],
    ['snake_case_name and 2*3*4', 'snake_case_name and 2*3*4'],
    ['** not bold ** and _ not em _', '** not bold ** and _ not em _'],
  ])('%s', (markdown, html) => {
    expect(inlineHtml(markdown)).toBe(html);
  });

  it('never lets raw HTML or a script address through', () => {
    expect(inlineHtml('<img src=x onerror=alert(1)> "q"')).toBe('&lt;img src=x onerror=alert(1)&gt; &quot;q&quot;');
    expect(inlineHtml('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
    expect(inlineHtml('[x](data:text/html,hi)')).not.toContain('<a');
    expect(inlineHtml('&#0; &#x110000; &#xD800;')).toBe('\ufffd \ufffd \ufffd');
  });
});

describe('markdownToHtml', () => {
  it('renders headings, paragraphs, lists, quotes and tables', () => {
    const md = ['# INC-1: A <b>', '', 'One line', 'and its continuation.', '', '- a', '- **b**', '', '> quoted', '> on two lines', '', '| # | Action |', '|---|---|', '| 1 | Fix a \\| b |', '| 2 |', '', '### Sub'].join('\n');
    expect(markdownToHtml(md)).toBe(
      [
        '<h1>INC-1: A &lt;b&gt;</h1>',
        '<p>One line and its continuation.</p>',
        '<ul><li>a</li><li><strong>b</strong></li></ul>',
        '<blockquote><p>quoted on two lines</p></blockquote>',
        '<table><thead><tr><th>#</th><th>Action</th></tr></thead><tbody><tr><td>1</td><td>Fix a | b</td></tr><tr><td>2</td><td></td></tr></tbody></table>',
        '<h3>Sub</h3>',
      ].join('\n'),
    );
  });

  it('marks the draft gaps', () => {
    expect(markdownToHtml('> _To be written by the team: the root cause._')).toBe('<blockquote class="gap"><p><em>To be written by the team: the root cause.</em></p></blockquote>');
  });

  it('renders the golden postmortems with every word of their text and no stray Markdown', () => {
    for (const name of ['image-outage', 'storage-migration-dst', 'just-declared']) {
      const md = readFileSync(`src/core/postmortem/golden/${name}.md`, 'utf8');
      const html = markdownToHtml(md);
      const visible = text(html);
      expect(visible).not.toMatch(/\*\*|~~|\]\(|^#+ |^> |^- /m);
      expect(html).not.toMatch(/<(?!\/?(h[1-6]|p|ul|li|strong|em|del|code|a|blockquote|table|thead|tbody|tr|th|td)\b)[a-z]/);
      for (const line of md.split('\n').filter((l) => /^- \*\*/.test(l))) {
        const words = line.replace(/\*\*|~~|`|\\/g, '').replace(/(^|[\s(])_|_(?=[\s.,;)]|$)/g, '$1').replace(/^- /, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/&#126;/g, '~');
        expect(visible.replace(/\s+/g, ' ')).toContain(words.replace(/\s+/g, ' ').trim());
      }
    }
    const html = markdownToHtml(readFileSync('src/core/postmortem/golden/image-outage.md', 'utf8'));
    expect(html).toContain('<a href="https://acme.slack.com/archives/C07INC42/p1717180800123456" rel="noopener noreferrer">Pinned message</a>');
    expect(html).toContain('<tr><td>3</td><td>Write a rollback procedure for database upgrades</td><td>unassigned</td><td>open</td></tr>');
    const dst = markdownToHtml(readFileSync('src/core/postmortem/golden/storage-migration-dst.md', 'utf8'));
    expect(dst).toContain('<del>Note: The content cache is serving stale 404s for these files.</del> (retracted)');
  });

  it('keeps hostile user text as text through the whole postmortem', () => {
    const record = imageOutage();
    record.incident.title = '<script>alert(1)</script> **x** [a](javascript:x) | ~~y~~';
    record.timeline[0]!.author = { id: 'U1', name: '<img src=x onerror=alert(1)>' };
    record.timeline.push({ ...record.timeline[1]!, id: 'evil', kind: 'note', body: '# <iframe src="https://evil.example"> _x_ `y` > q' });
    const html = markdownToHtml(compilePostmortem(record));
    expect(html).not.toMatch(/<script|<img|<iframe|href="javascript/i);
    expect(text(html)).toContain('<script>alert(1)</script>');
    expect(text(html)).toContain('<img src=x onerror=alert(1)>');
    expect(text(html)).toContain('<iframe src="https://evil.example">');
  });

  it('renders a 10,000-entry postmortem quickly', () => {
    const md = compilePostmortem(largeRecord(10_000));
    const started = performance.now();
    const html = markdownToHtml(md);
    expect(html.match(/<li>/g)!.length).toBeGreaterThanOrEqual(10_000);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
