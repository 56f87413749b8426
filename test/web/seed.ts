/**
 * A long history, written straight into the tables in batches (running 5,000 commands would take
 * minutes): one incident about every 26 hours for three years, each declared, with two component
 * impacts, a note and three or four status updates; every 7th is private; the last three are open.
 */
import type { Impact, Severity } from '../../src/core/types';
import type { Db } from '../../src/db/client';
import { incidents, timelineEntries, type NewIncidentRow, type NewTimelineEntryRow } from '../../src/db/schema';

export interface Seeded {
  id: string;
  number: number;
  title: string;
  private: boolean;
  severity: Severity;
  startedAt: Date;
  resolvedAt: Date | null;
  component: string;
  impact: Impact;
}

const COMPONENTS = ['Storefront', 'Image storage', 'Checkout', 'Public API'];
const IMPACTS: Impact[] = ['degraded_performance', 'partial_outage', 'major_outage'];
const SEVERITIES: Severity[] = ['sev1', 'sev2', 'sev3', 'sev4'];
const MINUTE = 60_000;
const dana = { id: 'dana', name: 'Dana' };

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export async function seedHistory(db: Db, now: Date, count = 1000, open = 3): Promise<Seeded[]> {
  const seeded: Seeded[] = [];
  const rows: NewIncidentRow[] = [];
  const entries: NewTimelineEntryRow[] = [];
  for (let n = 1; n <= count; n++) {
    const startedAt = new Date(now.getTime() - (count - n) * 26 * 60 * MINUTE - 90 * MINUTE);
    const resolved = n <= count - open;
    const resolvedAt = resolved ? new Date(startedAt.getTime() + (30 + (n % 5) * 20) * MINUTE) : null;
    const s: Seeded = {
      id: uuid(n),
      number: n,
      title: `${n % 7 === 0 ? 'Private' : 'Public'} incident ${n}`,
      private: n % 7 === 0,
      severity: SEVERITIES[n % 4]!,
      startedAt,
      resolvedAt,
      component: COMPONENTS[n % 4]!,
      impact: IMPACTS[n % 3]!,
    };
    seeded.push(s);
    const at = (m: number) => new Date(startedAt.getTime() + m * MINUTE);
    const end = resolvedAt ?? now;
    rows.push({
      id: s.id, workspace: 'T1', number: n, title: s.title, severity: s.severity, status: resolved ? 'resolved' : 'identified', private: s.private, zone: 'Europe/Paris',
      startedAt, declaredAt: startedAt, resolvedAt, mitigatedAt: resolvedAt, components: resolved ? {} : { [s.component]: s.impact }, createdBy: dana, updatedAt: end,
    });
    const entry = (m: Date, kind: NewTimelineEntryRow['kind'], body: string, data: NewTimelineEntryRow['data']) =>
      entries.push({ incidentId: s.id, occurredAt: m, recordedAt: m, kind, author: dana, body, data, source: 'console' });
    const pub = !s.private;
    entry(at(0), 'declared', s.title, { severity: s.severity, status: 'investigating', public: pub });
    entry(at(1), 'component_impact', `${s.component}: x`, { component: s.component, impact: s.impact, previousImpact: null });
    entry(at(2), 'status_update', `Investigating ${n}.`, { status: 'investigating', public: pub, components: { [s.component]: s.impact } });
    entry(at(5), 'note', `Internal note ${n}`, {});
    entry(at(10), 'status_update', `Identified ${n}.`, { status: 'identified', public: pub, components: { [s.component]: s.impact } });
    if (resolvedAt) {
      entry(new Date(resolvedAt.getTime() - MINUTE), 'component_impact', `${s.component}: operational`, { component: s.component, impact: null, previousImpact: s.impact });
      entry(resolvedAt, 'resolved', `Resolved ${n}.`, { status: 'resolved', public: pub, components: {} });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(incidents).values(rows.slice(i, i + 500));
  for (let i = 0; i < entries.length; i += 1000) await db.insert(timelineEntries).values(entries.slice(i, i + 1000));
  return seeded;
}
