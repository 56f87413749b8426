import type { Logger } from 'pino';
import type { Clock } from '../app/ports';
import { sendDueReminders, type ReminderDeps } from '../app/reminders/send-due-reminders';
import { DEFAULT_FOLLOW_UP, type FollowUpSettings } from '../core/followup/settings';
import type { VacuumRun } from '../db/vacuum';

export interface SchedulerOptions {
  /** How often due work is looked for. */
  intervalMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { intervalMs: 30_000 };

/**
 * Runs timed work every `intervalMs`. It keeps no due times of its own: each tick asks the
 * database what is due at the clock's now, so a restart (or another instance) loses nothing and
 * repeats nothing.
 */
export class Scheduler {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly work: (now: Date) => Promise<number>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly opts: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
  ) {}

  /** One round at `now` (the clock's, unless told). Returns how many reminders were queued. */
  tick(now: Date = this.clock.now()): Promise<number> {
    return this.work(now);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.tick();
      } catch (err) {
        this.log.warn({ err }, 'scheduler tick failed; trying again at the next one');
      }
      if (this.running) await this.sleep(this.opts.intervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

/** The follow-through scheduler: status update reminders, nudges, postmortem and action reminders. */
export function reminderScheduler(
  deps: ReminderDeps & { clock: Clock },
  settings: Partial<FollowUpSettings> = {},
  opts: Partial<SchedulerOptions> = {},
): Scheduler {
  const followUp: FollowUpSettings = { ...DEFAULT_FOLLOW_UP, ...settings };
  return new Scheduler((now) => sendDueReminders(deps, followUp, now), deps.clock, deps.log.child({ component: 'scheduler' }), {
    ...DEFAULT_SCHEDULER_OPTIONS,
    ...opts,
  });
}

/**
 * Deletes, every hour, what the database keeps only for a while (see `historyPruner`): older
 * than `retentionDays`, or nothing when that is 0. Instances that run it at once do no harm.
 */
export function housekeepingScheduler(prune: (before: Date) => Promise<number>, retentionDays: number, clock: Clock, log: Logger): Scheduler {
  const retentionMs = retentionDays * 24 * 60 * 60 * 1000;
  const logger = log.child({ component: 'housekeeping' });
  return new Scheduler(
    async (now) => {
      if (retentionDays === 0) return 0;
      const deleted = await prune(new Date(now.getTime() - retentionMs));
      if (deleted > 0) logger.info({ deleted, retentionDays }, 'deleted request keys, sent deliveries and reminder records past their retention');
      return deleted;
    },
    clock,
    logger,
    { intervalMs: 60 * 60 * 1000 },
  );
}

/**
 * Runs `vacuumWhereDue` once a minute, as often as autovacuum looks at a database (its default
 * `autovacuum_naptime`): for PGlite, where autovacuum does not run. Logs each table it worked
 * on and for how long, since on PGlite that time is time the event loop waited.
 */
export function vacuumScheduler(vacuum: () => Promise<VacuumRun[]>, clock: Clock, log: Logger): Scheduler {
  const logger = log.child({ component: 'vacuum' });
  return new Scheduler(
    async () => {
      const runs = await vacuum();
      for (const run of runs) logger.info(run, run.vacuumed ? 'vacuumed a table' : 'analyzed a table');
      return runs.length;
    },
    clock,
    logger,
    { intervalMs: 60_000 },
  );
}
