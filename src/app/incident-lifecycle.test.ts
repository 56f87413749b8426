import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows, type Database } from '../db/client';
import { resetDatabase, testDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});

/** Everything the database holds, to prove a refused command changed nothing. */
async function snapshot(): Promise<string> {
  const tables = ['incidents', 'timeline_entries', 'action_items', 'conversations', 'deliveries', 'posted_messages', 'workspaces'];
  const parts = [];
  for (const t of tables) parts.push(JSON.stringify(rows(await database.db.execute(sql.raw(`select * from ${t} order by 1`)))));
  return parts.join('\n');
}

const CHANNEL = '#inc-1-images-fail';

async function declared(now = '2024-05-31T23:00:00Z') {
  const app = testApp(database, { now });
  await app.ok('alice', '/incident declare sev2 at 14:23 America/Los_Angeles Images fail');
  return app;
}

describe('status updates', () => {
  it('changes the status, publishes to the incident and the announcements, and edits the pinned summary in place', async () => {
    const app = await declared();
    app.clock.advance(60_000);
    const result = await app.ok('bob', '/incident update INC-1 identified Bad config in the image service');
    expect(result.text).toBe('Posted the identified update for INC-1.');
    const channel = app.platform.to(CHANNEL);
    const update = channel.find((c) => c.message?.type === 'status_update');
    expect(update?.text).toBe('Identified — INC-1: Images fail\nBad config in the image service\nSEV2 · Components: none recorded · Posted by bob at 16:01 PDT');
    expect(app.platform.to('#announcements').some((c) => c.text === update?.text)).toBe(true);
    const edits = channel.filter((c) => c.op === 'update');
    expect(edits).toHaveLength(1);
    expect(edits[0]?.ref).toBe(channel[0]?.ref);
    expect(edits[0]?.text).toContain('INC-1 · SEV2 · Identified — Images fail');
  });

  it('back-dates an update to the nearest occurrence of a wall-clock time', async () => {
    const app = await declared();
    await app.ok('bob', '/incident update INC-1 identified at 13:50 PDT Provider confirmed');
    const update = app.platform.to(CHANNEL).find((c) => c.message?.type === 'status_update');
    expect(update?.text).toContain('Posted by bob at 13:50 PDT');
  });

  it('refuses an update to a resolved incident and leaves everything as it was', async () => {
    const app = await declared();
    await app.ok('alice', '/incident resolve INC-1 Fixed');
    const before = await snapshot();
    const result = await app.run('bob', '/incident update INC-1 monitoring still watching');
    expect(result).toMatchObject({ ok: false, code: 'incident_resolved' });
    expect(result.text).toBe('INC-1 was resolved at 31 May 2024, 16:00 PDT, so it takes no status updates; "/incident reopen INC-1" first if it is not over.');
    expect(await snapshot()).toBe(before);
  });
});

