/**
 * The slice of the Adaptive Card 1.5 schema Sitrep sends to Teams, as plain JSON, and the
 * helpers every card is built with. Nothing here imports botbuilder.
 */

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextBlock {
  type: 'TextBlock';
  /** Rendered as a Markdown subset: user text must go through `escapeMarkdown`. */
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: TextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
  spacing?: Spacing;
  separator?: boolean;
}

/** A run of a RichTextBlock: never parsed as Markdown, so its text is shown as it is. */
export interface TextRun {
  type: 'TextRun';
  text: string;
  strikethrough?: boolean;
  isSubtle?: boolean;
  italic?: boolean;
  weight?: 'Lighter' | 'Default' | 'Bolder';
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: Spacing;
}

/** Fact titles and values are rendered as Markdown too. */
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | `${number}px` | number;
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
  separator?: boolean;
}

interface InputBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
  spacing?: Spacing;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  placeholder?: string;
  value?: string;
  maxLength?: number;
  isMultiline?: boolean;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  /** Selected value(s); several are joined with commas. */
  value?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
}

export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: string;
  valueOn?: string;
  valueOff?: string;
}

export type CardInput = InputText | InputChoiceSet | InputToggle;
export type CardElement = TextBlock | RichTextBlock | FactSet | Container | ColumnSet | CardInput;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /** Merged with the inputs' values into `activity.value` when the card is submitted. */
  data?: Record<string, unknown>;
  style?: 'default' | 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = SubmitAction | OpenUrlAction;

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Teams-only: the whole width of the conversation, and who the card @mentions. */
  msteams?: { width: 'Full'; entities?: MentionEntity[] };
}

/** A Teams @mention: `text` appears as it is in a TextBlock of the card and notifies `mentioned`. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Ids Teams can notify: a Bot Framework user id (`29:…`) or a Microsoft Entra object id. */
const MENTIONABLE = /^(29:\S+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * People named in a TextBlock, as Markdown: an @mention for each one Teams can notify (listed in
 * `entities`, which go in the card's `msteams`), the escaped name for anyone else.
 */
export function peopleLine(people: readonly { id: string; name: string }[]): { text: string; entities: MentionEntity[] } {
  const entities: MentionEntity[] = [];
  const names = people.map((p) => {
    if (!MENTIONABLE.test(p.id)) return escapeMarkdown(p.name);
    // The tag holds the name as Teams shows it; only what would end the tag early is dropped.
    const text = `<at>${p.name.replace(/[<>]/g, '')}</at>`;
    entities.push({ type: 'mention', text, mentioned: { id: p.id, name: p.name } });
    return text;
  });
  return { text: names.join(', '), entities };
}

export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): AdaptiveCard {
  const card: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', body, msteams: { width: 'Full' } };
  if (actions.length) card.actions = actions;
  return card;
}

/** Characters with a Markdown meaning anywhere in a line (`\` first, so escapes can't be undone). */
const ANYWHERE = /[\\*_[\]()#>`~<]/g;
/** List markers and setext underlines mean something only at the start of a line. */
const LINE_START_MARK = /^([ \t]*)([-+=])/gm;
/** "1. item" is a numbered list; "1) item" is covered by escaping ")". */
const LINE_START_NUMBER = /^([ \t]*\d+)\./gm;

/**
 * Text typed by a person, made safe for a TextBlock or a Fact: every character with a meaning
 * in the Adaptive Card Markdown subset is backslash-escaped, so the reader sees exactly what was
 * typed — no bold, lists, headings, links (`[x](url)`, `<url>`), `<at>` mentions, or
 * `{{DATE(…)}}` functions. Line breaks are kept: a single newline would otherwise be folded
 * into a space, so each becomes a paragraph break.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ANYWHERE, (c) => `\\${c}`)
    .replace(LINE_START_MARK, '$1\\$2')
    .replace(LINE_START_NUMBER, '$1\\.')
    .replace(/\n/g, '\n\n');
}

/** A TextBlock of text that may hold user text: escaped and wrapped, always. */
export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(text), wrap: true, ...style };
}

export function heading(text: string, size: TextBlock['size'] = 'Large'): TextBlock {
  return textBlock(text, { size, weight: 'Bolder', style: 'heading' });
}

/** A row of cells, each one TextBlock of (escaped) text. */
export function row(cells: [text: string, width: Column['width'], style: Omit<TextBlock, 'type' | 'text' | 'wrap'>][]): ColumnSet {
  return { type: 'ColumnSet', columns: cells.map(([text, width, style]) => ({ type: 'Column', width, items: [textBlock(text, style)] })) };
}

/**
 * Bytes of card JSON one card may grow to. Teams refuses bot messages over its size limit
 * (documented as 40 KB for years, since raised), and the activity carries fallback text too.
 */
export const CARD_BYTE_BUDGET = 36_000;

const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Appends the elements of each item in turn while at most `limit` items are shown and the card
 * stays within CARD_BYTE_BUDGET, then says how many were left out: "… and 5 more".
 */
export function appendWithin<T>(card: AdaptiveCard, items: readonly T[], limit: number, build: (item: T) => CardElement[]): void {
  let size = byteSize(card) + 200; // room for the closing line
  let shown = 0;
  for (const item of items) {
    if (shown >= limit) break;
    const elements = build(item);
    const extra = elements.reduce((n, e) => n + byteSize(e) + 1, 0);
    if (size + extra > CARD_BYTE_BUDGET) break;
    card.body.push(...elements);
    size += extra;
    shown += 1;
  }
  if (shown < items.length) card.body.push(textBlock(`… and ${items.length - shown} more`, { isSubtle: true }));
}

export function factSet(facts: [title: string, value: string][]): FactSet {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title: escapeMarkdown(title), value: escapeMarkdown(value) })) };
}
