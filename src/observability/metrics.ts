import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { sql } from 'drizzle-orm';
import { rows, type Database } from '../db/client';
import type { DeliveryOutcome } from '../delivery/worker';

/** What Sitrep exports at /metrics: commands, deliveries, the outbox, platform errors. */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'platform' | 'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'platform'>;
  private readonly deliveries: Counter<'platform' | 'result'>;
  private readonly platformErrors: Counter<'platform' | 'code'>;

  /** `processMetrics`: also export the process's own (memory, CPU, event loop); once per process. */
  constructor(database: Database, opts: { processMetrics: boolean } = { processMetrics: false }) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'sitrep_' });
    this.commands = new Counter({
      name: 'sitrep_commands_total',
      help: 'Commands handled, by platform, subcommand and outcome (ok, refused, failed).',
      labelNames: ['platform', 'command', 'outcome'],
      registers: [this.registry],
    });
    this.commandSeconds = new Histogram({
      name: 'sitrep_command_duration_seconds',
      help: 'Time from receiving a command to having its answer.',
      labelNames: ['platform'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    this.deliveries = new Counter({
      name: 'sitrep_deliveries_total',
      help: 'Delivery attempts by platform and result (delivered, retry, parked).',
      labelNames: ['platform', 'result'],
      registers: [this.registry],
    });
    this.platformErrors = new Counter({
      name: 'sitrep_platform_errors_total',
      help: 'Failed calls to a chat platform, by error code.',
      labelNames: ['platform', 'code'],
      registers: [this.registry],
    });
    const outbox = async () => {
      const [row] = rows<{ depth: number | string; oldest: number | string | null }>(
        await database.db.execute(sql`
          select count(*) as depth, extract(epoch from (now() - min(created_at))) as oldest
            from deliveries where status in ('pending', 'sending')`),
      );
      return { depth: Number(row?.depth ?? 0), oldest: row?.oldest === null || row?.oldest === undefined ? 0 : Number(row.oldest) };
    };
    new Gauge({
      name: 'sitrep_outbox_depth',
      help: 'Messages waiting to be delivered.',
      registers: [this.registry],
      async collect() {
        this.set((await outbox().catch(() => ({ depth: Number.NaN }))).depth);
      },
    });
    new Gauge({
      name: 'sitrep_outbox_oldest_age_seconds',
      help: 'Age of the oldest message waiting to be delivered (0 when none).',
      registers: [this.registry],
      async collect() {
        this.set((await outbox().catch(() => ({ oldest: Number.NaN }))).oldest);
      },
    });
  }

  command(platform: string, command: string, outcome: 'ok' | 'refused' | 'failed', seconds: number): void {
    this.commands.inc({ platform, command, outcome });
    this.commandSeconds.observe({ platform }, seconds);
  }

  delivery(platform: string, result: DeliveryOutcome, errorCode?: string): void {
    this.deliveries.inc({ platform, result });
    if (errorCode) this.platformErrors.inc({ platform, code: errorCode });
  }
}
