/**
 * HTML and XML output: one escape for every piece of text, and a tagged template that applies it,
 * so that forgetting to escape takes effort (`raw(…)`), not the other way round.
 *
 *   html`<h1>${incident.title}</h1>`   → the title as text, whatever it contains
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   → nested fragments are kept as they are
 */

/** Characters XML 1.0 forbids even as references, and the Unicode bidi overrides. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff\u202a-\u202e\u2066-\u2069]/g;
const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Either of the above: most text on a page has neither and is returned as it is. */
const ANY = new RegExp(`${FORBIDDEN.source.slice(0, -1)}&<>"']`);

/** Text as HTML or XML character data or attribute value: `& < > " '` as references, invisible controls dropped. */
export function escapeHtml(text: string): string {
  if (!ANY.test(text)) return text;
  return text.replace(FORBIDDEN, '').replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** Markup known to be safe: built by `html`, or a constant wrapped in `raw`. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Trusted markup, inserted as it is. Only for constants and the output of renderers that escape. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false || value === true) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** The template tag: every interpolated value is escaped unless it is `SafeHtml`; arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Fragments joined by a separator (itself escaped unless safe). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(render(separator)));
}

/** An http(s) address fit for an `href`, or undefined (javascript:, data:, relative …). */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>"]+$/i.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
