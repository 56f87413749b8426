import { SitrepError } from '../errors';
import { checkText } from './check-text';
import { commandSchema, LIMITS, type Command } from './command';
import { SEVERITY_CHOICES, STATUS_CHOICES } from './vocabulary';

/** The sentence for a form field that failed validation. */
const FIELD_SENTENCES: Record<string, string> = {
  title: `Give the incident a title of 1 to ${LIMITS.title} characters.`,
  summary: `A summary can be at most ${LIMITS.text.toLocaleString('en-US')} characters.`,
  message: `A status update needs a message of 1 to ${LIMITS.text.toLocaleString('en-US')} characters.`,
  text: `The text needs 1 to ${LIMITS.text.toLocaleString('en-US')} characters.`,
  severity: `Choose a severity: ${SEVERITY_CHOICES}.`,
  status: `Choose a status: ${STATUS_CHOICES}.`,
  components: `Choose at most 50 components, each named in at most ${LIMITS.component} characters.`,
};

const TEXT_FIELDS = [
  ['title', LIMITS.title, 'A title'],
  ['summary', LIMITS.text, 'A summary'],
  ['message', LIMITS.text, 'A status update'],
  ['text', LIMITS.text, 'The text'],
] as const;

/**
 * A command built from form fields, checked by the same rules as a typed one. A refusal names
 * the field at fault so the form can show it beside that input.
 */
export function validateCommand(raw: unknown): Command {
  if (raw && typeof raw === 'object') {
    for (const [field, max, what] of TEXT_FIELDS) {
      const value = (raw as Record<string, unknown>)[field];
      if (typeof value === 'string') {
        try {
          checkText(value, max, what);
        } catch (err) {
          if (err instanceof SitrepError) throw new SitrepError(err.code, err.message, field);
          throw err;
        }
      }
    }
  }
  const result = commandSchema.safeParse(raw);
  if (result.success) return result.data;
  const field = String(result.error.issues[0]?.path[0] ?? 'form');
  throw new SitrepError('missing_argument', FIELD_SENTENCES[field] ?? 'That form is not complete: fill in every required field.', field);
}
