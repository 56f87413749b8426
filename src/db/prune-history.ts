import { sql } from 'drizzle-orm';
import { DEFAULT_FOLLOW_UP, resolvedReminderHorizonDays } from '../core/followup/settings';
import { rows, type Db } from './client';

const DAY = 86_400_000;

export interface PruneOptions {
  /** Rows deleted per statement. */
  batch?: number;
  /** See `resolvedReminderHorizonDays`: how long after its resolution an incident may still be reminded of. */
  reminderHorizonDays?: number;
}

/**
 * Deletes what only matters for a while: idempotency keys of handled requests and deliveries
 * that went out, recorded before `before`, and the reminder ledger of incidents resolved before
 * `before` and the reminder horizon, with no open action left (nothing can fall due for them any
 * more). Parked and waiting deliveries stay, whatever their age (`/incident doctor` shows them);
 * the timeline itself is never pruned. Deletes in batches, so no statement holds many locks or
 * runs long.
 */
export function historyPruner(db: Db, opts: PruneOptions = {}): (before: Date) => Promise<number> {
  const batch = opts.batch ?? 5_000;
  const horizonMs = (opts.reminderHorizonDays ?? resolvedReminderHorizonDays(DEFAULT_FOLLOW_UP)) * DAY;

  async function deleted(statement: ReturnType<typeof sql>): Promise<number> {
    const [row] = rows<{ n: number }>(await db.execute(statement));
    return Number(row?.n ?? 0);
  }

  return async (before) => {
    const at = before.toISOString();
    const resolvedBefore = new Date(before.getTime() - horizonMs).toISOString();
    let total = 0;
    for (const prune of [
      () => sql`with gone as (
          delete from processed_requests where key in (
            select key from processed_requests where created_at < ${at}::timestamptz limit ${batch})
          returning 1)
        select count(*)::int as n from gone`,
      () => sql`with gone as (
          delete from deliveries where id in (
            select id from deliveries where status = 'done' and done_at < ${at}::timestamptz limit ${batch})
          returning 1)
        select count(*)::int as n from gone`,
      () => sql`with gone as (
          delete from reminders_sent where id in (
            select r.id from reminders_sent r join incidents i on i.id = r.incident_id
             where i.status = 'resolved' and i.resolved_at < ${resolvedBefore}::timestamptz
               and not exists (select 1 from action_items a where a.incident_id = i.id and a.state = 'open')
             limit ${batch})
          returning 1)
        select count(*)::int as n from gone`,
    ]) {
      for (let n = batch; n === batch; total += n) n = await deleted(prune());
    }
    return total;
  };
}
