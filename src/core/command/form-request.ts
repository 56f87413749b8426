import { SUBCOMMANDS } from './vocabulary';

export type FormRequest = { form: 'declare' } | { form: 'update'; incident?: number };

const BARE = /^\s*(?:\/incident\s+)?(\S+)(?:\s+INC-(\d{1,9}))?\s*$/i;

/**
 * A bare `declare` or `update [INC-<n>]`: on platforms with forms (Slack modals, Teams cards)
 * the user is asked for the rest in a form instead of getting the "needs a title" answer.
 */
export function formRequest(text: string): FormRequest | null {
  const m = BARE.exec(text);
  if (!m) return null;
  const kind = SUBCOMMANDS[m[1]!.toLowerCase()];
  if (kind === 'declare' && !m[2]) return { form: 'declare' };
  if (kind === 'update') return m[2] ? { form: 'update', incident: Number(m[2]) } : { form: 'update' };
  return null;
}
