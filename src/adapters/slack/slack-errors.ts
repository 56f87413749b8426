import { ErrorCode, type WebAPICallError } from '@slack/web-api';
import { PlatformError } from '../../app/ports';

/** Slack answers that mean "try again later" rather than "this request is wrong". */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'team_added_to_org']);

/**
 * A Web API failure as the delivery worker understands it: rate limits carry their
 * Retry-After; HTTP errors, timeouts and network failures are transient; Slack's own
 * `ok: false` codes are permanent unless Slack says they are passing.
 */
export function toPlatformError(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  const e = err as Partial<WebAPICallError> & { retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (e.code) {
    case ErrorCode.RateLimitedError:
      return new PlatformError('slack', 'ratelimited', true, (e.retryAfter ?? 1) * 1000);
    case ErrorCode.HTTPError:
      return new PlatformError('slack', `http_${e.statusCode ?? 'error'}`, true);
    case ErrorCode.RequestError:
      return new PlatformError('slack', 'request_failed', true);
    case ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      return new PlatformError('slack', code, TRANSIENT.has(code));
    }
    default:
      return new PlatformError('slack', err instanceof Error && /timeout/i.test(err.message) ? 'timeout' : 'request_failed', true);
  }
}

/** The Slack error code of a failed call, if it was Slack that refused it. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: string; data?: { error?: string } };
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}
