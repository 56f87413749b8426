/**
 * A fake Bot Framework Connector (plus a Microsoft Graph stand-in) on 127.0.0.1 for end-to-end
 * tests of the Teams adapter. Give incoming activities `serviceUrl: fake.serviceUrl`; with
 * `MicrosoftAppId: ''` botbuilder's CloudAdapter then sends every reply, proactive message,
 * conversation creation and update here, with no token. Every call is recorded; faults can be
 * injected. How botbuilder 4.23 behaves against it (checked by server.test.ts, faults.test.ts):
 *
 * - `ctx.sendActivity` always uses replyToActivity (POST …/activities/{id}), also proactively
 *   (`continueConversationAsync`: the id is a random UUID of the synthetic continuation event)
 *   — so fault those with 'reply', not 'send'. Only ConnectorClient.sendToConversation is 'send'.
 * - It retries inside the client (3 retries): 429/503 with Retry-After after that many seconds;
 *   5xx/408 and connection resets with exponential backoff (~0.5–1 s, 1–2 s, 2–4 s); other 4xx
 *   not at all. Then it throws a RestError with `statusCode` (and `code` from our error body).
 *   It has no request timeout: a hang lasts as long as the server holds the request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphError } from './graph';
import { classify, connectorError, execute, type Op, type Reply, type Route } from './routes';
import { TeamsState, type ActivityRecord, type FakeChannel, type FakeTeamsOptions } from './state';

export type { ActivityRecord, FakeChannel, FakeMember, FakeTeam, FakeTeamsOptions } from './state';
export type { Op } from './routes';

/**
 * An HTTP error (with `Retry-After: <retryAfter>` seconds when given, for any status), or a hang:
 * the request is held `hangMs`, then its connection is reset (botbuilder sees ECONNRESET).
 */
export type Fault = { status: number; retryAfter?: number } | { hangMs: number };
export type FaultMatch = Exclude<Op, 'unknown'> | '*';

export interface ConnectorCall {
  method: string;
  /** As received, URL-encoded (e.g. '/v3/conversations/19%3Aabc%40thread.tacv2/activities'). */
  path: string;
  /** failNext() category of the call. */
  op: Op;
  /** ConnectorClient method name ('replyToActivity', 'fetchChannelList', …) or 'graph.createChannel'. */
  operation: string;
  /** Decoded. */
  conversationId?: string;
  activityId?: string;
  memberId?: string;
  teamId?: string;
  /** Parsed JSON body (undefined when empty). */
  body: any;
  /** Status answered; 0 while pending and for hangs. */
  status: number;
  at: number;
  /** Lower-cased request headers (no `authorization` when botbuilder runs with auth disabled). */
  headers: Record<string, string>;
  fault?: Fault;
}

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly state: TeamsState;
  private readonly faults = new Map<FaultMatch, Fault[]>();
  private outage: Fault | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  private constructor(
    private readonly server: Server,
    opts: FakeTeamsOptions,
  ) {
    this.state = new TeamsState(opts);
  }

  static async start(opts: FakeTeamsOptions = {}): Promise<FakeBotConnector> {
    const server = createServer();
    const fake = new FakeBotConnector(server, opts);
    server.on('request', (req, res) => {
      fake.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end(String(err));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  /** 'http://127.0.0.1:PORT/' — the `serviceUrl` of incoming activities. */
  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }
  /** 'http://127.0.0.1:PORT/graph/v1.0' — use in place of 'https://graph.microsoft.com/v1.0'. */
  get graphUrl(): string {
    return `${this.serviceUrl}graph/v1.0`;
  }

  /**
   * What the bot sent (replies, sends, thread roots), oldest first, with later updates. A channel
   * id without ';messageid=' selects the channel and all its threads; otherwise exact match.
   */
  activities(conversationId?: string): ActivityRecord[] {
    return this.state.activitiesIn(conversationId);
  }
  get conversationsCreated(): { id: string; activityId?: string; request: any }[] {
    return this.state.conversationsCreated;
  }
  get channelsCreated(): FakeChannel[] {
    return this.state.channelsCreated;
  }
  callsTo(operation: string): ConnectorCall[] {
    return this.calls.filter((c) => c.operation === operation || c.op === operation);
  }

  /** The next `times` calls in `match` answer with `fault` (a call's own category first, then '*'). */
  failNext(match: FaultMatch, fault: Fault, times = 1): void {
    const queue = this.faults.get(match) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(match, queue);
  }
  /**
   * Every call answers `fault` until up(). The default carries `Retry-After: 0` so botbuilder's
   * 3 retries are immediate; `{ status: 503 }` without it costs ~3.5–7 s of backoff per call.
   */
  down(fault: { status: number; retryAfter?: number } = { status: 503, retryAfter: 0 }): void {
    this.outage = fault;
  }
  up(): void {
    this.outage = undefined;
  }
  /** Graph channel creation (and reads) answer 403 Forbidden while true. */
  denyGraph(deny: boolean): void {
    this.state.graphDenied = deny;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextFault(op: Op): Fault | undefined {
    if (this.outage) return this.outage;
    if (op === 'unknown') return this.faults.get('*')?.shift();
    return this.faults.get(op)?.shift() ?? this.faults.get('*')?.shift();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.serviceUrl);
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    let route: Route;
    let parseError: string | undefined;
    try {
      route = classify(method, url.pathname);
    } catch {
      route = { op: 'unknown', operation: 'unknown' };
      parseError = 'Malformed URL encoding';
    }
    let body: any;
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
      parseError = 'Body is not JSON';
    }
    const call: ConnectorCall = { method, path: url.pathname + url.search, op: route.op, operation: route.operation, body, status: 0, at, headers };
    for (const k of ['conversationId', 'activityId', 'memberId', 'teamId'] as const) {
      const v = route[k];
      if (v !== undefined) call[k] = v;
    }
    this.calls.push(call);

    const fault = this.nextFault(route.op);
    if (fault) {
      call.fault = fault;
      this.answerFault(fault, route, call, res);
      return;
    }
    const reply: Reply = parseError
      ? connectorError(400, 'BadArgument', parseError)
      : execute(this.state, route, body, this.serviceUrl);
    this.send(res, call, reply);
  }

  private send(res: ServerResponse, call: ConnectorCall, reply: Reply, extra: Record<string, string> = {}): void {
    if (this.stopped || res.destroyed) return;
    call.status = reply.status;
    if (reply.body === undefined) {
      res.writeHead(reply.status, extra).end();
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...extra }).end(JSON.stringify(reply.body));
  }

  private answerFault(fault: Fault, route: Route, call: ConnectorCall, res: ServerResponse): void {
    if ('hangMs' in fault) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        res.socket?.destroy();
      }, fault.hangMs);
      this.timers.add(t);
      return;
    }
    const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 503 ? 'ServiceUnavailable' : 'ServiceError';
    const message = `fake-teams: injected HTTP ${fault.status}`;
    const reply = route.op === 'graph' ? graphError(fault.status, code, message) : connectorError(fault.status, code, message);
    this.send(res, call, reply, fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
