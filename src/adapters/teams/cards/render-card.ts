import { roleTitle, severityLabel, STATUS_WORDS } from '../../../core/labels';
import { dueText, type IncidentCard, type Message } from '../../../core/messages/message';
import { componentsLine, headline, renderText, rolesLine, type RenderContext } from '../../../core/messages/render-text';
import { formatDateTime, formatTime } from '../../../core/time/format';
import { ROLES, type IncidentStatus, type Severity } from '../../../core/types';
import {
  adaptiveCard,
  appendWithin,
  escapeMarkdown,
  factSet,
  heading,
  peopleLine,
  row,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ContainerStyle,
  type TextBlock,
} from './adaptive-card';
import { timelineCard } from './timeline-card';

/**
 * Adaptive Cards (1.5) for every Sitrep message. Only `text` messages stay plain text: they are
 * the bot's own short replies (help, refusals). `notice` gets a one-line card, because a Teams
 * text message is rendered as Markdown too and a notice carries what people typed.
 */

/** Incidents and actions shown in one card at most (fewer when they fill CARD_BYTE_BUDGET). */
export const LIST_LIMIT = 50;
export const ACTIONS_LIMIT = 100;

export interface RenderedCard {
  /** For the notification and clients that can't show cards; plain text, not Markdown. */
  text: string;
  card: AdaptiveCard | null;
}

export function renderCard(message: Message, ctx: RenderContext = {}): RenderedCard {
  // The postmortem document travels as an attachment: the fallback names it rather than repeating it.
  const text =
    message.type === 'postmortem'
      ? `Postmortem draft for INC-${message.incident}: ${message.title} (${message.filename})`
      : renderText(message, ctx);
  return { text, card: cardFor(message, ctx) };
}

function cardFor(message: Message, ctx: RenderContext): AdaptiveCard | null {
  switch (message.type) {
    case 'summary':
      return summaryCard(message.incident);
    case 'announcement':
      return announcementCard(message, ctx);
    case 'status_update': {
      const c = message.incident;
      return adaptiveCard([
        styled(message.status, c.severity, [
          heading(STATUS_WORDS[message.status]),
          textBlock(`INC-${c.number} · ${c.title}`, { weight: 'Bolder', spacing: 'None' }),
        ]),
        textBlock(message.message),
        factSet([
          ['Severity', severityLabel(c.severity)],
          ['Components', componentsLine(c)],
        ]),
        textBlock(`Posted by ${message.author} at ${formatTime(new Date(message.at), c.zone)}`, { isSubtle: true, size: 'Small' }),
      ]);
    }
    case 'notice': {
      const verb = message.kind === 'note' ? 'noted: ' : '';
      return adaptiveCard([
        row([
          [formatTime(new Date(message.at), message.zone), 'auto', { isSubtle: true }],
          [`${message.author} ${verb}${message.text}`, 'stretch', {}],
        ]),
      ]);
    }
    case 'resolution': {
      const c = message.incident;
      const body: CardElement[] = [styled('resolved', c.severity, [heading(`Resolved · INC-${c.number} · ${c.title}`)])];
      if (message.message.trim()) body.push(textBlock(message.message));
      if (message.facts.length) body.push(factSet(message.facts.map((f) => [f.label, f.value])));
      return adaptiveCard(body);
    }
    case 'postmortem':
      return adaptiveCard([
        heading(`Postmortem draft · INC-${message.incident}`),
        textBlock(message.title, { weight: 'Bolder', spacing: 'None' }),
        textBlock(
          `The draft is attached as ${message.filename}. It is written from the timeline: check the facts, fill in the gaps, then share it.`,
        ),
      ]);
    case 'timeline':
      return timelineCard(message.incident, message.lines, statusStyle(message.incident.status, message.incident.severity));
    case 'incident_list':
      return incidentListCard(message.incidents);
    case 'actions':
      return actionsCard(message);
    case 'reminder': {
      // Submit data for the Teams message handler: { sitrep: 'update-form' | 'snooze', incident: <number> }.
      const actions: CardAction[] =
        message.kind === 'update_due'
          ? [
              { type: 'Action.Submit', title: 'Post update', style: 'positive', data: { sitrep: 'update-form', incident: message.incident } },
              { type: 'Action.Submit', title: 'Snooze 15 min', data: { sitrep: 'snooze', incident: message.incident } },
            ]
          : [];
      const to = peopleLine(message.to);
      const line: TextBlock = { type: 'TextBlock', text: `${to.text ? `${to.text}: ` : ''}${escapeMarkdown(message.text)}`, wrap: true };
      const card = adaptiveCard([textBlock(`Reminder · INC-${message.incident}`, { weight: 'Bolder', isSubtle: true }), line], actions);
      if (to.entities.length) card.msteams = { width: 'Full', entities: to.entities };
      return card;
    }
    case 'text':
      return null;
  }
}

