import { SitrepError } from '../errors';
import { closest } from '../suggest';
import type { TimeSpec } from '../time/time-spec';
import { commandSchema, LIMITS, type Command, type CommandKind } from './command';
import { checkText, clip } from './check-text';
import { readMention, titleAndInvitees } from './mention';
import { parsePostmortem, parseSnooze, parseStats, parseUnassign, readActionTail } from './parse-follow-up';
import { Cursor, INCIDENT_REF, startsTime, type Token } from './tokenize';
import {
  asSeverity,
  asStatus,
  IMPACT_CHOICES,
  IMPACT_WORDS,
  ROLE_CHOICES,
  ROLE_WORDS,
  SEVERITY_CHOICES,
  STATUS_CHOICES,
  SUBCOMMANDS,
} from './vocabulary';

const PREFIX = /^\s*\/incident(?![\w-])/i;
/** A word meant as a severity in `declare`: `sev`, `sev5`, `SEV-2` (but not `Severe` or `Several`). */
const SEVERITY_SHAPED = /^sev(?:[-_#]?\d+)?$/i;

/**
 * Turns one line of the command language into a validated command, or throws a SitrepError
 * whose message is the one sentence the user sees. The leading `/incident` is optional.
 */
export function parseCommand(input: string): Command {
  checkText(input, LIMITS.line, 'A command', 'shorten it or split it into several commands');
  const cursor = new Cursor(input.replace(PREFIX, ''));
  const word = cursor.next();
  if (!word) {
    throw new SitrepError(
      'empty_command',
      'The command is empty: say what to do, e.g. "/incident declare sev2 Checkout is failing", or "/incident help" for every subcommand.',
    );
  }
  const typed = word.text.toLowerCase();
  const kind = SUBCOMMANDS[typed];
  if (!kind) throw unknownSubcommand(word, cursor.peek());
  const result = commandSchema.safeParse(PARSERS[kind](cursor, typed));
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new SitrepError('internal', `That command could not be understood${where}: check it against "/incident help ${typed}".`);
  }
  return result.data;
}

function unknownSubcommand(word: Token, after: Token | undefined): SitrepError {
  const typed = word.text;
  if (INCIDENT_REF.test(typed)) {
    return new SitrepError('unexpected_argument', `"${clip(typed)}" must come after the subcommand, e.g. "/incident note ${clip(typed)} rollback started".`);
  }
  if (typed.toLowerCase() === 'at') {
    const time = startsTime(word, after) && after ? after.text : '14:23';
    return new SitrepError('unexpected_argument', `"at <time>" must come after the subcommand, e.g. "/incident note at ${clip(time)} errors spike".`);
  }
  const severity = asSeverity(typed);
  if (severity) {
    return new SitrepError(
      'unknown_subcommand',
      `"${typed}" is a severity, not a subcommand: use "/incident declare ${severity} <title>" or "/incident severity ${severity}".`,
    );
  }
  const status = asStatus(typed);
  if (status && status !== 'resolved') {
    return new SitrepError('unknown_subcommand', `"${typed}" is a status, not a subcommand: use "/incident update ${status} <message>".`);
  }
  const guess = closest(typed.toLowerCase(), Object.keys(SUBCOMMANDS), 1)[0];
  const hint = guess ? `perhaps you meant "${guess}"; ` : '';
  return new SitrepError('unknown_subcommand', `Unknown subcommand "${clip(typed)}": ${hint}"/incident help" lists every subcommand.`);
}

function requireText(cursor: Cursor, sentence: string, max: number, what: string, advice?: string): string {
  const text = cursor.rest();
  if (!text) throw new SitrepError('missing_argument', sentence);
  checkText(text, max, what, advice);
  return text;
}

type Parser = (cursor: Cursor, typed: string) => unknown;

const PARSERS: Record<CommandKind, Parser> = {
  declare(cursor) {
    const ref = cursor.peek();
    if (ref && INCIDENT_REF.test(ref.text)) {
      throw new SitrepError(
        'unexpected_argument',
        `A new incident gets its number when declared, so leave out "${clip(ref.text)}", e.g. "/incident declare sev2 Checkout is failing".`,
      );
    }
    let isPrivate = false;
    let severity: ReturnType<typeof asSeverity>;
    let at: TimeSpec | undefined;
    for (let t = cursor.peek(); t; t = cursor.peek()) {
      if (t.text === 'private' && !isPrivate) {
        isPrivate = true;
        cursor.skip();
      } else if (!severity && SEVERITY_SHAPED.test(t.text)) {
        severity = asSeverity(t.text);
        if (!severity) {
          throw new SitrepError(
            'invalid_severity',
            `Unknown severity "${clip(t.text)}": use ${SEVERITY_CHOICES}, e.g. "/incident declare sev2 Checkout is failing".`,
          );
        }
        cursor.skip();
      } else {
        const time = at ? undefined : cursor.readAt();
        if (!time) break;
        at = time;
      }
    }
    const { title, invite } = titleAndInvitees(
      requireText(cursor, 'A new incident needs a title, e.g. "/incident declare sev2 Checkout is failing".', LIMITS.title, 'A title'),
    );
    return { kind: 'declare', private: isPrivate, severity, at, title, ...(invite.length ? { invite } : {}) };
  },

  note(cursor) {
    const target = cursor.readTarget();
    const text = requireText(
      cursor,
      'A note needs text, e.g. "/incident note rollback started".',
      LIMITS.text,
      'A note',
      'shorten it or split it into several notes',
    );
    return { kind: 'note', ...target, text };
  },

  update(cursor) {
    const target = cursor.readTarget();
    const word = cursor.next();
    const status = word ? asStatus(word.text) : undefined;
    if (!status) {
      const got = word ? `Unknown status "${clip(word.text)}"` : 'A status update needs a status';
      throw new SitrepError('invalid_status', `${got}: use ${STATUS_CHOICES}, e.g. "/incident update identified Bad deploy found".`);
    }
    const at = target.at ?? cursor.readAt();
    const message = requireText(
      cursor,
      `A status update needs a message, e.g. "/incident update ${status} Rollback in progress".`,
      LIMITS.text,
      'A status update',
    );
    return { kind: 'update', ...target, at, status, message };
  },

  severity(cursor, typed) {
    const target = cursor.readTarget();
    const word = cursor.next();
    const severity = word ? asSeverity(word.text) : undefined;
    if (!severity) {
      const got = word ? `Unknown severity "${clip(word.text)}"` : `"/incident ${typed}" needs a severity`;
      throw new SitrepError('invalid_severity', `${got}: use ${SEVERITY_CHOICES}, e.g. "/incident severity sev2".`);
    }
    cursor.expectEnd(`/incident severity ${severity}`);
    return { kind: 'severity', ...target, severity };
  },

  title(cursor) {
    const target = cursor.readTarget();
    const title = requireText(cursor, 'A title change needs the new title, e.g. "/incident title Checkout errors in EU".', LIMITS.title, 'A title');
    return { kind: 'title', ...target, title };
  },

  summary(cursor) {
    const target = cursor.readTarget();
    const summary = requireText(
      cursor,
      'A summary needs text, e.g. "/incident summary Card payments fail for EU customers".',
      LIMITS.text,
      'A summary',
    );
    return { kind: 'summary', ...target, summary };
  },

  assign(cursor, typed) {
    const target = cursor.readTarget();
    let role = ROLE_WORDS.commander;
    if (typed === 'assign') {
      const word = cursor.next();
      const named = word ? ROLE_WORDS[word.text.toLowerCase()] : undefined;
      if (!named) {
        const got = word ? `Unknown role "${clip(word.text)}"` : '"/incident assign" needs a role';
        throw new SitrepError('invalid_role', `${got}: use ${ROLE_CHOICES}, e.g. "/incident assign comms @alice".`);
      }
      role = named;
    }
    const example = typed === 'assign' ? `/incident assign ${role} @alice` : '/incident lead @alice';
    const person = readMention(cursor, typed, example);
    cursor.expectEnd(example);
    return { kind: 'assign', ...target, role, person };
  },

  impact(cursor) {
    const target = cursor.readTarget();
    const words = cursor.remaining();
    const last = words[words.length - 1];
    const example = '"/incident impact API partial"';
    if (!last || words.length < 2) {
      throw new SitrepError('missing_argument', `An impact needs a component and a level (${IMPACT_CHOICES}), e.g. ${example}.`);
    }
    const level = last.text.toLowerCase();
    if (!(level in IMPACT_WORDS)) {
      throw new SitrepError('invalid_impact', `Unknown impact "${clip(last.text)}": end with ${IMPACT_CHOICES}, e.g. ${example}.`);
    }
    const component = cursor.line.slice(words[0]!.start, last.start).trim().replace(/\s+/g, ' ');
    checkText(component, LIMITS.component, 'A component name');
    return { kind: 'impact', ...target, component, impact: IMPACT_WORDS[level] };
  },

  action(cursor) {
    const target = cursor.readTarget();
    const words = cursor.remaining();
    const first = words[0];
    const { owner, due, end } = readActionTail(words);
    if (!first || end === 0) {
      throw new SitrepError('missing_argument', 'An action item needs text, e.g. "/incident action Add an alert on queue depth @bob".');
    }
    const text = cursor.line.slice(first.start, words[end]?.start).trim();
    checkText(text, LIMITS.text, 'An action item');
    return { kind: 'action', ...target, text, owner, due };
  },

  actions: listing('actions'),
  timeline: listing('timeline'),
  postmortem: parsePostmortem,
  unassign: parseUnassign,
  snooze: parseSnooze,
  stats: parseStats,

  doctor(cursor) {
    cursor.expectEnd('/incident doctor');
    return { kind: 'doctor' };
  },

  list(cursor) {
    cursor.expectEnd('/incident list');
    return { kind: 'list' };
  },

  done(cursor) {
    const target = cursor.readTarget();
    const word = cursor.next();
    if (!word) {
      throw new SitrepError('missing_argument', '"/incident done" needs an action number: use the number "/incident actions" shows, e.g. "/incident done 2".');
    }
    const digits = word.text.replace(/^#/, '');
    if (!/^\d{1,6}$/.test(digits) || Number(digits) < 1) {
      throw new SitrepError(
        'action_not_found',
        `"${clip(word.text)}" is not an action number: use the number "/incident actions" shows, e.g. "/incident done 2".`,
      );
    }
    cursor.expectEnd(`/incident done ${Number(digits)}`);
    return { kind: 'done', ...target, action: Number(digits) };
  },

  resolve(cursor) {
    const target = cursor.readTarget();
    const message = cursor.rest();
    checkText(message, LIMITS.text, 'A resolution message');
    return { kind: 'resolve', ...target, message };
  },

  reopen(cursor) {
    const target = cursor.readTarget();
    const reason = cursor.rest();
    checkText(reason, LIMITS.text, 'A reason');
    return { kind: 'reopen', ...target, reason };
  },

  help(cursor) {
    const topic = cursor.next()?.text.toLowerCase();
    return { kind: 'help', topic };
  },
};

function listing(kind: 'actions' | 'timeline'): Parser {
  return (cursor) => {
    const target = cursor.readTarget();
    if (target.at) {
      throw new SitrepError('unexpected_argument', `"/incident ${kind}" shows what is recorded and takes no "at <time>": use "/incident ${kind} [INC-<n>]".`);
    }
    cursor.expectEnd(`/incident ${kind} [INC-<n>]`);
    return { kind, incident: target.incident };
  };
}
