import { describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app';
import { useTestDatabase } from '../../../test/support/db';

const database = useTestDatabase();

/** Five incidents: an old one, two resolved sev1s, an open sev2 and a private sev1 of carol's. */
async function history() {
  const app = testApp(database(), { now: '2024-04-15T09:00:00Z' });
  await app.ok('alice', '/incident declare sev3 at 08:00 UTC Old report outage');
  await app.ok('alice', '/incident resolve INC-1');

  app.clock.set('2024-06-01T10:00:00Z');
  await app.ok('alice', '/incident declare sev1 at 09:50 UTC DB down');
  app.clock.set('2024-06-01T10:30:00Z');
  await app.ok('alice', '/incident update INC-2 monitoring Failover done');
  app.clock.set('2024-06-01T11:50:00Z');
  await app.ok('alice', '/incident resolve INC-2');

  app.clock.set('2024-06-10T08:00:00Z');
  await app.ok('bob', '/incident declare sev1 at 07:58 UTC Login fails');
  app.clock.set('2024-06-10T08:20:00Z');
  await app.ok('bob', '/incident update INC-3 monitoring Rolled back');
  app.clock.set('2024-06-10T09:00:00Z');
  await app.ok('bob', '/incident resolve INC-3');

  app.clock.set('2024-06-20T12:00:00Z');
  await app.ok('bob', '/incident declare sev2 Search slow');
  app.clock.set('2024-06-21T12:00:00Z');
  await app.ok('carol', '/incident declare private sev1 at 11:00 UTC Payroll leak');
  app.clock.set('2024-06-21T12:30:00Z');
  await app.ok('carol', '/incident resolve INC-5');

  app.clock.set('2024-06-30T12:00:00Z');
  return app;
}

describe('/incident stats', () => {
  it('gives medians per severity and each incident of the last 30 days, without private incidents the asker is not in', async () => {
    const app = await history();
    expect((await app.ok('alice', '/incident stats')).text).toBe(
      [
        'Response times over the last 30 days (incidents declared since 31 May 2024): 3 incidents.',
        'Median time to declare · to mitigate · to resolve, by severity:',
        '• SEV1 (2 incidents): 6 minutes · 31 minutes · 1 hour 31 minutes',
        '• SEV2 (1 incident): 0 seconds · none yet · none yet',
        'Each incident — time to declare · to mitigate · to resolve:',
        '• INC-2 SEV1 DB down: 10 minutes · 40 minutes · 2 hours',
        '• INC-3 SEV1 Login fails: 2 minutes · 22 minutes · 1 hour 2 minutes',
        '• INC-4 SEV2 Search slow: 0 seconds · not yet · ongoing',
      ].join('\n'),
    );
  });

  it('counts a private incident for its members, and covers 90 days when asked', async () => {
    const app = await history();
    const carol = (await app.ok('carol', '/incident stats 30d')).text;
    expect(carol).toContain(': 4 incidents.');
    expect(carol).toContain('• SEV1 (3 incidents): 10 minutes · 40 minutes · 1 hour 30 minutes');
    expect(carol).toContain('• INC-5 SEV1 Payroll leak: 1 hour · 1 hour 30 minutes · 1 hour 30 minutes');
    const quarter = (await app.ok('alice', '/incident stats 90d')).text;
    expect(quarter.split('\n')[0]).toBe('Response times over the last 90 days (incidents declared since 1 Apr 2024): 4 incidents.');
    expect(quarter).toContain('• SEV3 (1 incident): 1 hour · 1 hour · 1 hour');
    expect(quarter).toContain('• INC-1 SEV3 Old report outage: 1 hour · 1 hour · 1 hour');
  });

  it('says so when nothing was declared, and refuses another period', async () => {
    const app = testApp(database(), { now: '2024-06-30T12:00:00Z' });
    expect((await app.ok('alice', '/incident stats')).text).toBe(
      'Response times over the last 30 days (incidents declared since 31 May 2024): no incidents.',
    );
    const refused = await app.run('alice', '/incident stats 7d');
    expect(refused).toMatchObject({ ok: false, text: 'Unknown period "7d": use 30d or 90d, e.g. "/incident stats 90d".' });
  });
});
