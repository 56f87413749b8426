/**
 * Builds the Teams app package: manifest/teams/manifest.json with the real ids filled in, plus
 * its two icons, zipped flat (Teams wants all three at the root of the zip).
 *
 *   MicrosoftAppId=<bot's Azure app id> npm run teams:package      → dist/sitrep-teams.zip
 *
 * Environment:
 *   MicrosoftAppId     required GUID: the bot's Microsoft App ID (bots[0].botId, webApplicationInfo.id)
 *   TEAMS_APP_ID       GUID of the Teams app itself (manifest id); defaults to DEFAULT_TEAMS_APP_ID
 *   PUBLIC_URL         https://host the bot is reachable at; its host replaces sitrep.example.com
 *                      in validDomains and webApplicationInfo.resource
 *   TEAMS_PACKAGE_OUT  output directory (default dist/ in the repository)
 *
 * Exit codes: 0 written, 1 the manifest or an icon is invalid, 2 the environment is wrong.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject } from 'ajv';
import { zipSync } from 'fflate';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MANIFEST_DIR = join(REPO_ROOT, 'manifest', 'teams');
export const PACKAGE_NAME = 'sitrep-teams.zip';
/** Used when TEAMS_APP_ID is unset, so repeated builds update the same app instead of adding a new one. */
export const DEFAULT_TEAMS_APP_ID = 'f969e733-ff3d-4d94-8d2a-654dadf678f6';
/** The domain manifest.json is written with; PUBLIC_URL's host replaces it. */
export const PLACEHOLDER_DOMAIN = 'sitrep.example.com';
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** Refusal with an exit code; `message` is one sentence for the user. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export interface TeamsManifest {
  $schema?: string;
  manifestVersion: string;
  id: string;
  icons: { color: string; outline: string };
  bots?: { botId: string }[];
  validDomains?: string[];
  webApplicationInfo?: { id: string; resource?: string };
  [key: string]: unknown;
}

export interface PackageSettings {
  appId: string;
  botId: string;
  /** Host for validDomains, or undefined to keep the placeholder. */
  domain: string | undefined;
  outDir: string;
}

/** Reads and checks the environment; throws PackageError(…, 2) with one sentence. */
export function settingsFromEnv(env: NodeJS.ProcessEnv): PackageSettings {
  const botId = env.MicrosoftAppId?.trim();
  if (!botId) {
    throw new PackageError(
      "MicrosoftAppId is not set: set it to the bot's Microsoft App ID (the GUID of its Azure Bot registration) to build the Teams package.",
      2,
    );
  }
  if (!GUID.test(botId)) {
    throw new PackageError(`MicrosoftAppId must be a GUID such as 12345678-90ab-cdef-1234-567890abcdef, not "${botId}".`, 2);
  }
  const appId = env.TEAMS_APP_ID?.trim() || DEFAULT_TEAMS_APP_ID;
  if (!GUID.test(appId)) {
    throw new PackageError(`TEAMS_APP_ID must be a GUID such as 12345678-90ab-cdef-1234-567890abcdef, not "${appId}".`, 2);
  }
  let domain: string | undefined;
  const publicUrl = env.PUBLIC_URL?.trim();
  if (publicUrl) {
    let url: URL | undefined;
    try {
      url = new URL(publicUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
      throw new PackageError(`PUBLIC_URL must be an absolute URL such as https://sitrep.example.com, not "${publicUrl}".`, 2);
    }
    domain = url.hostname;
  }
  const out = env.TEAMS_PACKAGE_OUT?.trim() || 'dist';
  return { appId, botId, domain, outDir: isAbsolute(out) ? out : resolve(REPO_ROOT, out) };
}

/** Fills in the ids and the domain; returns a new object. */
export function substitute(template: TeamsManifest, s: Pick<PackageSettings, 'appId' | 'botId' | 'domain'>): TeamsManifest {
  const m = structuredClone(template);
  m.id = s.appId;
  if (m.bots) for (const bot of m.bots) bot.botId = s.botId;
  if (m.webApplicationInfo) {
    m.webApplicationInfo.id = s.botId;
    if (s.domain && m.webApplicationInfo.resource) {
      m.webApplicationInfo.resource = m.webApplicationInfo.resource.replace(PLACEHOLDER_DOMAIN, s.domain);
    }
  }
  if (s.domain && m.validDomains) {
    m.validDomains = [...new Set(m.validDomains.map((d) => (d === PLACEHOLDER_DOMAIN ? s.domain! : d)))];
  }
  return m;
}

const require = createRequire(import.meta.url);

/** Microsoft's JSON schema for a manifest version, as shipped by @microsoft/app-manifest. */
export function teamsSchema(manifestVersion: string): Record<string, unknown> {
  let file: string;
  try {
    file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  } catch {
    throw new PackageError(`@microsoft/app-manifest has no schema for manifestVersion "${manifestVersion}".`, 1);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * An ajv validator for a Teams manifest schema. Microsoft's schemas declare draft-04, which ajv 8
 * does not ship; the v1.17 schema uses nothing that differs between draft-04 and draft-07
 * (no schema-level `id`, no boolean exclusiveMinimum/Maximum), so it is compiled as draft-07.
 */
export function compileTeamsSchema(schema: Record<string, unknown>) {
  const { $schema: _draft, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  return ajv.compile(rest);
}

/** One sentence describing an ajv error. */
export function describeError(e: ErrorObject): string {
  const where = e.instancePath || '(the root)';
  let detail = '';
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') detail = ` ("${String(p.additionalProperty)}")`;
  else if (e.keyword === 'enum') detail = ` (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  else if (e.keyword === 'const') detail = ` (${JSON.stringify(p.allowedValue)})`;
  return `${where} ${e.message ?? 'is invalid'}${detail}`;
}

/** Validates against the schema of the manifest's own manifestVersion; returns one sentence, or null when valid. */
export function validateTeamsManifest(manifest: TeamsManifest): string | null {
  const version = manifest.manifestVersion;
  const validate = compileTeamsSchema(teamsSchema(version));
  if (validate(manifest)) {
    const expected = `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
    if (manifest.$schema !== undefined && manifest.$schema !== expected) {
      return `The Teams manifest declares $schema "${manifest.$schema}" but manifestVersion ${version}, whose schema is ${expected}.`;
    }
    return null;
  }
  const first = validate.errors?.[0];
  return `The Teams manifest does not match the v${version} schema: ${first ? describeError(first) : 'unknown error'}.`;
}

/** Width, height, colour type of a PNG, from its IHDR chunk; undefined when it is not a PNG. */
export function pngHeader(buf: Uint8Array): { width: number; height: number; colorType: number } | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 33 || sig.some((b, i) => buf[i] !== b)) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (String.fromCharCode(buf[12]!, buf[13]!, buf[14]!, buf[15]!) !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20), colorType: buf[25]! };
}

