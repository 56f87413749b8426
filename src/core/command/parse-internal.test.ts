import { describe, expect, it, vi } from 'vitest';
import { SitrepError } from '../errors';
import { parseCommand } from './parse';

// The parser checks its own output against the command schema; a command it builds that the
// schema refuses is a parser bug. Simulate one to see the last-resort refusal.
vi.mock('./command', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./command')>();
  return {
    ...actual,
    commandSchema: {
      safeParse: (value: { kind: string }) =>
        value.kind === 'title'
          ? { success: false, error: { issues: [{ path: ['title'], message: 'Too big' }] } }
          : value.kind === 'list'
            ? { success: false, error: { issues: [] } }
            : actual.commandSchema.safeParse(value),
    },
  };
});

describe('parseCommand: a command the schema refuses', () => {
  it.each<[string, string]>([
    ['title Checkout', 'That command could not be understood (title): check it against "/incident help title".'],
    ['list', 'That command could not be understood: check it against "/incident help list".'],
  ])('%j is refused as internal, in one sentence', (input, message) => {
    expect(() => parseCommand(input)).toThrow(message);
    try {
      parseCommand(input);
    } catch (err) {
      expect(err).toBeInstanceOf(SitrepError);
      expect((err as SitrepError).code).toBe('internal');
    }
  });

  it('lets other commands through', () => {
    expect(parseCommand('note hi')).toEqual({ kind: 'note', text: 'hi' });
  });
});
