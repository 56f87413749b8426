import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { CHANNEL_ID, TEAM, channelMessage } from '../support/fake-teams/activities';
import { FakeSlack } from '../support/fake-slack/server';
import { signSlackRequest, slashCommandBody } from '../support/fake-slack/signing';
import { resetDatabase, testDatabase } from '../support/db';
import { ANNOUNCEMENTS_ID, INCIDENTS_ID, cardOf, seen, startTeamsE2E, waitFor, type TeamsE2E } from './teams-harness';

let database: Database;
let e2e: TeamsE2E;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
  e2e = await startTeamsE2E(database);
});
afterEach(async () => {
  await e2e.stop();
});

async function restart(env: Record<string, string>, log?: pino.Logger) {
  await e2e.stop();
  e2e = await startTeamsE2E(database, { env, ...(log ? { log } : {}) });
}

async function declared(text: string) {
  await e2e.channel(text);
  await e2e.settled();
  return e2e.threads().at(-1)!;
}

/** Bodies of connector calls whose card or text mentions `needle`, with the status each got. */
function attempts(needle: string) {
  return e2e.fake.calls.filter((c) => JSON.stringify(c.body ?? '').includes(needle)).map((c) => ({ status: c.status, at: c.at }));
}

describe('Teams: a channel per incident through Microsoft Graph', () => {
  it('creates a standard channel, posts the summary there, and binds commands typed in it', async () => {
    await restart({ TEAMS_CREATE_CHANNELS: 'true', TEAMS_TEAM_ID: TEAM.aadGroupId });
    await e2e.channel('declare sev2 Database is down');
    await e2e.settled();
    const [channel] = e2e.fake.channelsCreated;
    expect(channel).toMatchObject({ teamId: TEAM.aadGroupId, displayName: 'inc-1-database-is-down', membershipType: 'standard' });
    expect(e2e.fake.callsTo('graph.createChannel')[0]?.headers.authorization).toBeUndefined();
    expect(e2e.threads()).toEqual([]);
    expect(seen(e2e.fake.activities(channel!.id)[0]!)).toContain('INC-1 · Database is down');
    const announced = cardOf(e2e.fake.activities(ANNOUNCEMENTS_ID)[0]!);
    expect(announced?.actions?.[0]).toMatchObject({ type: 'Action.OpenUrl', url: channel!.webUrl });

    await e2e.channel('note failover started', { channelId: channel!.id });
    await e2e.settled();
    expect(e2e.fake.activities(channel!.id).some((a) => seen(a).endsWith('Alice Archer noted: failover started'))).toBe(true);
  });

  it('falls back to a thread in the incidents channel when Graph refuses (403), and says why once', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    await restart({ TEAMS_CREATE_CHANNELS: 'true', TEAMS_TEAM_ID: TEAM.aadGroupId, TEAMS_INCIDENTS_CHANNEL: INCIDENTS_ID }, log);
    e2e.fake.denyGraph(true);
    await e2e.channel('declare First denied');
    await e2e.channel('declare Second denied');
    await e2e.settled();
    expect(e2e.fake.channelsCreated).toEqual([]);
    expect(e2e.fake.callsTo('graph.createChannel').map((c) => c.status)).toEqual([403, 403]);
    expect(e2e.threads().map((t) => t.id.split(';')[0])).toEqual([INCIDENTS_ID, INCIDENTS_ID]);
    expect(e2e.threads().map((t) => seen(e2e.fake.activities(t.id)[0]!).split('\n')[0])).toEqual(['INC-1 · First denied', 'INC-2 · Second denied']);
    const why = lines.filter((l) => l.includes('fall back to threads'));
    expect(why).toHaveLength(1);
    expect(why[0]).toContain('Channel.Create.Group');
  });
});

