import type { ActionsBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../core/messages/message';
import { renderText } from '../../../core/messages/render-text';
import { renderCard } from '../../teams/cards/render-card';
import { renderBlocks } from './render-blocks';
import { REMINDER_ACTIONS } from './reminder-blocks';

const due: Message = {
  type: 'reminder',
  kind: 'update_due',
  incident: 7,
  to: [
    { id: 'U0ALICE001', name: 'alice' },
    { id: 'dana', name: 'dana <!channel>' },
  ],
  text: 'INC-7 is due a status update (SEV1: every 15 minutes). Last public update: 14:02 PDT, 15 minutes ago.',
};

describe('a status update reminder', () => {
  it('prints for the console with how to answer by text', () => {
    expect(renderText(due)).toBe(
      '@alice @dana <!channel>: INC-7 is due a status update (SEV1: every 15 minutes). Last public update: 14:02 PDT, 15 minutes ago.\n' +
        '(reply: /incident update … or /incident snooze INC-7)',
    );
  });

  it('in Slack, mentions Slack users, escapes other names, and offers Post update and Snooze', () => {
    const { text, blocks } = renderBlocks(due);
    expect(text).toContain('@dana &lt;!channel&gt;');
    expect((blocks[0] as SectionBlock).text?.text).toBe(
      ':alarm_clock: *Status update due* · INC-7\n<@U0ALICE001> @dana &lt;!channel&gt; INC-7 is due a status update (SEV1: every 15 minutes). Last public update: 14:02 PDT, 15 minutes ago.',
    );
    const actions = blocks[1] as ActionsBlock;
    expect(actions.elements.map((e) => ('action_id' in e ? [e.action_id, 'value' in e ? e.value : null] : null))).toEqual([
      [REMINDER_ACTIONS.postUpdate, '7'],
      [REMINDER_ACTIONS.snooze, '7'],
    ]);
    expect(actions.elements.map((e) => ('text' in e && e.text && typeof e.text === 'object' ? e.text.text : null))).toEqual(['Post update', 'Snooze 15 min']);
  });

  it('in Teams, is a card with two submit buttons carrying what the handler needs', () => {
    const { card, text } = renderCard(due);
    expect(text).toBe(renderText(due));
    expect(card?.actions).toEqual([
      { type: 'Action.Submit', title: 'Post update', style: 'positive', data: { sitrep: 'update-form', incident: 7 } },
      { type: 'Action.Submit', title: 'Snooze 15 min', data: { sitrep: 'snooze', incident: 7 } },
    ]);
  });
});

describe('other reminders', () => {
  const nudge: Message = { type: 'reminder', kind: 'no_commander', incident: 7, to: [], text: 'INC-7 has had no commander for 10 minutes.' };

  it('have no buttons and no reply hint', () => {
    expect(renderText(nudge)).toBe('INC-7 has had no commander for 10 minutes.');
    expect(renderBlocks(nudge).blocks.map((b) => b.type)).toEqual(['section']);
    expect(renderCard(nudge).card?.actions).toBeUndefined();
  });
});
