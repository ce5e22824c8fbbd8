import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { Pipeline } from '../src/pipeline.js';
import { parseConll, readConll } from '../src/entities/ner/conll.js';
import { harmonizeTypes } from '../src/entities/ner/consistency.js';
import { unwrapInsertions } from '../src/entities/ner/insertions.js';
import { loadGazetteer } from '../src/entities/ner/gazetteer.js';
import { createNerTagger, loadNerTagger } from '../src/entities/ner/index.js';
import { NerModel } from '../src/entities/ner/model.js';
import { FeatureExtractor } from '../src/entities/ner/features.js';
import { bilouToIob, iobToBilou } from '../src/entities/ner/labels.js';
import { DEFAULT_MODEL, GAZETTEER_DIR } from '../src/entities/ner/paths.js';
import { Scorer, spansOf } from '../src/entities/ner/scoring.js';
import { evaluate, trainNer } from '../src/entities/ner/train.js';
import { SHARED_ABSENT, sharedPath } from './helpers.js';

const article = (text: string) => ({ id: 't', date: '2025-04-04', title: null, source: null, url: null, text, boilerplate: [] });

/** Entities of a tagged sentence as "TYPE:words" strings. */
function entities(words: string[], labels: string[]): string[] {
  return spansOf(labels).map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
}

test('the trained model tags people, places and organisations in new sentences', () => {
  const ner = loadNerTagger();
  const a = 'Kirill Dmitriev met officials in Washington on Thursday .'.split(' ');
  assert.deepEqual(entities(a, ner.tagWords(a)), ['PER:Kirill Dmitriev', 'LOC:Washington']);
  const b = 'The European Commission said it would send a delegation to Ankara next week .'.split(' ');
  assert.deepEqual(entities(b, ner.tagWords(b)), ['ORG:European Commission', 'LOC:Ankara']);
  const c = 'Finnish officials told Reuters that Helsinki would host the talks .'.split(' ');
  assert.deepEqual(entities(c, ner.tagWords(c)), ['MISC:Finnish', 'ORG:Reuters', 'LOC:Helsinki']);
});

test('tagDoc maps to parley types with offsets into the article text', async () => {
  const pipeline = await Pipeline.create({ only: ['segment'] });
  const text = 'Kirill Dmitriev met officials in Washington. He told Fox News that NATO had not changed its position.\n\n' +
    'Ukrainians in Kyiv and Russian businesses followed the talks on the Black Sea closely.';
  const doc = pipeline.run(article(text));
  assert.ok(doc.tokens.length > 0, 'the segment stage produced tokens');
  const spans = loadNerTagger().tagDoc(doc);
  for (const s of spans) {
    const words = doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text);
    assert.equal(text.slice(s.start, s.end).replace(/\s+/g, ' '), words.join(' '), `span ${s.start}-${s.end} matches its tokens`);
  }
  const got = spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  for (const want of ['PERSON:Kirill Dmitriev', 'GPE:Washington', 'ORG:Fox News', 'ORG:NATO', 'NORP:Ukrainians', 'GPE:Kyiv', 'NORP:Russian', 'LOC:Black Sea']) {
    assert.ok(got.includes(want), `expected ${want} in ${JSON.stringify(got)}`);
  }
});

test('bracketed nationalities and given names inside a name are read through', async () => {
  const pipeline = await Pipeline.create({ only: ['segment'] });
  const text = 'The plan was approved by (French) President (Emmanuel) Macron on Monday, officials said.';
  const doc = pipeline.run(article(text));
  const got = loadNerTagger().tagDoc(doc).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  assert.ok(got.includes('PERSON:(Emmanuel) Macron'), JSON.stringify(got));
  assert.ok(got.includes('NORP:French'), JSON.stringify(got));
  // A results table keeps its brackets: the country is not part of the rider's name.
  const row = '1. Olaf Brandt ( Germany ) Telekom 4 hours'.split(' ');
  assert.equal(unwrapInsertions(row, (w) => loadNerTagger().gazetteer.lookup(w).includes('firstname')), null);
});

test('gazetteer names the model missed are added with their source', async () => {
  const pipeline = await Pipeline.create({ only: ['segment'] });
  // A model trained on one sentence without names tags none: the lists must supply them.
  const gazetteer = loadGazetteer(GAZETTEER_DIR);
  const tiny = trainNer(parseConll('-DOCSTART- O\n\nTalks O\nended O\n. O\n', 'snippet'), null,
    { gazetteer, epochs: 2, minCount: 1, pruneBelow: 0, trainedOn: ['snippet'] });
  const text = 'The envoy told Fox News that NATO had asked Interfax-Ukraine and anadolu agency for comment.';
  const doc = pipeline.run(article(text));
  const got = createNerTagger(tiny.model, gazetteer).tagDoc(doc)
    .filter((s) => s.source.startsWith('gazetteer:'))
    .map((s) => `${s.type}:${text.slice(s.start, s.end)}:${s.source}`);
  assert.deepEqual(got, ['ORG:Fox News:gazetteer:outlet', 'ORG:NATO:gazetteer:igo', 'ORG:Interfax-Ukraine:gazetteer:outlet']);
});

test('the gazetteer matches listed names, longest first, and only when capitalised', () => {
  const gaz = loadGazetteer(GAZETTEER_DIR);
  const words = 'Officials from the New York Times and turkey farmers in Turkey'.split(' ');
  const m = gaz.match(words, words.map((w) => w.toLowerCase()));
  const found = m.map((x) => `${words.slice(x.start, x.end).join(' ')}=${x.categories.map((c) => gaz.categories[c]).join('+')}`);
  assert.deepEqual(found, ['New York Times=outlet', 'Turkey=country']);
  assert.deepEqual(gaz.lookup('Ukrainians'), ['demonym', 'group']);
  assert.deepEqual(gaz.lookup('spokesman'), ['title']);
  assert.equal(gaz.canonical('NATO'), 'North Atlantic Treaty Organization');
});

