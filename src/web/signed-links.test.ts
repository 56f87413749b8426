import { describe, expect, it } from 'vitest';
import { checkSignedLink, internalPath, signedPath, signedUrl, type LinkKind } from './signed-links';

const KEY = 'k3y-for-tests-only-0123456789abcdef';
const INC = { workspace: 'T0123ABC', number: 42 };
const NOW = new Date('2026-05-27T10:00:00Z');
const LATER = new Date('2026-05-28T10:00:00Z');

function query(path: string): { expires?: string; sig?: string } {
  return Object.fromEntries(new URL(path, 'http://x').searchParams) as { expires?: string; sig?: string };
}

describe('signed links', () => {
  it('name the page, the incident and the expiry, and carry a MAC', () => {
    const path = signedPath('postmortem', INC, KEY, LATER);
    expect(path).toMatch(/^\/internal\/T0123ABC\/INC-42\/postmortem\?expires=1779962400&sig=[\w-]{43}$/);
    expect(signedPath('incident', INC, KEY, LATER)).toMatch(/^\/internal\/T0123ABC\/INC-42\?expires=/);
    expect(signedPath('postmortem.md', INC, KEY, LATER)).toMatch(/^\/internal\/T0123ABC\/INC-42\/postmortem\.md\?expires=/);
    expect(signedUrl('https://status.example.com/', 'incident', INC, KEY, LATER)).toBe(`https://status.example.com${signedPath('incident', INC, KEY, LATER)}`);
  });

  it('encode an odd workspace id so that it stays one path segment', () => {
    expect(internalPath('incident', { workspace: 'a/b c?', number: 1 })).toBe('/internal/a%2Fb%20c%3F/INC-1');
  });

  it('are accepted until they expire, then refused as expired', () => {
    for (const kind of ['incident', 'postmortem', 'postmortem.md'] as LinkKind[]) {
      const q = query(signedPath(kind, INC, KEY, LATER));
      expect(checkSignedLink(kind, INC, q, KEY, NOW)).toEqual({ ok: true, expiresAt: new Date(Math.floor(LATER.getTime() / 1000) * 1000) });
      expect(checkSignedLink(kind, INC, q, KEY, LATER)).toEqual({ ok: false, reason: 'expired' });
    }
  });

  it('are refused for another page, incident, workspace, expiry or key', () => {
    const q = query(signedPath('incident', INC, KEY, LATER));
    expect(checkSignedLink('postmortem', INC, q, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', { ...INC, number: 43 }, q, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', { ...INC, workspace: 'T999' }, q, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', INC, { ...q, expires: String(Number(q.expires) + 3600) }, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', INC, q, `${KEY}x`, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', INC, { ...q, sig: q.sig!.slice(0, -1) }, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', INC, { ...q, sig: `${q.sig}A` }, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are refused when the signature or expiry is missing or malformed, or no key is configured', () => {
    const q = query(signedPath('incident', INC, KEY, LATER));
    expect(checkSignedLink('incident', INC, {}, KEY, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignedLink('incident', INC, { expires: q.expires }, KEY, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignedLink('incident', INC, { ...q, sig: ['a', 'b'] as unknown as string }, KEY, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignedLink('incident', INC, { ...q, expires: '1e12' }, KEY, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkSignedLink('incident', INC, q, '', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('cannot be made without a key or for a non-incident number', () => {
    expect(() => signedPath('incident', INC, '', LATER)).toThrow('signed links need a signing key (SIGNING_KEY)');
    expect(() => signedPath('incident', { workspace: 'T1', number: 0 }, KEY, LATER)).toThrow('not an incident number: 0');
  });
});
