import { describe, expect, it } from 'vitest';
import { SitrepError } from '../errors';
import type { CommandKind } from './command';
import { HELP, helpText } from './help';
import { parseCommand } from './parse';
import { SUBCOMMANDS } from './vocabulary';

function refusal(fn: () => unknown): SitrepError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SitrepError) return err;
    throw err;
  }
  throw new Error('expected a SitrepError');
}

/** The subcommands the issue names, each of which help must show. */
const SPEC_SUBCOMMANDS = [
  'declare', 'note', 'update', 'severity', 'title', 'summary', 'lead', 'assign', 'impact',
  'action', 'actions', 'done', 'resolve', 'reopen', 'timeline', 'list', 'postmortem', 'help', 'doctor',
  'unassign', 'snooze', 'stats',
];

describe('helpText()', () => {
  const text = helpText();
  const lines = text.split('\n');

  it('starts with how INC-<n> and at <time> work', () => {
    expect(lines[0]).toBe(
      'Sitrep commands. Add INC-<n> after the subcommand to act on another incident; add "at <time>" (14:23, 14:23 PST, 2024-05-31 14:23 Europe/Paris) to back-date a fact.',
    );
  });

  it('has one line per kind of command, each with an example', () => {
    const kinds = new Set(Object.values(SUBCOMMANDS));
    expect(lines).toHaveLength(1 + kinds.size);
    for (const line of lines.slice(1)) expect(line).toMatch(/^• \/incident .+ — .+\. Example: \/incident \S/);
  });

  it.each(SPEC_SUBCOMMANDS)('shows %s', (word) => {
    expect(text).toMatch(new RegExp(`/incident (?:[^\\n]*\\| )?${word}\\b`));
  });

  it.each(Object.keys(SUBCOMMANDS).filter((w) => !SPEC_SUBCOMMANDS.includes(w)))('mentions the alias %s', (alias) => {
    expect(text).toMatch(new RegExp(`alias(?:es)?: [^)]*\\b${alias}\\b`));
  });

  it.each(Object.entries(HELP) as [CommandKind, (typeof HELP)[CommandKind]][])('the %s example parses as that command', (kind, h) => {
    expect(text).toContain(`Example: /incident ${h.example}`);
    expect(parseCommand(`/incident ${h.example}`).kind).toBe(kind);
  });
});

describe('helpText(topic)', () => {
  const update = [
    '/incident update <status> [at <time>] <message>',
    'Publish a status update: investigating, identified, monitoring or resolved (alias: status).',
    'Example: /incident update identified Bad config in the image service',
  ].join('\n');

  it.each([['update'], ['UPDATE'], ['status'], ['Status']])('details update for %j', (topic) => {
    expect(helpText(topic)).toBe(update);
  });

  it.each<[string, CommandKind]>([
    ['declare', 'declare'],
    ['new', 'declare'],
    ['log', 'note'],
    ['sev', 'severity'],
    ['lead', 'assign'],
    ['assign', 'assign'],
    ['help', 'help'],
  ])('details %s as %s', (topic, kind) => {
    const h = HELP[kind];
    expect(helpText(topic)).toBe(`/incident ${h.usage}\n${h.what.charAt(0).toUpperCase()}${h.what.slice(1)}.\nExample: /incident ${h.example}`);
  });

  it.each<[string, string]>([
    ['nonsense', 'There is no subcommand "nonsense": "/incident help" lists them all.'],
    ['upate', 'There is no subcommand "upate": perhaps you meant "/incident help update"; "/incident help" lists them all.'],
    ['Decalre', 'There is no subcommand "Decalre": perhaps you meant "/incident help declare"; "/incident help" lists them all.'],
    ['x'.repeat(100), `There is no subcommand "${'x'.repeat(39)}…": "/incident help" lists them all.`],
    ['😀'.repeat(50), `There is no subcommand "${'😀'.repeat(39)}…": "/incident help" lists them all.`],
  ])('refuses %j in one sentence', (topic, message) => {
    expect(() => helpText(topic)).toThrow(message);
    const err = refusal(() => helpText(topic));
    expect(err.code).toBe('unknown_subcommand');
    expect(err.message).toBe(message);
  });

  it('refuses the topic of a parsed "help nonsense" when it is answered', () => {
    const cmd = parseCommand('/incident help nonsense');
    expect(cmd).toEqual({ kind: 'help', topic: 'nonsense' });
    expect(() => helpText(cmd.kind === 'help' ? cmd.topic : undefined)).toThrow('There is no subcommand "nonsense"');
  });
});
