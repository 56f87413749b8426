/**
 * Builders for what Slack POSTs to our app: signed slash commands, Events API envelopes and
 * interaction payloads, byte-for-byte in Slack's encodings.
 */
import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

/** `v0=` + hex(HMAC-SHA256(secret, `v0:${timestamp}:${body}`)), over the exact raw body. */
export function signSlackRequest(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): SlackSignatureHeaders {
  const digest = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

/** Signature headers plus the content type for a body built by the helpers below. */
export function signedHeaders(
  body: string,
  secret: string,
  opts: { timestamp?: number; retryNum?: number; retryReason?: string } = {},
): Record<string, string> {
  const json = body.trimStart().startsWith('{');
  const headers: Record<string, string> = {
    'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    ...signSlackRequest(body, secret, opts.timestamp),
  };
  if (opts.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(opts.retryNum);
    headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
  }
  return headers;
}

export interface SlashCommandFields {
  command: string;
  text: string;
  token: string;
  team_id: string;
  team_domain: string;
  enterprise_id?: string;
  enterprise_name?: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  api_app_id: string;
  is_enterprise_install: 'true' | 'false';
  response_url: string;
  trigger_id: string;
}

let triggerSeq = 0;
/** A trigger_id shaped like Slack's ('1234567890123.1234567890.abcdef…'), unique per call. */
export function fakeTriggerId(): string {
  triggerSeq += 1;
  return `${Date.now()}.${1_000_000_000 + triggerSeq}.${triggerSeq.toString(16).padStart(32, 'a')}`;
}

/**
 * A slash command body as Slack sends it (form-encoded, field order as Slack's), e.g.
 * `slashCommandBody({ text: 'declare sev2 db down', user_id: 'U0ALICE001' })`.
 * Enterprise fields are only included when given, as on non-Grid workspaces.
 */
export function slashCommandBody(fields: Partial<SlashCommandFields> = {}): string {
  const team_id = fields.team_id ?? 'T0FAKETEAM';
  const all: Partial<SlashCommandFields> = {
    token: 'deprecated-verification-token',
    team_id,
    team_domain: 'fake-workspace',
    ...(fields.enterprise_id ? { enterprise_id: fields.enterprise_id, enterprise_name: fields.enterprise_name ?? 'Fake Grid' } : {}),
    channel_id: 'C0INCIDENTS',
    channel_name: 'incidents',
    user_id: 'U0ALICE001',
    user_name: 'alice',
    command: '/incident',
    text: '',
    api_app_id: 'A0SITREP01',
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.test/commands/${team_id}/1/${'x'.repeat(24)}`,
    trigger_id: fakeTriggerId(),
    ...fields,
  };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) if (v !== undefined) params.append(k, v);
  return params.toString();
}

export interface EnvelopeOptions {
  event_id?: string;
  team_id?: string;
  api_app_id?: string;
  event_time?: number;
  /** The bot user the event is delivered to (authorizations[0].user_id). */
  bot_user_id?: string;
}

let eventSeq = 0;
/** An Events API `event_callback` envelope; JSON.stringify it to get the body to sign. */
export function eventEnvelope(event: Record<string, unknown>, opts: EnvelopeOptions = {}): Record<string, unknown> {
  eventSeq += 1;
  const team_id = opts.team_id ?? 'T0FAKETEAM';
  return {
    token: 'deprecated-verification-token',
    team_id,
    api_app_id: opts.api_app_id ?? 'A0SITREP01',
    event: { event_ts: typeof event.ts === 'string' ? event.ts : `${Math.floor(Date.now() / 1000)}.000100`, ...event },
    type: 'event_callback',
    event_id: opts.event_id ?? `Ev${String(eventSeq).padStart(9, '0')}`,
    event_time: opts.event_time ?? Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id, user_id: opts.bot_user_id ?? 'U0SITREPBOT', is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${eventSeq}`,
  };
}

/** The Events API URL verification handshake body. */
export function urlVerificationBody(challenge: string): string {
  return JSON.stringify({ token: 'deprecated-verification-token', challenge, type: 'url_verification' });
}

/**
 * An interactivity body (block_actions, view_submission, shortcut, …): Slack posts it
 * form-encoded as a single `payload` field holding the JSON.
 */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
