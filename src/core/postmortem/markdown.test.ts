import { describe, expect, it } from 'vitest';
import { escapeCell, escapeHeading, escapeStruck, escapeText, link } from './markdown';

describe('escapeText', () => {
  it.each([
    ['two\nlines\r\nthree\u2028four', 'two lines three four'],
    ['  padded  ', 'padded'],
    ['<b>bold</b> & co', '&lt;b&gt;bold&lt;/b&gt; & co'],
    ['# heading', '\\# heading'],
    ['> quote', '&gt; quote'],
    ['- item', '\\- item'],
    ['* item', '\\* item'],
    ['1. first', '1\\. first'],
    ['12) twelfth', '12\\) twelfth'],
    ['```js', '\\```js'],
    ['[x]: https://evil.example', '\\[x]: https://evil.example'],
    ['_To be written by the team: x._', '\\_To be written by the team: x._'],
    ['bidi\u202eevil\u0007', 'bidievil'],
    ['a | b - c # d', 'a | b - c # d'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('other contexts', () => {
  it('escapes pipes in table cells', () => {
    expect(escapeCell('a | b\n| c |')).toBe('a \\| b \\| c \\|');
  });

  it('keeps a trailing "#" in a heading', () => {
    expect(escapeHeading('Outage in region #')).toBe('Outage in region \\#');
  });

  it('keeps "~" from ending a strike-through', () => {
    expect(escapeStruck('\\~~a~~')).toBe('&#126;&#126;a&#126;&#126;');
  });

  it('links http(s) addresses only, encoding what would end the destination', () => {
    expect(link('Pinned', 'https://x.slack.com/a/p1?t=(1)<2>')).toBe('[Pinned](https://x.slack.com/a/p1?t=%281%29%3C2%3E)');
    expect(link('Pinned', 'https://x.slack.com/a b')).toBe('Pinned');
    expect(link('Pinned', 'javascript:alert(1)')).toBe('Pinned');
    expect(link('Pinned', undefined)).toBe('Pinned');
  });
});
