/**
 * Escaping of user text (titles, notes, names, status messages) so that, wherever it lands in
 * the postmortem, it stays inside its own line, list item, quote or table cell and cannot open
 * a heading, quote, list, code fence or HTML element of its own.
 */

/** Line breaks of every kind, and the whitespace runs around them. */
const LINE_BREAKS = /[ \t]*(?:\r\n|[\r\n\u2028\u2029\v\f\u0085])+[ \t]*/g;

/**
 * Control characters other than tab and the line breaks folded above, and the Unicode bidi
 * overrides that could make a line read differently from what it says.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** Anything the replacements above and below would change (most text has none). */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069<>]/;

/**
 * What, at the start of a line or of a quote, would turn text into structure: ATX headings,
 * block quotes, list bullets, ordered list numbers, code fences, setext underlines, table pipes,
 * link reference definitions ("[x]: url"), and the "_" that starts our own placeholders.
 */
const LEADING_MARKER = /^(?:[#>+*=|_~`[-]|\d{1,9}[.)])/;

/** Text on one line: line breaks folded to single spaces, HTML brackets as entities, no leading marker. */
export function escapeText(text: string): string {
  const oneLine = NEEDS_WORK.test(text)
    ? text
        .replace(LINE_BREAKS, ' ')
        .replace(INVISIBLE, '')
        .trim()
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
    : text.trim();
  const marker = LEADING_MARKER.exec(oneLine);
  if (!marker) return oneLine;
  const m = marker[0];
  // "1. step" → "1\. step"; "# x" → "\# x"
  return /^\d/.test(m) ? `${m.slice(0, -1)}\\${m.slice(-1)}${oneLine.slice(m.length)}` : `\\${oneLine}`;
}

/** Text for a table cell: as escapeText, with "|" escaped so it cannot split the cell. */
export function escapeCell(text: string): string {
  return escapeText(text).replace(/\|/g, '\\|');
}

/** Text for the end of an ATX heading: a trailing run of "#" would be eaten as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeText(text).replace(/(\s)(#+)$/, (_, space: string, hashes: string) => `${space}\\${hashes}`);
}

/** Text to be struck through: a "~" inside would end the strike early, so it becomes an entity. */
export function escapeStruck(text: string): string {
  return text.replace(/\\?~/g, '&#126;');
}

/**
 * A Markdown link to an http(s) address, or just the label when the address is anything else
 * (javascript:, data:, relative paths …). Characters that would end the destination are encoded.
 */
export function link(label: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return label;
  const safe = url.replace(/[()<>\s"`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${safe})`;
}
