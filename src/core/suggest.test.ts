import { describe, expect, it } from 'vitest';
import { SUBCOMMANDS } from './command/vocabulary';
import { closest, editDistance, quotedChoices } from './suggest';

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['same', 'same', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['declare', 'decalre', 2],
    ['note', 'nite', 1],
    ['update', 'updat', 1],
    ['A', 'a', 1],
    ['日本', '日本語', 1],
  ])('%j → %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('obeys the triangle inequality on a sample', () => {
    const words = ['declare', 'decalre', 'note', 'nite', 'update', 'status', '', 'x'];
    for (const a of words) for (const b of words) for (const c of words) {
      expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
    }
  });
});

describe('closest', () => {
  const words = Object.keys(SUBCOMMANDS);

  it.each<[string, number, string[]]>([
    ['decalre', 1, ['declare']],
    ['nite', 1, ['note']],
    ['updat', 3, ['update']],
    ['RESOLVED', 1, ['resolve']],
    ['act', 3, ['action', 'impact', 'actions']],
    ['time', 3, ['timeline', 'title']],
    ['x', 3, []],
    ['xyzzy', 3, []],
    ['nonsense', 3, []],
  ])('%j (limit %i) → %j', (input, limit, expected) => {
    expect(closest(input, words, limit)).toEqual(expected);
  });

  it('ranks an exact match first, then containment, then edit distance; ties alphabetically', () => {
    expect(closest('ab', ['xyz', 'ba', 'abc', 'ab'])).toEqual(['ab', 'abc', 'ba']);
    expect(closest('api', ['Web', 'Payments API', 'API Gateway'], 3)).toEqual(['API Gateway']);
  });

  it('ignores case but returns candidates as given', () => {
    expect(closest('image cdn', ['Image CDN', 'Images'])).toEqual(['Image CDN', 'Images']);
  });

  it('honours the limit and an empty candidate list', () => {
    expect(closest('note', words, 0)).toEqual([]);
    expect(closest('note', [], 3)).toEqual([]);
    expect(closest('act', words, 2)).toEqual(['action', 'impact']);
    expect(closest('act', words)).toHaveLength(3);
  });

  it('finds "Campaign Management" for "Campaign Mgmt" among unrelated names, as its comment says', () => {
    expect(closest('Campaign Mgmt', ['Campaign Management', 'Billing'])).toEqual(['Campaign Management']);
  });


  it('ranks "Campaign Management" before "Campaigns" for "Campaign Mgmt"', () => {
    expect(closest('Campaign Mgmt', ['Campaigns', 'Campaign Management'])[0]).toBe('Campaign Management');
  });
  it('suggests nothing for empty input', () => {
    expect(closest('', words)).toEqual([]);
  });
});

describe('quotedChoices', () => {
  it.each<[string[], string]>([
    [[], ''],
    [['a'], '"a"'],
    [['a', 'b'], '"a" or "b"'],
    [['a', 'b', 'c'], '"a", "b" or "c"'],
    [['API Gateway', 'Image CDN', 'Payments', 'Web'], '"API Gateway", "Image CDN", "Payments" or "Web"'],
  ])('%j → %s', (names, expected) => {
    expect(quotedChoices(names)).toBe(expected);
  });
});
