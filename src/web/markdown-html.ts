/**
 * Markdown to HTML for exactly what `compilePostmortem` writes: ATX headings, paragraphs, "-" lists,
 * pipe tables, block quotes; inline bold, italic ("_"), strike, code and http(s) links, backslash
 * escapes and character references. Everything else is text, escaped: no raw HTML gets through, and
 * a link goes only to an http(s) address.
 */
import { isPlaceholder } from '../core/postmortem/placeholders';
import { escapeHtml, safeHref } from './html';

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const REFERENCE = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos|nbsp));/;
const LINK = /^\[((?:\\.|[^\]\\])*)\]\(([^()\s]+)\)/;

function decodeReference(match: RegExpExecArray): string {
  const [, dec, hex, name] = match;
  if (name) return NAMED[name]!;
  const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
}

function isWord(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Where `delim` closes after `from` (skipping escapes and code spans), or -1. */
function closing(text: string, from: number, delim: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`' && delim !== '`') {
      const end = text.indexOf('`', i + 1);
      if (end > 0) i = end;
      continue;
    }
    if (!text.startsWith(delim, i) || i === from) continue;
    if (delim === '_' && isWord(text[i + 1])) continue;
    if (delim !== '`' && /\s/.test(text[i - 1] ?? ' ')) continue;
    return i;
  }
  return -1;
}

const SPECIAL = /[\\&[*~`_]/g;

/** One line (or joined lines) of inline Markdown as HTML. */
export function inlineHtml(text: string): string {
  let out = '';
  let plain = 0;
  const flush = (to: number) => {
    if (to > plain) out += escapeHtml(text.slice(plain, to));
  };
  for (let i = 0; i < text.length; ) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(text);
    if (!found) break;
    i = found.index;
    const replaced = special(text, i);
    if (replaced) {
      flush(i);
      out += replaced.html;
      i = plain = replaced.next;
    } else i++;
  }
  flush(text.length);
  return out;
}

/** The markup that starts at a special character, or undefined when it is just that character. */
function special(text: string, i: number): { html: string; next: number } | undefined {
  const ch = text[i]!;
  if (ch === '\\') {
    const next = text[i + 1];
    return next !== undefined && PUNCTUATION.test(next) ? { html: escapeHtml(next), next: i + 2 } : undefined;
  }
  if (ch === '&') {
    const ref = REFERENCE.exec(text.slice(i, i + 12));
    return ref ? { html: escapeHtml(decodeReference(ref)), next: i + ref[0].length } : undefined;
  }
  if (ch === '[') {
    const link = LINK.exec(text.slice(i));
    const href = link ? safeHref(link[2]) : undefined;
    if (!link || !href) return undefined;
    return { html: `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inlineHtml(link[1]!)}</a>`, next: i + link[0].length };
  }
  return delimited(text, i);
}

const SPANS: { delim: string; tag: string }[] = [
  { delim: '**', tag: 'strong' },
  { delim: '~~', tag: 'del' },
  { delim: '`', tag: 'code' },
  { delim: '_', tag: 'em' },
];

function delimited(text: string, i: number): { html: string; next: number } | undefined {
  for (const { delim, tag } of SPANS) {
    if (!text.startsWith(delim, i)) continue;
    const after = text[i + delim.length];
    if (after === undefined || (delim !== '`' && /\s/.test(after))) continue;
    if (delim === '_' && isWord(text[i - 1])) continue;
    const end = closing(text, i + delim.length, delim);
    if (end < 0) continue;
    const inner = text.slice(i + delim.length, end);
    const body = tag === 'code' ? escapeHtml(inner) : inlineHtml(inner);
    return { html: `<${tag}>${body}</${tag}>`, next: end + delim.length };
  }
  return undefined;
}

/** The cells of a table row, split on unescaped pipes (an escaped pipe stays in its cell). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  const out: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && i + 1 < inner.length) {
      cell += inner[i]! + inner[i + 1]!;
      i++;
    } else if (inner[i] === '|') {
      out.push(cell.trim());
      cell = '';
    } else cell += inner[i];
  }
  out.push(cell.trim());
  return out;
}

const HEADING = /^(#{1,6})[ \t]+(.*)$/;
const ITEM = /^[-*+][ \t]+(.*)$/;
const QUOTE = /^>[ \t]?(.*)$/;
const TABLE_RULE = /^\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;

function startsBlock(line: string, next: string | undefined): boolean {
  return HEADING.test(line) || ITEM.test(line) || QUOTE.test(line) || (line.startsWith('|') && next !== undefined && TABLE_RULE.test(next));
}

/** A Markdown document (as compilePostmortem writes it) as HTML. */
export function markdownToHtml(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      out.push(`<h${level}>${inlineHtml(heading[2]!.trim())}</h${level}>`);
      i++;
      continue;
    }
    const take = (re: RegExp): string[] => {
      const taken: string[] = [];
      for (let m = re.exec(lines[i] ?? ''); i < lines.length && m; m = re.exec(lines[++i] ?? '')) taken.push(m[1]!);
      return taken;
    };
    if (ITEM.test(line)) {
      out.push(`<ul>${take(ITEM).map((t) => `<li>${inlineHtml(t)}</li>`).join('')}</ul>`);
    } else if (QUOTE.test(line)) {
      // The draft's marked gaps ("> _To be written by the team: …_") stand out, to be filled in.
      const gap = isPlaceholder(line) ? ' class="gap"' : '';
      out.push(`<blockquote${gap}><p>${inlineHtml(take(QUOTE).join(' '))}</p></blockquote>`);
    } else if (line.startsWith('|') && TABLE_RULE.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      i += 2;
      const body: string[][] = [];
      while (i < lines.length && lines[i]!.trim().startsWith('|')) body.push(cells(lines[i++]!));
      const row = (cs: string[], tag: 'th' | 'td') => `<tr>${head.map((_, c) => `<${tag}>${inlineHtml(cs[c] ?? '')}</${tag}>`).join('')}</tr>`;
      out.push(`<table><thead>${row(head, 'th')}</thead><tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`);
    } else {
      const para: string[] = [line.trim()];
      for (i++; i < lines.length && lines[i]!.trim() !== '' && !startsBlock(lines[i]!, lines[i + 1]); i++) para.push(lines[i]!.trim());
      out.push(`<p>${inlineHtml(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}
