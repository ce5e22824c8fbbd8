import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Pipeline } from '../src/pipeline.js';
import { Segmenter } from '../src/text/segment.js';
import { tagTokens } from '../src/text/pos.js';
import { MAX_SENTENCE_TOKENS } from '../src/text/sentences.js';
import type { Article } from '../src/types.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';

const segmenter = new Segmenter();

function sentences(text: string): string[] {
  return segmenter.segment(text).sentences.map((s) => text.slice(s.start, s.end));
}

function tokens(text: string): string[] {
  return segmenter.segment(text).tokens.map((t) => t.text);
}

test('abbreviations and initials do not end sentences', () => {
  const text = 'Gen. Ada Moss met U.S. and U.N. envoys at 5 p.m. on Jan. 3 in St. Petersburg. ' +
    'Mr. Ito of Tarn Corp. and Dr. Lee said No. 5 was ready. Sen. Ray and Rep. Hall agreed. ' +
    'Lt. Col. Ann B. Ray arrived at 9 a.m. Talks began.';
  assert.deepEqual(sentences(text), [
    'Gen. Ada Moss met U.S. and U.N. envoys at 5 p.m. on Jan. 3 in St. Petersburg.',
    'Mr. Ito of Tarn Corp. and Dr. Lee said No. 5 was ready.',
    'Sen. Ray and Rep. Hall agreed.',
    'Lt. Col. Ann B. Ray arrived at 9 a.m. Talks began.',
  ]);
});

test('an abbreviation that can end a sentence ends it before a sentence starter', () => {
  assert.deepEqual(sentences('The accord was signed in the U.S. The ministers left. Talks with the U.S. President went on.'), [
    'The accord was signed in the U.S.',
    'The ministers left.',
    'Talks with the U.S. President went on.',
  ]);
  assert.deepEqual(sentences('Shares of Velna Inc. rose. He said no. Then he left.'), [
    'Shares of Velna Inc. rose.', 'He said no.', 'Then he left.',
  ]);
});

test('a quotation that opens in a sentence stays inside it, closing mark included', () => {
  assert.deepEqual(sentences('"We are ready. We will talk," he said. The talks resume Monday.'), [
    '"We are ready. We will talk," he said.', 'The talks resume Monday.',
  ]);
  assert.deepEqual(sentences('“A. B,” he said. “It is over.” Then she left.'), [
    '“A. B,” he said.', '“It is over.”', 'Then she left.',
  ]);
  assert.deepEqual(sentences('She said: «Non. Jamais.» He nodded.'), ['She said: «Non. Jamais.»', 'He nodded.']);
});

test('parenthetical insertions and ellipses', () => {
  assert.deepEqual(sentences('He met (Russian) President (Vladimir) Putin. Putin replied (briefly.) Then he left.'), [
    'He met (Russian) President (Vladimir) Putin.', 'Putin replied (briefly.)', 'Then he left.',
  ]);
  assert.deepEqual(sentences('He paused... then went on. The crowd waited... The end came.'), [
    'He paused... then went on.', 'The crowd waited...', 'The end came.',
  ]);
});

test('paragraphs: blank lines, one per line, hard wraps, none', () => {
  const seg = (t: string) => segmenter.segment(t).paragraphs.map((p) => t.slice(p.start, p.end));
  assert.deepEqual(seg('One here.\n\n  Two there.\r\n\r\nThree.'), ['One here.', 'Two there.', 'Three.']);
  assert.deepEqual(seg('First line ends.\nSecond line ends.\nThird.'), ['First line ends.', 'Second line ends.', 'Third.']);
  assert.deepEqual(seg('A wrapped line that\ngoes on and\nends here.'), ['A wrapped line that\ngoes on and\nends here.']);
  const flat = 'No breaks at all. Two sentences.';
  assert.deepEqual(seg(flat), [flat]);
  assert.equal(sentences(flat).length, 2);
});

test('tokens: clitics, quotes of every style, kept compounds', () => {
  assert.deepEqual(tokens('Russia’s envoy don\'t can\'t e-mail Russian-American 3.5% U.S. 1,000 10:30'), [
    'Russia', '’s', 'envoy', 'do', 'n\'t', 'ca', 'n\'t', 'e-mail', 'Russian-American', '3.5', '%', 'U.S.', '1,000', '10:30',
  ]);
  assert.deepEqual(tokens('"a" “b” ‘c’ «d» „e“ officials\' plans'), [
    '"', 'a', '"', '“', 'b', '”', '‘', 'c', '’', '«', 'd', '»', '„', 'e', '“', 'officials', '\'', 'plans',
  ]);
});

test('token offsets are exact and sentences index tokens', () => {
  const text = '  Zoë’s “naïve” plan — 😀 costs €5.\n\nÀ Kyiv, l’accord (signé) tient... Oui!';
  const seg = segmenter.segment(text);
  assert.ok(seg.tokens.length > 10);
  for (const t of seg.tokens) {
    assert.equal(text.slice(t.start, t.end), t.text);
    assert.equal(t.lower, t.text.toLowerCase());
    assert.equal(t.spaceBefore, t.start > 0 && /\s/.test(text[t.start - 1]!));
    assert.ok(t.pos.length > 0 && t.lemma.length > 0);
  }
  for (const s of seg.sentences) {
    assert.equal(s.start, seg.tokens[s.tokenStart]!.start);
    assert.equal(s.end, seg.tokens[s.tokenEnd - 1]!.end);
  }
  assert.equal(seg.paragraphs.length, 2);
});

