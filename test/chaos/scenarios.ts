import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { FakeSlack } from '../support/fake-slack/server';
import { signSlackRequest, slashCommandBody } from '../support/fake-slack/signing';
import { TcpProxy } from '../support/tcp-proxy';
import { spawnSitrep, type SitrepProcess } from './sitrep-process';

/** One fault scenario's account: what was done to Sitrep, and what it kept. */
export interface ScenarioResult {
  name: string;
  load: string;
  faults: string;
  /** Notes Sitrep acknowledged as recorded. */
  acknowledged: number;
  /** Notes found in the database afterwards. */
  recorded: number;
  delivered: number;
  duplicates: number;
  lost: number;
  /** Anything else worth printing, e.g. the Slack calls made during an outage. */
  detail: string;
}

export interface ChaosEnv {
  /** A PostgreSQL database for the processes; required by scenarios with several processes. */
  databaseUrl?: string;
  /** Scale of the scenario: outage length and number of notes. */
  outageMs: number;
  notes: number;
}

const SECRET = 'chaos-signing-secret';
const TOKEN = 'xoxb-chaos-token';

/** A fake Slack, a database and the Sitrep processes of one scenario. */
class Rig {
  processes: SitrepProcess[] = [];
  private constructor(
    readonly slack: FakeSlack,
    readonly env: Record<string, string>,
    private readonly dbUrl: string | undefined,
    readonly announcements: string,
  ) {}

  static async start(chaos: ChaosEnv, dbUrl = chaos.databaseUrl): Promise<Rig> {
    const slack = await FakeSlack.start({ botToken: TOKEN });
    const announcements = slack.addChannel('incidents', { botIsMember: true });
    const env: Record<string, string> = {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.url,
      SLACK_ANNOUNCEMENTS_CHANNEL: announcements.id,
      DELIVERY_LEASE_SECONDS: '2',
      RESOLVE_POLICY: 'anyone',
      UPDATE_POLICY: 'anyone',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : { DATA_DIR: mkdtempSync(join(tmpdir(), 'sitrep-chaos-')) }),
    };
    if (dbUrl) await truncate(dbUrl);
    return new Rig(slack, env, dbUrl, announcements.id);
  }

  async spawn(extra: Record<string, string> = {}): Promise<SitrepProcess> {
    const p = await spawnSitrep({ ...this.env, ...extra });
    this.processes.push(p);
    return p;
  }

  /** A signed slash command to one process; resolves with Slack's view of the answer. */
  async command(p: SitrepProcess, text: string, channel = 'C0INCIDENTS'): Promise<{ ms: number; text: string }> {
    const body = slashCommandBody({ text, channel_id: channel, response_url: this.slack.responseUrl() });
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${p.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signSlackRequest(body, SECRET) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const raw = await res.text();
    return { ms: Date.now() - started, text: raw ? String((JSON.parse(raw) as { text?: string }).text ?? '') : '' };
  }

  async declare(p: SitrepProcess, title: string): Promise<string> {
    await this.command(p, `declare ${title}`);
    const name = `inc-1-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    await until(() => Boolean(this.slack.channelByName(name)?.messages.length) && Boolean(this.slack.channels.get(this.announcements)?.messages.length), 15_000);
    return this.slack.channelByName(name)!.id;
  }

  /** Successful chat.postMessage calls per note text, for the notes of this scenario. */
  deliveries(prefix: string): Map<string, number> {
    const seen = new Map<string, number>();
    for (const c of this.slack.callsTo('chat.postMessage')) {
      const text = String(c.args.text ?? '');
      const m = new RegExp(`noted: (${prefix}-\\d+)$`).exec(text);
      if (c.ok && m) seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
    }
    return seen;
  }

  async recordedNotes(prefix: string): Promise<number> {
    if (!this.dbUrl) return Number.NaN;
    const sql = postgres(this.dbUrl, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from timeline_entries where kind = 'note' and body like ${`${prefix}-%`}`;
      return row?.n ?? 0;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }

  async stop(): Promise<void> {
    for (const p of this.processes) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await Promise.race([p.exited, new Promise((r) => setTimeout(r, 5_000))]);
        p.child.kill('SIGKILL');
      }
    }
    await this.slack.stop();
  }
}

export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function truncate(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ tablename: string }[]>`select tablename from pg_tables where schemaname = 'public'`;
    if (tables.length) await sql.unsafe(`truncate ${tables.map((t) => `"${t.tablename}"`).join(', ')} restart identity cascade`);
  } catch {
    // A fresh database has no tables yet; Sitrep migrates it at start.
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export { Rig };
export type { SitrepProcess };
export { TcpProxy };
