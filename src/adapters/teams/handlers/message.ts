import { TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppDeps, CommandContext, CommandResult } from '../../../app/context';
import { incidentCardFor } from '../../../app/read-incident';
import { runCommand, runTypedCommand } from '../../../app/run-command';
import { formRequest } from '../../../core/command/form-request';
import { adaptiveCard, textBlock } from '../cards/adaptive-card';
import { declareForm, readFormSubmission, updateForm, type FormSubmission } from '../cards/forms';
import { cardActivity, messageActivity, textActivity, type OutgoingActivity } from '../teams-activity';
import type { BotConnector } from '../teams-connector';
import { within } from '../../../app/within';
import { originOf, teamsContext } from '../teams-context';
import type { TeamsDirectory } from '../teams-directory';
import type { TeamsMemory } from '../teams-memory';

/** Answer within this long; slower work is acknowledged and answered when it is done. */
export const ACK_BUDGET_MS = 2_000;

export interface MessageEnv {
  deps: AppDeps;
  directory: TeamsDirectory;
  memory: TeamsMemory;
  connector: BotConnector;
  log: Logger;
  /** Work that goes on after its turn has ended (a slow command's late answer). */
  track(work: Promise<unknown>): void;
}

/**
 * A message to the bot: `@Sitrep <command>` in a channel or group chat, the same text in a
 * personal chat, or a submitted Sitrep form (Action.Submit: `activity.value`, no text). A bare
 * `declare` or `update` is answered with the form for it.
 */
export async function onMessage(turn: TurnContext, env: MessageEnv): Promise<void> {
  const activity = turn.activity;
  const submission = activity.value === undefined ? null : readFormSubmission(activity.value);
  const button = activity.value === undefined ? null : readButton(activity.value);
  if (activity.value !== undefined && !submission && !button) return; // a card that is not Sitrep's
  const origin = originOf(activity);
  if (origin && activity.from?.id) env.memory.rememberOrigin(activity.from.id, origin);

  if (submission) {
    await answer(turn, env, (ctx) => runTypedCommand(env.deps, commandOf(submission), ctx), true);
    return;
  }
  if (button?.action === 'snooze') {
    await answer(turn, env, (ctx) => runCommand(env.deps, `snooze INC-${button.incident}`, ctx), false);
    return;
  }
  const text = button ? '' : commandText(activity);
  const form = button ? ({ form: 'update', incident: button.incident } as const) : formRequest(text);
  if (!form) {
    await answer(turn, env, (ctx) => runCommand(env.deps, text, ctx), false);
    return;
  }
  const { settings } = env.deps;
  if (form.form === 'declare') {
    await reply(turn, env, cardActivity(declareForm({ components: settings.components, defaultSeverity: settings.defaultSeverity }), 'Declare an incident'));
    return;
  }
  await showUpdateForm(turn, env, form.incident);
}

/** The status update form for an incident (the one named, else the one of this conversation). */
async function showUpdateForm(turn: TurnContext, env: MessageEnv, incident: number | undefined): Promise<void> {
  const ctx = await teamsContext(env.deps, env.directory, turn.activity);
  const found = await incidentCardFor(env.deps, ctx, incident);
  const answerActivity = found.ok
    ? cardActivity(updateForm({ incident: found.card }), `Status update for INC-${found.card.number}`)
    : textActivity(found.result.text);
  await reply(turn, env, answerActivity);
}

/** The command line: the bot's own @mention removed; other `<at>…</at>` mentions kept for the parser. */
export function commandText(activity: Partial<Activity>): string {
  const text = TurnContext.removeRecipientMention(activity as Activity) ?? activity.text ?? '';
  return text.replace(/&nbsp;|\u00a0/g, ' ').trim();
}

/** The buttons of a reminder card: `{ sitrep: 'update-form' | 'snooze', incident }`. */
function readButton(value: unknown): { action: 'update-form' | 'snooze'; incident: number } | null {
  const v = value as { sitrep?: unknown; incident?: unknown } | null;
  if (typeof v !== 'object' || v === null || (v.sitrep !== 'update-form' && v.sitrep !== 'snooze')) return null;
  const incident = Number(v.incident);
  return Number.isSafeInteger(incident) && incident > 0 ? { action: v.sitrep, incident } : null;
}

/** A submitted form as the command it stands for; the core validates it like a typed one. */
function commandOf(s: FormSubmission): unknown {
  if (s.kind === 'declare') return { ...s };
  if (s.status === 'resolved') return { kind: 'resolve', incident: s.incident, message: s.message ?? '' };
  return { ...s };
}

/**
 * Runs a command and answers in the conversation it came from: within ACK_BUDGET_MS, else with
 * a short acknowledgement now and the answer when it is ready. A repeated activity is not
 * answered twice. A form that was accepted is replaced by the answer, so it cannot be sent again.
 */
async function answer(turn: TurnContext, env: MessageEnv, run: (ctx: CommandContext) => Promise<CommandResult>, fromForm: boolean): Promise<void> {
  const activity = turn.activity;
  const work = env.directory
    .withMentionsOf(activity, async () => run(await teamsContext(env.deps, env.directory, activity)))
    .catch((err: unknown): CommandResult => {
      env.log.error({ err }, 'teams command failed');
      return { ok: false, text: 'Something went wrong on our side and nothing was saved; try again in a moment.' };
    });
  const result = await within(work, ACK_BUDGET_MS);
  if (result) {
    if (result.duplicate) return;
    if (fromForm && result.ok && activity.replyToId && (await replaceForm(turn, env, activity.replyToId, result))) return;
    await reply(turn, env, resultActivity(result));
    return;
  }
  await reply(turn, env, textActivity('Recording that… I will confirm here in a moment.'));
  const reference = TurnContext.getConversationReference(activity);
  env.track(
    work.then(async (late) => {
      if (late.duplicate) return;
      await env.connector.send(reference, resultActivity(late)).catch((err: unknown) => {
        env.log.warn({ err: (err as Error).message }, 'could not send a late Teams answer');
      });
    }),
  );
}

function resultActivity(result: CommandResult): OutgoingActivity {
  return result.message ? messageActivity(result.message) : textActivity(result.text);
}

async function replaceForm(turn: TurnContext, env: MessageEnv, formId: string, result: CommandResult): Promise<boolean> {
  try {
    await turn.updateActivity({ id: formId, ...cardActivity(adaptiveCard([textBlock(result.text)]), result.text) } as Partial<Activity>);
    return true;
  } catch (err) {
    env.log.warn({ err: (err as Error).message }, 'could not replace a submitted Teams form');
    return false;
  }
}

/** Replies in the turn; a Bot Connector failure is logged (what the command did is recorded either way). */
async function reply(turn: TurnContext, env: MessageEnv, activity: OutgoingActivity): Promise<void> {
  try {
    await turn.sendActivity(activity as Partial<Activity>);
  } catch (err) {
    env.log.warn({ err: (err as Error).message }, 'could not answer in Teams');
  }
}
