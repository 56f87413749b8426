import { DateTime } from 'luxon';
import { SitrepError } from '../errors';
import { clip } from './check-text';
import { SNOOZE_MAX_MINUTES, type Mention } from './command';
import { parseMention } from './mention';
import type { Cursor, Token } from './tokenize';
import { ROLE_CHOICES, ROLE_WORDS } from './vocabulary';

/** The parsers of the follow-through subcommands: unassign, snooze, stats, postmortem [reviewed], and an action's due date. */

export function parseUnassign(cursor: Cursor): unknown {
  const target = cursor.readTarget();
  const word = cursor.next();
  const role = word ? ROLE_WORDS[word.text.toLowerCase()] : undefined;
  if (!role) {
    const got = word ? `Unknown role "${clip(word.text)}"` : '"/incident unassign" needs a role';
    throw new SitrepError('invalid_role', `${got}: use ${ROLE_CHOICES}, e.g. "/incident unassign scribe".`);
  }
  cursor.expectEnd(`/incident unassign ${role}`);
  return { kind: 'unassign', ...target, role };
}

const MINUTES = /^(\d{1,6})(?:m|min|mins|minutes?)?$/i;
const MINUTE_WORD = /^(?:m|min|mins|minutes?)$/i;

export function parseSnooze(cursor: Cursor): unknown {
  const target = cursor.readTarget();
  const usage = '/incident snooze [INC-<n>] [minutes]';
  if (target.at) throw new SitrepError('unexpected_argument', `"/incident snooze" counts from now and takes no "at <time>": use "${usage}".`);
  const word = cursor.next();
  if (!word) return { kind: 'snooze', incident: target.incident };
  const digits = MINUTES.exec(word.text)?.[1];
  const minutes = digits === undefined ? NaN : Number(digits);
  if (!(minutes >= 1 && minutes <= SNOOZE_MAX_MINUTES)) {
    throw new SitrepError(
      'unexpected_argument',
      `"${clip(word.text)}" is not a number of minutes from 1 to ${SNOOZE_MAX_MINUTES}: use "${usage}", e.g. "/incident snooze 30".`,
    );
  }
  if (/^\d+$/.test(word.text) && cursor.peek() && MINUTE_WORD.test(cursor.peek()!.text)) cursor.skip();
  cursor.expectEnd(usage);
  return { kind: 'snooze', incident: target.incident, minutes };
}

const PERIOD = /^(30|90)(?:d|days?)?$/i;

export function parseStats(cursor: Cursor): unknown {
  const word = cursor.next();
  if (!word) return { kind: 'stats', days: 30 };
  const days = PERIOD.exec(word.text)?.[1];
  if (!days) throw new SitrepError('unexpected_argument', `Unknown period "${clip(word.text)}": use 30d or 90d, e.g. "/incident stats 90d".`);
  if (/^\d+$/.test(word.text) && /^days?$/i.test(cursor.peek()?.text ?? '')) cursor.skip();
  cursor.expectEnd(`/incident stats ${days}d`);
  return { kind: 'stats', days: Number(days) };
}

export function parsePostmortem(cursor: Cursor): unknown {
  const target = cursor.readTarget();
  const usage = '/incident postmortem [INC-<n>] [reviewed]';
  if (target.at) throw new SitrepError('unexpected_argument', `"/incident postmortem" shows what is recorded and takes no "at <time>": use "${usage}".`);
  const reviewed = cursor.peek()?.text.toLowerCase() === 'reviewed';
  if (reviewed) cursor.skip();
  cursor.expectEnd(usage);
  return { kind: 'postmortem', incident: target.incident, ...(reviewed ? { reviewed: true } : {}) };
}

/**
 * What ends an action line: its owner (`@bob`) and its due date (`due 2026-12-01`), in either
 * order. `end` is the index of the first word that is not the action's text.
 */
export function readActionTail(words: readonly Token[]): { owner?: Mention; due?: string; end: number } {
  let end = words.length;
  let owner: Mention | undefined;
  let due: string | undefined;
  for (let round = 0; round < 2; round++) {
    const last = words[end - 1];
    const before = words[end - 2];
    const mention = !owner && last ? parseMention(last.text) : undefined;
    if (mention) {
      owner = mention;
      end -= 1;
    } else if (!due && last && before?.text.toLowerCase() === 'due' && /^\d/.test(last.text)) {
      due = dueDate(last.text);
      end -= 2;
    } else break;
  }
  return { owner, due, end };
}

function dueDate(typed: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed) && DateTime.fromISO(typed, { zone: 'UTC' }).isValid) return typed;
  throw new SitrepError(
    'invalid_time',
    `"${clip(typed)}" is not a due date: write it as YYYY-MM-DD, e.g. "/incident action Add an alert @bob due 2026-12-01".`,
  );
}
