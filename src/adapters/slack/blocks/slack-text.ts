import type { ContextBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';

/**
 * Text objects for Block Kit. User text goes into mrkdwn only through `escapeMrkdwn`, so a
 * title like `<!channel>` or `<https://evil|click>` shows as typed and can neither ping nor link.
 */

/** Slack's three control characters; everything else in mrkdwn is formatting, not injection. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * At most `max` characters, ending in "…" when cut. Never leaves half an escape (`&am`), half
 * of one of our links (`<https://…`) or half a surrogate pair at the cut.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  if (cut.lastIndexOf('<') > cut.lastIndexOf('>')) cut = cut.slice(0, cut.lastIndexOf('<'));
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Collapses line breaks and runs of spaces: for one-line entries and strikethrough. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function plain(text: string): PlainTextElement {
  return { type: 'plain_text', text, emoji: true };
}

/** mrkdwn that is already safe: build it from `escapeMrkdwn` output and our own markup. */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: 'mrkdwn', text };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text) };
}

export function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

/** A section of label/value fields; labels are ours, values are escaped here. */
export function fieldsSection(fields: { label: string; value: string }[]): SectionBlock {
  return { type: 'section', fields: fields.map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)) };
}

export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.map(mrkdwn) };
}
