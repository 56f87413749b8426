import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { blockTexts } from './block-text';
import { fitBlocks } from './limits';
import { clip, escapeMrkdwn, section } from './slack-text';

describe('fitBlocks', () => {
  it('keeps at most the given number of blocks, the last saying how many were left off', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => section(`item ${i}`));
    const fitted = fitBlocks(blocks, { maxBlocks: 100, more: (n) => `… and ${n} more items` });
    expect(fitted).toHaveLength(100);
    expect(blockTexts(fitted).at(-1)).toBe('… and 21 more items');
    expect(blockTexts(fitBlocks(blocks.slice(0, 50)))).toHaveLength(50);
  });

  it('splits sections of more than ten fields and clips each field to 2000 characters', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ type: 'mrkdwn' as const, text: `${i}:${'z'.repeat(2500)}` }));
    const fitted = fitBlocks([{ type: 'section', text: { type: 'mrkdwn', text: 'facts' }, fields }]);
    expect(fitted.map((b) => (b.type === 'section' ? (b.fields ?? []).length : 0))).toEqual([10, 10, 3]);
    expect(blockTexts(fitted)[0]).toBe('facts');
    for (const t of blockTexts(fitted).slice(1)) expect(t.length).toBe(2000);
  });

  it('drops sections with nothing to show, which Slack refuses', () => {
    const blocks: KnownBlock[] = [section(''), section('   '), { type: 'section', fields: [] }, section('kept')];
    expect(blockTexts(fitBlocks(blocks))).toEqual(['kept']);
  });
});

describe('clip', () => {
  it('never leaves half an escape or half a link at the cut', () => {
    const escaped = escapeMrkdwn(`${'a'.repeat(2997)}<b>`);
    expect(clip(escaped, 3000)).toBe(`${'a'.repeat(2997)}…`);
    expect(clip(`${'a'.repeat(2990)} <https://example.com/x|x>`, 3000)).toBe(`${'a'.repeat(2990)} …`);
    expect(clip('short', 3000)).toBe('short');
  });
});
