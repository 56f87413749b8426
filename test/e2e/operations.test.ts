import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { resetDatabase, testDatabase } from '../support/db';
import { SECRET, startSlackE2E, type SlackE2E } from './slack-harness';

let database: Database;
let e2e: SlackE2E;
beforeAll(async () => {
  database = await testDatabase();
});
beforeEach(async () => {
  await resetDatabase(database);
});
afterEach(async () => {
  await e2e?.stop();
});

/** Everything the server logs, as one string. */
function captureLog() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, stream), text: () => text };
}

describe('operating Sitrep', () => {
  it('answers health and readiness, and exports Prometheus metrics for commands, deliveries and the outbox', async () => {
    e2e = await startSlackE2E(database);
    expect(await (await fetch(`${e2e.base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${e2e.base}/readyz`)).status).toBe(200);
    await e2e.command('declare Metrics please');
    await e2e.command('severity sev9');
    await e2e.settled();
    const metrics = await (await fetch(`${e2e.base}/metrics`)).text();
    expect(metrics).toContain('sitrep_commands_total{platform="slack",command="declare",outcome="ok"} 1');
    expect(metrics).toContain('sitrep_commands_total{platform="slack",command="invalid",outcome="refused"} 1');
    expect(metrics).toMatch(/sitrep_deliveries_total\{platform="slack",result="delivered"\} [1-9]/);
    expect(metrics).toContain('sitrep_outbox_depth 0');
  });

  it('logs each command with a correlation id and never logs the tokens or the signing secret', async () => {
    const captured = captureLog();
    e2e = await startSlackE2E(database, { log: captured.log });
    e2e.slack.failNext('chat.postMessage', { error: 'invalid_auth' }, 1);
    await e2e.command('declare Secrets stay secret');
    await e2e.command('note INC-1 hello');
    await e2e.settled();
    const lines = captured.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const commands = lines.filter((l) => l.msg === 'command');
    expect(commands.map((l) => l.command)).toEqual(['declare', 'note']);
    expect(commands.every((l) => typeof l.correlationId === 'string' && (l.correlationId as string).length === 8)).toBe(true);
    const all = captured.text();
    expect(all).not.toContain('xoxb-e2e-token');
    expect(all).not.toContain(SECRET);
  });
});
