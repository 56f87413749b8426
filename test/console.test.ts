import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FROM_BUILD } from './chaos/sitrep-process';

const dirs: string[] = [];
// What `npm start` runs: the bundle its build step writes.
beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Runs what `npm start` runs with piped stdin, as a user replaying an incident from a file. */
function replay(input: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sitrep-console-'));
  dirs.push(dataDir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, FROM_BUILD, {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('local console', () => {
  it('replays a whole incident from piped stdin, prints every message with its conversation, and exits 0', async () => {
    const { code, stdout } = await replay(
      [
        '# a replayed incident',
        '/incident declare sev2 at 2024-04-12 10:15 America/Los_Angeles Product images fail to load',
        'sre1: /incident note at 10:20 Error rate on image loads spiked',
        '/incident update identified at 11:30 Config error in the DB upgrade blocks image storage',
        'you: /incident resolve at 13:00 Images load again',
        '/incident action Review DB migration configs @sre1',
        '/incident postmortem',
        '/incident severity sev9',
        'hello there',
      ].join('\n'),
      { DEFAULT_TIMEZONE: 'America/Los_Angeles' },
    );
    expect(code).toBe(0);
    expect(stdout).toContain('you> /incident declare sev2 at 2024-04-12 10:15 America/Los_Angeles Product images fail to load');
    expect(stdout).toContain('[#inc-1-product-images-fail-to-load]\n  Opened #inc-1-product-images-fail-to-load for INC-1.');
    expect(stdout).toContain('[#announcements]\n  INC-1 declared by you (SEV2): Product images fail to load.');
    expect(stdout).toContain('sre1> /incident note at 10:20 Error rate on image loads spiked\n  Noted on INC-1 at 10:20 PDT.');
    expect(stdout).toContain('Posted by sre1 at 11:30 PDT');
    expect(stdout).toContain('Resolved INC-1 after 2 hours 45 minutes');
    expect(stdout).toContain('# INC-1: Product images fail to load');
    expect(stdout).toContain('| 1 | Review DB migration configs | sre1 | open |');
    expect(stdout).toContain('  Unknown severity "sev9": use sev1, sev2, sev3 or sev4, e.g. "/incident severity sev2".');
    expect(stdout).toContain('  Commands start with /incident, e.g. "/incident help".');
  });

  it('refuses to start on a bad setting, naming the variable but not its value', async () => {
    const { code, stderr } = await replay('', { DEFAULT_TIMEZONE: 'Mars/Olympus_Mons', DATABASE_URL: 'mysql://secret-password@db' });
    expect(code).toBe(2);
    expect(stderr).toContain('DEFAULT_TIMEZONE must be an IANA time zone name');
    expect(stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(stderr).not.toContain('secret-password');
    expect(stderr).not.toContain('Mars/Olympus_Mons');
  });

  it('refuses a bad status page file with one sentence naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-status-config-'));
    dirs.push(dir);
    const file = join(dir, 'status.json');
    writeFileSync(file, JSON.stringify({ components: [{ name: 'API', group: 42 }] }));
    const { code, stderr } = await replay('', { STATUS_PAGE_CONFIG: file, COMPONENTS: 'API' });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Sitrep cannot start: STATUS_PAGE_CONFIG: components\[0\]\.group must be a string\.$/)]);
  });
});
