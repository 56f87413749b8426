import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppDeps, AppSettings } from './app/context';
import { systemClock, type ChatPlatform, type Clock, type PeopleDirectory } from './app/ports';
import type { Platform } from './core/types';
import type { Database } from './db/client';
import { outboxRepository } from './db/outbox-repository';
import { drizzleStore } from './db/store';
import { DeliveryWorker, type WorkerOptions } from './delivery/worker';
import { Metrics } from './observability/metrics';
import { historyPruner } from './db/prune-history';
import { vacuumWhereDue } from './db/vacuum';
import { housekeepingScheduler, reminderScheduler, vacuumScheduler, type Scheduler, type SchedulerOptions } from './scheduler/scheduler';
import { DEFAULT_FOLLOW_UP, resolvedReminderHorizonDays, type FollowUpSettings } from './core/followup/settings';

export interface Composition {
  deps: AppDeps;
  worker: DeliveryWorker;
  metrics: Metrics;
  /** Follow-through reminders; started beside the worker (`scheduler.start()`, `await scheduler.stop()`). */
  scheduler: Scheduler;
  /** Hourly deletion of request keys, sent deliveries and finished incidents' reminder records past the retention; started beside the worker. */
  housekeeping: Scheduler;
  /** On PGlite, which has no autovacuum, what autovacuum would do (see `vacuumWhereDue`); null on PostgreSQL. */
  vacuum: Scheduler | null;
}

/** Wires the use cases and the delivery worker to one database and a set of chat platforms. */
export function compose(opts: {
  database: Database;
  /** The platforms deliveries go to; adapters that need the use cases join after composition. */
  platforms: Map<Platform, ChatPlatform>;
  directory: PeopleDirectory;
  settings: AppSettings;
  log: Logger;
  clock?: Clock;
  worker?: Partial<WorkerOptions>;
  processMetrics?: boolean;
  /** Reminder cadences and delays (defaults: DEFAULT_FOLLOW_UP). */
  followUp?: Partial<FollowUpSettings>;
  scheduler?: Partial<SchedulerOptions>;
  /** Days request keys, sent deliveries and reminder records are kept (default 30); 0 keeps them for ever. */
  retentionDays?: number;
}): Composition {
  const clock = opts.clock ?? systemClock;
  const metrics = new Metrics(opts.database, { processMetrics: opts.processMetrics ?? false });
  const worker = new DeliveryWorker(outboxRepository(opts.database.db), opts.platforms, clock, opts.log, opts.worker, (platform, outcome, code) =>
    metrics.delivery(platform, outcome, code),
  );
  const deps: AppDeps = {
    store: drizzleStore(opts.database),
    clock,
    directory: opts.directory,
    settings: opts.settings,
    newId: randomUUID,
    log: opts.log,
    onQueued: () => worker.wake(),
    onCommand: (platform, command, outcome, seconds) => metrics.command(platform, command, outcome, seconds),
  };
  const scheduler = reminderScheduler({ store: deps.store, log: opts.log, clock, onQueued: () => worker.wake() }, opts.followUp, opts.scheduler);
  const reminderHorizonDays = resolvedReminderHorizonDays({ ...DEFAULT_FOLLOW_UP, ...opts.followUp });
  const housekeeping = housekeepingScheduler(historyPruner(opts.database.db, { reminderHorizonDays }), opts.retentionDays ?? 30, clock, opts.log);
  const vacuum = opts.database.kind === 'pglite' ? vacuumScheduler(() => vacuumWhereDue(opts.database), clock, opts.log) : null;
  return { deps, worker, metrics, scheduler, housekeeping, vacuum };
}