describe('Teams: when the Bot Connector misbehaves', () => {
  it('waits out a 429 for as long as Retry-After says, then delivers once', async () => {
    const thread = await declared('declare Throttled');
    e2e.fake.down({ status: 429, retryAfter: 1 });
    await e2e.channel('note throttled note', { threadId: thread.rootId });
    await waitFor(() => attempts('noted: throttled note').length > 0);
    e2e.fake.up();
    await e2e.settled();
    const tries = attempts('noted: throttled note');
    expect(tries.map((t) => t.status)).toEqual([429, 201]);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(950);
    expect(e2e.fake.activities(thread.id).filter((a) => seen(a).endsWith('noted: throttled note'))).toHaveLength(1);
  });

  it('keeps recording through a 503 outage, then delivers everything in order without duplicates', async () => {
    const thread = await declared('declare Outage during outage');
    e2e.fake.down({ status: 503 });
    for (let i = 1; i <= 3; i++) {
      const res = await e2e.channel(`note step ${i}`, { threadId: thread.rootId });
      expect(res.status).toBe(200);
    }
    await waitFor(() => attempts('noted: step 1').length >= 2);
    e2e.fake.up();
    await e2e.settled();
    const notes = e2e.fake.activities(thread.id).map(seen).filter((t) => / noted: step \d$/.test(t));
    expect(notes.map((t) => t.slice(-6))).toEqual(['step 1', 'step 2', 'step 3']);
    for (let i = 1; i <= 3; i++) expect(attempts(`noted: step ${i}`).filter((t) => t.status === 201)).toHaveLength(1);
    expect(attempts('noted: step 1').filter((t) => t.status === 503).length).toBeGreaterThan(0);
    expect(await e2e.count('select count(*)::int as n from timeline_entries where kind = \'note\'')).toBe(3);
  });

  it('a hung request does not hold up other conversations, and is retried once it times out', async () => {
    const a = await declared('declare Hung incident');
    const b = await declared('declare Healthy incident');
    e2e.fake.failNext('update', { hangMs: 3_000 });
    const started = Date.now();
    await e2e.channel('severity sev1', { threadId: a.rootId });
    await e2e.channel('note still fine here', { threadId: b.rootId });
    await waitFor(() => e2e.fake.activities(b.id).some((x) => seen(x).endsWith('noted: still fine here')), 2_000);
    expect(Date.now() - started).toBeLessThan(2_500);
    await e2e.settled();
    expect(seen(e2e.fake.activities(a.id)[0]!)).toContain('Severity: SEV1');
    const puts = e2e.fake.callsTo('updateActivity').filter((c) => c.conversationId === a.id && JSON.stringify(c.body).includes('SEV1'));
    expect(puts.map((c) => c.fault ? 'hung' : c.status)).toEqual(['hung', 200]);
  });
});

describe('Teams: requests that must not get in', () => {
  it('answers 400 to a body that is not an activity, and records nothing', async () => {
    const res = await fetch(e2e.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
    expect(res.status).toBe(400);
    expect(e2e.fake.calls).toEqual([]);
  });

  it('with an app id, refuses a request without Authorization (401) and records nothing', async () => {
    await restart({ TEAMS_INSECURE_LOCAL: 'false', MicrosoftAppId: '3f5c7a1e-1111-4a2b-9c3d-5e6f7a8b9c0d', MicrosoftAppPassword: 'not-a-real-secret' });
    const res = await e2e.channel('declare Forged incident');
    expect(res.status).toBe(401);
    expect(res.ms).toBeLessThan(1_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(e2e.fake.calls).toEqual([]);
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
    expect(await e2e.count('select count(*)::int as n from processed_requests')).toBe(0);
  });
});

describe('Slack and Teams in one process', () => {
  it('answers a Slack command and a Teams command, each on its own platform', async () => {
    const slack = await FakeSlack.start({ botToken: 'xoxb-e2e-token' });
    try {
      await restart({ SLACK_BOT_TOKEN: 'xoxb-e2e-token', SLACK_SIGNING_SECRET: 'e2e-secret', SLACK_API_URL: slack.url });
      const body = slashCommandBody({ text: 'declare Slack side' });
      const fromSlack = await fetch(`${e2e.url.replace('/api/messages', '')}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, 'e2e-secret') },
        body,
      });
      expect(((await fromSlack.json()) as { text: string }).text).toMatch(/^Declared INC-1 \(sev3\): Slack side/);
      const fromTeams = await e2e.send(channelMessage({ text: 'declare Teams side', serviceUrl: e2e.fake.serviceUrl }));
      expect(e2e.answersTo(fromTeams.activity.id).map(seen)[0]).toMatch(/^Declared INC-1 \(sev3\): Teams side/);
      await e2e.settled();
      expect(slack.channelByName('inc-1-slack-side')?.messages.length).toBeGreaterThan(0);
      expect(e2e.threads().map((t) => t.id.split(';')[0])).toEqual([CHANNEL_ID]);
      // Announcements go to every announcement channel; the Slack incident's own conversation is in Slack.
      const slackSideInTeams = e2e.fake.calls.filter((c) => JSON.stringify(c.body ?? '').includes('Slack side'));
      expect(slackSideInTeams.map((c) => c.conversationId)).toEqual([ANNOUNCEMENTS_ID]);
    } finally {
      await slack.stop();
    }
  });
});
