import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { CHANNEL_ID, USERS, channelMessage } from '../support/fake-teams/activities';
import { resetDatabase, testDatabase } from '../support/db';
import { ANNOUNCEMENTS_ID, cardOf, current, seen, startTeamsE2E, type TeamsE2E } from './teams-harness';

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

/** Declares in the usual channel and waits for the incident thread; returns its id and root. */
async function declared(text: string) {
  const res = await e2e.channel(text);
  await e2e.settled();
  const thread = e2e.threads().at(-1)!;
  return { ...thread, declaredBy: res.activity.id };
}

describe('Teams: declaring and running an incident', () => {
  it('declares from a channel: answers in the thread, starts an incident thread whose root is the summary card, announces it', async () => {
    const res = await e2e.channel('declare sev2 Product images fail to load');
    expect(res.status).toBe(200);
    expect(e2e.answersTo(res.activity.id).map(seen)).toEqual([
      'Declared INC-1 (sev2): Product images fail to load. You are the commander; "/incident lead @someone" hands over.',
    ]);
    await e2e.settled();
    const [thread] = e2e.threads();
    expect(thread?.id).toBe(`${CHANNEL_ID};messageid=${thread?.rootId}`);
    const [root, ...others] = e2e.fake.activities(thread!.id);
    expect(others).toEqual([]);
    expect(root?.via).toBe('create');
    expect(seen(root!)).toContain('INC-1 · Product images fail to load');
    expect(seen(root!)).toContain('Commander: Alice Archer');
    expect(current(root!).summary).toBe(
      'INC-1 · SEV2 · Investigating — Product images fail to load\nCommander: Alice Archer\nComponents: none recorded\n' +
        `Started ${seen(root!).match(/Started: (.*)/)?.[1]}`,
    );
    const [announced] = e2e.fake.activities(ANNOUNCEMENTS_ID);
    expect(seen(announced!)).toContain('Declared by Alice Archer');
    expect(seen(announced!)).toContain('Follow it in the INC-1 thread.');
    expect(await e2e.count(`select count(*)::int as n from conversations where external_id = '${thread!.id}' and reference is not null`)).toBe(1);
  });

  it('applies commands typed in the incident thread to its incident, edits the summary in place and announces status updates', async () => {
    const thread = await declared('declare sev2 Checkout errors');
    const update = await e2e.channel('update identified Bad deploy, rolling back', { threadId: thread.rootId });
    expect(update.activity.conversation.id).toBe(thread.id);
    expect(e2e.answersTo(update.activity.id).map(seen)).toEqual(['Posted the identified update for INC-1.']);
    await e2e.channel('severity sev1', { threadId: thread.rootId });
    await e2e.settled();
    const inThread = e2e.fake.activities(thread.id);
    const root = inThread[0]!;
    expect(inThread.filter((a) => seen(a).includes('Commander: Alice Archer'))).toEqual([root]);
    expect(seen(root)).toContain('Severity: SEV1');
    expect(seen(root)).toContain('Status: Identified');
    expect(e2e.fake.callsTo('updateActivity').every((c) => c.activityId === thread.rootId && c.conversationId === thread.id)).toBe(true);
    expect(inThread.some((a) => seen(a).startsWith('Identified\nINC-1 · Checkout errors\nBad deploy, rolling back'))).toBe(true);
    const announcements = e2e.fake.activities(ANNOUNCEMENTS_ID).map(seen);
    expect(announcements.some((t) => t.startsWith('Identified\nINC-1 · Checkout errors'))).toBe(true);
  });

  it('resolves: the postmortem draft arrives as a Markdown attachment, with the resolution card', async () => {
    const thread = await declared('declare sev3 Search is slow');
    await e2e.channel('resolve Index rebuilt', { threadId: thread.rootId });
    await e2e.settled();
    const inThread = e2e.fake.activities(thread.id).map(current);
    const postmortem = inThread.find((a) => a.attachments?.some((x: { contentType: string }) => x.contentType === 'text/markdown'));
    const document = postmortem.attachments.find((x: { contentType: string }) => x.contentType === 'text/markdown');
    expect(document.name).toBe('INC-1-postmortem.md');
    expect(document.content).toMatch(/^# INC-1: Search is slow/);
    expect(document.content).toContain('## Corrective and preventive measures');
    expect(postmortem.attachments[0].content.body[0].text).toContain('Postmortem draft');
    const resolution = e2e.fake.activities(thread.id).find((a) => seen(a).startsWith('Resolved · INC-1 · Search is slow'));
    expect(seen(resolution!)).toContain('Index rebuilt');
    expect(seen(resolution!)).toMatch(/^Started: .+ GMT$/m);
    expect(seen(resolution!)).toMatch(/^Resolved: .+ GMT$/m);
    expect(seen(resolution!)).toMatch(/^Duration: (less than a minute|\d+ (second|minute)s?)$/m);
  });

  it('names people by their Teams display name and resolves an <at> mention to the Teams user it names', async () => {
    const thread = await declared('declare sev2 Latency');
    const lead = channelMessage({ text: '<at>Sitrep</at> lead <at>Bob Baker</at>', threadId: thread.rootId, serviceUrl: e2e.fake.serviceUrl });
    lead.entities!.push({ type: 'mention', mentioned: { id: USERS.bob.id, name: USERS.bob.name }, text: '<at>Bob Baker</at>' });
    await e2e.send(lead);
    await e2e.settled();
    expect(seen(e2e.fake.activities(thread.id)[0]!)).toContain('Commander: Bob Baker');
    expect(await e2e.count(`select count(*)::int as n from incidents where roles->'commander'->>'id' = '${USERS.bob.id}'`)).toBe(1);
  });

  it('works in a personal chat: the chat is the incident\'s place and its commands apply there', async () => {
    const res = await e2e.personal('declare sev3 Search is slow');
    const chat = res.activity.conversation.id;
    expect(e2e.answersTo(res.activity.id).map(seen)[0]).toMatch(/^Declared INC-1 \(sev3\): Search is slow/);
    await e2e.settled();
    expect(e2e.threads()).toEqual([]);
    await e2e.personal('note rebuilding the index');
    await e2e.settled();
    const inChat = e2e.fake.activities(chat).map(seen);
    expect(inChat.some((t) => t.startsWith('INC-1 · Search is slow'))).toBe(true);
    expect(inChat.some((t) => / Alice Archer noted: rebuilding the index$/.test(t))).toBe(true);
  });

  it('keeps a private incident out of team channels: declared in a channel, it lives in the declarer\'s chat with the bot', async () => {
    await e2e.channel('declare private sev2 Payroll data exposed');
    await e2e.settled();
    expect(e2e.threads()).toEqual([]);
    const [chat] = e2e.fake.conversationsCreated;
    expect(chat?.request.members).toEqual([{ id: USERS.alice.id }]);
    expect(e2e.fake.activities(chat!.id).map(seen)[0]).toContain('INC-1 · Payroll data exposed');
    expect(e2e.fake.activities(ANNOUNCEMENTS_ID)).toEqual([]);
  });

  it('answers a mistake with the core\'s one sentence and records nothing', async () => {
    const res = await e2e.channel('severity sev9');
    expect(e2e.answersTo(res.activity.id).map(seen)).toEqual(['Unknown severity "sev9": use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".']);
    expect(current(e2e.answersTo(res.activity.id)[0]!).textFormat).toBe('plain');
    expect(await e2e.count('select count(*)::int as n from timeline_entries')).toBe(0);
  });
});

describe('Teams: forms', () => {
  it('answers the "Post update" and "Snooze" buttons of a reminder card', async () => {
    const thread = await declared('declare sev2 Reminded');
    const post = await e2e.submit({ sitrep: 'update-form', incident: 1 }, '1700000000002', { threadId: thread.rootId });
    expect(seen(e2e.answersTo(post.activity.id)[0]!)).toContain('Status update · INC-1');
    const snooze = await e2e.submit({ sitrep: 'snooze', incident: 1 }, '1700000000002', { threadId: thread.rootId });
    expect(e2e.answersTo(snooze.activity.id).map(seen)[0]).toMatch(/^Snoozed .*INC-1/);
  });

  it('answers a bare "declare" with the form; a submission declares once, even when the activity comes twice', async () => {
    const asked = await e2e.channel('declare');
    const [form] = e2e.answersTo(asked.activity.id);
    expect(cardOf(form!)?.version).toBe('1.5');
    expect(seen(form!)).toContain('Title');
    expect(seen(form!)).toContain('[Declare]');
    const value = { sitrep: 'declare', title: 'Payments declined', severity: 'sev1', components: 'Checkout API', private: 'false' };
    const first = await e2e.submit(value, form!.id);
    const again = await e2e.send(first.activity);
    expect([first.status, again.status]).toEqual([200, 200]);
    await e2e.settled();
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(1);
    expect(e2e.threads()).toHaveLength(1);
    expect(seen(e2e.fake.activities(e2e.threads()[0]!.id)[0]!)).toContain('Components: Checkout API (partial outage)');
    expect(seen(form!)).toMatch(/^Declared INC-1 \(sev1\): Payments declined/);
  });

  it('answers a wrong submission with one sentence and keeps the form', async () => {
    const res = await e2e.submit({ sitrep: 'declare', title: '   ', severity: 'sev2', private: 'false' }, '1700000000001');
    expect(e2e.answersTo(res.activity.id).map(seen)).toEqual(['Give the incident a title of 1 to 150 characters.']);
    expect(await e2e.count('select count(*)::int as n from incidents')).toBe(0);
  });

  it('answers a bare "update" in the thread with the status form, and posts what it submits', async () => {
    const thread = await declared('declare sev2 Checkout errors');
    const asked = await e2e.channel('update', { threadId: thread.rootId });
    const [form] = e2e.answersTo(asked.activity.id);
    expect(seen(form!)).toContain('Status update · INC-1');
    await e2e.submit({ sitrep: 'update', incident: '1', status: 'monitoring', message: 'Fix deployed', severity: 'sev2' }, form!.id, { threadId: thread.rootId });
    await e2e.settled();
    expect(seen(e2e.fake.activities(thread.id)[0]!)).toContain('Status: Monitoring');
    expect(e2e.fake.activities(ANNOUNCEMENTS_ID).some((a) => seen(a).startsWith('Monitoring\nINC-1'))).toBe(true);
  });
});
