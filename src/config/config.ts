import { z } from 'zod';
import { isValidZone } from '../core/time/format';
import { POLICIES } from '../core/incident/authorize';
import { parseCadence, type FollowUpSettings } from '../core/followup/settings';
import { SEVERITIES } from '../core/types';

const list = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

const flag = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s === '') return false;
    if (/^(true|1|yes)$/i.test(s)) return true;
    if (/^(false|0|no)$/i.test(s)) return false;
    ctx.addIssue({ code: 'custom', message: 'must be true or false' });
    return z.NEVER;
  });

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s && s.trim() ? s.trim() : undefined));

/** A whole number of `unit` from 0 (off) to `max`. */
const minutesOrHours = (unit: string, fallback: number, max: number) =>
  z.coerce
    .number({ message: `must be a number of ${unit}` })
    .int({ message: `must be a whole number of ${unit}` })
    .min(0, { message: `must be 0 (off) or more ${unit}` })
    .max(max, { message: `must be at most ${max} ${unit}` })
    .default(fallback);

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
  RESOLVE_POLICY: z.enum(POLICIES, { message: `must be one of ${POLICIES.join(', ')}` }).default('responders'),
  UPDATE_POLICY: z.enum(POLICIES, { message: `must be one of ${POLICIES.join(', ')}` }).default('responders'),
  DELIVERY_LEASE_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(1, { message: 'must be at least 1 second' })
    .max(3600, { message: 'must be at most 3600 seconds' })
    .default(60),
  UPDATE_CADENCE: z
    .string()
    .optional()
    .transform((s, ctx) => {
      try {
        return parseCadence(s ?? '');
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  NO_COMMANDER_MINUTES: minutesOrHours('minutes', 10, 1440),
  STALE_AFTER_HOURS: minutesOrHours('hours', 24, 24 * 30),
  POSTMORTEM_REVIEW_BUSINESS_DAYS: minutesOrHours('business days', 3, 60),
  HISTORY_RETENTION_DAYS: minutesOrHours('days', 30, 3650),
  SCHEDULER_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int({ message: 'must be a whole number of seconds' })
    .min(1, { message: 'must be at least 1 second' })
    .max(3600, { message: 'must be at most 3600 seconds' })
    .default(30),
  PUBLIC_URL: optionalText.refine((u) => !u || /^https?:\/\/[^\s]+$/.test(u), { message: 'must be an http(s) URL' }),
  SIGNING_KEY: optionalText.refine((k) => !k || k.length >= 32, { message: 'must be at least 32 characters (use 32 random bytes, e.g. openssl rand -hex 32)' }),
  STATUS_PAGE_NAME: z.string().trim().min(1).max(100, { message: 'must be at most 100 characters' }).default('Status'),
  STATUS_PAGE_CONFIG: optionalText,
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  SLACK_BOT_TOKEN: optionalText.refine((t) => !t || t.startsWith('xoxb-'), { message: 'must be a bot token (xoxb-…)' }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((t) => !t || t.startsWith('xapp-'), { message: 'must be an app-level token (xapp-…)' }),
  SLACK_API_URL: optionalText.refine((u) => !u || /^https?:\/\//.test(u), { message: 'must be an http(s) URL' }),
  SLACK_ANNOUNCEMENTS_CHANNEL: optionalText,
  NODE_ENV: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], { message: 'must be MultiTenant, SingleTenant or UserAssignedMSI' }).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  TEAMS_INSECURE_LOCAL: flag,
  TEAMS_CREATE_CHANNELS: flag,
  TEAMS_TEAM_ID: optionalText,
  TEAMS_INCIDENTS_CHANNEL: optionalText,
  TEAMS_ANNOUNCEMENTS_CHANNEL: optionalText,
  TEAMS_SERVICE_URL: z.string().url({ message: 'must be a URL' }).default('https://smba.trafficmanager.net/teams/'),
  GRAPH_API_URL: z.string().url({ message: 'must be a URL' }).default('https://graph.microsoft.com/v1.0'),
}).superRefine((c, ctx) => {
  if (c.TEAMS_INSECURE_LOCAL && c.NODE_ENV === 'production') {
    ctx.addIssue({ code: 'custom', path: ['TEAMS_INSECURE_LOCAL'], message: 'must not be set with NODE_ENV=production: it accepts unauthenticated Teams requests' });
  }
  if (c.MicrosoftAppId && c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
  }
  if (c.MicrosoftAppType === 'SingleTenant' && c.MicrosoftAppId && !c.MicrosoftAppTenantId) {
    ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
  }
  if (c.TEAMS_CREATE_CHANNELS && !c.TEAMS_TEAM_ID) {
    ctx.addIssue({ code: 'custom', path: ['TEAMS_TEAM_ID'], message: 'is required when TEAMS_CREATE_CHANNELS is true (the team to create incident channels in)' });
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required when SLACK_BOT_TOKEN is set' });
  }
  if (!c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN)) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when other SLACK_ settings are set' });
  }
});

export type Config = z.infer<typeof schema>;

/** The follow-through settings of a configuration, for `compose({ followUp })`. */
export function followUpSettings(config: Config): Partial<FollowUpSettings> {
  return {
    cadenceMinutes: config.UPDATE_CADENCE,
    noCommanderMinutes: config.NO_COMMANDER_MINUTES,
    staleHours: config.STALE_AFTER_HOURS,
    postmortemBusinessDays: config.POSTMORTEM_REVIEW_BUSINESS_DAYS,
  };
}

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
