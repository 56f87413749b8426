import type { KnownBlock } from '@slack/types';
import { roleTitle, severityLabel, STATUS_WORDS } from '../../../core/labels';
import type { IncidentCard, Message } from '../../../core/messages/message';
import { componentsLine, type RenderContext } from '../../../core/messages/render-text';
import { formatDateTime, formatTime } from '../../../core/time/format';
import { ROLES, type IncidentStatus } from '../../../core/types';
import { context, escapeMrkdwn, fieldsSection, header, oneLine, section } from './slack-text';

/** Blocks about one incident: its pinned card, announcements, status updates, notices, resolution. */

export const STATUS_EMOJI: Record<IncidentStatus, string> = {
  investigating: ':mag:',
  identified: ':bulb:',
  monitoring: ':eyes:',
  resolved: ':white_check_mark:',
};

/** Green once resolved, amber while monitoring or for a minor incident, red for sev1 and sev2. */
export function stateEmoji(card: IncidentCard): string {
  if (card.status === 'resolved') return ':large_green_circle:';
  if (card.status === 'monitoring' || card.severity === 'sev3' || card.severity === 'sev4') return ':large_orange_circle:';
  return ':red_circle:';
}

/** "*INC-42* Checkout is failing" with the title escaped. */
export function incidentRef(card: IncidentCard): string {
  return `*INC-${card.number}* ${escapeMrkdwn(oneLine(card.title))}`;
}

export function summaryBlocks(c: IncidentCard): KnownBlock[] {
  const state = [`*${severityLabel(c.severity)}*`, STATUS_WORDS[c.status], ...(c.private ? [':lock: Private'] : [])];
  const roles = ROLES.map((role) => ({ label: roleTitle(role), value: c.roles.find((r) => r.role === role)?.name ?? 'unassigned' }));
  const fields = [
    ...roles,
    { label: 'Components', value: componentsLine(c) },
    { label: 'Started', value: formatDateTime(new Date(c.startedAt), c.zone) },
    ...(c.resolvedAt ? [{ label: 'Resolved', value: formatDateTime(new Date(c.resolvedAt), c.zone) }] : []),
  ];
  return [
    header(`${stateEmoji(c)} INC-${c.number}: ${oneLine(c.title)}`),
    context(state.join(' · ')),
    ...(c.summary.trim() ? [section(escapeMrkdwn(c.summary))] : []),
    fieldsSection(fields),
  ];
}

export function announcementBlocks(m: Extract<Message, { type: 'announcement' }>, ctx: RenderContext): KnownBlock[] {
  const c = m.incident;
  const [emoji, verb] = m.event === 'declared' ? [':rotating_light:', 'declared'] : [':repeat:', 'reopened'];
  const where = conversationMention(ctx);
  return [
    section(`${emoji} *INC-${c.number} ${verb}* by ${escapeMrkdwn(m.author)} · *${severityLabel(c.severity)}*\n${escapeMrkdwn(oneLine(c.title))}`),
    ...(c.summary.trim() ? [section(escapeMrkdwn(c.summary))] : []),
    context(`Components: ${escapeMrkdwn(componentsLine(c))}`, ...(where ? [`Follow it in ${where}`] : [])),
  ];
}

/**
 * The incident conversation as Slack shows it: `<#C123>` for a channel id, our link with the
 * channel name as its label, else the bare name; null when nothing is known.
 */
export function conversationMention(ctx: RenderContext): string | null {
  const conv = ctx.incidentConversation;
  if (!conv) return null;
  const id = conv.externalId ?? conv.link;
  if (id && /^[CG][A-Z0-9]{5,}$/.test(id)) return `<#${id}>`;
  const name = conv.name ? escapeMrkdwn(conv.name.startsWith('#') ? conv.name : `#${conv.name}`) : null;
  if (conv.link) return `<${conv.link.replace(/[|<>\s]/g, encodeURIComponent)}|${name ?? escapeMrkdwn(conv.link)}>`;
  return name;
}

export function statusUpdateBlocks(m: Extract<Message, { type: 'status_update' }>): KnownBlock[] {
  const c = m.incident;
  const at = formatTime(new Date(m.at), c.zone);
  return [
    section(`${STATUS_EMOJI[m.status]} *${STATUS_WORDS[m.status]}* · ${incidentRef(c)}`),
    section(escapeMrkdwn(m.message)),
    context(
      [`*${severityLabel(c.severity)}*`, `Components: ${escapeMrkdwn(componentsLine(c))}`, `Posted by ${escapeMrkdwn(m.author)} at ${at}`].join(' · '),
    ),
  ];
}

export function noticeBlocks(m: Extract<Message, { type: 'notice' }>): KnownBlock[] {
  const verb = m.kind === 'note' ? 'noted: ' : '';
  return [context(`${formatTime(new Date(m.at), m.zone)} · *${escapeMrkdwn(m.author)}* · ${verb}${escapeMrkdwn(m.text)}`)];
}

export function resolutionBlocks(m: Extract<Message, { type: 'resolution' }>): KnownBlock[] {
  const c = m.incident;
  return [
    section(`${STATUS_EMOJI.resolved} *Resolved* · ${incidentRef(c)}`),
    ...(m.message.trim() ? [section(escapeMrkdwn(m.message))] : []),
    fieldsSection(m.facts),
  ];
}
