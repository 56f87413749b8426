import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { ManifestUtil } from '@microsoft/app-manifest';
import Ajv from 'ajv';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_TEAMS_APP_ID,
  ICON_SIZES,
  PACKAGE_NAME,
  teamsSchema,
  validateTeamsManifest,
  type TeamsManifest,
} from '../scripts/teams-package';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SLACK_SCHEMA = join(ROOT, '..', 'shared', 'reference', 'schemas', 'slack-app-manifest.v1.schema.json');
const TEAMS_DIR = join(ROOT, 'manifest', 'teams');
const EVENTS_URL = 'https://sitrep.example.com/slack/events';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sitrep-teams-package-'));
  dirs.push(d);
  return d;
}

/** One sentence: a single line ending in a full stop, with no second sentence inside it. */
function expectOneSentence(text: string): void {
  const t = text.trim();
  expect(t).toMatch(/^[^\n]+\.$/);
  expect(t.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1);
}

// ---------------------------------------------------------------------------------------------
// Slack

// Slack's schema is draft-07 (ajv's default) and uses two keywords of its own: `regex` (meant as
// `pattern`, on background_color) and `_note` (a comment). Declaring both keeps unknown keywords an
// error; only strictTypes is off, because the schema leaves `type` out next to minItems in places.
function slackValidator() {
  const schema = JSON.parse(readFileSync(SLACK_SCHEMA, 'utf8')) as Record<string, unknown>;
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addKeyword({ keyword: '_note' });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (re: string, data: string) => new RegExp(re).test(data),
  });
  return ajv.compile(schema);
}

interface SlackManifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    slash_commands: { command: string; url: string; description: string; usage_hint: string; should_escape: boolean }[];
    shortcuts: { name: string; type: 'global' | 'message'; callback_id: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const slackText = readFileSync(join(ROOT, 'manifest', 'slack.yaml'), 'utf8');
const slack = parse(slackText) as SlackManifest;

const BOT_SCOPES = [
  'commands', 'chat:write', 'chat:write.public', 'channels:manage', 'groups:write', 'channels:read', 'groups:read',
  'channels:join', 'pins:read', 'pins:write', 'reactions:read', 'users:read', 'files:write', 'bookmarks:write',
  'channels:history', 'groups:history',
];
const BOT_EVENTS = ['app_home_opened', 'pin_added', 'pin_removed', 'reaction_added'];
/** Scopes Slack requires before it delivers each event (https://api.slack.com/events). */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  pin_added: ['pins:read'],
  pin_removed: ['pins:read'],
  reaction_added: ['reactions:read'],
};

