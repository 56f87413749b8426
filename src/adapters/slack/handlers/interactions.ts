import type { SlackRoutes } from '../slack-routes';
import type { AppDeps, CommandResult } from '../../../app/context';
import { recordChatMessage } from '../../../app/record-chat-message';
import { runTypedCommand } from '../../../app/run-command';
import { isSitrepError } from '../../../core/errors';
import {
  DECLARE_CALLBACK_ID,
  DECLARE_INPUTS,
  declareModal,
  readDeclareSubmission,
  readUpdateSubmission,
  UPDATE_CALLBACK_ID,
  UPDATE_INPUTS,
} from '../blocks/views';
import type { SlackDirectory } from '../slack-directory';
import { slackContext, tsToDate } from '../slack-context';

interface FormOrigin {
  channel?: string;
  incident?: number;
}

/** Where a refused form's error is shown: beside the input at fault. */
const FIELD_BLOCKS: Record<string, string> = {
  title: DECLARE_INPUTS.title.block,
  severity: DECLARE_INPUTS.severity.block,
  components: DECLARE_INPUTS.components.block,
  summary: DECLARE_INPUTS.summary.block,
  status: UPDATE_INPUTS.status.block,
  message: UPDATE_INPUTS.message.block,
};

/** Shortcuts and modal submissions. A double-clicked submit is recorded once (the view id). */
export function registerInteractions(app: SlackRoutes, deps: AppDeps, directory: SlackDirectory): void {
  app.shortcut('declare_incident_shortcut', async ({ shortcut, ack, client }) => {
    await ack();
    const view = declareModal({ components: deps.settings.components, defaultSeverity: deps.settings.defaultSeverity, privateMetadata: '{}' });
    await client.views.open({ trigger_id: shortcut.trigger_id, view });
  });

  app.shortcut('add_to_timeline', async ({ shortcut, ack, client, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const channel = shortcut.channel.id;
    const ts = shortcut.message.ts;
    const ctx = await slackContext(directory, { userId: shortcut.user.id, userName: shortcut.user.name, teamId: shortcut.team?.id ?? '', channelId: channel });
    const author = await directory.user(shortcut.message.user ?? shortcut.user.id);
    const permalink = await client.chat.getPermalink({ channel, message_ts: ts }).then(
      (r) => r.permalink,
      () => undefined,
    );
    const result = await recordChatMessage(
      deps,
      { ref: `${channel}:${ts}`, text: shortcut.message.text ?? '', author: { id: author.id, name: author.name }, at: tsToDate(ts), permalink },
      ctx,
    ).catch((err: unknown): CommandResult => {
      if (isSitrepError(err)) return { ok: false, code: err.code, text: err.message };
      throw err;
    });
    if (result.ok && !result.duplicate) deps.onQueued();
    await respond({ response_type: 'ephemeral', text: result.text });
  });

  /** Who submitted a form, from where; the view id makes a double-clicked submit count once. */
  const formContext = (body: { user: { id: string; name: string; team_id?: string }; team: { id: string } | null }, viewId: string, origin: FormOrigin) =>
    slackContext(
      directory,
      { userId: body.user.id, userName: body.user.name, teamId: body.team?.id ?? body.user.team_id ?? '', channelId: origin.channel },
      { idempotencyKey: `slack:view:${viewId}` },
    );

  app.view(DECLARE_CALLBACK_ID, async ({ ack, body, view }) => {
    const origin = parseOrigin(view.private_metadata);
    const form = readDeclareSubmission(view.state.values);
    const ctx = await formContext(body, view.id, origin);
    const result = await runTypedCommand(deps, { kind: 'declare', ...form, components: form.components }, { ...ctx, conversation: undefined });
    await ack(answer(result, DECLARE_INPUTS.title.block));
  });

  app.view(UPDATE_CALLBACK_ID, async ({ ack, body, view }) => {
    const origin = parseOrigin(view.private_metadata);
    const form = readUpdateSubmission(view.state.values);
    const ctx = await formContext(body, view.id, origin);
    const raw = form.status === 'resolved' ? { kind: 'resolve', incident: origin.incident, message: form.message } : { kind: 'update', incident: origin.incident, ...form };
    await ack(answer(await runTypedCommand(deps, raw, ctx), UPDATE_INPUTS.message.block));
  });
}

/** Closes the modal on success; otherwise keeps it open with the sentence beside the field at fault. */
function answer(result: CommandResult, fallbackBlock: string): { response_action: 'errors'; errors: Record<string, string> } | undefined {
  if (result.ok) return undefined;
  const block = (result.field && FIELD_BLOCKS[result.field]) || (result.code === 'unknown_component' ? DECLARE_INPUTS.components.block : fallbackBlock);
  return { response_action: 'errors', errors: { [block]: result.text } };
}

function parseOrigin(metadata: string | undefined): FormOrigin {
  try {
    const parsed = JSON.parse(metadata || '{}') as FormOrigin;
    return { channel: typeof parsed.channel === 'string' ? parsed.channel : undefined, incident: typeof parsed.incident === 'number' ? parsed.incident : undefined };
  } catch {
    return {};
  }
}
