import { html, Html } from '../html.js';

const NAV: Array<[string, string]> = [
  ['/', 'Articles'],
  ['/search', 'Search'],
  ['/entities', 'Speakers & entities'],
  ['/timeline', 'Timeline'],
  ['/issues', 'Issues'],
  ['/analyze', 'Analyse'],
];

/** Every page: the same head, navigation and scripts; `json` names the page's JSON twin. */
export function page(title: string, body: Html, options: { json?: string; scripts?: string[]; active?: string } = {}): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · parley</title>
<link rel="stylesheet" href="/static/app.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/">parley</a>
  <nav aria-label="Main">${NAV.map(
    ([href, label]) => html`<a href="${href}"${options.active === href ? new Html(' aria-current="page"') : ''}>${label}</a>`,
  )}</nav>
  ${options.json ? html`<a class="json-twin" href="${options.json}">JSON</a>` : ''}
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
${(options.scripts ?? []).map((s) => html`<script src="${s}" defer></script>`)}
<script src="/static/app.js" defer></script>
</body>
</html>`.value;
}