describe('manifest/slack.yaml', () => {
  it("is valid against Slack's app manifest schema (major_version 1)", () => {
    const validate = slackValidator();
    const ok = validate(slack);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(slack._metadata.major_version).toBe(1);
  });

  it('is checked for real: the schema rejects a long name and a bad background colour', () => {
    const validate = slackValidator();
    const bad = structuredClone(slack);
    bad.display_information.name = 'S'.repeat(36);
    bad.display_information.background_color = '#zzz';
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual([
      '/display_information/name maxLength',
      '/display_information/background_color regex',
    ]);
  });

  it('starts with one comment line on switching to Socket Mode', () => {
    const lines = slackText.split('\n');
    expect(lines[0]).toMatch(/^# .*socket_mode_enabled: true/);
    expect(lines[1]).not.toMatch(/^#/);
  });

  it('shows Sitrep with an always-online bot user and a Home tab', () => {
    expect(slack.display_information.name).toBe('Sitrep');
    expect(slack.features.bot_user).toEqual({ display_name: 'sitrep', always_online: true });
    expect(slack.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: false });
  });

  it('has the /incident command, escaped so mentions arrive as <@U123|name>', () => {
    expect(slack.features.slash_commands).toEqual([
      {
        command: '/incident',
        url: EVENTS_URL,
        description: expect.any(String),
        usage_hint: 'declare sev2 Checkout is failing | note … | update identified … | resolve | help',
        should_escape: true,
      },
    ]);
  });

  it('has the two shortcuts whose callback ids the Slack adapter listens for', () => {
    const byId = Object.fromEntries(slack.features.shortcuts.map((s) => [s.callback_id, s]));
    expect(Object.keys(byId).sort()).toEqual(['add_to_timeline', 'declare_incident_shortcut']);
    expect(byId.declare_incident_shortcut).toMatchObject({ type: 'global', name: 'Declare incident' });
    expect(byId.add_to_timeline).toMatchObject({ type: 'message', name: 'Add to timeline' });
  });

  it('asks for exactly the bot scopes the bot uses', () => {
    expect([...slack.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
    expect(new Set(slack.oauth_config.scopes.bot).size).toBe(slack.oauth_config.scopes.bot.length);
  });

  it('subscribes to exactly the events the bot handles, each with the scope Slack requires for it', () => {
    const { bot_events } = slack.settings.event_subscriptions;
    expect([...bot_events].sort()).toEqual([...BOT_EVENTS].sort());
    for (const event of bot_events) {
      for (const scope of EVENT_SCOPES[event] ?? ['(unknown event)']) expect(slack.oauth_config.scopes.bot, event).toContain(scope);
    }
  });

  it('sends commands, events and interactions to one HTTP endpoint (Socket Mode off)', () => {
    expect(slack.settings.event_subscriptions.request_url).toBe(EVENTS_URL);
    expect(slack.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL });
    expect(slack.settings).toMatchObject({ org_deploy_enabled: false, socket_mode_enabled: false, token_rotation_enabled: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Teams

interface TeamsTemplate extends TeamsManifest {
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
}

const teamsTemplate = JSON.parse(readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8')) as TeamsTemplate;
const TEAMS_COMMANDS = ['declare', 'note', 'update', 'resolve', 'timeline', 'list', 'help'];

/** Microsoft's own validator (ajv-draft-04 underneath), as a second opinion on the draft-07 one. */
async function microsoftErrors(manifest: unknown): Promise<string[]> {
  const schema = teamsSchema('1.17') as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1];
  return ManifestUtil.validateManifestAgainstSchema(manifest as TeamsManifest as never, schema);
}

describe('manifest/teams/manifest.json', () => {
  it('declares schema v1.17 and is valid against it', async () => {
    expect(teamsTemplate.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json');
    expect(teamsTemplate.manifestVersion).toBe('1.17');
    expect(validateTeamsManifest(teamsTemplate)).toBeNull();
    expect(await microsoftErrors(teamsTemplate)).toEqual([]);
  });

  it('refuses an invalid manifest in one sentence that names the field', async () => {
    const bad = structuredClone(teamsTemplate);
    bad.bots[0]!.commandLists[0]!.commands[0]!.title = 'x'.repeat(33);
    const problem = validateTeamsManifest(bad);
    expect(problem).toBe(
      'The Teams manifest does not match the v1.17 schema: /bots/0/commandLists/0/commands/0/title must NOT have more than 32 characters.',
    );
    expectOneSentence(problem!);
    expect(await microsoftErrors(bad)).toHaveLength(1);
  });

  it('has one bot in personal, team and group chats, with the common commands listed for each scope', () => {
    expect(teamsTemplate.bots).toHaveLength(1);
    const bot = teamsTemplate.bots[0]!;
    expect(bot).toMatchObject({ scopes: ['personal', 'team', 'groupChat'], supportsFiles: false, isNotificationOnly: false });
    expect(bot.commandLists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of bot.commandLists) {
      expect(list.commands.map((c) => c.title)).toEqual(TEAMS_COMMANDS);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it('asks for resource-specific consent to create channels (Channel.Create.Group, application)', () => {
    expect(teamsTemplate.authorization.permissions.resourceSpecific).toEqual([{ name: 'Channel.Create.Group', type: 'Application' }]);
    // RSC needs webApplicationInfo with the Entra app id; the package script fills it in.
    expect(teamsTemplate.webApplicationInfo).toMatchObject({ id: expect.any(String), resource: expect.any(String) });
    expect(teamsTemplate.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(teamsTemplate.validDomains).toEqual(['sitrep.example.com']);
  });
});

// ---------------------------------------------------------------------------------------------
// Icons

interface Png {
  width: number;
  height: number;
  channels: number;
  colorType: number;
  pixels: Uint8Array;
}

/** Minimal PNG decoder: 8-bit, non-interlaced, colour types 0/2/4/6, all five row filters. */
function decodePng(buf: Buffer): Png {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      colorType = data[9]!;
      expect(data[12], 'interlace').toBe(0);
    } else if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType];
  if (!channels) throw new Error(`unsupported colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      if (pred === undefined) throw new Error(`bad filter ${filter}`);
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, colorType, pixels };
}

describe('Teams icons', () => {
  it('color.png is a 192×192 opaque PNG with a white mark on the accent colour', () => {
    expect(teamsTemplate.icons.color).toBe('color.png');
    const png = decodePng(readFileSync(join(TEAMS_DIR, 'color.png')));
    expect([png.width, png.height]).toEqual([ICON_SIZES.color, ICON_SIZES.color]);
    const alphas = new Set<number>();
    const colours = new Set<string>();
    for (let i = 0; i < png.pixels.length; i += png.channels) {
      if (png.channels === 4) alphas.add(png.pixels[i + 3]!);
      colours.add(Array.from(png.pixels.subarray(i, i + 3), (v) => v.toString(16).padStart(2, '0')).join(''));
    }
    if (png.channels === 4) expect([...alphas]).toEqual([255]);
    const accent = (teamsTemplate.accentColor as string).slice(1).toLowerCase();
    expect(Array.from(png.pixels.subarray(0, 3), (v) => v.toString(16).padStart(2, '0')).join('')).toBe(accent);
    expect(colours.has('ffffff')).toBe(true);
  });

  it('outline.png is a 32×32 white mark on a fully transparent background', () => {
    expect(teamsTemplate.icons.outline).toBe('outline.png');
    const png = decodePng(readFileSync(join(TEAMS_DIR, 'outline.png')));
    expect([png.width, png.height]).toEqual([ICON_SIZES.outline, ICON_SIZES.outline]);
    expect(png.colorType).toBe(6);
    let transparent = 0;
    let solid = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const alpha = png.pixels[i + 3]!;
      if (alpha === 0) transparent++;
      else expect([...png.pixels.subarray(i, i + 3)]).toEqual([255, 255, 255]);
      if (alpha === 255) solid++;
    }
    expect(png.pixels[3], 'top-left corner alpha').toBe(0);
    expect(transparent).toBeGreaterThan(200);
    expect(solid).toBeGreaterThan(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Package script

function runPackage(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const BOT_ID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
const APP_ID = '0d6e5c49-2a3b-4b8e-9f00-5a1c2d3e4f60';

describe('scripts/teams-package.ts', () => {
  it('zips manifest.json and both icons at the root, with the ids and the domain substituted', async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await runPackage({
      MicrosoftAppId: BOT_ID,
      TEAMS_APP_ID: APP_ID,
      PUBLIC_URL: 'https://sitrep.acme.test/',
      TEAMS_PACKAGE_OUT: out,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const zipPath = join(out, PACKAGE_NAME);
    expect(stdout.trim()).toBe(zipPath);

    const files = unzipSync(readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(Buffer.from(files['color.png']!).equals(readFileSync(join(TEAMS_DIR, 'color.png')))).toBe(true);
    expect(Buffer.from(files['outline.png']!).equals(readFileSync(join(TEAMS_DIR, 'outline.png')))).toBe(true);

    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as TeamsTemplate;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: 'https://sitrep.acme.test' });
    expect(manifest.validDomains).toEqual(['sitrep.acme.test']);
    expect(validateTeamsManifest(manifest)).toBeNull();
    expect(await microsoftErrors(manifest)).toEqual([]);
    // Nothing else changed.
    expect({ ...manifest, id: 0, bots: 0, webApplicationInfo: 0, validDomains: 0 }).toEqual({
      ...teamsTemplate,
      id: 0,
      bots: 0,
      webApplicationInfo: 0,
      validDomains: 0,
    });
    expect({ ...manifest.bots[0], botId: 0 }).toEqual({ ...teamsTemplate.bots[0], botId: 0 });
  });

  it('uses the fixed default app id and keeps the placeholder domain when only MicrosoftAppId is set', async () => {
    const out = tempDir();
    const { code } = await runPackage({ MicrosoftAppId: BOT_ID, TEAMS_PACKAGE_OUT: out });
    expect(code).toBe(0);
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(join(out, PACKAGE_NAME)))['manifest.json']!)) as TeamsTemplate;
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['sitrep.example.com']);
  });

  it('without MicrosoftAppId exits 2 with one sentence and writes nothing', async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await runPackage({ TEAMS_PACKAGE_OUT: out });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^MicrosoftAppId /);
    expectOneSentence(stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a MicrosoftAppId that is not a GUID with exit 2 and one sentence', async () => {
    const out = tempDir();
    const { code, stderr } = await runPackage({ MicrosoftAppId: 'my-bot', TEAMS_PACKAGE_OUT: out });
    expect(code).toBe(2);
    expect(stderr).toContain('"my-bot"');
    expectOneSentence(stderr);
    expect(readdirSync(out)).toEqual([]);
  });
});