test('a document keeps one type per name: majority vote, and surnames follow full names', () => {
  const sentences = [
    'Donald Trump met Magna officials .'.split(' '),
    'Trump administration officials praised Magna .'.split(' '),
    'Magna shares rose .'.split(' '),
  ];
  const labels = [
    ['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'O'],
    ['B-MISC', 'O', 'O', 'O', 'B-ORG', 'O'],
    ['B-PER', 'O', 'O', 'O'],
  ];
  harmonizeTypes(sentences, labels);
  assert.deepEqual(labels[1], ['B-PER', 'O', 'O', 'O', 'B-ORG', 'O']);
  assert.deepEqual(labels[2], ['B-ORG', 'O', 'O', 'O']);
  assert.deepEqual(labels[0], ['B-PER', 'I-PER', 'O', 'B-ORG', 'O', 'O']);
});

test('BILOU and IOB2 convert both ways, and IOB1 input is normalised', () => {
  const iob = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'I-LOC'];
  assert.deepEqual(bilouToIob(iobToBilou(iob)), iob);
  const docs = parseConll('A x I-ORG\nB x I-ORG\nC x O\n\n');
  assert.deepEqual(docs[0]!.sentences[0]!.labels, ['B-ORG', 'I-ORG', 'O']);
  assert.throws(() => parseConll('word\n', 'bad.conll'), /bad\.conll:1/);
});

test('training on a small corpus yields a model that tags its own sentences', () => {
  const conll = `-DOCSTART- O

Marta NNP B-PER
Kowalczyk NNP I-PER
visited VBD O
Gdynia NNP B-LOC
on IN O
behalf NN O
of IN O
Baltic NNP B-ORG
Ferries NNPS I-ORG
. . O

Ferries NNS O
left VBD O
Gdynia NNP B-LOC
late RB O
. . O
`;
  const docs = parseConll(conll, 'snippet');
  const gazetteer = loadGazetteer(GAZETTEER_DIR);
  const result = trainNer(docs, null, { gazetteer, epochs: 10, minCount: 1, pruneBelow: 0, trainedOn: ['snippet'] });
  const scorer: Scorer = evaluate(createNerTagger(result.model, gazetteer), docs);
  assert.equal(scorer.overall().f1, 1, scorer.format());
});

test('dev F1 of the committed model is at least 0.90 (CoNLL-2003, exact match)', (t) => {
  const dev = sharedPath('data', 'conll2003', 'dev.txt');
  if (!dev || !existsSync(dev)) return t.skip(SHARED_ABSENT);
  const ner = loadNerTagger();
  const scorer = new Scorer();
  for (const d of readConll(dev)) {
    const pred = ner.tagSentences(d.sentences.map((s) => s.words));
    d.sentences.forEach((s, i) => scorer.add(s.labels, pred[i]!));
  }
  assert.ok(scorer.overall().f1 >= 0.9, scorer.format());
});

test('weights loaded into shared memory tag exactly as the file does, from another thread\'s arrays', () => {
  const shared = NerModel.load(DEFAULT_MODEL, { shared: true });
  const arrays = structuredClone(shared.arrays());
  assert.ok(arrays.weights.buffer instanceof SharedArrayBuffer, 'weights are in a SharedArrayBuffer');
  assert.equal(arrays.weights.buffer, arrays.keys.buffer, 'keys, weights and probe table share one buffer');
  const gazetteer = loadGazetteer(GAZETTEER_DIR);
  const adopted = createNerTagger(NerModel.fromArrays(arrays), gazetteer);
  const fromFile = createNerTagger(NerModel.load(DEFAULT_MODEL), gazetteer);
  const doc = [
    'Kirill Dmitriev met officials in Washington on Thursday .'.split(' '),
    'The European Commission said Dmitriev would return to Ankara .'.split(' '),
  ];
  assert.deepEqual(adopted.tagSentences(doc), fromFile.tagSentences(doc));
  assert.ok(adopted.tagSentences(doc)[0]!.includes('B-PER'));
});

test('tagging gives the same labels when the word caches are warm, and documents do not leak into each other', () => {
  const tagger = () => createNerTagger(NerModel.load(DEFAULT_MODEL), loadGazetteer(GAZETTEER_DIR));
  // In `a` "magna" is seen lower-case; in `b` it is capitalised and must not inherit that evidence.
  const a = ['The magna carta was signed at Runnymede , officials said .'.split(' ')];
  const b = [
    'MAGNA SAYS PROFITS ROSE'.split(' '),
    'Magna , the Ontario-based parts maker , said on Monday that Magna shares rose .'.split(' '),
  ];
  const alone = tagger().tagSentences(b);
  const ner = tagger();
  const first = ner.tagSentences(a);
  assert.deepEqual(ner.tagSentences(b), alone);
  assert.deepEqual(ner.tagSentences(a), first);
  assert.deepEqual(ner.tagSentences(b), alone);
  assert.ok(alone[1]!.includes('B-ORG'), JSON.stringify(alone));
  // The features themselves: the document-case evidence of "Magna" in b is b's own.
  const fx = new FeatureExtractor(loadGazetteer(GAZETTEER_DIR));
  const keysAlone = Array.from(fx.docFeatures(b).keys);
  fx.docFeatures(a);
  assert.deepEqual(Array.from(fx.docFeatures(b).keys), keysAlone);
});
