import type { Decision } from '../core/incident/decision';
import type { Incident } from '../core/types';
import type { AppSettings } from './context';
import type { IncidentTx, QueuedDelivery } from './ports';

/**
 * Writes a decision inside the caller's transaction: the incident's new state, its new
 * timeline entries and action items, and one outbox row per message and conversation.
 * Announcements of a private incident go nowhere.
 */
export async function persistDecision(
  tx: IncidentTx,
  d: Decision,
  settings: AppSettings,
  opts: { now: Date; before?: Incident; inserted?: boolean; announceAfter?: string },
): Promise<void> {
  if (!opts.inserted && d.incident !== opts.before) await tx.saveIncident(d.incident);
  await tx.appendEntries(d.incident.id, d.entries);
  if (d.actions.length) await tx.saveActions(d.actions);
  if (d.outgoing.length === 0) return;
  const incidentConversations = await tx.conversationsOf(d.incident.id);
  const announcing = !d.incident.private && d.outgoing.some((o) => o.to === 'announcements');
  const announcements = announcing ? await announcementConversations(tx, settings) : [];
  const rows: QueuedDelivery[] = [];
  for (const out of d.outgoing) {
    const targets = out.to === 'incident' ? incidentConversations : announcements;
    for (const conversation of targets) {
      rows.push({
        conversationId: conversation.id,
        op: out.key ? 'upsert' : 'post',
        payload: { message: out.message, incidentId: d.incident.id },
        key: out.key ?? null,
        at: opts.now,
        after: out.to === 'announcements' ? opts.announceAfter : undefined,
      });
    }
  }
  await tx.enqueueMany(rows);
}

async function announcementConversations(tx: IncidentTx, settings: AppSettings) {
  const found = [];
  for (const a of settings.announcements) found.push(await tx.announcementConversation(a.platform, a.externalId, a.name));
  return found;
}

export function isVisibleTo(incident: Incident, viewer: { id: string }, conversation?: { inIncident: boolean }): boolean {
  return !incident.private || incident.members.includes(viewer.id) || Boolean(conversation?.inIncident);
}
