import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { resetDatabase, testDatabase } from '../../test/support/db';
import { testApp } from '../../test/support/app';
import type { Policy } from '../core/incident/authorize';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});

const elsewhere = { conversation: { platform: 'console' as const, externalId: '#random' } };
const inChannel = { conversation: { platform: 'console' as const, externalId: 'C1' } };

async function declared(resolve: Policy, update: Policy) {
  const app = testApp(database, { settings: { policies: { resolve, update } } });
  await app.ok('alice', '/incident declare sev2 Checkout down', elsewhere);
  return app;
}

describe('who may post updates and resolve', () => {
  it('with the commander policy, only the commander; a handover passes the right on', async () => {
    const app = await declared('commander', 'commander');
    const refused = await app.run('bob', '/incident resolve INC-1 fixed', inChannel);
    expect(refused).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(refused.text).toBe('Only the commander of INC-1 (alice) can resolve it; ask them, or have them hand over with "/incident lead @you".');
    expect((await app.run('bob', '/incident update INC-1 identified found it', inChannel)).text).toBe(
      'Only the commander of INC-1 (alice) can post status updates for it; ask them, or have them hand over with "/incident lead @you".',
    );
    await app.ok('alice', '/incident lead INC-1 @bob', elsewhere);
    expect((await app.run('bob', '/incident resolve INC-1 fixed', inChannel)).ok).toBe(true);
  });

  it('with the responders policy, people in the incident channel or named in it, not passers-by', async () => {
    const app = await declared('responders', 'responders');
    const passerBy = await app.run('mallory', '/incident update INC-1 identified guess', elsewhere);
    expect(passerBy.text).toBe('Only responders of INC-1 can post status updates for it; join its channel or ask the commander (alice) to add you with a role.');
    await app.ok('mallory', '/incident note INC-1 just looking', elsewhere);
    expect((await app.run('mallory', '/incident resolve INC-1 done', elsewhere)).code).toBe('not_allowed');
    await app.ok('bob', '/incident note INC-1 on it', inChannel);
    expect((await app.run('bob', '/incident update INC-1 identified bad deploy', elsewhere)).ok).toBe(true);
    await app.ok('alice', '/incident assign INC-1 comms @dana', elsewhere);
    expect((await app.run('dana', '/incident update INC-1 monitoring fix out', elsewhere)).ok).toBe(true);
  });

  it('with the anyone policy, anyone who can see the incident', async () => {
    const app = await declared('anyone', 'anyone');
    expect((await app.run('mallory', '/incident resolve INC-1 done', elsewhere)).ok).toBe(true);
  });
});
