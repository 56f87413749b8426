/** The document around every page: title, viewport, the inline stylesheet, and a simple message page. */
import { html, raw, type HtmlValue, type SafeHtml } from './html';
import { STYLES } from './styles';

export interface LayoutOptions {
  title: string;
  body: HtmlValue;
  /** Internal pages: never indexed. */
  noindex?: boolean;
  /** Extra `<link>` elements (feeds). */
  head?: SafeHtml;
}

export function layout({ title, body, noindex = false, head }: LayoutOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${noindex ? raw('<meta name="robots" content="noindex, nofollow">') : ''}
${head}
<style>${raw(STYLES)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A short page that says one thing: not found, link expired, something went wrong. */
export function messagePage(title: string, sentence: HtmlValue, home?: string): SafeHtml {
  return layout({
    title,
    noindex: true,
    body: html`<div class="card"><h1 style="font-size:1.3rem;margin-top:0">${title}</h1><p>${sentence}</p>${
      home ? html`<p><a href="${home}">Go to the status page</a></p>` : ''
    }</div>`,
  });
}
