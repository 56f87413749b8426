import { WebClient } from '@slack/web-api';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { SlackPlatform } from '../../src/adapters/slack/slack-platform';
import { systemClock } from '../../src/app/ports';
import { openDatabase, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { outboxRepository } from '../../src/db/outbox-repository';
import { DeliveryWorker } from '../../src/delivery/worker';
import { FakeSlack } from '../../test/support/fake-slack/server';
import { databaseEnv, figure, type BenchEnv, type Figure } from '../env';

const CHANNELS = 100;
const silent = pino({ level: 'silent' });

/** Queues `total` notes over 100 channels that exist on the fake Slack, in one statement. */
async function queue(database: Database, slack: FakeSlack, total: number): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < CHANNELS; c++) ids.push(slack.addChannel(`bench-${c}`, { botIsMember: true }).id);
  const values = ids.map((id, c) => sql`(${'slack'}, ${'incident'}, ${id}, ${`#bench-${c}`})`);
  await database.db.execute(sql`insert into conversations (platform, purpose, external_id, name) values ${sql.join(values, sql`, `)}`);
  await database.db.execute(sql`
    insert into deliveries (conversation_id, op, payload)
    select c.id, 'post', jsonb_build_object('message', jsonb_build_object(
             'type', 'notice', 'incident', c.id, 'zone', 'UTC', 'kind', 'note',
             'text', 'message ' || g.i, 'author', 'bench', 'at', '1970-01-01T00:00:00.000Z'))
      from generate_series(0, ${total - 1}) as g(i)
      join conversations c on c.id = (g.i % ${CHANNELS}) + 1
     order by g.i`);
  return ids;
}

/**
 * Delivery drain: 10,000 queued messages over 100 channels to a fake Slack with no latency
 * and no rate limits, through the real worker and Slack client; the baseline calls the fake
 * directly with the same bodies, one loop per channel.
 */
export async function drain(env: BenchEnv): Promise<Figure[]> {
  const total = env.quick ? 1_000 : 10_000;
  const slack = await FakeSlack.start({ botToken: 'xoxb-bench' });
  const db = await databaseEnv(env);
  const database = await openDatabase({ url: db.DATABASE_URL, dataDir: db.DATABASE_URL ? undefined : 'memory://' });
  try {
    await migrate(database);
    const channels = await queue(database, slack, total);
    const client = new WebClient('xoxb-bench', { slackApiUrl: slack.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const platform = new SlackPlatform(client, () => 'T0FAKETEAM', silent);
    const worker = new DeliveryWorker(outboxRepository(database.db), new Map([['slack', platform]]), systemClock, silent);
    const started = performance.now();
    await worker.drain();
    const seconds = (performance.now() - started) / 1000;
    const delivered = [...slack.channels.values()].reduce((n, c) => n + c.messages.length, 0);
    const inOrder = channels.every((id) => {
      const seq = slack.channels.get(id)!.messages.map((m) => Number(/message (\d+)$/.exec(m.text)?.[1]));
      return seq.every((n, i) => i === 0 || n > seq[i - 1]!);
    });

    const direct = new WebClient('xoxb-bench', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const baseStarted = performance.now();
    await Promise.all(
      channels.map(async (channel, c) => {
        for (let i = c; i < total; i += CHANNELS) await direct.chat.postMessage({ channel, text: `message ${i}`, blocks: [] });
      }),
    );
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    const ours = delivered / seconds;
    const base = total / baseSeconds;
    return [
      figure('delivery drain', ours, 'msg/s', '≥ 50 % of baseline and ≥ 1,000/s', ours >= 0.5 * base && ours >= 1_000 && delivered === total, base),
      figure('delivery drain: per-channel order kept', inOrder ? 1 : 0, 'bool', 'kept', inOrder),
    ];
  } finally {
    await database.close();
    await slack.stop();
  }
}