/** Red while a sev1/sev2 is not yet mitigated, amber while anything else is open, green when resolved. */
export function statusStyle(status: IncidentStatus, severity: Severity): ContainerStyle {
  if (status === 'resolved') return 'good';
  const urgent = (status === 'investigating' || status === 'identified') && (severity === 'sev1' || severity === 'sev2');
  return urgent ? 'attention' : 'warning';
}

function styled(status: IncidentStatus, severity: Severity, items: CardElement[]): CardElement {
  return { type: 'Container', style: statusStyle(status, severity), bleed: true, items };
}

function incidentFacts(c: IncidentCard): [string, string][] {
  const facts: [string, string][] = [
    ['Severity', severityLabel(c.severity)],
    ['Status', STATUS_WORDS[c.status]],
    ...ROLES.map((role): [string, string] => [roleTitle(role), c.roles.find((r) => r.role === role)?.name ?? 'Not assigned']),
    ['Components', componentsLine(c)],
    ['Started', formatDateTime(new Date(c.startedAt), c.zone)],
  ];
  if (c.resolvedAt) facts.push(['Resolved', formatDateTime(new Date(c.resolvedAt), c.zone)]);
  if (c.private) facts.push(['Visibility', 'Private']);
  return facts;
}

function summaryCard(c: IncidentCard): AdaptiveCard {
  const items: CardElement[] = [heading(`INC-${c.number} · ${c.title}`)];
  if (c.summary) items.push(textBlock(c.summary));
  items.push(factSet(incidentFacts(c)));
  return adaptiveCard([styled(c.status, c.severity, items)]);
}

function announcementCard(message: Extract<Message, { type: 'announcement' }>, ctx: RenderContext): AdaptiveCard {
  const c = message.incident;
  const where = ctx.incidentConversation;
  const items: CardElement[] = [
    heading(`INC-${c.number} · ${c.title}`),
    textBlock(`${message.event === 'declared' ? 'Declared' : 'Reopened'} by ${message.author}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (c.summary) items.push(textBlock(c.summary));
  items.push(factSet(incidentFacts(c)));
  if (where?.name) items.push(textBlock(`Follow it in ${where.name}.`));
  const actions: CardAction[] = [];
  if (where?.link && /^https:\/\//i.test(where.link)) {
    actions.push({ type: 'Action.OpenUrl', title: where.name ? `Open ${where.name}` : 'Open the incident conversation', url: where.link });
  }
  return adaptiveCard([styled(c.status, c.severity, items)], actions);
}

function incidentListCard(incidents: IncidentCard[]): AdaptiveCard {
  if (!incidents.length) return adaptiveCard([heading('No open incidents.', 'Medium')]);
  const card = adaptiveCard([heading('Open incidents', 'Medium')]);
  appendWithin(card, incidents, LIST_LIMIT, (c) => [
    styled(c.status, c.severity, [
      textBlock(headline(c), { weight: 'Bolder' }),
      textBlock(rolesLine(c), { isSubtle: true, spacing: 'None' }),
      textBlock(`Components: ${componentsLine(c)} · Started ${formatDateTime(new Date(c.startedAt), c.zone)}`, { size: 'Small', spacing: 'None' }),
    ]),
  ]);
  return card;
}

function actionsCard(message: Extract<Message, { type: 'actions' }>): AdaptiveCard {
  const card = adaptiveCard([heading(`Actions of INC-${message.incident}`, 'Medium')]);
  if (!message.items.length) {
    card.body.push(textBlock(renderText(message), { isSubtle: true }));
    return card;
  }
  appendWithin(card, message.items, ACTIONS_LIMIT, (a) => {
    const due = dueText(a);
    const cells: Parameters<typeof row>[0] = [
      [`#${a.number}`, 'auto', { isSubtle: true }],
      [a.done ? 'Done' : 'Open', 'auto', { weight: 'Bolder', color: a.done ? 'Good' : 'Default' }],
      [a.text, 'stretch', {}],
      [a.owner ?? 'No owner', 'auto', { isSubtle: true }],
    ];
    if (due) cells.push([due, 'auto', a.overdue ? { color: 'Attention' } : { isSubtle: true }]);
    return [row(cells)];
  });
  return card;
}
