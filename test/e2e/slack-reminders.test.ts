import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { reminderScheduler } from '../../src/scheduler/scheduler';
import { FakeClock, silentLog } from '../support/app';
import { resetDatabase, testDatabase } from '../support/db';
import { fakeTriggerId } from '../support/fake-slack/signing';
import { startSlackE2E, type SlackE2E } from './slack-harness';

const MINUTE = 60_000;

let database: Database;
let e2e: SlackE2E;
let clock: FakeClock;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  clock = new FakeClock(new Date('2024-05-31T12:00:00Z'));
  e2e = await startSlackE2E(database, { clock });
});
afterEach(async () => {
  await e2e.stop();
});

/**
 * One scheduler tick at the fake clock's now, on the running app's store, then delivery. Counted
 * in the channel rather than by the tick's return, so a scheduler the app runs itself may tick too.
 */
async function tick(): Promise<void> {
  await reminderScheduler({ store: e2e.sitrep.deps.store, log: silentLog, clock, onQueued: () => e2e.sitrep.worker.wake() }).tick();
  await e2e.settled();
}

const reminderCount = (channel: { messages: { text: string }[] }) => channel.messages.filter((m) => m.text.includes('is due a status update')).length;

interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { text: string };
}

/** A click on a reminder button, as Slack posts it (signed block_actions). */
function click(channel: { id: string; name: string }, message: { ts: string; blocks?: unknown }, button: Button, responseId: string) {
  return e2e.interaction({
    type: 'block_actions',
    team: { id: 'T0FAKETEAM', domain: 'fake' },
    user: { id: 'U0ALICE001', username: 'alice', name: 'alice', team_id: 'T0FAKETEAM' },
    api_app_id: 'A0SITREP01',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: channel.id, is_ephemeral: false },
    trigger_id: fakeTriggerId(),
    channel: { id: channel.id, name: channel.name },
    message: { type: 'message', ts: message.ts, blocks: message.blocks },
    response_url: e2e.slack.responseUrl(responseId),
    actions: [{ ...button, block_id: 'sitrep_reminder_1', action_ts: `${Math.floor(Date.now() / 1000)}.000200` }],
  });
}

async function reminderInChannel() {
  await e2e.command('declare sev1 Checkout errors');
  await e2e.settled();
  const channel = e2e.slack.channelByName('inc-1-checkout-errors')!;
  clock.advance(15 * MINUTE);
  await tick();
  expect(reminderCount(channel)).toBe(1);
  const reminder = channel.messages.at(-1)!;
  const actions = (reminder.blocks as { type: string; elements?: Button[] }[]).find((b) => b.type === 'actions');
  return { channel, reminder, buttons: actions?.elements ?? [] };
}

describe('Slack: status update reminders', () => {
  it('arrive in the incident channel, mentioning the commander, with Post update and Snooze buttons', async () => {
    const { reminder, buttons } = await reminderInChannel();
    expect(reminder.text).toMatch(/^@alice: INC-1 is due a status update \(SEV1: every 15 minutes\)\. Last public update: none yet \(declared 14:00 CEST, 15 minutes ago\)\./);
    expect(JSON.stringify(reminder.blocks)).toContain('<@U0ALICE001> INC-1 is due a status update');
    expect(buttons.map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ['Post update', 'sitrep_reminder_post_update', '1'],
      ['Snooze 15 min', 'sitrep_reminder_snooze', '1'],
    ]);
  });

  it('Snooze answers the clicker only and holds the next reminder back for 15 minutes', async () => {
    const { channel, reminder, buttons } = await reminderInChannel();
    clock.advance(10 * MINUTE);
    const res = await click(channel, reminder, buttons[1]!, 'snooze-1');
    expect(res.status).toBe(200);
    await waitFor(() => e2e.slack.callsTo('response_url').length === 1);
    expect(e2e.slack.callsTo('response_url')[0]!.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Snoozed the status update reminders of INC-1 for 15 minutes, until 14:40 CEST.',
    });
    expect(await e2e.count('select count(*)::int as n from reminder_snoozes')).toBe(1);
    clock.advance(5 * MINUTE); // 14:30, when the next reminder was due
    await tick();
    expect(reminderCount(channel)).toBe(1);
    clock.advance(10 * MINUTE);
    await tick();
    expect(reminderCount(channel)).toBe(2);
  });

  it('Post update opens the update form for the incident, whose submission posts the update', async () => {
    const { channel, reminder, buttons } = await reminderInChannel();
    clock.advance(5 * MINUTE);
    expect((await click(channel, reminder, buttons[0]!, 'update-1')).status).toBe(200);
    await waitFor(() => e2e.slack.views.opened.length === 1);
    const view = e2e.slack.views.opened[0]!.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('post_status_update');
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: channel.id, incident: 1 });
    await e2e.interaction({
      type: 'view_submission',
      team: { id: 'T0FAKETEAM' },
      user: { id: 'U0ALICE001', name: 'alice', team_id: 'T0FAKETEAM' },
      view: {
        id: 'V0UPDATE01',
        callback_id: 'post_status_update',
        private_metadata: view.private_metadata,
        state: {
          values: {
            update_status: { status: { type: 'static_select', selected_option: { value: 'identified' } } },
            update_message: { message: { type: 'plain_text_input', value: 'Bad deploy, rolling back' } },
            update_severity: { severity: { type: 'static_select', selected_option: { value: 'sev1' } } },
          },
        },
      },
    });
    await e2e.settled();
    expect(channel.messages.some((m) => m.text.startsWith('Identified — INC-1: Checkout errors\nBad deploy, rolling back'))).toBe(true);
    clock.advance(10 * MINUTE); // 14:30, when the next reminder was due: the update (14:20) reset the clock
    await tick();
    expect(reminderCount(channel)).toBe(1);
    clock.advance(5 * MINUTE);
    await tick();
    expect(reminderCount(channel)).toBe(2);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}
