import type { KnownBlock } from '@slack/types';
import type { Message } from '../../../core/messages/message';
import { renderText, type RenderContext } from '../../../core/messages/render-text';
import {
  announcementBlocks,
  noticeBlocks,
  resolutionBlocks,
  statusUpdateBlocks,
  summaryBlocks,
} from './incident-blocks';
import { fitBlocks, SLACK_LIMITS, type FitOptions } from './limits';
import { actionsBlocks, incidentListBlocks, timelineBlocks } from './list-blocks';
import { reminderBlocks } from './reminder-blocks';
import { clip, escapeMrkdwn, section } from './slack-text';

export interface SlackMessage {
  /** The notification fallback: the plain-text rendering, escaped so it can't ping either. */
  text: string;
  blocks: KnownBlock[];
}

/** A core message as Block Kit, within Slack's limits. */
export function renderBlocks(message: Message, ctx: RenderContext = {}): SlackMessage {
  const { blocks, more } = build(message, ctx);
  return {
    text: clip(escapeMrkdwn(renderText(message, ctx)), SLACK_LIMITS.fallbackText),
    blocks: fitBlocks(blocks, more ? { more } : {}),
  };
}

function build(message: Message, ctx: RenderContext): { blocks: KnownBlock[]; more?: FitOptions['more'] } {
  switch (message.type) {
    case 'summary':
      return { blocks: summaryBlocks(message.incident) };
    case 'announcement':
      return { blocks: announcementBlocks(message, ctx) };
    case 'status_update':
      return { blocks: statusUpdateBlocks(message) };
    case 'notice':
      return { blocks: noticeBlocks(message) };
    case 'resolution':
      return { blocks: resolutionBlocks(message) };
    case 'postmortem':
      return {
        blocks: [
          section(
            `:memo: *Postmortem draft for INC-${message.incident}* · ${escapeMrkdwn(message.title)}\n` +
              `The draft is attached as \`${escapeMrkdwn(message.filename)}\`: every fact Sitrep recorded is in it; ` +
              'fill in the parts marked for people (root cause, lessons learned).',
          ),
        ],
      };
    case 'timeline':
      return timelineBlocks(message);
    case 'incident_list':
      return incidentListBlocks(message);
    case 'actions':
      return actionsBlocks(message);
    case 'reminder':
      return { blocks: reminderBlocks(message) };
    case 'text':
      return { blocks: paragraphs(escapeMrkdwn(message.text)).map(section) };
  }
}

/** Long text split at line breaks into sections Slack accepts, rather than cut. */
function paragraphs(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const next = current ? `${current}\n${line}` : line;
    if (next.length <= max || !current) current = next;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
