import { IMPACT_WORDS, roleTitle, STATUS_WORDS } from '../labels';
import { formatDateTime, formatTime } from '../time/format';
import { dueText, type IncidentCard, type Message } from './message';

/** Where an incident lives on the platform the message goes to, when known. */
export interface RenderContext {
  incidentConversation?: { externalId?: string | null; name: string | null; link: string | null };
}

export function headline(card: IncidentCard): string {
  return `INC-${card.number} · ${card.severity.toUpperCase()} · ${STATUS_WORDS[card.status]} — ${card.title}`;
}

export function rolesLine(card: IncidentCard): string {
  return card.roles.length ? card.roles.map((r) => `${roleTitle(r.role)}: ${r.name}`).join(' · ') : 'No commander yet';
}

export function componentsLine(card: IncidentCard): string {
  return card.components.length ? card.components.map((c) => `${c.name} (${IMPACT_WORDS[c.impact]})`).join(', ') : 'none recorded';
}

/** Plain text for the console, notifications and platform fallbacks. */
export function renderText(message: Message, ctx: RenderContext = {}): string {
  switch (message.type) {
    case 'summary': {
      const c = message.incident;
      const lines = [headline(c), rolesLine(c), `Components: ${componentsLine(c)}`, `Started ${formatDateTime(new Date(c.startedAt), c.zone)}`];
      if (c.summary) lines.splice(1, 0, c.summary);
      return lines.join('\n');
    }
    case 'announcement': {
      const c = message.incident;
      const where = ctx.incidentConversation?.name ? ` Follow it in ${ctx.incidentConversation.name}.` : '';
      const verb = message.event;
      return `INC-${c.number} ${verb} by ${message.author} (${c.severity.toUpperCase()}): ${c.title}.${where}`;
    }
    case 'status_update': {
      const c = message.incident;
      return [
        `${STATUS_WORDS[message.status]} — INC-${c.number}: ${c.title}`,
        message.message,
        `${c.severity.toUpperCase()} · Components: ${componentsLine(c)} · Posted by ${message.author} at ${formatTime(new Date(message.at), c.zone)}`,
      ].join('\n');
    }
    case 'notice':
      return `${formatTime(new Date(message.at), message.zone)} ${message.author} ${noticeVerb(message.kind)}${message.text}`;
    case 'resolution': {
      const c = message.incident;
      return [`Resolved INC-${c.number}: ${message.message}`, ...message.facts.map((f) => `${f.label}: ${f.value}`)].join('\n');
    }
    case 'postmortem':
      return `Postmortem draft for INC-${message.incident} (${message.filename}):\n\n${message.markdown}`;
    case 'timeline': {
      const c = message.incident;
      const lines = message.lines.map((l) => {
        const text = `${formatDateTime(new Date(l.at), c.zone)} · ${l.author} · ${l.kind.replace(/_/g, ' ')}: ${l.text}`;
        return l.retracted ? `${text} (retracted)` : text;
      });
      return [headline(c), ...(lines.length ? lines : ['Nothing recorded yet.'])].join('\n');
    }
    case 'incident_list':
      return message.incidents.length
        ? ['Open incidents:', ...message.incidents.map((c) => `${headline(c)} (${rolesLine(c)})`)].join('\n')
        : 'No open incidents.';
    case 'actions':
      return message.items.length
        ? [
            `Actions of INC-${message.incident}:`,
            ...message.items.map((a) => {
              const due = dueText(a);
              return `#${a.number} [${a.done ? 'done' : 'open'}] ${a.text}${a.owner ? ` (${a.owner})` : ''}${due ? `, ${due}` : ''}`;
            }),
          ].join('\n')
        : `INC-${message.incident} has no actions yet; add one with "/incident action <text> @owner".`;
    case 'reminder': {
      const to = message.to.length ? `${message.to.map((p) => `@${p.name}`).join(' ')}: ` : '';
      const reply = message.kind === 'update_due' ? `\n(reply: /incident update … or /incident snooze INC-${message.incident})` : '';
      return `${to}${message.text}${reply}`;
    }
    case 'text':
      return message.text;
  }
}

function noticeVerb(kind: string): string {
  return kind === 'note' ? 'noted: ' : '';
}
