import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { resetDatabase, testDatabase } from '../support/db';
import { slashCommandBody, urlVerificationBody } from '../support/fake-slack/signing';
import { startSlackE2E, type SlackE2E } from './slack-harness';

let database: Database;
let e2e: SlackE2E;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  e2e = await startSlackE2E(database);
});
afterEach(async () => {
  await e2e.stop();
});

const texts = (calls: { args: Record<string, unknown> }[]) => calls.map((c) => String(c.args.text ?? ''));

describe('Slack: declaring and running an incident', () => {
  it('acknowledges the slash command, opens and pins an incident channel, and announces it with a link', async () => {
    const answer = await e2e.command('declare sev2 Product images fail to load');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      response_type: 'ephemeral',
      text: 'Declared INC-1 (sev2): Product images fail to load. You are the commander; "/incident lead @someone" hands over.',
    });
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-product-images-fail-to-load');
    expect(channel).toBeDefined();
    expect(channel!.members.has('U0ALICE001')).toBe(true);
    expect(channel!.topic).toBe('SEV2 · Investigating · Commander: alice · Product images fail to load');
    const summary = channel!.messages[0]!;
    expect(summary.text).toContain('INC-1 · SEV2 · Investigating — Product images fail to load');
    expect(channel!.pins.has(summary.ts)).toBe(true);
    const announced = e2e.announcements.messages.map((m) => JSON.stringify(m.blocks));
    expect(announced[0]).toContain(`<#${channel!.id}>`);
  });

  it('posts status updates to both channels and edits the pinned summary in place', async () => {
    await e2e.command('declare sev2 Checkout errors');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-checkout-errors')!;
    const inChannel = await e2e.command('update identified Bad deploy, rolling back', { channel_id: channel.id });
    expect(inChannel.body.text).toBe('Posted the identified update for INC-1.');
    await e2e.command('severity sev1', { channel_id: channel.id });
    await e2e.settled();
    const posted = channel.messages.map((m) => m.text);
    expect(posted.filter((t) => t.includes('INC-1 · SEV') && t.includes('Checkout errors')).length).toBe(1);
    expect(posted.some((t) => t.startsWith('Identified — INC-1: Checkout errors\nBad deploy, rolling back'))).toBe(true);
    expect(e2e.announcements.messages.some((m) => m.text.startsWith('Identified — INC-1'))).toBe(true);
    const summary = channel.messages[0]!;
    expect(summary.text).toContain('INC-1 · SEV1 · Identified — Checkout errors');
    expect(summary.history.length).toBe(2);
    expect(channel.topic).toBe('SEV1 · Identified · Commander: alice · Checkout errors');
  });

  it('invites the people named at the end of the declaration', async () => {
    await e2e.command('declare sev2 DB down <@U0BOB00002|bob> <@U0CAROL003|carol>');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-db-down')!;
    expect([...channel.members].sort()).toEqual(expect.arrayContaining(['U0ALICE001', 'U0BOB00002', 'U0CAROL003']));
  });

  it('adds a message to the timeline from the "Add to timeline" shortcut, at the message\'s own time', async () => {
    await e2e.command('declare Shortcut');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-shortcut')!;
    const res = await e2e.interaction({
      type: 'message_action',
      callback_id: 'add_to_timeline',
      trigger_id: '123.456.abc',
      response_url: e2e.slack.responseUrl('shortcut'),
      team: { id: 'T0FAKETEAM', domain: 'fake' },
      user: { id: 'U0BOB00002', name: 'bob' },
      channel: { id: channel.id, name: 'inc-1-shortcut' },
      message: { type: 'message', user: 'U0CAROL003', text: 'CDN returns 403 for /img/*', ts: '1716990000.000200' },
    });
    expect(res.status).toBe(200);
    const timeline = async () => (await e2e.command('timeline', { channel_id: channel.id })).body.text ?? '';
    const deadline = Date.now() + 5_000;
    while (!(await timeline()).includes('CDN returns 403') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const text = await timeline();
    expect(text).toMatch(/29 May 2024, \d\d:\d\d \w+ · carol · pinned message: CDN returns 403 for \/img\/\*/);
  });

  it('lists open incidents in App Home', async () => {
    await e2e.command('declare sev1 Checkout down');
    await e2e.settled();
    await e2e.event({ type: 'app_home_opened', user: 'U0ALICE001', channel: 'D0ALICE', tab: 'home' });
    const deadline = Date.now() + 5_000;
    while (e2e.slack.views.published.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    const home = JSON.stringify(e2e.slack.views.published[0]?.view);
    expect(home).toContain('Checkout down');
    expect(home).toContain('SEV1');
  });

  it('picks another channel name when the first is taken', async () => {
    e2e.slack.addChannel('inc-1-db-down');
    await e2e.command('declare DB down');
    await e2e.settled();
    expect(e2e.slack.channelByName('inc-1-db-down-2')?.messages.length).toBeGreaterThan(0);
  });

  it('reads "at 14:23" in the author\'s Slack time zone', async () => {
    await e2e.command('declare Latency');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-latency')!;
    const answer = await e2e.command('note at 00:00 midnight check', { channel_id: channel.id, user_id: 'U0CAROL003', user_name: 'carol' });
    expect(answer.body.text).toMatch(/^Noted on INC-1 at \d\d:\d\d (CET|CEST)\.$/);
    await e2e.settled();
    expect(channel.messages.at(-1)?.text).toMatch(/ carol noted: midnight check$/);
  });

  it('delivers the postmortem draft as a Markdown file on resolve', async () => {
    await e2e.command('declare sev3 Search is slow');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-search-is-slow')!;
    await e2e.command('resolve Index rebuilt', { channel_id: channel.id });
    await e2e.settled();
    const file = e2e.slack.files.find((f) => f.filename === 'INC-1-postmortem.md');
    expect(file?.content).toMatch(/^# INC-1: Search is slow/);
    expect(file?.content).toContain('## Corrective and preventive measures');
    expect(channel.messages.some((m) => m.text.startsWith('Resolved INC-1: Index rebuilt'))).toBe(true);
  });

  it('answers every mistake with the core\'s one sentence and records nothing', async () => {
    const answer = await e2e.command('severity sev9');
    expect(answer.body).toEqual({ response_type: 'ephemeral', text: 'Unknown severity "sev9": use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".' });
    const nowhere = await e2e.command('note hello');
    expect(nowhere.body.text).toContain('Which incident?');
    expect(await e2e.count('select count(*)::int as n from timeline_entries')).toBe(0);
  });
});

describe('Slack: requests that must not get in', () => {
  it('refuses a forged or stale signature with 401 and changes nothing', async () => {
    const body = 'command=%2Fincident&text=declare+forged&user_id=U0ALICE001&team_id=T0FAKETEAM&channel_id=C1';
    const forged = await fetch(`${e2e.base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-signature': 'v0=deadbeef', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) },
      body,
    });
    expect(forged.status).toBe(401);
    const stale = await e2e.post(body, 'application/x-www-form-urlencoded', {}, Math.floor(Date.now() / 1000) - 6 * 60);
    expect(stale.status).toBe(401);
    const unsigned = await fetch(`${e2e.base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
  });

  it('answers Slack\'s set-up handshakes, and refuses an oversized body with 413', async () => {
    const handshake = await e2e.post(urlVerificationBody('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P'), 'application/json');
    expect(handshake.status).toBe(200);
    expect(await handshake.json()).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
    const sslCheck = await fetch(`${e2e.base}/slack/events?from=slack`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(sslCheck.status).toBe(200);
    const huge = await e2e.post(slashCommandBody({ text: `note ${'x'.repeat(5 * 1024 * 1024)}` }), 'application/x-www-form-urlencoded');
    expect(huge.status).toBe(413);
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
  });
});

describe('Slack: pins, retries and modals', () => {
  async function incidentChannel() {
    await e2e.command('declare Pins');
    await e2e.settled();
    return e2e.slack.channelByName('inc-1-pins')!;
  }

  it('adds a pinned message once, even when Slack retries the event or it also gets a :pushpin:, and unpinning retracts it', async () => {
    const channel = await incidentChannel();
    const message = { type: 'message', user: 'U0BOB00002', text: 'Error rate is 40%', ts: '1716990000.000200' };
    const pin = { type: 'pin_added', user: 'U0ALICE001', channel_id: channel.id, item: { type: 'message', channel: channel.id, message }, event_ts: '1716990100.000100' };
    expect((await e2e.event(pin, { event_id: 'Ev0PIN1' })).status).toBe(200);
    expect((await e2e.event(pin, { event_id: 'Ev0PIN1', retry: 1 })).status).toBe(200);
    await e2e.event({ type: 'reaction_added', user: 'U0CAROL003', reaction: 'pushpin', item: { type: 'message', channel: channel.id, ts: message.ts }, event_ts: '1716990200.000100' });
    await waitFor(async () => (await e2e.count(`select count(*)::int as n from timeline_entries where kind = 'pinned_message'`)) === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await e2e.count(`select count(*)::int as n from timeline_entries where kind = 'pinned_message'`)).toBe(1);
    await e2e.event({ type: 'pin_removed', user: 'U0ALICE001', channel_id: channel.id, item: { type: 'message', channel: channel.id, message }, event_ts: '1716990300.000100' });
    await waitFor(async () => (await e2e.count(`select count(*)::int as n from timeline_entries where kind = 'retraction'`)) === 1);
    const timeline = await e2e.command('timeline', { channel_id: channel.id });
    expect(timeline.body.text).toContain('Error rate is 40% (retracted)');
  });

  it('opens the declare modal for a bare "/incident declare" and records a double-submitted form once', async () => {
    const answer = await e2e.command('declare');
    expect(answer.status).toBe(200);
    await waitFor(async () => e2e.slack.views.opened.length === 1);
    const view = e2e.slack.views.opened[0]!.view as { callback_id: string };
    expect(view.callback_id).toBe('declare_incident');
    const payload = {
      type: 'view_submission',
      team: { id: 'T0FAKETEAM', domain: 'fake' },
      user: { id: 'U0ALICE001', name: 'alice', team_id: 'T0FAKETEAM' },
      api_app_id: 'A0SITREP01',
      view: {
        id: 'V0DECLARE1',
        type: 'modal',
        callback_id: 'declare_incident',
        private_metadata: '{}',
        hash: 'h1',
        state: {
          values: {
            declare_title: { title: { type: 'plain_text_input', value: 'Payments declined' } },
            declare_severity: { severity: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'SEV1' }, value: 'sev1' } } },
            declare_components: { components: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Checkout API' }, value: 'Checkout API' }] } },
            declare_summary: { summary: { type: 'plain_text_input', value: null } },
            declare_private: { private: { type: 'checkboxes', selected_options: [] } },
          },
        },
      },
    };
    const [first, second] = await Promise.all([e2e.interaction(payload), e2e.interaction(payload)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await e2e.settled();
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(1);
    const channel = e2e.slack.channelByName('inc-1-payments-declined')!;
    expect(channel.messages[0]?.text).toContain('Checkout API (partial outage)');
  });

  it('keeps the modal open with the sentence beside the field when the form is wrong', async () => {
    const res = await e2e.interaction({
      type: 'view_submission',
      team: { id: 'T0FAKETEAM' },
      user: { id: 'U0ALICE001', name: 'alice', team_id: 'T0FAKETEAM' },
      view: {
        id: 'V0DECLARE2',
        callback_id: 'declare_incident',
        private_metadata: '{}',
        state: { values: { declare_title: { title: { type: 'plain_text_input', value: '   ' } } } },
      },
    });
    expect(await res.json()).toEqual({ response_action: 'errors', errors: { declare_title: 'Give the incident a title of 1 to 150 characters.' } });
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
  });

  it('declares nothing when a filled-in declare modal is closed instead of submitted', async () => {
    const view = {
      id: 'V0DECLARE3',
      callback_id: 'declare_incident',
      private_metadata: '{}',
      state: { values: { declare_title: { title: { type: 'plain_text_input', value: 'Payments declined' } } } },
    };
    await e2e.interaction({ type: 'view_closed', team: { id: 'T0FAKETEAM' }, user: { id: 'U0ALICE001', name: 'alice', team_id: 'T0FAKETEAM' }, view });
    await e2e.settled();
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
    expect(e2e.slack.channelByName('inc-1-payments-declined')).toBeUndefined();
  });
});

describe('Slack: when Slack misbehaves', () => {
  it('keeps acknowledging and recording while Slack is down, then delivers everything in order without duplicates', async () => {
    await e2e.command('declare Outage during outage');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-outage-during-outage')!;
    e2e.slack.down({ status: 503 });
    for (let i = 1; i <= 5; i++) {
      const answer = await e2e.command(`note step ${i}`, { channel_id: channel.id });
      expect(answer.body.text).toMatch(/^Noted on INC-1/);
      expect(answer.ms).toBeLessThan(3_000);
    }
    await new Promise((r) => setTimeout(r, 300));
    e2e.slack.up();
    await e2e.settled(15_000);
    const notes = channel.messages.map((m) => m.text).filter((t) => / noted: step \d$/.test(t));
    expect(notes.map((t) => t.slice(-6))).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
  });

  it('waits out a 429 storm, honouring Retry-After', async () => {
    await e2e.command('declare Throttled');
    await e2e.settled();
    const channel = e2e.slack.channelByName('inc-1-throttled')!;
    e2e.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    const started = Date.now();
    await e2e.command('note throttled note', { channel_id: channel.id });
    await e2e.settled(15_000);
    const attempts = e2e.slack.callsTo('chat.postMessage').filter((c) => String(c.args.text ?? '').endsWith('throttled note'));
    expect(attempts.length).toBe(4);
    expect(attempts.filter((c) => c.ok).length).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
    for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(950);
  });

  it('answers within Slack\'s 3 seconds even when the Web API is very slow', async () => {
    e2e.slack.setLatency(4_000);
    const answer = await e2e.command('declare Slow Slack');
    expect(answer.status).toBe(200);
    expect(answer.ms).toBeLessThan(3_000);
    expect(answer.body.text).toMatch(/^(Declared INC-1|Recording that)/);
    e2e.slack.setLatency(0);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

void texts;
