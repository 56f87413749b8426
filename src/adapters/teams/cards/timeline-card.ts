import type { IncidentCard, TimelineLine } from '../../../core/messages/message';
import { headline } from '../../../core/messages/render-text';
import { formatDate, formatTime } from '../../../core/time/format';
import {
  adaptiveCard,
  appendWithin,
  heading,
  row,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Column,
  type ColumnSet,
  type ContainerStyle,
  type TextRun,
} from './adaptive-card';

/** Timeline entries shown in one card at most (fewer when long ones fill CARD_BYTE_BUDGET). */
export const TIMELINE_LIMIT = 100;

/** Relative widths of time | author | what: the same in every row, so the columns line up. */
const WIDTHS = [2, 3, 9] as const;

/** TextRuns are not Markdown but still expand `{{DATE(…)}}`: break such braces invisibly. */
function run(text: string, style: Omit<TextRun, 'type' | 'text'>): TextRun {
  return { type: 'TextRun', text: text.replace(/\{\{/g, '{\u2060{'), ...style };
}

function entryRow(line: TimelineLine, zone: string): ColumnSet {
  const time = formatTime(new Date(line.at), zone);
  const what = `${line.kind.replace(/_/g, ' ')}: ${line.text}`;
  if (!line.retracted) {
    return row([
      [time, WIDTHS[0], { isSubtle: true }],
      [line.author, WIDTHS[1], { weight: 'Bolder' }],
      [what, WIDTHS[2], {}],
    ]);
  }
  // A retracted entry stays readable but struck through; TextRun is the only way to strike text.
  const struck = (text: string): TextRun => run(text, { strikethrough: true, isSubtle: true });
  const cell = (width: Column['width'], inlines: TextRun[]): Column => ({ type: 'Column', width, items: [{ type: 'RichTextBlock', inlines }] });
  return {
    type: 'ColumnSet',
    columns: [
      cell(WIDTHS[0], [struck(time)]),
      cell(WIDTHS[1], [struck(line.author)]),
      cell(WIDTHS[2], [struck(what), run(' (retracted)', { isSubtle: true, italic: true })]),
    ],
  };
}

/** The headline, then the entries under a heading for each day, all in the incident's zone. */
export function timelineCard(c: IncidentCard, lines: TimelineLine[], style: ContainerStyle): AdaptiveCard {
  const card = adaptiveCard([{ type: 'Container', style, bleed: true, items: [heading(headline(c), 'Medium')] }]);
  if (!lines.length) card.body.push(textBlock('Nothing recorded yet.', { isSubtle: true }));
  let day = '';
  appendWithin(card, lines, TIMELINE_LIMIT, (line) => {
    const date = formatDate(new Date(line.at), c.zone);
    const elements: CardElement[] = date === day ? [] : [textBlock(date, { weight: 'Bolder', spacing: 'Medium' })];
    day = date;
    return [...elements, entryRow(line, c.zone)];
  });
  return card;
}
