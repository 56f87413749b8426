import { PlatformError } from '../../app/ports';
import { ConnectorHttpError } from './teams-http';

/**
 * A Bot Connector failure as the delivery worker understands it: 429 carries its Retry-After;
 * 5xx, 408, timeouts and network failures are transient; other 4xx (unknown conversation,
 * bot removed from the team, message deleted) are permanent.
 */
export function toPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  if (err instanceof ConnectorHttpError) {
    if (err.status === 0) return new PlatformError('teams', err.code, true);
    if (err.status === 429) return new PlatformError('teams', 'rate_limited', true, err.retryAfterMs ?? 1_000);
    const code = `http_${err.status}${err.code ? `_${err.code}` : ''}`;
    return new PlatformError('teams', code, err.status >= 500 || err.status === 408, err.retryAfterMs);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new PlatformError('teams', /timeout/i.test(message) ? 'timeout' : 'request_failed', true);
}
