import type { SlackRoutes } from '../slack-routes';
import type { AppDeps } from '../../../app/context';
import { runCommand } from '../../../app/run-command';
import { incidentCardFor } from '../../../app/read-incident';
import { formRequest } from '../../../core/command/form-request';
import { declareModal, updateModal } from '../blocks/views';
import type { SlackDirectory } from '../slack-directory';
import { within } from '../../../app/within';
import { ephemeral, slackContext } from '../slack-context';

/** Answer within this long, well inside Slack's 3 s; slower work answers via response_url. */
export const ACK_BUDGET_MS = 2_000;

/** `/incident …`: the command language, or a modal for a bare `declare` / `update`. */
export function registerSlashCommand(app: SlackRoutes, deps: AppDeps, directory: SlackDirectory): void {
  app.command('/incident', async ({ command, ack, respond, client, logger }) => {
    const who = { userId: command.user_id, userName: command.user_name, teamId: command.team_id, channelId: command.channel_id };
    const modal = formRequest(command.text);
    if (modal) {
      await ack();
      const metadata = JSON.stringify({ channel: command.channel_id });
      try {
        if (modal.form === 'declare') {
          const view = declareModal({ components: deps.settings.components, defaultSeverity: deps.settings.defaultSeverity, privateMetadata: metadata });
          await client.views.open({ trigger_id: command.trigger_id, view });
          return;
        }
        const ctx = await slackContext(directory, who);
        const card = await incidentCardFor(deps, ctx, modal.incident);
        if (!card.ok) {
          await respond(ephemeral(card.result));
          return;
        }
        const forIncident = JSON.stringify({ channel: command.channel_id, incident: card.card.number });
        await client.views.open({ trigger_id: command.trigger_id, view: updateModal({ incident: card.card, privateMetadata: forIncident }) });
      } catch (err) {
        logger.warn(`could not open the ${modal.form} form: ${(err as Error).message}`);
        await respond({ response_type: 'ephemeral', text: 'Slack did not open the form in time; type the command with its arguments instead, e.g. "/incident declare sev2 Checkout is failing".' });
      }
      return;
    }
    const work = slackContext(directory, who).then((ctx) => runCommand(deps, command.text, ctx));
    const result = await within(work, ACK_BUDGET_MS);
    if (result) {
      await ack(ephemeral(result));
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Recording that… I will confirm here in a moment.' });
    await respond(ephemeral(await work));
  });
}
