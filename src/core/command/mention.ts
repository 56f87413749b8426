import type { Mention } from './command';
import { SitrepError } from '../errors';
import { clip } from './check-text';
import { tokenize, type Cursor } from './tokenize';

const SLACK = /^<@([A-Z0-9]+)(?:\|([^>]+))?>$/;
const TEAMS = /^<at>([^<]+)<\/at>$/;
// Sentence punctuation right after a plain mention ("ask @bob.") is not part of the name.
const PLAIN = /^@([\p{L}\p{N}_][\p{L}\p{N}._-]*?)[.,;:!?]*$/u;
/** The longest id or name a mention may have (the command schema's limit). */
const LONGEST = 200;

/**
 * A person named in a command: Slack's escaped `<@U123|alice>`, Teams' `<at>Alice Smith</at>`,
 * or a plain `@alice` (console, unescaped Slack). Undefined when the word names no one.
 */
export function parseMention(word: string): Mention | undefined {
  const mention = read(word);
  if (!mention || mention.id.length > LONGEST || (mention.name?.length ?? 0) > LONGEST) return undefined;
  return mention;
}

function read(word: string): Mention | undefined {
  const slack = SLACK.exec(word);
  if (slack) {
    const name = slack[2]?.trim();
    return name ? { id: slack[1]!, name } : { id: slack[1]! };
  }
  const teams = TEAMS.exec(word);
  if (teams) {
    const name = teams[1]!.trim().replace(/\s+/g, ' ');
    return name ? { id: name, name } : undefined;
  }
  const plain = PLAIN.exec(word);
  if (plain) return { id: plain[1]!, name: plain[1]! };
  return undefined;
}

/**
 * People named at the end of a declaration are invited ("declare sev2 DB down @bob @carol");
 * a title that is nothing but mentions stays the title.
 */
export function titleAndInvitees(text: string): { title: string; invite: Mention[] } {
  const words = tokenize(text);
  const invite: Mention[] = [];
  let end = words.length;
  for (; end > 1; end--) {
    const mention = parseMention(words[end - 1]!.text);
    if (!mention) break;
    invite.unshift(mention);
  }
  if (!invite.length) return { title: text, invite };
  return { title: text.slice(0, words[end]!.start).trim(), invite };
}

/** The person a command names next; one sentence with an example when it names no one. */
export function readMention(cursor: Cursor, typed: string, example: string): Mention {
  const t = cursor.next();
  const mention = t ? parseMention(t.text) : undefined;
  if (!mention) {
    const got = t ? `"${clip(t.text)}" is not a person` : `"/incident ${typed}" needs a person`;
    throw new SitrepError('invalid_mention', `${got}: name them with @, e.g. "${example}".`);
  }
  return mention;
}
