import { z } from 'zod';
import type { TimeSpec } from '../time/time-spec';
import { IMPACTS, ROLES, SEVERITIES, STATUSES } from '../types';

/**
 * The typed form of every `/incident` command. The parser produces it from text; Slack
 * modals and Teams cards build it from form fields; either way it is validated here.
 */

export const LIMITS = {
  /** Longest command line accepted, in characters. */
  line: 4000,
  title: 150,
  text: 3000,
  component: 100,
} as const;

/** The longest snooze: a day. */
export const SNOOZE_MAX_MINUTES = 1440;

const timeSpec = z.custom<TimeSpec>(
  (v) => typeof v === 'object' && v !== null && ((v as TimeSpec).kind === 'instant' || (v as TimeSpec).kind === 'wall'),
);

export const mentionSchema = z.object({
  /** Platform user id when the platform gave one (Slack `<@U123>`), else the typed name. */
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200).optional(),
});
export type Mention = z.infer<typeof mentionSchema>;

const targeted = {
  incident: z.number().int().positive().optional(),
  at: timeSpec.optional(),
};
const text = (max: number) => z.string().trim().min(1).max(max);

export const commandSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('declare'),
    at: timeSpec.optional(),
    private: z.boolean(),
    severity: z.enum(SEVERITIES).optional(),
    title: text(LIMITS.title),
    summary: z.string().trim().max(LIMITS.text).optional(),
    /** Components affected from the start (a form's multi-select). */
    components: z.array(z.string().trim().min(1).max(LIMITS.component)).max(50).optional(),
    invite: z.array(mentionSchema).max(100).optional(),
  }),
  z.object({ kind: z.literal('note'), ...targeted, text: text(LIMITS.text) }),
  z.object({
    kind: z.literal('update'),
    ...targeted,
    status: z.enum(STATUSES),
    message: text(LIMITS.text),
    severity: z.enum(SEVERITIES).optional(),
  }),
  z.object({ kind: z.literal('severity'), ...targeted, severity: z.enum(SEVERITIES) }),
  z.object({ kind: z.literal('title'), ...targeted, title: text(LIMITS.title) }),
  z.object({ kind: z.literal('summary'), ...targeted, summary: text(LIMITS.text) }),
  z.object({ kind: z.literal('assign'), ...targeted, role: z.enum(ROLES), person: mentionSchema }),
  z.object({ kind: z.literal('unassign'), ...targeted, role: z.enum(ROLES) }),
  z.object({
    kind: z.literal('impact'),
    ...targeted,
    component: text(LIMITS.component),
    impact: z.enum(IMPACTS).nullable(),
  }),
  z.object({
    kind: z.literal('action'),
    ...targeted,
    text: text(LIMITS.text),
    owner: mentionSchema.optional(),
    /** The calendar day it is due, `2026-12-01`. */
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  }),
  z.object({ kind: z.literal('actions'), incident: targeted.incident }),
  z.object({ kind: z.literal('done'), ...targeted, action: z.number().int().positive() }),
  z.object({ kind: z.literal('resolve'), ...targeted, message: z.string().trim().max(LIMITS.text) }),
  z.object({ kind: z.literal('reopen'), ...targeted, reason: z.string().trim().max(LIMITS.text) }),
  z.object({ kind: z.literal('timeline'), incident: targeted.incident }),
  z.object({ kind: z.literal('list') }),
  /** `reviewed`: the draft was reviewed, which ends the reminders about it. */
  z.object({ kind: z.literal('postmortem'), incident: targeted.incident, reviewed: z.literal(true).optional() }),
  /** Holds back the status update reminders of an incident for a while. */
  z.object({ kind: z.literal('snooze'), incident: targeted.incident, minutes: z.number().int().min(1).max(SNOOZE_MAX_MINUTES).optional() }),
  z.object({ kind: z.literal('stats'), days: z.union([z.literal(30), z.literal(90)]) }),
  z.object({ kind: z.literal('help'), topic: z.string().optional() }),
  z.object({ kind: z.literal('doctor') }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;
