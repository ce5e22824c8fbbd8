// Pathological input through the full pipeline: each must finish and give sane layers (offsets
// inside the text, tokens in order, sentences of bounded length). No test here is timed: speed is
// measured by `npm run bench`; these guard against hangs and quadratic blow-ups.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { Pipeline, toAnalysis } from '../src/pipeline.js';
import { MAX_SENTENCE_TOKENS } from '../src/text/sentences.js';
import type { Article } from '../src/types.js';
import { repoPath } from './helpers.js';

const pipeline = await Pipeline.create();

function article(id: string, text: string): Article {
  return { id, date: '2025-03-14', title: null, source: null, url: null, text, boilerplate: [] };
}

function inText(doc: Doc, what: string, span: { start?: number; end?: number }): void {
  if (span.start === undefined && span.end === undefined) return;
  const { start, end } = span as { start: number; end: number };
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= doc.text.length,
    `${what} [${start}, ${end}) lies outside the text of ${doc.text.length} characters`);
}

/** Runs the whole pipeline and checks every layer's offsets; returns the Doc for specific checks. */
function analyse(id: string, text: string): Doc {
  const doc = pipeline.run(article(id, text));
  let previousEnd = 0;
  for (const t of doc.tokens) {
    inText(doc, 'token', t);
    assert.ok(t.start >= previousEnd && t.end > t.start, `tokens overlap or are empty at ${t.start}`);
    assert.equal(t.text, doc.text.slice(t.start, t.end));
    previousEnd = t.end;
  }
  let previousToken = 0;
  for (const s of doc.sentences) {
    inText(doc, 'sentence', s);
    assert.equal(s.tokenStart, previousToken, 'sentences cover the tokens in order');
    assert.ok(s.tokenEnd > s.tokenStart && s.tokenEnd - s.tokenStart <= MAX_SENTENCE_TOKENS, `sentence of ${s.tokenEnd - s.tokenStart} tokens`);
    assert.equal(s.start, doc.tokens[s.tokenStart]!.start);
    assert.equal(s.end, doc.tokens[s.tokenEnd - 1]!.end);
    previousToken = s.tokenEnd;
  }
  assert.equal(previousToken, doc.tokens.length);
  for (const p of doc.paragraphs) inText(doc, 'paragraph', p);
  for (const e of doc.entities) for (const m of e.mentions) inText(doc, `mention of ${e.id}`, m);
  for (const t of doc.times) inText(doc, 'time expression', t);
  for (const q of doc.quotes) {
    inText(doc, `quote ${q.id}`, q);
    if (q.speaker) inText(doc, `speaker of ${q.id}`, q.speaker);
    if (q.cue) inText(doc, `cue of ${q.id}`, q.cue);
  }
  for (const ev of doc.events) {
    inText(doc, `event ${ev.id}`, ev);
    inText(doc, `source of ${ev.id}`, ev.source);
    inText(doc, `target of ${ev.id}`, ev.target);
  }
  for (const issue of doc.issues) for (const s of issue.signals ?? []) inText(doc, `signal of ${issue.id}`, s);
  const json = JSON.stringify(toAnalysis(doc));
  assert.equal((JSON.parse(json) as { text: string }).text.length, text.length);
  return doc;
}

/** The words of our example wire reports, punctuation removed, repeated to `chars` characters. */
function unpunctuated(chars: number): string {
  const source = readFileSync(repoPath('examples', 'records', 'russia-us-talks-2025.txt'), 'utf8');
  const words = source.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).join(' ');
  return (words + ' ').repeat(Math.ceil(chars / (words.length + 1))).slice(0, chars);
}

test('a 2 MB article with no punctuation is cut into bounded sentences and analysed', () => {
  const text = unpunctuated(2_000_000);
  const doc = analyse('no-punctuation', text);
  assert.ok(doc.tokens.length > 250_000);
  assert.ok(doc.sentences.length >= doc.tokens.length / MAX_SENTENCE_TOKENS);
  assert.equal(doc.paragraphs.length, 1);
});

test('a 100,000-character word, plain or hyphenated, stays one token and is tagged', () => {
  for (const word of ['a'.repeat(100_000), 'ab-'.repeat(33_333) + 'ab']) {
    const text = `The envoy said ${word} on Monday. Talks resume in Geneva.`;
    const doc = analyse('long-word', text);
    const long = doc.tokens.find((t) => t.text.length === word.length);
    assert.ok(long, 'the long word is a single token');
    assert.equal(long.lemma, word);
    assert.equal(doc.sentences.length, 2);
    assert.ok(doc.times.some((t) => doc.slice(t) === 'Monday'));
  }
});

test('10,000 quotation marks, alternating with words or in one run', () => {
  const alternating = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? '" said Lavrov' : '"talks')).join(' ');
  const doc = analyse('quotes-alternating', alternating);
  assert.equal(doc.tokens.filter((t) => t.text === '"').length, 10_000);
  const run = '“'.repeat(2500) + '"'.repeat(5000) + '”'.repeat(2500);
  assert.equal(analyse('quotes-run', run).tokens.length, 10_000);
});

test('parentheses nested 5,000 deep', () => {
  const bare = '('.repeat(5000) + 'talks' + ')'.repeat(5000);
  assert.equal(analyse('parens-bare', bare).tokens.length, 10_001);
  const worded = 'Russia said (' + 'the envoy (said '.repeat(5000) + 'talks on Monday' + ')'.repeat(5001) + '.';
  const doc = analyse('parens-worded', worded);
  assert.equal(doc.tokens.filter((t) => t.text === '(').length, 5001);
});

test('a million newlines between two paragraphs', () => {
  const doc = analyse('newlines', 'Talks resumed in Geneva on Monday.' + '\n'.repeat(1_000_000) + 'Russia said it will attend.');
  assert.equal(doc.paragraphs.length, 2);
  assert.equal(doc.sentences.length, 2);
});

test('one paragraph of 20,000 short sentences', () => {
  const text = Array.from({ length: 20_000 }, (_, i) => `Russia said talks ${i % 2 ? 'resumed' : 'stalled'} on Monday.`).join(' ');
  const doc = analyse('short-sentences', text);
  assert.equal(doc.paragraphs.length, 1);
  assert.equal(doc.sentences.length, 20_000);
  assert.ok(doc.times.length >= 20_000);
});
