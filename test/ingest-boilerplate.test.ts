import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileBoilerplate, defaultLexiconPath, markBoilerplate, type BoilerplateLexicon } from '../src/ingest/boilerplate.js';
import { collect, example } from './ingest-helpers.js';

function marked(text: string): string[] {
  return markBoilerplate(text).map((s) => text.slice(s.start, s.end));
}

test('menus, bylines, related-headline lists and page furniture on their own lines are marked', () => {
  const text = [
    'Home | World | Politics | Business | Sport',
    'By Jane Roe and Ali Khan | Updated 3 hours ago',
    'Ministers met in Geneva on Monday to discuss the ceasefire, officials said.',
    'Advertisement',
    'The talks will resume next week, a spokesman said.',
    'Related:',
    'Envoys trade accusations over prisoner lists',
    'Analysis: why the tariff truce may not last',
    '',
    'Officials said the two sides had agreed to keep talking, and that a further round was likely before the end of the month.',
  ].join('\n');
  assert.deepEqual(marked(text), [
    'Home | World | Politics | Business | Sport\nBy Jane Roe and Ali Khan | Updated 3 hours ago',
    'Advertisement',
    'Related:\nEnvoys trade accusations over prisoner lists\nAnalysis: why the tariff truce may not last',
  ]);
});

test('short news lines that look like furniture are left alone', () => {
  const text = [
    'By Monday, both sides had agreed.',
    'By Tuesday Russia and Ukraine had swapped lists.',
    'Updated figures showed a rise.',
    'Published reports said the talks stalled.',
    'Sanctions',
  ].join('\n\n');
  assert.deepEqual(marked(text), []);
  assert.deepEqual(marked('Talks resumed.\n\nPublished 16 January 2025\n\nBy Nadia Farouk, Senior Correspondent'), [
    'Published 16 January 2025\n\nBy Nadia Farouk, Senior Correspondent',
  ]);
});

test('a run of short menu lines is marked; short headings inside an article are not', () => {
  const menu = 'World\nEurope\nMiddle East\nMarkets\nOpinion\n\nThe foreign minister said on Tuesday that talks would go on.';
  assert.deepEqual(marked(menu), ['World\nEurope\nMiddle East\nMarkets\nOpinion']);
  const heading = 'Sanctions\n\nThe bloc agreed new sanctions on Monday.\n\nTrade\n\nTariffs were also discussed.';
  assert.deepEqual(marked(heading), []);
});

test('prompts inside a one-line crawled record are marked as phrases, the story around them is not', () => {
  const text =
    'By Omar Said | Updated 2 hours ago Share this article Facebook Twitter Email The two delegations met on Tuesday, ' +
    "and China's share of the market was discussed. We use cookies to give you the best experience on our site. Accept all " +
    'By Tuesday evening the ministers had agreed a text. Leave a Reply Cancel reply Your email address will not be published. ' +
    'Required fields are marked * Copyright © 2025 Example Media Group. All rights reserved.';
  const spans = marked(text);
  assert.deepEqual(spans, [
    'By Omar Said | Updated 2 hours ago Share this article Facebook Twitter Email',
    'We use cookies to give you the best experience on our site. Accept all',
    'Leave a Reply Cancel reply Your email address will not be published. Required fields are marked * Copyright © 2025 Example Media Group. All rights reserved.',
  ]);
});

test('the lexicon is data: a new rule marks new boilerplate without code changes', () => {
  const lexicon = JSON.parse(readFileSync(defaultLexiconPath(), 'utf8')) as BoilerplateLexicon;
  const text = 'Talks resumed on Monday. Download our app for breaking news alerts. Officials said progress was made.';
  assert.deepEqual(markBoilerplate(text, compileBoilerplate(lexicon)), []);
  lexicon.phrases.push({ name: 'app-prompt', pattern: 'Download our app[^.]{0,80}\\.' });
  const spans = markBoilerplate(text, compileBoilerplate(lexicon));
  assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Download our app for breaking news alerts.']);
});

test('clean wire copy in the examples carries no boilerplate; the crawled HTML page does', async () => {
  const { articles } = await collect([example()]);
  for (const a of articles) {
    if (a.origin!.endsWith('.html')) assert.ok(a.boilerplate.length > 0, 'the HTML page keeps share and newsletter prompts');
    else assert.deepEqual(a.boilerplate.map((b) => a.text.slice(b.start, b.end)), [], a.origin);
  }
});
