import { SitrepError } from '../errors';
import { readTimeSpec, type TimeSpec } from '../time/time-spec';
import { clip } from './check-text';

/** A word of a command line and where it starts, so the rest of the line can be kept verbatim. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Teams writes a mention as `<at>Alice Smith</at>`: one token even with spaces inside. */
const TOKEN = /<at>[^<]*<\/at>|\S+/g;

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  for (const m of line.matchAll(TOKEN)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** A word meant as an incident reference: `INC-42`, and typos of it such as `INC-`, `INC-4a`, `INC-#4`. */
export const INCIDENT_REF = /^inc-(?:#?\d\S*)?$/i;

/** `at` followed by a word that starts with a digit is a time; any other word after `at` is text. */
export function startsTime(at: Token | undefined, after: Token | undefined): boolean {
  return at !== undefined && at.text.toLowerCase() === 'at' && after !== undefined && /^\d/.test(after.text);
}

/** Reads a command line word by word while keeping the rest of it available verbatim. */
export class Cursor {
  private pos = 0;
  constructor(
    readonly line: string,
    readonly tokens: Token[] = tokenize(line),
  ) {}

  /** Refuses anything left after a command that takes no more words, showing its usage. */
  expectEnd(usage: string): void {
    const extra = this.peek();
    if (extra) throw new SitrepError('unexpected_argument', `Unexpected "${clip(extra.text)}": use "${usage}".`);
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token | undefined {
    return this.tokens[this.pos++];
  }
  skip(): void {
    this.pos++;
  }
  /** The tokens not read yet. */
  remaining(): Token[] {
    return this.tokens.slice(this.pos);
  }
  /** The rest of the line from the current token on, as typed (inner spacing and newlines kept). */
  rest(): string {
    const t = this.peek();
    return t ? this.line.slice(t.start).trim() : '';
  }
  /** Reads `at <time>` when the next words are one; a word after `at` that is not time-like is text. */
  readAt(): TimeSpec | undefined {
    if (!startsTime(this.peek(), this.peek(1))) return undefined;
    const words = this.tokens.slice(this.pos + 1).map((t) => t.text);
    const { spec, next } = asSentence(() => readTimeSpec(words, 0));
    this.pos += 1 + next;
    return spec;
  }
  /** Reads the optional `INC-<n>` and `at <time>` that may follow any subcommand, in either order. */
  readTarget(): { incident?: number; at?: TimeSpec } {
    const target: { incident?: number; at?: TimeSpec } = {};
    for (;;) {
      const incident = target.incident === undefined ? incidentRef(this.peek()) : undefined;
      if (incident !== undefined) {
        target.incident = incident;
        this.pos++;
        continue;
      }
      const at = target.at === undefined ? this.readAt() : undefined;
      if (!at) return target;
      target.at = at;
    }
  }
}

/** The incident number of an `INC-<n>` word, undefined for any other word; throws for a malformed one. */
function incidentRef(t: Token | undefined): number | undefined {
  if (!t || !INCIDENT_REF.test(t.text)) return undefined;
  const digits = t.text.slice(4);
  const n = /^\d{1,9}$/.test(digits) ? Number(digits) : 0;
  if (n < 1) {
    throw new SitrepError('incident_not_found', `"${clip(t.text)}" is not an incident number: use INC- and the number, e.g. INC-42.`);
  }
  return n;
}

/**
 * The time reader's refusals are phrases quoting the typed word in full; the user sees them as
 * one sentence with its full stop and the quoted word clipped.
 */
function asSentence<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof SitrepError)) throw err;
    const clipped = err.message.replace(/^"([^"]{41,})"/, (_, typed: string) => `"${clip(typed)}"`);
    throw new SitrepError(err.code, /[.!?]$/.test(clipped) ? clipped : `${clipped}.`);
  }
}
