/**
 * The HTTP client botbuilder's ConnectorClient sends through (ConnectorClientOptions.httpClient).
 *
 * botbuilder 4.23 retries 429/5xx and connection resets by itself (3 times, waiting out
 * Retry-After) and has no request timeout: a hung Bot Connector holds a delivery forever, and a
 * request given up on by a timeout around it may still land later, next to the outbox's own
 * retry — a duplicate. So each request here is ONE fetch with its own deadline (aborted, so a
 * late answer cannot land), and any failure is thrown as a plain Error: botbuilder's retry
 * policy only retries RestErrors and responses, so it passes ours straight up. The delivery
 * worker owns every retry, with Retry-After carried in a PlatformError.
 */

/** A Bot Connector (or network) failure: `status` 0 when no HTTP answer came. */
export class ConnectorHttpError extends Error {
  constructor(
    readonly status: number,
    /** The connector's error code ('ActivityNotFound', 'TooManyRequests', …), or 'timeout' / 'network'. */
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Bot Connector ${status ? `HTTP ${status}` : code}${code && status ? ` (${code})` : ''}`);
    this.name = 'ConnectorHttpError';
  }
}

/** The slice of @azure/core-http-compat's WebResourceLike that a request needs. */
interface WebResourceLike {
  url: string;
  method: string;
  body?: unknown;
  abortSignal?: AbortSignal;
  headers: { toJson(opts?: { preserveCase?: boolean }): Record<string, string> };
}

export interface CompatHttpClient {
  sendRequest(request: WebResourceLike): Promise<unknown>;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function connectorHttpClient(timeoutMs: number): CompatHttpClient {
  return {
    async sendRequest(request: WebResourceLike) {
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = request.abortSignal ? AbortSignal.any([deadline, request.abortSignal]) : deadline;
      const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      let res: Response;
      try {
        res = await fetch(request.url, { method: request.method, headers: request.headers.toJson({ preserveCase: true }), body, signal });
      } catch (err) {
        throw new ConnectorHttpError(0, deadline.aborted ? 'timeout' : 'network');
      }
      const text = await res.text().catch(() => '');
      if (res.status >= 400) throw new ConnectorHttpError(res.status, errorCode(text), retryAfterMs(res.headers.get('retry-after')));
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name] = value;
      });
      return { status: res.status, bodyAsText: text, request, headers: { toJson: () => ({ ...headers }) } };
    },
  };
}

/** `{ error: { code } }`, the shape both the Bot Connector and Graph answer errors in. */
export function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}
