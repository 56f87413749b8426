import type { BlockButtonAction } from '@slack/bolt';
import type { SlackRoutes } from '../slack-routes';
import type { AppDeps } from '../../../app/context';
import { incidentCardFor } from '../../../app/read-incident';
import { runTypedCommand } from '../../../app/run-command';
import { REMINDER_ACTIONS } from '../blocks/reminder-blocks';
import { updateModal } from '../blocks/views';
import type { SlackDirectory } from '../slack-directory';
import { slackContext } from '../slack-context';

/**
 * The buttons of a status update reminder: "Post update" opens the update modal (its submission
 * is handled with the other modals), "Snooze 15 min" snoozes and answers only the clicker.
 */
export function registerReminderActions(app: SlackRoutes, deps: AppDeps, directory: SlackDirectory): void {
  const contextOf = (body: BlockButtonAction) =>
    slackContext(directory, {
      userId: body.user.id,
      userName: body.user.name ?? body.user.username,
      teamId: body.team?.id ?? body.user.team_id ?? '',
      channelId: body.channel?.id,
    });
  const incidentOf = (action: BlockButtonAction['actions'][number]) => {
    const n = Number(action.value);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };

  app.action<BlockButtonAction>(REMINDER_ACTIONS.postUpdate, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    const ctx = await contextOf(body);
    const card = await incidentCardFor(deps, ctx, incidentOf(action));
    if (!card.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: card.result.text });
      return;
    }
    const privateMetadata = JSON.stringify({ channel: body.channel?.id, incident: card.card.number });
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: updateModal({ incident: card.card, privateMetadata }) });
    } catch (err) {
      logger.warn(`could not open the update form: ${(err as Error).message}`);
      const text = `Slack did not open the form in time; type "/incident update INC-${card.card.number} <status> <message>" instead.`;
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  });

  app.action<BlockButtonAction>(REMINDER_ACTIONS.snooze, async ({ ack, body, action, respond }) => {
    await ack();
    const ctx = await contextOf(body);
    const result = await runTypedCommand(deps, { kind: 'snooze', incident: incidentOf(action) }, ctx);
    await respond({ response_type: 'ephemeral', replace_original: false, text: result.text });
  });
}