test('boilerplate spans get no sentences', () => {
  const text = 'Share this story. Subscribe now.\n\nThe envoy arrived on Monday.';
  const article: Article = { id: 'b', date: null, title: null, source: null, url: null, text, boilerplate: [{ start: 0, end: 32 }] };
  const seg = segmenter.segment(article.text, article.boilerplate);
  assert.deepEqual(seg.sentences.map((s) => text.slice(s.start, s.end)), ['The envoy arrived on Monday.']);
});

test('tagTokens gives Universal POS and lemmas for pre-tokenised words', () => {
  const r = tagTokens(['The', 'envoy', 'did', 'n\'t', 'meet', 'U.S.', 'officials', ',', 'Russia', '\'s', 'team', 'said', '.']);
  assert.deepEqual(r.pos, ['DET', 'NOUN', 'AUX', 'PART', 'VERB', 'PROPN', 'NOUN', 'PUNCT', 'PROPN', 'PART', 'NOUN', 'VERB', 'PUNCT']);
  assert.equal(r.lemma[11], 'say');
  assert.equal(r.lemma[6], 'official');
  assert.deepEqual(tagTokens([]), { pos: [], lemma: [] });
});

test('a sentence without an end is cut into pieces of bounded length, after a comma when one is near', () => {
  const clause = 'the envoys met again in the capital and talked for hours';
  const text = Array.from({ length: 60 }, () => clause).join(', ');
  const seg = segmenter.segment(text);
  assert.ok(seg.sentences.length > 1);
  for (const s of seg.sentences) assert.ok(s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS);
  for (const s of seg.sentences.slice(0, -1)) assert.equal(text.slice(s.end - 1, s.end), ',');
  assert.equal(seg.sentences.at(-1)!.tokenEnd, seg.tokens.length);
});

test('tagTokens tags a very long word by its beginning and keeps the word as its lemma', () => {
  const long = 'ab-'.repeat(2000) + 'ab';
  const r = tagTokens(['The', 'envoy', 'said', long, 'today', '.']);
  assert.equal(r.pos.length, 6);
  assert.equal(r.lemma[3], long);
  assert.equal(r.lemma[2], 'say');
  assert.equal(r.pos[5], 'PUNCT');
});

test('run-time tags equal tagTokens on the same sentence', async () => {
  const text = 'Foreign ministers met in Geneva on Tuesday, and the U.S. envoy’s aides didn\'t attend.';
  const pipeline = await Pipeline.create({ only: ['segment'] });
  const doc = pipeline.run({ id: 'p', date: null, title: null, source: null, url: null, text, boilerplate: [] });
  assert.deepEqual(doc.tokens.map((t) => t.pos), tagTokens(doc.tokens.map((t) => t.text)).pos);
});

test('reference article: paragraphs and sentence boundaries', (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const text = readFileSync(seedPath, 'utf8').replace(/^ date \d{4}-\d{2}-\d{2} /, '');
  const seg = segmenter.segment(text);
  assert.equal(seg.paragraphs.length, text.trim().split(/\n\s*\n/).length);
  for (const tok of seg.tokens) assert.equal(text.slice(tok.start, tok.end), tok.text);
  // Paragraph 2 is a two-sentence quotation followed by its attribution: one sentence.
  const p1 = seg.sentences.filter((s) => s.paragraph === 1);
  assert.equal(p1.length, 1);
  assert.equal(p1[0]!.start, seg.paragraphs[1]!.start);
  assert.equal(p1[0]!.end, seg.paragraphs[1]!.end);
  assert.ok(text.slice(p1[0]!.start, p1[0]!.end).endsWith('reported.'));
  // Every paragraph of this article is a single sentence.
  assert.equal(seg.sentences.length, seg.paragraphs.length);
  const tokenTexts = seg.tokens.map((x) => x.text);
  assert.ok(tokenTexts.includes('Russian-American'));
  assert.ok(tokenTexts.includes('’s'));
});

test('an opening quotation mark after a sentence end starts the next sentence', () => {
  assert.deepEqual(sentences('The envoy spoke Thursday. "We met today," he said. He left.'), [
    'The envoy spoke Thursday.', '"We met today," he said.', 'He left.',
  ]);
});

test('bulleted lines are paragraphs of their own', () => {
  const text = 'Key points:\n* Talks resume next week\n* Sanctions relief is "not on the table"\nThe envoy left.';
  const paragraphs = segmenter.segment(text).paragraphs.map((p) => text.slice(p.start, p.end));
  assert.deepEqual(paragraphs, ['Key points:', '* Talks resume next week', '* Sanctions relief is "not on the table"', 'The envoy left.']);
});
