import { describe, expect, it } from 'vitest';
import { SitrepError } from '../errors';
import { validateCommand } from './validate';

function refusal(raw: unknown): { code: string; message: string; field?: string } {
  try {
    validateCommand(raw);
  } catch (err) {
    if (err instanceof SitrepError) return { code: err.code, message: err.message, field: err.field };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('validateCommand (commands from forms)', () => {
  it('accepts a complete declaration and trims its text', () => {
    expect(validateCommand({ kind: 'declare', private: false, title: '  DB down ', severity: 'sev2', components: ['API'] })).toEqual({
      kind: 'declare',
      private: false,
      title: 'DB down',
      severity: 'sev2',
      components: ['API'],
    });
  });

  it.each([
    [{ kind: 'declare', private: false, title: '   ' }, 'title', 'Give the incident a title of 1 to 150 characters.'],
    [{ kind: 'declare', private: false, title: 'x'.repeat(151) }, 'title', 'A title can be at most 150 characters and this one has 151: shorten it.'],
    [{ kind: 'declare', private: false, title: 'ok', severity: 'sev9' }, 'severity', 'Choose a severity: sev1, sev2, sev3 or sev4.'],
    [{ kind: 'update', status: 'fixed', message: 'x' }, 'status', 'Choose a status: investigating, identified, monitoring or resolved.'],
    [{ kind: 'update', status: 'identified', message: '' }, 'message', 'A status update needs a message of 1 to 3,000 characters.'],
    [{ kind: 'update', status: 'identified', message: 'bell\u0007' }, 'message', 'A status update contains control characters: type or paste it again as plain text.'],
  ])('refuses %j on field %s', (raw, field, message) => {
    const r = refusal(raw);
    expect(r.field).toBe(field);
    expect(r.message).toBe(message);
  });
});