describe('resolving and reopening', () => {
  it('resolves with key times and posts the postmortem draft', async () => {
    const app = await declared();
    const la = { zone: 'America/Los_Angeles' };
    await app.ok('bob', '/incident update INC-1 monitoring at 14:50 Fix deployed', la);
    const result = await app.ok('alice', '/incident resolve INC-1 at 15:07 Images load again', la);
    expect(result.text).toBe('Resolved INC-1 after 44 minutes; the postmortem draft is posted in its conversation.');
    const channel = app.platform.to(CHANNEL);
    const resolution = channel.find((c) => c.message?.type === 'resolution');
    expect(resolution?.text).toBe(
      [
        'Resolved INC-1: Images load again',
        'Started: 31 May 2024, 14:23 PDT',
        'Declared: 31 May 2024, 16:00 PDT',
        'Mitigated: 31 May 2024, 14:50 PDT',
        'Resolved: 31 May 2024, 15:07 PDT',
        'Time to mitigate: 27 minutes',
        'Duration: 44 minutes',
      ].join('\n'),
    );
    const draft = channel.find((c) => c.message?.type === 'postmortem')?.message;
    expect(draft?.type === 'postmortem' && draft.filename).toBe('INC-1-postmortem.md');
    const markdown = draft?.type === 'postmortem' ? draft.markdown : '';
    expect(markdown).toMatch(/^# INC-1: Images fail/);
    expect(markdown).toContain('**Total:** 44 minutes');
    expect(markdown).toContain('Images load again');
  });

  it('treats "update resolved" as a resolution', async () => {
    const app = await declared();
    await app.ok('alice', '/incident update INC-1 resolved All good');
    expect((await app.run('alice', '/incident list')).text).toBe('No open incidents.');
    expect(app.platform.to(CHANNEL).some((c) => c.message?.type === 'postmortem')).toBe(true);
  });

  it('refuses a resolution before the incident started', async () => {
    const app = await declared();
    const result = await app.run('alice', '/incident resolve INC-1 at 2024-05-31 10:00 America/Los_Angeles oops');
    expect(result).toMatchObject({ ok: false, code: 'invalid_time' });
    expect(result.text).toBe('INC-1 started at 31 May 2024, 14:23 PDT; it cannot be resolved before that.');
  });

  it('reopens a resolved incident and refuses to reopen an open one', async () => {
    const app = await declared();
    expect((await app.run('alice', '/incident reopen INC-1 nope')).code).toBe('incident_not_resolved');
    await app.ok('alice', '/incident resolve INC-1');
    await app.ok('alice', '/incident reopen INC-1 errors are back');
    expect((await app.run('alice', '/incident list')).text).toContain('INC-1 · SEV2 · Investigating — Images fail');
    expect(app.platform.to('#announcements').at(-1)?.text).toContain('INC-1 reopened by alice');
  });
});

describe('details, roles, components and actions', () => {
  it('records severity, title, summary and role changes on the timeline', async () => {
    const app = await declared();
    await app.ok('alice', '/incident severity INC-1 sev1');
    await app.ok('alice', '/incident title INC-1 All product images fail');
    await app.ok('alice', '/incident summary INC-1 Every image request returns 403');
    await app.ok('alice', '/incident lead INC-1 @bob');
    await app.ok('alice', '/incident assign INC-1 comms @dana');
    expect((await app.run('alice', '/incident severity INC-1 sev1')).text).toBe('INC-1 is already sev1.');
    expect((await app.run('alice', '/incident lead INC-1 @bob')).text).toBe('bob is already the commander of INC-1.');
    const timeline = (await app.ok('alice', '/incident timeline INC-1')).text;
    expect(timeline).toContain('INC-1 · SEV1 · Investigating — All product images fail');
    expect(timeline).toContain('severity changed: sev2 → sev1');
    expect(timeline).toContain('role assigned: bob is commander');
    expect(timeline).toContain('role assigned: dana is communications lead');
    const summary = app.platform.to(CHANNEL).filter((c) => c.op === 'update').at(-1)?.text;
    expect(summary).toContain('Every image request returns 403');
    expect(summary).toContain('Commander: bob · Communications lead: dana');
  });

  it('accepts only configured components and suggests the closest names', async () => {
    const app = testApp(database, { settings: { components: ['Image CDN', 'Checkout API', 'Campaign Management (core service)'] } });
    await app.ok('alice', '/incident declare Images fail');
    const typo = await app.run('alice', '/incident impact INC-1 Image CND partial');
    expect(typo).toMatchObject({ ok: false, code: 'unknown_component' });
    expect(typo.text).toBe('There is no component "Image CND": did you mean "Image CDN"?');
    await app.ok('alice', '/incident impact INC-1 image cdn major');
    expect((await app.run('alice', '/incident impact INC-1 Image CDN major')).text).toBe('Image CDN already has major outage on INC-1.');
    await app.ok('alice', '/incident impact INC-1 Image CDN none');
    expect((await app.run('alice', '/incident impact INC-1 Image CDN none')).text).toBe('Image CDN has no impact recorded on INC-1.');
  });

  it('accepts any component name when none are configured', async () => {
    const app = await declared();
    await app.ok('alice', '/incident impact INC-1 Whatever Service degraded');
    expect(app.platform.to(CHANNEL).filter((c) => c.op === 'update').at(-1)?.text).toContain('Components: Whatever Service (degraded performance)');
  });

  it('numbers action items, lists them and marks them done', async () => {
    const app = await declared();
    await app.ok('alice', '/incident action INC-1 Alert on image error rate @bob');
    await app.ok('alice', '/incident action INC-1 Review DB upgrade runbook');
    await app.ok('bob', '/incident done INC-1 1');
    expect((await app.ok('alice', '/incident actions INC-1')).text).toBe(
      'Actions of INC-1:\n#1 [done] Alert on image error rate (bob)\n#2 [open] Review DB upgrade runbook',
    );
    expect((await app.run('bob', '/incident done INC-1 1')).code).toBe('action_already_done');
    expect((await app.run('bob', '/incident done INC-1 7')).text).toBe(
      'INC-1 has no action #7: it has actions #1 to #2 ("/incident actions" lists them).',
    );
  });
});

describe('notes and finding the incident', () => {
  it('back-dates a note to the incident\'s day and refuses a future time', async () => {
    const app = await declared();
    const result = await app.ok('bob', '/incident note INC-1 at 14:30 PDT error rate spiked');
    expect(result.text).toBe('Noted on INC-1 at 14:30 PDT.');
    const before = await snapshot();
    const future = await app.run('bob', '/incident note INC-1 at 2024-06-02 10:00 UTC later');
    expect(future.code).toBe('future_time');
    expect(await snapshot()).toBe(before);
  });

  it('applies a command without INC-<n> to the incident of the conversation it was typed in', async () => {
    const app = await declared();
    const inChannel = await app.run('bob', '/incident note from the channel', { conversation: { platform: 'console', externalId: 'C1' } });
    expect(inChannel.text).toMatch(/^Noted on INC-1/);
    const nowhere = await app.run('bob', '/incident note lost');
    expect(nowhere.code).toBe('no_incident_in_context');
    expect((await app.run('bob', '/incident note INC-9 x')).text).toBe('There is no INC-9; "/incident list" shows the open incidents.');
  });

  it('records every one of many concurrent notes', async () => {
    const app = await declared();
    await Promise.all(Array.from({ length: 20 }, (_, i) => app.run(`u${i}`, `/incident note INC-1 parallel ${i}`)));
    const [row] = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from timeline_entries where kind = 'note'`));
    expect(Number(row?.n)).toBe(20);
  });

  it('records a responder\'s notes without a lock, each once, and posts each to the incident channel', async () => {
    const app = await declared();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => app.run('alice', `/incident note INC-1 step ${i}`)));
    expect(results.every((r) => r.ok && /^Noted on INC-1 at \d\d:\d\d PDT\.$/.test(r.text))).toBe(true);
    const notes = rows<{ body: string }>(await database.db.execute(sql`select body from timeline_entries where kind = 'note' order by id`));
    expect(notes.map((n) => n.body).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `step ${i}`).sort());
    const notices = () => app.platform.to(CHANNEL).flatMap((c) => (c.message?.type === 'notice' ? [c.message.text] : []));
    // Concurrent notes reach the channel in whichever order they were stored, each exactly once.
    expect(notices().sort()).toEqual(notes.map((n) => n.body).sort());
    for (const text of ['first', 'second', 'third']) await app.ok('alice', `/incident note INC-1 ${text}`);
    expect(notices().slice(-3)).toEqual(['first', 'second', 'third']);
  });

  it('answers a repeated request for a note "Already recorded." and stores it once', async () => {
    const app = await declared();
    const first = await app.run('alice', '/incident note INC-1 retried by the platform', { idempotencyKey: 'evt-1' });
    const before = await snapshot();
    const again = await app.run('alice', '/incident note INC-1 retried by the platform', { idempotencyKey: 'evt-1' });
    expect(first.text).toMatch(/^Noted on INC-1/);
    expect(again).toMatchObject({ ok: true, duplicate: true, text: 'Already recorded.' });
    expect(await snapshot()).toBe(before);
  });

  it('makes a newcomer who adds a note a responder, once, even when they add several at once', async () => {
    const app = await declared();
    await Promise.all(Array.from({ length: 5 }, (_, i) => app.run('erin', `/incident note INC-1 newcomer ${i}`)));
    const [incident] = rows<{ members: string[] }>(await database.db.execute(sql`select members from incidents where number = 1`));
    const members = typeof incident!.members === 'string' ? (JSON.parse(incident!.members) as string[]) : incident!.members;
    expect(members.filter((m) => m === 'erin')).toHaveLength(1);
    const [row] = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from timeline_entries where kind = 'note'`));
    expect(Number(row?.n)).toBe(5);
  });
});
