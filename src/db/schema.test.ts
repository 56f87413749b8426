import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db';
import type { Db } from './client';
import { isUniqueViolation, pgError } from './errors';
import { conversations, incidents, timelineEntries, workspaces, type NewIncidentRow } from './schema';

const database = useTestDatabase();

const allocate = async (db: Db, workspace: string): Promise<number> => {
  const [row] = await db
    .insert(workspaces)
    .values({ id: workspace, lastIncidentNumber: 1 })
    .onConflictDoUpdate({
      target: workspaces.id,
      set: { lastIncidentNumber: sql`${workspaces.lastIncidentNumber} + 1` },
    })
    .returning({ number: workspaces.lastIncidentNumber });
  return row!.number;
};

const incident = (over: Partial<NewIncidentRow> = {}): NewIncidentRow => ({
  workspace: 'T1',
  number: 1,
  title: 'Checkout returns 502',
  severity: 'sev2',
  status: 'investigating',
  zone: 'Europe/Berlin',
  startedAt: new Date('2025-10-19T12:05:00Z'),
  declaredAt: new Date('2025-10-19T12:10:00Z'),
  createdBy: { id: 'U1', name: 'Ada' },
  ...over,
});

const insertIncident = async (db: Db, over: Partial<NewIncidentRow> = {}) => {
  const [row] = await db.insert(incidents).values(incident(over)).returning();
  return row!;
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => expect.fail('expected the statement to be rejected'),
    (error: unknown) => error,
  );

describe('per-workspace incident counter', () => {
  it('allocates 1, 2, 3 independently per workspace', async () => {
    const { db } = database();
    const numbers = [];
    for (const ws of ['T1', 'T1', 'T2', 'T1', 'T2']) numbers.push(await allocate(db, ws));
    expect(numbers).toEqual([1, 2, 1, 3, 2]);
  });

  it('never hands out a number twice under concurrent allocation', async () => {
    const { db } = database();
    const numbers = await Promise.all(Array.from({ length: 12 }, () => allocate(db, 'T1')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

describe('incidents', () => {
  it('rejects a second incident with the same workspace and number', async () => {
    const { db } = database();
    await insertIncident(db);
    await insertIncident(db, { workspace: 'T2' });
    const error = await rejection(insertIncident(db, { title: 'again' }));
    expect(isUniqueViolation(error, 'incidents_workspace_number_key')).toBe(true);
    expect(pgError(error)?.message).toMatch(/duplicate key/);
  });

  it('round-trips dates, jsonb and text[] with their defaults', async () => {
    const { db } = database();
    const { id } = await insertIncident(db, {
      roles: { commander: { id: 'U1', name: 'Ada' } },
      components: { 'Checkout API': 'major_outage' },
      members: ['U1', 'U2'],
    });
    const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
    expect(row).toMatchObject({
      summary: '',
      private: false,
      startedAt: new Date('2025-10-19T12:05:00Z'),
      mitigatedAt: null,
      roles: { commander: { id: 'U1', name: 'Ada' } },
      components: { 'Checkout API': 'major_outage' },
      members: ['U1', 'U2'],
    });
    expect(row!.updatedAt).toBeInstanceOf(Date);
    const [bare] = await db.select().from(incidents).where(eq(incidents.id, (await insertIncident(db, { number: 2 })).id));
    expect(bare).toMatchObject({ roles: {}, components: {}, members: [] });
  });
});

describe('timeline entries', () => {
  const entry = (incidentId: string, externalRef: string | null, kind: 'pinned_message' | 'note' = 'pinned_message') => ({
    incidentId,
    occurredAt: new Date('2025-10-19T12:20:00Z'),
    kind,
    author: { id: 'U1', name: 'Ada' },
    body: 'Rolled back deploy 4711',
    source: 'slack' as const,
    externalRef,
  });

  it('records a message with the same external reference once', async () => {
    const { db } = database();
    const a = await insertIncident(db);
    const b = await insertIncident(db, { number: 2 });
    await db.insert(timelineEntries).values([
      entry(a.id, '1729340400.000100'),
      entry(a.id, '1729340400.000100', 'note'),
      entry(b.id, '1729340400.000100'),
      entry(a.id, null),
      entry(a.id, null),
    ]);
    const error = await rejection(db.insert(timelineEntries).values(entry(a.id, '1729340400.000100')));
    expect(isUniqueViolation(error, 'timeline_entries_external_ref_key')).toBe(true);

    const skipped = await db
      .insert(timelineEntries)
      .values(entry(a.id, '1729340400.000100'))
      .onConflictDoNothing({
        target: [timelineEntries.incidentId, timelineEntries.kind, timelineEntries.externalRef],
        where: sql`external_ref is not null`,
      })
      .returning();
    expect(skipped).toEqual([]);
    const pinned = await db
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.incidentId, a.id), eq(timelineEntries.kind, 'pinned_message')));
    expect(pinned).toHaveLength(3);
  });

  it('numbers entries from 1, links corrections, and goes when its incident is deleted', async () => {
    const { db } = database();
    const { id } = await insertIncident(db);
    const [first] = await db.insert(timelineEntries).values(entry(id, null, 'note')).returning();
    expect(first!.id).toBe(1);
    const [fix] = await db
      .insert(timelineEntries)
      .values({ ...entry(id, null, 'note'), supersedes: first!.id })
      .returning();
    expect(fix).toMatchObject({ id: 2, supersedes: 1, data: {}, recordedAt: expect.any(Date) });
    await db.delete(incidents).where(eq(incidents.id, id));
    expect(await db.select().from(timelineEntries)).toEqual([]);
  });
});

describe('conversations', () => {
  it('keeps one announcements channel per platform and one binding per external id', async () => {
    const { db } = database();
    const { id } = await insertIncident(db);
    await db.insert(conversations).values([
      { platform: 'slack', purpose: 'announcements', externalId: 'C-ANN' },
      { platform: 'teams', purpose: 'announcements', externalId: '19:ann@thread' },
      { incidentId: id, platform: 'slack', purpose: 'incident', externalId: null },
      { incidentId: id, platform: 'slack', purpose: 'incident', externalId: null },
    ]);
    const twice = await rejection(
      db.insert(conversations).values({ platform: 'slack', purpose: 'announcements', externalId: 'C-OTHER' }),
    );
    expect(isUniqueViolation(twice, 'conversations_announcements_key')).toBe(true);
    const taken = await rejection(
      db.insert(conversations).values({ incidentId: id, platform: 'slack', purpose: 'incident', externalId: 'C-ANN' }),
    );
    expect(isUniqueViolation(taken, 'conversations_platform_external_id_key')).toBe(true);
  });
});
