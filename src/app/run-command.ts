import { randomUUID } from 'node:crypto';
import type { Command } from '../core/command/command';
import { helpText } from '../core/command/help';
import { parseCommand } from '../core/command/parse';
import { validateCommand } from '../core/command/validate';
import { isSitrepError } from '../core/errors';
import { assignRole } from '../core/incident/assign-role';
import { authorize } from '../core/incident/authorize';
import { changeSeverity, changeSummary, changeTitle } from '../core/incident/change-details';
import { addAction, completeAction } from '../core/incident/follow-up-actions';
import { postStatusUpdate } from '../core/incident/post-status-update';
import { recordNote } from '../core/incident/record-note';
import { reopenIncident } from '../core/incident/reopen-incident';
import { postmortemOf, resolveIncident } from '../core/incident/resolve-incident';
import { reviewPostmortem } from '../core/incident/review-postmortem';
import { setComponentImpact } from '../core/incident/set-component-impact';
import { unassignRole } from '../core/incident/unassign-role';
import { appendFact, changeIncident } from './change-incident';
import type { AppDeps, CommandContext, CommandResult } from './context';
import { declareIncident } from './declare-incident';
import { readIncident } from './read-incident';
import { showStats } from './reminders/show-stats';
import { snoozeReminders } from './reminders/snooze-reminders';
import { showDeliveryHealth } from './show-delivery-health';

/** One line of the command language, from any platform, to the answer its author sees. */
export function runCommand(deps: AppDeps, text: string, ctx: CommandContext): Promise<CommandResult> {
  return handled(deps, ctx, () => parseCommand(text));
}

/** A command built from a submitted form (Slack modal, Teams card), checked by the same rules. */
export function runTypedCommand(deps: AppDeps, raw: unknown, ctx: CommandContext): Promise<CommandResult> {
  return handled(deps, ctx, () => validateCommand(raw));
}

/** Runs one command under a correlation id that its log line and any error reply share. */
async function handled(deps: AppDeps, ctx: CommandContext, read: () => Command): Promise<CommandResult> {
  const started = performance.now();
  const correlationId = randomUUID().slice(0, 8);
  let kind = 'invalid';
  let result: CommandResult;
  try {
    const cmd = read();
    kind = cmd.kind;
    result = await execute(deps, cmd, ctx);
  } catch (err) {
    result = failure(deps, err, ctx, correlationId);
  }
  const seconds = (performance.now() - started) / 1000;
  const outcome = result.ok ? 'ok' : result.code === 'storage_unavailable' || result.code === 'internal' ? 'failed' : 'refused';
  deps.onCommand?.(ctx.actor.platform, kind, outcome, seconds);
  deps.log.info(
    { correlationId, platform: ctx.actor.platform, workspace: ctx.workspace, actor: ctx.actor.id, command: kind, outcome, code: result.code, ms: Math.round(seconds * 1000) },
    'command',
  );
  return result;
}

async function execute(deps: AppDeps, cmd: Command, ctx: CommandContext): Promise<CommandResult> {
  const result = await dispatch(deps, cmd, ctx);
  if (result.ok && !result.duplicate) deps.onQueued();
  return result;
}

function dispatch(deps: AppDeps, cmd: Command, ctx: CommandContext): Promise<CommandResult> {
  const { settings, directory } = deps;
  switch (cmd.kind) {
    case 'help':
      return Promise.resolve({ ok: true, text: helpText(cmd.topic) });
    case 'doctor':
      return showDeliveryHealth(deps);
    case 'declare':
      return declareIncident(deps, cmd, ctx);
    case 'list':
    case 'timeline':
    case 'actions':
      return readIncident(deps, cmd, ctx);
    case 'note':
      return appendFact(deps, cmd, ctx, (incident, d) => recordNote(incident, cmd, d));
    case 'update':
      if (cmd.status === 'resolved') {
        return changeIncident(deps, cmd, ctx, async ({ incident, record }, d) => {
          authorize(incident, ctx.actor, 'resolve', settings.policies);
          return resolveIncident(await record(), { kind: 'resolve', message: cmd.message }, d);
        });
      }
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => {
        authorize(incident, ctx.actor, 'update', settings.policies);
        return postStatusUpdate(incident, cmd, d);
      });
    case 'resolve':
      return changeIncident(deps, cmd, ctx, async ({ incident, record }, d) => {
        authorize(incident, ctx.actor, 'resolve', settings.policies);
        return resolveIncident(await record(), cmd, d);
      });
    case 'reopen':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => reopenIncident(incident, cmd, d));
    case 'severity':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => changeSeverity(incident, cmd, d));
    case 'title':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => changeTitle(incident, cmd, d));
    case 'summary':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => changeSummary(incident, cmd, d));
    case 'impact':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => setComponentImpact(incident, cmd, settings.components, d));
    case 'assign':
      return directory
        .lookup(ctx.actor.platform, cmd.person)
        .then((person) => changeIncident(deps, cmd, ctx, ({ incident }, d) => assignRole(incident, cmd, person, d)));
    case 'action':
      return (cmd.owner ? directory.lookup(ctx.actor.platform, cmd.owner) : Promise.resolve(null)).then((owner) =>
        changeIncident(deps, cmd, ctx, async ({ incident, tx }, d) => addAction(incident, await tx.actions(incident.id), cmd, owner, d)),
      );
    case 'done':
      return changeIncident(deps, cmd, ctx, async ({ incident, tx }, d) => completeAction(incident, await tx.actions(incident.id), cmd, d));
    case 'unassign':
      return changeIncident(deps, cmd, ctx, ({ incident }, d) => unassignRole(incident, cmd, d));
    case 'snooze':
      return snoozeReminders(deps, cmd, ctx);
    case 'stats':
      return showStats(deps, cmd, ctx);
    case 'postmortem':
      if (cmd.reviewed) return changeIncident(deps, cmd, ctx, async ({ record }, d) => reviewPostmortem(await record(), d));
      return changeIncident(deps, cmd, ctx, async ({ record }) => {
        const r = await record();
        return {
          incident: r.incident,
          entries: [],
          actions: [],
          outgoing: [postmortemOf(r)],
          reply: `Posted a fresh postmortem draft of INC-${r.incident.number} in its conversation.`,
        };
      });
  }
}

const STORAGE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|CONNECT_TIMEOUT|CONNECTION_(CLOSED|ENDED|DESTROYED)|08\w{3}|57P0[1-3])$/;

export function isStorageFailure(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && STORAGE_CODES.test(code)) return true;
  }
  return false;
}

function failure(deps: AppDeps, err: unknown, ctx: CommandContext, correlationId: string): CommandResult {
  if (isSitrepError(err)) return { ok: false, code: err.code, text: err.message, ...(err.field ? { field: err.field } : {}) };
  if (isStorageFailure(err)) {
    deps.log.error({ err, correlationId, actor: ctx.actor.id }, 'database unavailable while handling a command');
    return { ok: false, code: 'storage_unavailable', text: `Could not record that: the database is not answering. Nothing was saved; try again in a moment (ref ${correlationId}).` };
  }
  deps.log.error({ err, correlationId, actor: ctx.actor.id }, 'command failed unexpectedly');
  return { ok: false, code: 'internal', text: `Something went wrong on our side and nothing was saved; try again, and quote ref ${correlationId} if it keeps happening.` };
}
