/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests. Point the real WebClient (or Bolt's
 * `clientOptions`) at it with `slackApiUrl: fake.url`. It speaks the wire format the WebClient
 * uses (form-encoded bodies with JSON-encoded `blocks`/`view`/`files`, `Authorization: Bearer`,
 * multipart upload POSTs), accepts JSON bodies too, records every call and can inject faults.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { methods, type Answer, type Args } from './methods';
import { parseArgs, readBody, uploadBytes } from './wire';
import { SlackState, type FakeChannel, type FakeFile, type FakeUser, type FakeViews } from './state';

export type { FakeBookmark, FakeChannel, FakeEphemeral, FakeFile, FakeMessage, FakeUser, FakeView, FakeViews } from './state';

export type Fault = { status: 429; retryAfter: number } | { status: number } | { error: string } | { hangMs: number };

export interface SlackCall {
  /**
   * Web API method; 'upload' for a POST to an upload_url from files.getUploadURLExternal;
   * 'response_url' for a POST to `responseUrl()`.
   */
  method: string;
  /** Request arguments without `token`; JSON-encoded `blocks`, `view`, `files`, … are parsed. */
  args: Record<string, unknown>;
  /** From `Authorization: Bearer …`, else the `token` argument. */
  token: string | null;
  /** Date.now() on arrival. */
  at: number;
  /** False until answered, and when the answer was not HTTP 200 `{ok: true}`. */
  ok: boolean;
  /** The `error` code answered, or 'http_<status>' / 'hang' for injected faults. */
  error?: string;
  /** The injected fault that answered this call, if any. */
  fault?: Fault;
}

export interface FakeSlackOptions {
  users?: FakeUser[];
  /** When set, every API call must carry this token (else `not_authed` / `invalid_auth`). */
  botToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
}

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  private readonly state: SlackState;
  private readonly faults = new Map<string, Fault[]>();
  private outage: Fault | undefined;
  private latencyMs = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  private constructor(
    private readonly server: Server,
    private readonly botToken: string | undefined,
    opts: FakeSlackOptions,
  ) {
    this.state = new SlackState(opts);
  }

  static async start(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, opts.botToken, opts);
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

  /** 'http://127.0.0.1:PORT/' */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }
  /** 'http://127.0.0.1:PORT/api/' — pass as `slackApiUrl`. */
  get url(): string {
    return `${this.origin}api/`;
  }
  get channels(): Map<string, FakeChannel> {
    return this.state.channels;
  }
  get files(): FakeFile[] {
    return this.state.files;
  }
  get views(): FakeViews {
    return this.state.views;
  }
  get users(): Map<string, FakeUser> {
    return this.state.users;
  }
  get botUserId(): string {
    return this.state.botUserId;
  }
  get teamId(): string {
    return this.state.teamId;
  }

  channelByName(name: string): FakeChannel | undefined {
    return this.state.channelByName(name);
  }
  /** Seeds a channel without an API call (the bot is a member unless `botIsMember: false`). */
  addChannel(name: string, opts?: { is_private?: boolean; members?: string[]; botIsMember?: boolean }): FakeChannel {
    return this.state.addChannel(name, opts);
  }
  /**
   * A `response_url` served by this fake (for slash-command and interaction bodies). POSTs to
   * it are recorded as calls to method 'response_url' with the JSON body as args.
   */
  responseUrl(id = 'r1'): string {
    return `${this.origin}response/${id}`;
  }
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The next `times` calls to `method` ('*' = any method without its own queued fault) answer with `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(method, queue);
  }
  /** Every call answers with the fault until `up()` (platform outage); queued faults wait. */
  down(fault: Fault = { status: 503 }): void {
    this.outage = fault;
  }
  up(): void {
    this.outage = undefined;
  }
  /** Delay before every answer (faults included). */
  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private nextFault(method: string): Fault | undefined {
    if (this.outage) return this.outage;
    return this.faults.get(method)?.shift() ?? this.faults.get('*')?.shift();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', this.origin);
    const body = await readBody(req);
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    const response = /^\/response\/([\w-]+)$/.exec(url.pathname);
    if (!api && !upload && !response) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const parsed: { args: Args; file?: Buffer | undefined; invalid?: string } = upload
      ? { args: {}, file: uploadBytes(req, body) }
      : parseArgs(req, body, url);
    const { token: argToken, ...args } = parsed.args;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof argToken === 'string' ? argToken : null);
    const method = api ? api[1]! : upload ? 'upload' : 'response_url';
    const fileId = upload?.[1];
    const call: SlackCall = { method, args: fileId ? { file_id: fileId, bytes: parsed.file?.length ?? 0 } : args, token, at, ok: false };
    this.calls.push(call);

    const fault = this.nextFault(method);
    if (this.latencyMs > 0) await this.sleep(this.latencyMs);
    if (this.stopped) return;
    if (fault) {
      call.fault = fault;
      this.answerFault(fault, call, res);
      return;
    }
    if (fileId !== undefined) {
      const pending = this.state.uploads.get(fileId);
      if (!pending || !parsed.file) {
        call.error = 'http_404';
        res.writeHead(404, { 'content-type': 'text/plain' }).end('upload not found');
        return;
      }
      pending.bytes = parsed.file;
      call.ok = true;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${parsed.file.length}`);
      return;
    }
    if (response) args.response_id = response[1];
    const answer = parsed.invalid
      ? { ok: false, error: parsed.invalid }
      : response
        ? { ok: true }
        : this.invoke(method, args, token);
    this.answer(res, call, answer);
  }

  private invoke(method: string, args: Args, token: string | null): Answer {
    const handler = methods[method];
    if (!handler) return { ok: false, error: 'unknown_method' };
    if (this.botToken !== undefined) {
      if (!token) return { ok: false, error: 'not_authed' };
      if (token !== this.botToken) return { ok: false, error: 'invalid_auth' };
    }
    return handler(this.state, args, { origin: this.origin });
  }

  private answer(res: ServerResponse, call: SlackCall, answer: Answer): void {
    call.ok = answer.ok;
    if (!answer.ok) call.error = answer.error;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(answer));
  }

  private answerFault(fault: Fault, call: SlackCall, res: ServerResponse): void {
    if ('hangMs' in fault) {
      call.error = 'hang';
      const t = setTimeout(() => {
        this.timers.delete(t);
        res.destroy();
      }, fault.hangMs);
      this.timers.add(t);
      return;
    }
    if ('error' in fault) {
      this.answer(res, call, { ok: false, error: fault.error });
      return;
    }
    call.error = `http_${fault.status}`;
    if (fault.status === 429) {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if ('retryAfter' in fault) headers['retry-after'] = String(fault.retryAfter);
      res.writeHead(429, headers).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    res.writeHead(fault.status, { 'content-type': 'text/html' }).end(`<html><body>fake-slack: HTTP ${fault.status}</body></html>`);
  }
}
