import type { KnownBlock } from '@slack/types';
import { dueText, type Message } from '../../../core/messages/message';
import { headline, rolesLine } from '../../../core/messages/render-text';
import { formatDateTime } from '../../../core/time/format';
import { stateEmoji } from './incident-blocks';
import type { FitOptions } from './limits';
import { context, escapeMrkdwn, header, oneLine, section } from './slack-text';

/**
 * Blocks listing many things: a timeline, open incidents, follow-up actions. Each item is one
 * block after the heading, so `more` can count the items that do not fit in one message.
 */
export interface ListBlocks {
  blocks: KnownBlock[];
  more: NonNullable<FitOptions['more']>;
}

export function timelineBlocks(m: Extract<Message, { type: 'timeline' }>): ListBlocks {
  const c = m.incident;
  const lines = m.lines.map((l) => {
    const what = `${l.kind.replace(/_/g, ' ')}: ${escapeMrkdwn(oneLine(l.text))}`;
    const line = `${formatDateTime(new Date(l.at), c.zone)} · ${escapeMrkdwn(l.author)} · ${what}`;
    return section(l.retracted ? `~${line}~ _(retracted)_` : line);
  });
  return {
    blocks: [
      header(`Timeline of INC-${c.number}`),
      context(escapeMrkdwn(headline(c))),
      ...(lines.length ? lines : [section('Nothing recorded yet.')]),
    ],
    more: (n) => `… and ${n} more ${n === 1 ? 'entry' : 'entries'} — the postmortem draft has the full timeline (/incident postmortem)`,
  };
}

export function incidentListBlocks(m: Extract<Message, { type: 'incident_list' }>): ListBlocks {
  const items = m.incidents.map((c) => section(`${stateEmoji(c)} ${escapeMrkdwn(headline(c))}\n${escapeMrkdwn(rolesLine(c))}`));
  return {
    blocks: [header('Open incidents'), ...(items.length ? items : [section(':white_check_mark: No open incidents.')])],
    more: (n) => `… and ${n} more open ${n === 1 ? 'incident' : 'incidents'}`,
  };
}

export function actionsBlocks(m: Extract<Message, { type: 'actions' }>): ListBlocks {
  const items = m.items.map((a) => {
    const text = `#${a.number} ${escapeMrkdwn(oneLine(a.text))}`;
    const owner = a.owner ? ` — ${escapeMrkdwn(a.owner)}` : ' — _no owner_';
    const due = dueText(a);
    const when = due ? ` · ${a.overdue ? `*${due}*` : due}` : '';
    return section(a.done ? `:white_check_mark: ~${text}~${owner} _(done)_` : `:white_large_square: ${text}${owner}${when}`);
  });
  const empty = `INC-${m.incident} has no actions yet; add one with \`/incident action <text> @owner\`.`;
  return {
    blocks: [header(`Actions of INC-${m.incident}`), ...(items.length ? items : [section(escapeMrkdwn(empty))])],
    more: (n) => `… and ${n} more ${n === 1 ? 'action' : 'actions'}`,
  };
}
