import { z } from 'zod';
import { isValidZone } from '../core/time/format';
import { SEVERITIES } from '../core/types';

const list = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

/** Every setting Sitrep reads from the environment; `.env.example` documents each one. */
const schema = z.object({
  DATABASE_URL: optionalText.refine((u) => !u || /^postgres(ql)?:\/\//.test(u), {
    message: 'must be a postgres:// or postgresql:// URL',
  }),
  DATA_DIR: z.string().default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_SEVERITY: z.enum(SEVERITIES, { message: `must be one of ${SEVERITIES.join(', ')}` }).default('sev3'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((z) => isValidZone(z), { message: 'must be an IANA time zone name such as Europe/Paris or UTC' }),
  COMPONENTS: list.refine((names) => names.every((n) => n.length <= 100), { message: 'names must be at most 100 characters each' }),
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SLACK_BOT_TOKEN: optionalText.refine((t) => !t || t.startsWith('xoxb-'), { message: 'must be a bot token (xoxb-…)' }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((t) => !t || t.startsWith('xapp-'), { message: 'must be an app-level token (xapp-…)' }),
  SLACK_API_URL: optionalText.refine((u) => !u || /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }),
  SLACK_ANNOUNCEMENTS_CHANNEL: optionalText,
}).superRefine((c, ctx) => {
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required when SLACK_BOT_TOKEN is set' });
  }
  if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ settings are set' });
  }
});

export type Config = z.infer<typeof schema>;

/** A configuration problem, told by variable name; the value is never repeated (it may be a secret). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Sitrep cannot start: ${problems.join('; ')}.`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`));
}

/** The environment of this process: the one place Sitrep reads it. */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}
