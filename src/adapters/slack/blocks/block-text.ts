import type { KnownBlock } from '@slack/types';

/**
 * Every text a person sees in some blocks, in order: headers, sections and their fields,
 * context lines. For tests and logs; rich text and inputs are left out.
 */
export function blockTexts(blocks: readonly KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [b.text.text];
      case 'section':
        return [...(b.text ? [b.text.text] : []), ...(b.fields ?? []).map((f) => f.text)];
      case 'context':
        return b.elements.flatMap((e) => ('text' in e && typeof e.text === 'string' ? [e.text] : []));
      default:
        return [];
    }
  });
}
