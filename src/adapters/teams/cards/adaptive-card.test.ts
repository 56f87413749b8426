import { describe, expect, it } from 'vitest';
import { escapeMarkdown, factSet, textBlock } from './adaptive-card';
import { unescapeMarkdown } from './card-text';

describe('escapeMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert\\(1\\)\\</script\\>'],
    ['[click](http://evil)', '\\[click\\]\\(http://evil\\)'],
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_it_ ~~gone~~ `code`', '\\_it\\_ \\~\\~gone\\~\\~ \\`code\\`'],
    ['<at>Everyone</at>', '\\<at\\>Everyone\\</at\\>'],
    ['# title', '\\# title'],
    ['> quoted', '\\> quoted'],
    ['- item', '\\- item'],
    ['  + item', '  \\+ item'],
    ['1. first', '1\\. first'],
    ['a\\*b', 'a\\\\\\*b'],
    ['{{DATE(2017-02-14T06:08:39Z, SHORT)}}', '{{DATE\\(2017-02-14T06:08:39Z, SHORT\\)}}'],
  ])('%s', (typed, escaped) => {
    expect(escapeMarkdown(typed)).toBe(escaped);
    expect(unescapeMarkdown(escapeMarkdown(typed))).toBe(typed);
  });

  it('leaves ordinary text alone: dashes inside a line, numbers, punctuation', () => {
    const plain = 'db-primary is at 99.5% — 3 of 4 nodes up, 14:23 PDT!';
    expect(escapeMarkdown(plain)).toBe(plain);
  });

  it('escapes line-start markers on every line and keeps the line breaks', () => {
    expect(escapeMarkdown('steps:\r\n- one\n2. two')).toBe('steps:\n\n\\- one\n\n2\\. two');
  });

  it('is applied by textBlock and factSet', () => {
    expect(textBlock('[x](y)')).toEqual({ type: 'TextBlock', text: '\\[x\\]\\(y\\)', wrap: true });
    expect(factSet([['*k*', '<v>']]).facts).toEqual([{ title: '\\*k\\*', value: '\\<v\\>' }]);
  });
});
