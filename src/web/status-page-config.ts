/**
 * What the status page shows: its name (STATUS_PAGE_NAME), its components (COMPONENTS), and,
 * from the JSON file named by STATUS_PAGE_CONFIG, their groups, descriptions, order and links.
 * Any object in the file may carry a "$comment" field, which is ignored (JSON has no comments).
 * A bad file stops the start with one sentence naming the field.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isValidZone } from '../core/time/format';

export interface ComponentSettings {
  /** Stable: derived from the name, so the same component keeps its id across restarts. */
  id: string;
  name: string;
  description: string | null;
  /** The group's name, or null. */
  group: string | null;
  link: string | null;
  /** Hide from the page while operational (the API still lists it). */
  onlyShowIfDegraded: boolean;
  showcase: boolean;
}

export interface GroupSettings {
  id: string;
  name: string;
  description: string | null;
}

export interface StatusPageSettings {
  name: string;
  /** IANA zone the page's days and times are shown in. */
  zone: string;
  /** The company's own site, linked from the page header. */
  homepage: string | null;
  /** In display order; empty means "the components incidents name". */
  components: ComponentSettings[];
  groups: GroupSettings[];
}

/** A stable id for a name: 12 hex digits of its SHA-256, like Statuspage's short ids. */
export function stableId(kind: 'component' | 'group' | 'page', name: string): string {
  return createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 12);
}

export function componentSettings(name: string, extra: Partial<ComponentSettings> = {}): ComponentSettings {
  return { id: stableId('component', name), name, description: null, group: null, link: null, onlyShowIfDegraded: false, showcase: true, ...extra };
}

const comment = { $comment: z.unknown().optional() };
const text = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });
const name = text().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const description = text().max(500, 'must be at most 500 characters').optional();
const url = text().refine((u) => /^https?:\/\/[^\s<>"]+$/i.test(u) && URL.canParse(u), 'must be an http:// or https:// address');
const flag = z.boolean({ error: 'must be true or false' }).optional();

const fileSchema = z.strictObject({
  ...comment,
  timeZone: text().refine(isValidZone, 'must be an IANA time zone such as Europe/Paris or UTC').optional(),
  homepage: url.optional(),
  groups: z.array(z.strictObject({ ...comment, name, description }), { error: 'must be a list' }).optional(),
  components: z
    .array(
      z.strictObject({
        ...comment,
        name,
        group: text().trim().min(1, 'must not be empty').optional(),
        description,
        link: url.optional(),
        onlyShowIfDegraded: flag,
        showcase: flag,
      }),
      { error: 'must be a list' },
    )
    .optional(),
});
type StatusPageFile = z.infer<typeof fileSchema>;

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

function problem(sentence: string): Error {
  return new Error(`STATUS_PAGE_CONFIG: ${sentence}`);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const where = fieldPath(issue.path);
    return `${where ? `${where} has` : 'the file has'} an unknown field "${issue.keys[0]}"`;
  }
  const where = fieldPath(issue.path) || 'the file';
  const message = issue.code === 'invalid_type' && issue.path.length === 0 ? 'must be a JSON object' : issue.message;
  return `${where} ${message}`;
}

function readFile(path: string): StatusPageFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw problem(`cannot read ${path} (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw problem(`${path} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw problem(firstIssue(parsed.error));
  return parsed.data;
}

/** The status page settings; throws an Error whose message is one sentence naming the bad field. */
export function loadStatusPageConfig(
  path: string | undefined,
  env: { name: string; components: string[]; zone?: string },
): StatusPageSettings {
  const file: StatusPageFile = path ? readFile(path) : {};
  const configured = new Set(env.components);
  const seen = new Set<string>();
  const declaredGroups = file.groups?.map((g) => g.name);
  const groups: GroupSettings[] = (file.groups ?? []).map((g) => ({ id: stableId('group', g.name), name: g.name, description: g.description ?? null }));
  const components: ComponentSettings[] = [];

  (file.components ?? []).forEach((c, i) => {
    if (seen.has(c.name)) throw problem(`components[${i}].name "${c.name}" is listed twice`);
    if (configured.size > 0 && !configured.has(c.name)) {
      throw problem(`components[${i}].name "${c.name}" is not one of COMPONENTS (${[...configured].join(', ')})`);
    }
    if (c.group !== undefined && declaredGroups && !declaredGroups.includes(c.group)) {
      throw problem(`components[${i}].group "${c.group}" is not one of groups[].name`);
    }
    if (c.group !== undefined && !groups.some((g) => g.name === c.group)) {
      groups.push({ id: stableId('group', c.group), name: c.group, description: null });
    }
    seen.add(c.name);
    components.push(
      componentSettings(c.name, {
        description: c.description ?? null,
        group: c.group ?? null,
        link: c.link ?? null,
        onlyShowIfDegraded: c.onlyShowIfDegraded ?? false,
        showcase: c.showcase ?? true,
      }),
    );
  });
  for (const n of env.components) if (!seen.has(n)) components.push(componentSettings(n));

  const zone = file.timeZone ?? env.zone ?? 'UTC';
  if (!isValidZone(zone)) throw problem(`the time zone "${zone}" is not an IANA time zone`);
  return { name: env.name.trim() || 'Status', zone, homepage: file.homepage ?? null, components, groups };
}
