import type { KnownBlock, SectionBlock, TextObject } from '@slack/types';
import { clip, context } from './slack-text';

/**
 * Slack's Block Kit limits, enforced here and nowhere else: every message and view goes
 * through `fitBlocks` last, so renderers can build freely and never send what Slack refuses.
 */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  /** Modals and App Home. */
  viewBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  /** The notification fallback; Slack cuts messages far longer, but nobody reads past this. */
  fallbackText: 3000,
} as const;

export interface FitOptions {
  /** SLACK_LIMITS.messageBlocks unless told. */
  maxBlocks?: number;
  /** The line that stands for blocks left off at the end: "… and 12 more entries". */
  more?: (hidden: number) => string;
}

/**
 * Blocks Slack accepts: texts clipped with "…", sections of more than ten fields split into
 * several sections, empty sections dropped, and at most `maxBlocks` blocks, the last of which
 * then says how many were left off.
 */
export function fitBlocks(blocks: readonly KnownBlock[], options: FitOptions = {}): KnownBlock[] {
  const max = options.maxBlocks ?? SLACK_LIMITS.messageBlocks;
  const more = options.more ?? ((n: number) => `… and ${n} more`);
  const fitted = blocks.flatMap(fitBlock);
  if (fitted.length <= max) return fitted;
  const kept = fitted.slice(0, max - 1);
  return [...kept, ...fitBlock(context(more(fitted.length - kept.length)))];
}

function fitBlock(block: KnownBlock): KnownBlock[] {
  switch (block.type) {
    case 'header':
      return [{ ...block, text: { ...block.text, text: clip(block.text.text, SLACK_LIMITS.headerText) } }];
    case 'section':
      return fitSection(block);
    case 'context':
      return [
        {
          ...block,
          elements: block.elements
            .slice(0, SLACK_LIMITS.contextElements)
            .map((e) => (e.type === 'image' ? e : clipText(e, SLACK_LIMITS.contextText))),
        },
      ];
    default:
      return [block];
  }
}

function fitSection(block: SectionBlock): SectionBlock[] {
  const text = block.text && block.text.text.trim() !== '' ? clipText(block.text, SLACK_LIMITS.sectionText) : undefined;
  const fields = (block.fields ?? []).map((f) => clipText(f, SLACK_LIMITS.fieldText));
  if (!text && fields.length === 0) return [];
  const { text: _text, fields: _fields, ...rest } = block;
  if (fields.length <= SLACK_LIMITS.fields) {
    return [{ ...rest, ...(text ? { text } : {}), ...(fields.length ? { fields } : {}) }];
  }
  const sections: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) {
    const chunk = fields.slice(i, i + SLACK_LIMITS.fields);
    // Only the first keeps the text and accessory; a block_id must stay unique.
    sections.push(i === 0 ? { ...rest, ...(text ? { text } : {}), fields: chunk } : { type: 'section', fields: chunk });
  }
  return sections;
}

function clipText<T extends TextObject>(t: T, max: number): T {
  return { ...t, text: clip(t.text, max) };
}
