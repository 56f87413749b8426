import { describe, expect, it } from 'vitest';
import { eventEnvelope, interactionBody, signedHeaders, signSlackRequest, slashCommandBody } from './signing';

describe('Slack request builders', () => {
  it("reproduces Slack's documented signature example", () => {
    // docs.slack.dev/authentication/verifying-requests-from-slack
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar' +
      '&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com' +
      '%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signSlackRequest(body, '8f742231b10e8888abcd99yyyzzz85a5', 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('builds a slash command body with every field Slack sends', () => {
    const body = slashCommandBody({ text: 'declare sev2 db down', user_id: 'U1', channel_id: 'C1' });
    const fields = Object.fromEntries(new URLSearchParams(body));
    expect(Object.keys(fields)).toEqual([
      'token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text',
      'api_app_id', 'is_enterprise_install', 'response_url', 'trigger_id',
    ]);
    expect(fields).toMatchObject({ text: 'declare sev2 db down', user_id: 'U1', channel_id: 'C1', is_enterprise_install: 'false' });
    expect(body).toContain('text=declare+sev2+db+down');
    const grid = Object.fromEntries(new URLSearchParams(slashCommandBody({ enterprise_id: 'E1', is_enterprise_install: 'true' })));
    expect(grid).toMatchObject({ enterprise_id: 'E1', enterprise_name: 'Fake Grid', is_enterprise_install: 'true' });
    expect(fields.trigger_id).not.toBe(Object.fromEntries(new URLSearchParams(slashCommandBody())).trigger_id);
  });

  it('builds Events API envelopes and interaction bodies', () => {
    const env = eventEnvelope({ type: 'app_mention', text: '<@U0SITREPBOT> status', ts: '1700000000.000100' }, { event_id: 'Ev1', team_id: 'T9' });
    expect(env).toMatchObject({ type: 'event_callback', event_id: 'Ev1', team_id: 'T9', event: { type: 'app_mention', event_ts: '1700000000.000100' } });
    const body = interactionBody({ type: 'block_actions', actions: [{ action_id: 'ack', value: 'a&b' }] });
    expect(body.startsWith('payload=')).toBe(true);
    expect(JSON.parse(new URLSearchParams(body).get('payload') ?? '')).toMatchObject({ actions: [{ value: 'a&b' }] });
    const headers = signedHeaders(JSON.stringify(env), 'secret', { timestamp: 1, retryNum: 1 });
    expect(headers).toMatchObject({ 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-request-timestamp': '1' });
    expect(signedHeaders(body, 'secret')['content-type']).toBe('application/x-www-form-urlencoded');
  });
});
