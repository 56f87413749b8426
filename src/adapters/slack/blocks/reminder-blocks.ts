import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Message, ReminderKind } from '../../../core/messages/message';
import { context, escapeMrkdwn, plain, section } from './slack-text';

/** A follow-through reminder as Block Kit: the people it is for, mentioned, and for a due status update two buttons. */

/** action_id of the reminder buttons; their value is the incident number. */
export const REMINDER_ACTIONS = {
  postUpdate: 'sitrep_reminder_post_update',
  snooze: 'sitrep_reminder_snooze',
} as const;

const HEADINGS: Record<ReminderKind, string> = {
  update_due: ':alarm_clock: *Status update due*',
  no_commander: ':bust_in_silhouette: *No commander*',
  stale: ':hourglass: *Is this incident still ongoing?*',
  postmortem_review: ':memo: *Postmortem review*',
  action_overdue: ':calendar: *Action overdue*',
};

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;

/** `<@U123>` for a Slack user (it notifies them), else the name as typed, which cannot ping. */
export function mention(person: { id: string; name: string }): string {
  return SLACK_USER.test(person.id) ? `<@${person.id}>` : escapeMrkdwn(`@${person.name}`);
}

export function reminderBlocks(m: Extract<Message, { type: 'reminder' }>): KnownBlock[] {
  const to = m.to.map(mention).join(' ');
  const blocks: KnownBlock[] = [section(`${HEADINGS[m.kind]} · INC-${m.incident}\n${to ? `${to} ` : ''}${escapeMrkdwn(m.text)}`)];
  if (m.kind !== 'update_due') return blocks;
  const value = String(m.incident);
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: `sitrep_reminder_${m.incident}`,
    elements: [
      { type: 'button', action_id: REMINDER_ACTIONS.postUpdate, text: plain('Post update'), style: 'primary', value },
      { type: 'button', action_id: REMINDER_ACTIONS.snooze, text: plain('Snooze 15 min'), value },
    ],
  };
  return [...blocks, actions, context(`Or type \`/incident update <status> <message>\` · \`/incident snooze INC-${m.incident} 30\``)];
}