function readIcon(kind: keyof typeof ICON_SIZES, path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(MANIFEST_DIR, path));
  } catch {
    throw new PackageError(`The ${kind} icon ${join('manifest/teams', path)} is missing.`, 1);
  }
  const size = ICON_SIZES[kind];
  const h = pngHeader(bytes);
  if (!h || h.width !== size || h.height !== size) {
    throw new PackageError(`The ${kind} icon ${path} must be a ${size}×${size} PNG${h ? `, not ${h.width}×${h.height}` : ''}.`, 1);
  }
  if (kind === 'outline' && h.colorType !== 6 && h.colorType !== 4) {
    throw new PackageError(`The outline icon ${path} must have an alpha channel (white on a transparent background).`, 1);
  }
  return bytes;
}

/** Builds the zip; returns its path. Throws PackageError. */
export function buildPackage(settings: PackageSettings): string {
  let template: TeamsManifest;
  try {
    template = JSON.parse(readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;
  } catch (err) {
    throw new PackageError(`manifest/teams/manifest.json could not be read as JSON (${(err as Error).message.replace(/\.$/, '')}).`, 1);
  }
  const manifest = substitute(template, settings);
  const problem = validateTeamsManifest(manifest);
  if (problem) throw new PackageError(problem, 1);

  const files: Record<string, Uint8Array> = {
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'),
  };
  for (const kind of ['color', 'outline'] as const) {
    const path = manifest.icons[kind];
    if (path.includes('/') || path.includes('\\')) {
      throw new PackageError(`The ${kind} icon must sit next to manifest.json (zip root), not at "${path}".`, 1);
    }
    files[path] = readIcon(kind, path);
  }
  // A fixed timestamp keeps the zip byte-for-byte reproducible.
  const zip = zipSync(files, { level: 9, mtime: new Date(2024, 0, 1) });
  mkdirSync(settings.outDir, { recursive: true });
  const out = join(settings.outDir, PACKAGE_NAME);
  writeFileSync(out, zip);
  return out;
}

function main(): void {
  try {
    const out = buildPackage(settingsFromEnv(process.env));
    const rel = relative(process.cwd(), out);
    console.log(rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : out);
  } catch (err) {
    if (err instanceof PackageError) {
      console.error(err.message);
      process.exit(err.exitCode);
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
