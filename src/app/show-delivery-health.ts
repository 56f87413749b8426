import { formatDuration } from '../core/time/format';
import type { AppDeps, CommandResult } from './context';

const LISTED = 10;

/** `/incident doctor`: what Sitrep has not delivered yet, and why. */
export async function showDeliveryHealth(deps: AppDeps): Promise<CommandResult> {
  const health = await deps.store.transaction((tx) => tx.deliveryHealth(LISTED));
  const now = deps.clock.now().getTime();
  const ago = (d: Date) => `${formatDuration(now - d.getTime())} ago`;
  if (health.waiting === 0 && health.parked === 0) {
    return { ok: true, text: 'Every message has been delivered; nothing is waiting or parked.' };
  }
  const lines = [
    `${health.waiting} message${health.waiting === 1 ? '' : 's'} waiting to be delivered` +
      (health.oldestWaitingSince ? ` (the oldest queued ${ago(health.oldestWaitingSince)})` : '') +
      `; ${health.parked} parked after failing for good.`,
  ];
  for (const s of health.stuck) {
    const where = `${s.platform} ${s.conversation ?? (s.incident ? `conversation of INC-${s.incident}` : 'announcements')}`;
    const state = s.status === 'parked' ? 'parked' : 'retrying';
    lines.push(`• ${where}: ${state} after ${s.attempts} attempt${s.attempts === 1 ? '' : 's'}, last error ${s.lastError ?? 'unknown'} (queued ${ago(s.createdAt)})`);
  }
  return { ok: true, text: lines.join('\n') };
}
