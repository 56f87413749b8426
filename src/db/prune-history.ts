import { sql } from 'drizzle-orm';
import { rows, type Db } from './client';

/**
 * Deletes what only matters for a while: idempotency keys of handled requests and deliveries
 * that went out, recorded before `before`. Parked and waiting deliveries stay, whatever their
 * age (`/incident doctor` shows them); the timeline itself is never pruned. Deletes in batches
 * of `batch` rows, so no statement holds many locks or runs long.
 */
export function historyPruner(db: Db, batch = 5_000): (before: Date) => Promise<number> {
  async function deleted(statement: ReturnType<typeof sql>): Promise<number> {
    const [row] = rows<{ n: number }>(await db.execute(statement));
    return Number(row?.n ?? 0);
  }

  return async (before) => {
    const at = before.toISOString();
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
    ]) {
      for (let n = batch; n === batch; total += n) n = await deleted(prune());
    }
    return total;
  };
}
