import { SitrepError } from '../errors';

// Tab, newline and carriage return are ordinary text; every other C0/C1 control is not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// U+FFFD is what a broken encoding decodes to; a lone surrogate cannot be stored as UTF-8.
const BROKEN = /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text Sitrep would not store: too long, control characters, broken encoding.
 * Length is counted in code points, as the command schema counts it. `advice` says how to fix
 * text that is too long.
 */
export function checkText(text: string, max: number, what: string, advice = 'shorten it'): void {
  if (CONTROL.test(text)) {
    throw new SitrepError('control_characters', `${what} contains control characters: type or paste it again as plain text.`);
  }
  if (BROKEN.test(text)) {
    throw new SitrepError('control_characters', `${what} contains characters that are not valid text (a broken encoding): paste it again as plain text.`);
  }
  const length = [...text].length;
  if (length > max) {
    throw new SitrepError(
      'text_too_long',
      `${what} can be at most ${max.toLocaleString('en-US')} characters and this one has ${length.toLocaleString('en-US')}: ${advice}.`,
    );
  }
}

/** What the user typed, cut to fit in a one-sentence reply (never inside a surrogate pair). */
export function clip(s: string, max = 40): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}
