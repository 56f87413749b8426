import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db';
import { imageOutage, privateIncident, webTestApp } from '../../test/web/support';
import { publicRepository } from './public-repository';
import { incidents, timelineEntries } from './schema';

const database = useTestDatabase();
const DAY = 86_400_000;

async function idOf(number: number): Promise<string> {
  const [row] = await database().db.select({ id: incidents.id }).from(incidents).where(eq(incidents.number, number));
  return row!.id;
}

describe('publicRepository', () => {
  it('gives a stamp that changes with every incident change and every new timeline entry, and only then', async () => {
    const app = webTestApp(database());
    const repo = publicRepository(database().db);
    const empty = await repo.stamp();
    expect(await repo.stamp()).toBe(empty);
    await app.ok('dana', '/incident declare sev2 Checkout returns 502');
    const declared = await repo.stamp();
    expect(declared).not.toBe(empty);
    expect(await repo.stamp()).toBe(declared);
    await app.ok('dana', '/incident note INC-1 Error rate is flat');
    const noted = await repo.stamp();
    expect(noted).not.toBe(declared);
    await app.ok('dana', '/incident update INC-1 identified We found the cause.');
    const updated = await repo.stamp();
    expect(updated).not.toBe(noted);
    await app.ok('dana', '/incident severity INC-1 sev1');
    expect(await repo.stamp()).not.toBe(updated);
  });

  it('loads public incidents with their public updates newest first, their phases and impacts, and nothing internal', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: true });
    await privateIncident(app, 2);
    const repo = publicRepository(database().db);
    const found = await repo.window(new Date(app.clock.now().getTime() - 90 * DAY));
    expect(found.map((i) => i.title)).toEqual(['Product images fail to load']);
    const [inc] = found;
    expect(inc).toMatchObject({ severity: 'sev2', status: 'resolved' });
    expect(inc!.updates.map((u) => [u.status, u.body])).toEqual([
      ['resolved', 'Product images load normally again.'],
      ['monitoring', 'A fix is in place and we are monitoring the results.'],
      ['identified', 'We found a database configuration change and are reverting it.'],
      ['investigating', 'We are investigating failed image loads on the storefront.'],
    ]);
    expect(inc!.updates[3]!.components).toEqual({ 'Image storage': 'major_outage', Storefront: 'degraded_performance' });
    expect(inc!.updates[0]!.components).toEqual({});
    expect(inc!.phases.map((p) => p.status)).toEqual(['investigating', 'investigating', 'identified', 'monitoring', 'resolved']);
    expect(inc!.impacts.map((i) => `${i.component}:${i.impact}`)).toEqual(['Image storage:major_outage', 'Storefront:degraded_performance', 'Image storage:null', 'Storefront:null']);
    const all = JSON.stringify(found);
    for (const secret of ['pg_hba', 'Root cause', 'dana', 'priya', 'marcus', 'erin', 'Payroll', 'SECRET', 'Alert on image error rate']) expect(all).not.toContain(secret);
  });

  it('keeps unresolved incidents first, and leaves out incidents resolved before the window', async () => {
    const app = webTestApp(database(), '2026-01-01T10:00:00Z');
    await app.ok('dana', '/incident declare sev3 Old and resolved');
    await app.ok('dana', '/incident resolve INC-1 Fixed long ago.');
    app.clock.advance(60_000);
    await app.ok('dana', '/incident declare sev3 Old but still open');
    app.clock.set('2026-05-27T10:00:00Z');
    await app.ok('dana', '/incident declare sev2 Recent and resolved');
    await app.ok('dana', '/incident resolve INC-3 Fixed.');
    app.clock.advance(60_000);
    await app.ok('dana', '/incident declare sev1 Recent and open');
    const repo = publicRepository(database().db);
    const window = await repo.window(new Date('2026-02-26T00:00:00Z'));
    expect(window.map((i) => i.title)).toEqual(['Recent and open', 'Old but still open', 'Recent and resolved']);
    expect((await repo.window(new Date('2026-02-26T00:00:00Z'), 2)).map((i) => i.title)).toEqual(['Recent and open', 'Old but still open']);
    expect((await repo.unresolved()).map((i) => i.title)).toEqual(['Recent and open', 'Old but still open']);
    expect((await repo.recent(3)).map((i) => i.title)).toEqual(['Recent and open', 'Recent and resolved', 'Old but still open']);
  });

  it('drops retracted and internal-only updates, applies corrections, and never reads a reopen reason', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: true });
    await app.ok('dana', '/incident reopen INC-1 internal reason: errors are back on node 7');
    const id = await idOf(1);
    const { db } = database();
    const updates = await db.select().from(timelineEntries).where(eq(timelineEntries.kind, 'status_update'));
    const investigating = updates.find((u) => u.data.status === 'investigating')!;
    const identified = updates.find((u) => u.data.status === 'identified')!;
    const at = app.clock.now();
    const base = { incidentId: id, occurredAt: at, recordedAt: at, author: { id: 'dana', name: 'dana' }, source: 'console' as const };
    await db.insert(timelineEntries).values([
      { ...base, kind: 'retraction', body: 'posted too early', supersedes: investigating.id },
      { ...base, kind: 'status_update', body: 'We found a configuration change and reverted it.', data: { status: 'identified', public: true }, supersedes: identified.id },
      { ...base, kind: 'status_update', body: 'INTERNAL-ONLY-UPDATE', data: { status: 'investigating', public: false } },
    ]);
    const repo = publicRepository(db);
    const inc = (await repo.byId(id))!;
    expect(inc.status).toBe('investigating');
    expect(inc.updates.map((u) => u.body)).toEqual([
      'Product images load normally again.',
      'A fix is in place and we are monitoring the results.',
      'We found a configuration change and reverted it.',
    ]);
    expect(inc.phases.at(-1)!.status).toBe('investigating');
    const feed = await repo.feed();
    expect(feed.map((f) => f.update.body)).toEqual(inc.updates.map((u) => u.body));
    expect(JSON.stringify([inc, feed])).not.toMatch(/node 7|INTERNAL-ONLY|posted too early/);
  });

  it('finds one public incident by id, and never a private or malformed one', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: false });
    await privateIncident(app, 2);
    const repo = publicRepository(database().db);
    expect((await repo.byId(await idOf(1)))?.title).toBe('Product images fail to load');
    expect(await repo.byId(await idOf(2))).toBeNull();
    expect(await repo.byId('not-a-uuid')).toBeNull();
    expect(await repo.byId('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('feeds the newest public updates first, bounded, with their incident', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: true });
    await privateIncident(app, 2);
    const repo = publicRepository(database().db);
    const feed = await repo.feed();
    expect(feed.map((f) => f.update.status)).toEqual(['resolved', 'monitoring', 'identified', 'investigating']);
    expect(feed[0]!.incident).toEqual({ id: await idOf(1), title: 'Product images fail to load', severity: 'sev2' });
    expect((await repo.feed(2)).map((f) => f.update.status)).toEqual(['resolved', 'monitoring']);
  });

  it('reads the whole record of an incident, private ones included, for the internal pages', async () => {
    const app = webTestApp(database());
    await imageOutage(app, { resolve: true });
    await privateIncident(app, 2);
    const repo = publicRepository(database().db);
    const record = (await repo.record('local', 1))!;
    expect(record.incident.roles.comms?.name).toBe('priya');
    expect(record.timeline.map((e) => e.kind)).toContain('note');
    expect(record.actions.map((a) => a.text)).toEqual(['Alert on image error rate']);
    expect((await repo.record('local', 2))!.incident.private).toBe(true);
    expect(await repo.record('local', 3)).toBeNull();
    expect(await repo.record('other', 1)).toBeNull();
  });
});
