/**
 * The pages with 1,000 incidents in the database: what they show must be exactly right (the last
 * 90 days, the 50 newest, the 100 newest updates, private ones never). Times are printed for the
 * record, not asserted; `npx vitest bench --run test/web` measures them properly.
 */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMPACT_WORDS } from '../../src/core/labels';
import { historyStart } from '../../src/web/component-days';
import { componentIndicator, INDICATOR_DESCRIPTIONS, INDICATORS, severityImpact } from '../../src/web/statuspage-api';
import { stableId } from '../../src/web/status-page-config';
import { resetDatabase, testDatabase } from '../support/db';
import { seedHistory, type Seeded } from './seed';
import { COMPONENTS, SIGNING_KEY, serve, testSettings, type Served } from './support';

const NOW = new Date('2026-05-27T12:00:00Z');
const ZONE = 'Europe/Paris';

describe('with 1,000 incidents', () => {
  let seeded: Seeded[];
  let s: Served;
  const timings: string[] = [];

  beforeAll(async () => {
    // Seeded once for all three tests (useTestDatabase would empty the tables before each).
    const db = await testDatabase();
    await resetDatabase(db);
    seeded = await seedHistory(db.db, NOW, 1000, 7);
    s = await serve({ db: db.db, settings: testSettings(), clock: { now: () => NOW }, signingKey: SIGNING_KEY });
    return () => s.close();
  }, 120_000);

  async function timed(path: string): Promise<string> {
    await s.get(path);
    const runs: number[] = [];
    let body = '';
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const res = await s.get(path);
      body = await res.text();
      runs.push(performance.now() - started);
      expect(res.status).toBe(200);
    }
    runs.sort((a, b) => a - b);
    timings.push(`${path}: median ${runs[2]!.toFixed(1)} ms (${(body.length / 1024).toFixed(0)} KiB)`);
    return body;
  }

  it('the status page lists exactly the public incidents of the last 90 days, the open ones on top, and the right day colours', async () => {
    const html = await timed('/');
    const start = historyStart(NOW, ZONE).getTime();
    const pub = seeded.filter((i) => !i.private);
    const open = pub.filter((i) => !i.resolvedAt);
    const past = pub.filter((i) => i.resolvedAt && i.resolvedAt.getTime() >= start);
    expect(open).toHaveLength(6);
    expect(past.length).toBeGreaterThan(60);

    const [activePart, rest] = html.split('<h2>Components</h2>');
    const pastPart = rest!.split('<h2>Past incidents</h2>')[1]!;
    const ids = (part: string) => [...part.matchAll(/data-incident="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(activePart!)).toEqual([...open].reverse().map((i) => i.id));
    expect(ids(pastPart)).toEqual([...past].reverse().map((i) => i.id));
    expect(html).not.toMatch(/Private incident \d+/);

    const worst = INDICATORS[Math.max(...open.flatMap((i) => [INDICATORS.indexOf(severityImpact(i.severity)), INDICATORS.indexOf(componentIndicator(i.impact))]))]!;
    expect(html).toContain(`<span id="overall">${INDICATOR_DESCRIPTIONS[worst]}</span>`);

    // Each day of each strip says the worst impact the seeded incidents had on it that day.
    const expected = new Map<string, string>();
    const MIN = 60_000;
    for (const i of pub) {
      const from = Math.max(i.startedAt.getTime() + MIN, start);
      const to = i.resolvedAt ? i.resolvedAt.getTime() - MIN : NOW.getTime();
      for (let d = DateTime.fromMillis(from, { zone: ZONE }).startOf('day'); d.toMillis() < to; d = d.plus({ days: 1 })) {
        const key = `${i.component}|${d.toISODate()}`;
        const before = expected.get(key);
        if (!before || Object.keys(IMPACT_WORDS).indexOf(i.impact) > Object.keys(IMPACT_WORDS).indexOf(before)) expected.set(key, i.impact);
      }
    }
    for (const name of COMPONENTS) {
      const block = html.split(`data-component="${stableId('component', name)}"`)[1]!.split('<div class="legend">')[0]!;
      const days = [...block.matchAll(/data-day="([\d-]+)"><div class="tip" role="tooltip"><strong>[^<]+<\/strong>([^<]+)/g)];
      expect(days).toHaveLength(90);
      for (const [, day, words] of days) {
        const impact = expected.get(`${name}|${day}`);
        expect(words, `${name} on ${day}`).toBe(impact ? IMPACT_WORDS[impact as keyof typeof IMPACT_WORDS].replace(/^./, (c) => c.toUpperCase()) : 'No incidents recorded.');
      }
    }
  });

  it('incidents.json holds the 50 newest public incidents, and the feed the 100 newest public updates', async () => {
    const json = JSON.parse(await timed('/api/v2/incidents.json')) as { incidents: { id: string; incident_updates: unknown[] }[] };
    const pub = seeded.filter((i) => !i.private);
    expect(json.incidents.map((i) => i.id)).toEqual(pub.slice(-50).reverse().map((i) => i.id));
    expect(json.incidents[49]!.incident_updates).toHaveLength(3);

    const atom = await timed('/history.atom');
    const titles = [...atom.matchAll(/<content type="text">\w+: (\w+ \d+)\.<\/content>/g)].map((m) => m[1]);
    const updates = pub.flatMap((i) => {
      const at = (m: number) => i.startedAt.getTime() + m * 60_000;
      const list = [{ at: at(2), text: `Investigating ${i.number}` }, { at: at(10), text: `Identified ${i.number}` }];
      if (i.resolvedAt) list.push({ at: i.resolvedAt.getTime(), text: `Resolved ${i.number}` });
      return list;
    });
    updates.sort((a, b) => b.at - a.at);
    expect(titles).toEqual(updates.slice(0, 100).map((u) => u.text));
  });

  it('the other public pages answer too', async () => {
    for (const path of ['/api/v2/summary.json', '/api/v2/components.json', '/api/v2/incidents/unresolved.json', '/history.rss', `/incidents/${seeded.at(-1)!.id}`]) await timed(path);
    console.log(`1,000 incidents, through HTTP on this machine:\n  ${timings.join('\n  ')}`);
  });
});
