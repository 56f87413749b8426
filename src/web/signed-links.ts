/**
 * Links to the internal pages (incident, postmortem, postmortem as Markdown), which the bot posts in
 * the incident's conversation: `/internal/<workspace>/INC-<n>[/postmortem[.md]]?expires=<unix s>&sig=<mac>`
 * where mac = base64url(HMAC-SHA256(SIGNING_KEY, "<path>\n<expires>")). Anyone holding the link can
 * read the page until it expires; nobody can make one for another incident, page or expiry.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const LINK_KINDS = ['incident', 'postmortem', 'postmortem.md'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface IncidentRef {
  workspace: string;
  number: number;
}

const SUFFIX: Record<LinkKind, string> = { incident: '', postmortem: '/postmortem', 'postmortem.md': '/postmortem.md' };

/** The path of an internal page, without its signature. */
export function internalPath(kind: LinkKind, incident: IncidentRef): string {
  return `/internal/${encodeURIComponent(incident.workspace)}/INC-${incident.number}${SUFFIX[kind]}`;
}

function mac(path: string, expires: string, key: string): string {
  return createHmac('sha256', key).update(`${path}\n${expires}`).digest('base64url');
}

function assertUsable(key: string, incident: IncidentRef): void {
  if (key.length === 0) throw new Error('signed links need a signing key (SIGNING_KEY)');
  if (!Number.isSafeInteger(incident.number) || incident.number < 1) throw new Error(`not an incident number: ${incident.number}`);
}

/** "/internal/T123/INC-42/postmortem?expires=1717200000&sig=…", valid until `expiresAt`. */
export function signedPath(kind: LinkKind, incident: IncidentRef, key: string, expiresAt: Date): string {
  assertUsable(key, incident);
  const path = internalPath(kind, incident);
  const expires = String(Math.floor(expiresAt.getTime() / 1000));
  return `${path}?expires=${expires}&sig=${mac(path, expires, key)}`;
}

/** The signed path under PUBLIC_URL: what the bot posts. */
export function signedUrl(publicUrl: string, kind: LinkKind, incident: IncidentRef, key: string, expiresAt: Date): string {
  return `${publicUrl.replace(/\/+$/, '')}${signedPath(kind, incident, key, expiresAt)}`;
}

export type LinkCheck = { ok: true; expiresAt: Date } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Checks a request's `expires` and `sig` against the page it asks for. */
export function checkSignedLink(
  kind: LinkKind,
  incident: IncidentRef,
  query: { expires?: unknown; sig?: unknown },
  key: string,
  now: Date,
): LinkCheck {
  const { expires, sig } = query;
  if (typeof expires !== 'string' || typeof sig !== 'string' || expires === '' || sig === '') return { ok: false, reason: 'missing' };
  if (key.length === 0 || !/^\d{1,12}$/.test(expires) || !/^[\w-]{1,100}$/.test(sig)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(mac(internalPath(kind, incident), expires, key));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, expiresAt };
}
