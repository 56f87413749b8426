import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { AppendFacts } from '../app/ports';
import type { Incident } from '../core/types';
import { useTestDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';
import { rows } from './client';
import { incidentRepository } from './incident-repository';
import { drizzleStore } from './store';

const database = useTestDatabase();

async function noteCount(): Promise<number> {
  const [row] = rows<{ n: number }>(await database().db.execute(sql`select count(*)::int as n from timeline_entries where kind = 'note'`));
  return Number(row?.n);
}

function noteOn(incident: Incident, body: string, requestKey?: string): AppendFacts {
  const at = new Date('2024-05-31T21:05:00Z');
  const author = { id: 'alice', name: 'alice' };
  return {
    incidentId: incident.id,
    version: incident.version,
    entries: [{ occurredAt: at, recordedAt: at, kind: 'note', author, body, data: {}, source: 'console', externalRef: null, supersedes: null }],
    messages: [{ payload: { text: body }, key: null }],
    at,
    ...(requestKey ? { requestKey } : {}),
  };
}

/** INC-1 "Checkout errors", declared through the app, and the store with the incident as it reads it. */
async function declaredIncident() {
  const app = testApp(database());
  await app.ok('alice', '/incident declare Checkout errors');
  const store = drizzleStore(database());
  const incident = (await store.recent.incidentByNumber('local', 1, false))!;
  return { app, store, incident };
}

describe('store: appending facts to an incident read before', () => {
  it('writes facts decided on the incident as it is stored, and nothing when it has changed since', async () => {
    const { app, store, incident: read } = await declaredIncident();
    expect(await store.appendFacts(noteOn(read, 'on the version read'))).toBe('appended');

    await app.ok('alice', '/incident severity INC-1 sev1');
    const before = await noteCount();
    expect(await store.appendFacts(noteOn(read, 'decided before the change', 'req-1'))).toBe('stale');
    expect(await noteCount()).toBe(before);

    const again = (await store.recent.incidentByNumber('local', 1, false))!;
    expect(again).toMatchObject({ severity: 'sev1', version: read.version + 1 });
    // The refused request's key was not spent: the same request decided again is recorded.
    expect(await store.appendFacts(noteOn(again, 'decided before the change', 'req-1'))).toBe('appended');
    expect(await store.appendFacts(noteOn(again, 'decided before the change', 'req-1'))).toBe('duplicate');
    expect(await noteCount()).toBe(before + 1);
  });

  it('refuses a note decided before a change made by a release that does not know the version column', async () => {
    const { store, incident: read } = await declaredIncident();
    // What an instance of a release before migration 0003 writes during a rolling deploy.
    await database().db.execute(sql`update incidents set title = 'Renamed', updated_at = now() where id = ${read.id}`);
    expect(await store.appendFacts(noteOn(read, 'decided before the change'))).toBe('stale');
    const again = (await store.reader.incidentByNumber('local', 1, false))!;
    expect(again).toMatchObject({ title: 'Renamed', version: read.version + 1 });
    expect(await store.appendFacts(noteOn(again, 'decided after it'))).toBe('appended');
  });

  it('answers a repeated lookup from memory, but never a lookup that locks or finds nothing', async () => {
    const app = testApp(database());
    await app.ok('alice', '/incident declare Checkout errors');
    const store = drizzleStore(database());
    expect((await store.recent.incidentByNumber('local', 1, false))?.title).toBe('Checkout errors');
    expect(await store.recent.incidentByNumber('local', 2, false)).toBeNull();
    // Changed behind the store's back: only what reads the database() sees it.
    await database().db.execute(sql`update incidents set title = 'Renamed'`);
    expect((await store.recent.incidentByNumber('local', 1, false))?.title).toBe('Checkout errors');
    expect((await store.reader.incidentByNumber('local', 1, false))?.title).toBe('Renamed');
    expect((await store.recent.incidentByNumber('local', 1, true))?.title).toBe('Renamed');
    await app.ok('alice', '/incident declare Second');
    expect((await store.recent.incidentByNumber('local', 2, false))?.title).toBe('Second');
  });

  it('writes requests that arrive together in one batch, each with its own outcome, in the order they came', async () => {
    const app = testApp(database());
    await app.ok('alice', '/incident declare Checkout errors');
    await app.ok('alice', '/incident declare Search slow');
    const store = drizzleStore(database());
    const first = (await store.recent.incidentByNumber('local', 1, false))!;
    const second = (await store.recent.incidentByNumber('local', 2, false))!;
    const outdated = { ...second, version: second.version - 1 };
    const outcomes = await Promise.all([
      store.appendFacts(noteOn(first, 'one', 'req-a')),
      store.appendFacts(noteOn(second, 'two')),
      store.appendFacts(noteOn(first, 'one again', 'req-a')),
      store.appendFacts(noteOn(outdated, 'decided on an old version')),
      store.appendFacts(noteOn(first, 'three')),
    ]);
    expect(outcomes).toEqual(['appended', 'appended', 'duplicate', 'stale', 'appended']);
    const notes = rows<{ body: string; number: number }>(
      await database().db.execute(sql`select t.body, i.number from timeline_entries t join incidents i on i.id = t.incident_id where t.kind = 'note' order by t.id`),
    );
    expect(notes.map((n) => `${n.number}:${n.body}`)).toEqual(['1:one', '2:two', '1:three']);
    const queued = rows<{ text: string }>(
      await database().db.execute(sql`select payload->>'text' as text from deliveries where payload ? 'text' order by id`),
    );
    expect(queued.map((q) => q.text)).toEqual(['one', 'two', 'three']);
  });

  it('fails only the request the database() refuses when it came in a batch with others', async () => {
    const { store, incident } = await declaredIncident();
    const broken = noteOn(incident, 'corrects an entry that does not exist');
    const bad = { ...broken, entries: broken.entries.map((e) => ({ ...e, supersedes: '999999' })) };
    const [good, refused, after] = await Promise.allSettled([
      store.appendFacts(noteOn(incident, 'before')),
      store.appendFacts(bad),
      store.appendFacts(noteOn(incident, 'after')),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: 'appended' });
    expect(refused.status).toBe('rejected');
    expect(after).toEqual({ status: 'fulfilled', value: 'appended' });
    const notes = rows<{ body: string }>(await database().db.execute(sql`select body from timeline_entries where kind = 'note' order by id`));
    expect(notes.map((n) => n.body)).toEqual(['before', 'after']);
  });
});

describe('store: reading a timeline back', () => {
  it('gives every field of every entry as it was written, in the order the entries happened', async () => {
    const { store, incident } = await declaredIncident();
    const author = { id: 'U0BOB', name: 'Bob "the builder" Ó Briain', platform: 'slack' };
    const written = {
      occurredAt: new Date('2024-05-31T21:07:08.123Z'),
      recordedAt: new Date('2024-05-31T21:09:10.456Z'),
      kind: 'note' as const,
      author,
      body: 'Rolled back — errors at 40 %, see "runbook" \\ step 3',
      data: { status: 'identified' as const, public: true },
      source: 'slack' as const,
      externalRef: '1717189628.000100',
      supersedes: null,
    };
    const earlier = { ...written, occurredAt: new Date('2024-05-31T21:01:00.000Z'), body: 'Back-dated', externalRef: null, data: {} };
    const facts = (entries: AppendFacts['entries']): AppendFacts => ({ incidentId: incident.id, version: incident.version, entries, messages: [], at: written.recordedAt });
    expect(await store.appendFacts(facts([written, earlier]))).toBe('appended');
    const repo = incidentRepository(database().db);
    const before = await repo.timeline(incident.id);
    const note = before.find((e) => e.body === written.body)!;
    expect(note).toEqual({ id: expect.any(String), incidentId: incident.id, ...written });
    expect(await store.appendFacts(facts([{ ...written, kind: 'retraction', body: '', data: {}, externalRef: null, supersedes: note.id }]))).toBe('appended');

    const timeline = await repo.timeline(incident.id);
    expect(timeline.map((e) => e.occurredAt.getTime())).toEqual(timeline.map((e) => e.occurredAt.getTime()).sort((a, b) => a - b));
    const bobs = timeline.filter((e) => e.author.id === author.id);
    expect(bobs.map((e) => [e.kind, e.body])).toEqual([['note', 'Back-dated'], ['note', written.body], ['retraction', '']]);
    expect(bobs[2]).toMatchObject({ supersedes: note.id, externalRef: null, occurredAt: written.occurredAt });
  });
});
