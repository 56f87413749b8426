/**
 * Incident records for the postmortem tests, modelled on real published postmortems.
 * Times are written with the offset of the incident's zone so they read like the timeline.
 */
import type { ActionItem, EntryData, EntryKind, Incident, IncidentRecord, Person, TimelineEntry } from '../types';

export const people = {
  dana: { id: 'U01DANA', name: 'Dana Whitfield' },
  marcus: { id: 'U02MARCUS', name: 'Marcus Lee' },
  priya: { id: 'U03PRIYA', name: 'Priya Raman' },
  lea: { id: '29:1lea', name: 'Léa Martin' },
  hugo: { id: '29:2hugo', name: 'Hugo Bernard' },
  camille: { id: '29:3camille', name: 'Camille Dubois' },
  arjun: { id: 'U04ARJUN', name: 'Arjun Mehta' },
} satisfies Record<string, Person>;

export function at(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad fixture time ${iso}`);
  return d;
}

interface EntrySpec {
  id: string;
  at: string;
  /** When the bot learnt it, if not when it happened. */
  recorded?: string;
  kind: EntryKind;
  by: Person;
  body?: string;
  data?: EntryData;
  supersedes?: string;
}

export function timeline(incidentId: string, specs: EntrySpec[], source: TimelineEntry['source'] = 'slack'): TimelineEntry[] {
  return specs.map((s) => ({
    id: s.id,
    incidentId,
    occurredAt: at(s.at),
    recordedAt: at(s.recorded ?? s.at),
    kind: s.kind,
    author: s.by,
    body: s.body ?? '',
    data: s.data ?? {},
    source,
    externalRef: null,
    supersedes: s.supersedes ?? null,
  }));
}

export function action(incidentId: string, number: number, text: string, owner: Person | null, created: string, done?: string): ActionItem {
  return {
    incidentId,
    number,
    text,
    owner,
    state: done ? 'done' : 'open',
    createdAt: at(created),
    doneAt: done ? at(done) : null,
  };
}

type IncidentSpec = Omit<Incident, 'id' | 'workspace' | 'private' | 'members' | 'updatedAt' | 'version'> & Partial<Incident>;

export function incident(spec: IncidentSpec): Incident {
  return {
    id: `inc_${spec.number}`,
    workspace: 'T0ACME',
    private: false,
    members: [],
    updatedAt: spec.resolvedAt ?? spec.declaredAt,
    version: 1,
    ...spec,
  };
}

/**
 * A minimal record: just declared, unresolved, nothing but the declaration. Asia/Kolkata, whose
 * offset is a half hour and has no common abbreviation.
 */
export function justDeclared(): IncidentRecord {
  const id = 'inc_7';
  return {
    incident: incident({
      id,
      number: 7,
      title: 'Checkout latency above 2 s',
      summary: '',
      severity: 'sev3',
      status: 'investigating',
      zone: 'Asia/Kolkata',
      startedAt: at('2025-03-14T10:32:00+05:30'),
      declaredAt: at('2025-03-14T10:32:00+05:30'),
      mitigatedAt: null,
      resolvedAt: null,
      roles: {},
      components: {},
      createdBy: people.arjun,
    }),
    timeline: timeline(id, [
      {
        id: 'e1',
        at: '2025-03-14T10:32:00+05:30',
        kind: 'declared',
        by: people.arjun,
        body: 'Checkout latency above 2 s',
        data: { severity: 'sev3', status: 'investigating', title: 'Checkout latency above 2 s', public: true },
      },
    ]),
    actions: [],
  };
}

/**
 * A record of `count` entries over many days in America/New_York (crossing the March DST change),
 * for size and speed: notes, status updates, impacts, back-dated entries, retractions, corrections.
 */
export function largeRecord(count: number): IncidentRecord {
  const STEP_MS = 97_000; // 10,000 entries span 11 days, past 9 March
  const id = 'inc_900';
  const start = Date.parse('2025-03-01T12:00:00Z');
  const entries: TimelineEntry[] = [];
  for (let i = 0; i < count; i++) {
    const occurred = new Date(start + i * STEP_MS);
    const base = { incidentId: id, author: i % 2 ? people.dana : people.marcus, source: 'api' as const, externalRef: null };
    const kind: EntryKind = i % 50 === 0 ? 'status_update' : i % 97 === 0 ? 'component_impact' : 'note';
    const data: EntryData =
      kind === 'status_update'
        ? { status: 'identified', public: i % 100 === 0 }
        : kind === 'component_impact'
          ? { component: `Service ${i % 7}`, impact: i % 3 ? 'partial_outage' : 'major_outage' }
          : {};
    entries.push({
      ...base,
      id: `n${i}`,
      occurredAt: occurred,
      recordedAt: new Date(occurred.getTime() + (i % 31 === 0 ? 600_000 : 2_000)),
      kind,
      body: i === 1 ? 'root cause: a retry storm' : `Observation number ${i} | <b>${i}</b>`,
      data,
      supersedes: null,
    });
    if (i % 500 === 7) {
      const kind2: EntryKind = i % 1000 === 7 ? 'retraction' : 'note';
      entries.push({ ...base, id: `s${i}`, occurredAt: occurred, recordedAt: new Date(occurred.getTime() + 700_000), kind: kind2, body: `Fix of ${i}`, data: {}, supersedes: `n${i}` });
    }
  }
  // Shuffle deterministically so the compiler has to sort.
  for (let i = entries.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return {
    incident: incident({
      id,
      number: 900,
      title: 'Long-running degradation',
      summary: 'A long incident.',
      severity: 'sev2',
      status: 'resolved',
      zone: 'America/New_York',
      startedAt: new Date(start),
      declaredAt: new Date(start),
      mitigatedAt: null,
      resolvedAt: new Date(start + count * STEP_MS),
      roles: { commander: people.dana },
      components: {},
      createdBy: people.dana,
    }),
    timeline: entries,
    actions: [action(id, 1, 'Cap retries', people.marcus, '2025-03-02T00:00:00Z')],
  };
}
