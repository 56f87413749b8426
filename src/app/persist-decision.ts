import type { Decision } from '../core/incident/decision';
import type { Incident } from '../core/types';
import type { AppSettings } from './context';
import type { IncidentTx } from './ports';

/**
 * Writes a decision inside the caller's transaction: the incident's new state, its new
 * timeline entries and action items, and one outbox row per message and conversation.
 * Announcements of a private incident go nowhere.
 */
export async function persistDecision(
  tx: IncidentTx,
  d: Decision,
  settings: AppSettings,
  opts: { inserted?: boolean; announceAfter?: string } = {},
): Promise<void> {
  if (!opts.inserted) await tx.saveIncident(d.incident);
  await tx.appendEntries(d.incident.id, d.entries);
  if (d.actions.length) await tx.saveActions(d.actions);
  if (d.outgoing.length === 0) return;
  const incidentConversations = await tx.conversationsOf(d.incident.id);
  const announcements = d.incident.private ? [] : await announcementConversations(tx, settings);
  for (const out of d.outgoing) {
    const targets = out.to === 'incident' ? incidentConversations : announcements;
    for (const conversation of targets) {
      const after = out.to === 'announcements' ? opts.announceAfter : undefined;
      const payload = { message: out.message, incidentId: d.incident.id };
      await tx.enqueue(conversation.id, out.key ? 'upsert' : 'post', payload, out.key ?? null, d.incident.updatedAt, after);
    }
  }
}

async function announcementConversations(tx: IncidentTx, settings: AppSettings) {
  const found = [];
  for (const a of settings.announcements) found.push(await tx.announcementConversation(a.platform, a.externalId, a.name));
  return found;
}

export function isVisibleTo(incident: Incident, viewer: { id: string }, conversation?: { inIncident: boolean }): boolean {
  return !incident.private || incident.members.includes(viewer.id) || Boolean(conversation?.inIncident);
}
