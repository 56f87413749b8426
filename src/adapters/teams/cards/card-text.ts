import type { AdaptiveCard, CardElement } from './adaptive-card';

/**
 * What a reader of a card sees, line by line, for tests and logs: TextBlock text with its
 * Markdown escapes resolved, facts as "Title: value", rich text runs joined, input labels and
 * action titles. Escaped text reads back exactly as typed.
 */
export function visibleText(card: AdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (elements: CardElement[]): void => {
    for (const e of elements) {
      switch (e.type) {
        case 'TextBlock':
          out.push(unescapeMarkdown(e.text));
          break;
        case 'RichTextBlock':
          out.push(e.inlines.map((r) => r.text).join(''));
          break;
        case 'FactSet':
          for (const f of e.facts) out.push(`${unescapeMarkdown(f.title)}: ${unescapeMarkdown(f.value)}`);
          break;
        case 'Container':
          walk(e.items);
          break;
        case 'ColumnSet': {
          const cells: string[] = [];
          for (const column of e.columns) {
            const inner = visibleText({ ...card, body: column.items, actions: [] });
            cells.push(inner.join(' '));
          }
          out.push(cells.join(' | '));
          break;
        }
        case 'Input.Toggle':
          out.push(e.label ? `${e.label}: ${e.title}` : e.title);
          break;
        default:
          if (e.label) out.push(e.label);
      }
    }
  };
  walk(card.body);
  for (const action of card.actions ?? []) out.push(`[${action.title}]`);
  return out;
}

/** The inverse of `escapeMarkdown`: backslash escapes resolved, paragraph breaks back to newlines. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\n\n/g, '\n').replace(/\\(.)/gs, '$1');
}
