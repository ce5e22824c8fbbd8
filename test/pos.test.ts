import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { tagTokens } from '../src/text/pos.js';
import { annotate } from '../src/text/pos/annotate.js';
import { Lemmatizer } from '../src/text/pos/lemmatizer.js';
import { PosModel } from '../src/text/pos/model.js';
import { PosTagger } from '../src/text/pos/tagger.js';
import { TAG_ID } from '../src/text/pos/tags.js';
import { trainPos, type TaggedSentence } from '../src/text/pos/train.js';

const words = (s: string): string[] => s.split(' ');

test('tags and lemmas of a written news sentence', () => {
  const r = tagTokens(words('The ministers have agreed to resume talks in Vienna on Monday , officials said .'));
  assert.deepEqual(r.pos, ['DET', 'NOUN', 'AUX', 'VERB', 'PART', 'VERB', 'NOUN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT', 'NOUN', 'VERB', 'PUNCT']);
  assert.deepEqual(r.lemma, ['the', 'minister', 'have', 'agree', 'to', 'resume', 'talk', 'in', 'vienna', 'on', 'monday', ',', 'official', 'say', '.']);
});

test('auxiliaries, negation and clitics', () => {
  const r = tagTokens(words('She was n\'t told that Turkey \'s envoy had been expelled .'));
  assert.deepEqual(r.pos, ['PRON', 'AUX', 'PART', 'VERB', 'SCONJ', 'PROPN', 'PART', 'NOUN', 'AUX', 'AUX', 'VERB', 'PUNCT']);
  assert.deepEqual([r.lemma[1], r.lemma[2], r.lemma[3], r.lemma[8], r.lemma[9], r.lemma[10]], ['be', 'not', 'tell', 'have', 'be', 'expel']);
});

test('numbers in digits are NUM; symbols SYM; other marks PUNCT', () => {
  const r = tagTokens(words('Exports rose 3.5 % to $ 1,200 million on 2025-03-27 ( officials ) .'));
  assert.equal(r.pos[2], 'NUM');
  assert.equal(r.pos[3], 'SYM');
  assert.equal(r.pos[5], 'SYM');
  assert.equal(r.pos[6], 'NUM');
  assert.equal(r.pos[9], 'NUM');
  assert.deepEqual([r.pos[10], r.pos[12], r.pos[13]], ['PUNCT', 'PUNCT', 'PUNCT']);
  assert.equal(r.lemma[1], 'rise');
});

test('the lemmatizer: irregular forms, suffix rules, silent e, doubled consonants, spelling', () => {
  const l = new Lemmatizer();
  const cases: Array<[string, string, string]> = [
    ['went', 'VERB', 'go'], ['children', 'NOUN', 'child'], ['better', 'ADJ', 'good'], ['is', 'AUX', 'be'],
    ['negotiated', 'VERB', 'negotiate'], ['hoped', 'VERB', 'hope'], ['voting', 'VERB', 'vote'], ['used', 'VERB', 'use'],
    ['stopped', 'VERB', 'stop'], ['planning', 'VERB', 'plan'], ['visited', 'VERB', 'visit'], ['settled', 'VERB', 'settle'],
    ['tries', 'VERB', 'try'], ['crises', 'NOUN', 'crisis'], ['ceasefires', 'NOUN', 'ceasefire'], ['churches', 'NOUN', 'church'],
    ['agreed', 'VERB', 'agree'], ['needed', 'VERB', 'need'], ['bring', 'VERB', 'bring'], ['bigger', 'ADJ', 'big'],
    ['organised', 'VERB', 'organize'], ['defence', 'NOUN', 'defense'], ['u.s.-led', 'VERB', 'u.s.-led'], ['news', 'NOUN', 'news'],
  ];
  for (const [word, tag, lemma] of cases) assert.equal(l.lemma(word, tag), lemma, `${word}/${tag}`);
  assert.equal(l.lemmaOf('Talks', TAG_ID.get('NOUN')!), 'talk');
});

test('a lemma file with a rule given twice is refused, naming the file', () => {
  const file = { minStem: 2, any: {}, irregular: {}, rules: { NOUN: [['s', ''], ['s', 'x']] }, restoreE: [], silentE: [], keepIfContains: [], spelling: {}, spellingSuffixes: [] };
  assert.throws(() => new Lemmatizer(file as never), /lemmas\.json: NOUN rule for "-s" given twice/);
});

/** Hand-tagged sentences (our own) for a model trained inside the test. */
function handTagged(): TaggedSentence[] {
  const s = (text: string, tags: string): TaggedSentence => ({
    words: words(text), tags: Uint8Array.from(tags.split(' '), (t) => TAG_ID.get(t)!),
  });
  return [
    s('Envoys met in Oslo .', 'NOUN VERB ADP PROPN PUNCT'),
    s('The envoy met officials .', 'DET NOUN VERB NOUN PUNCT'),
    s('Officials met the envoy in Geneva .', 'NOUN VERB DET NOUN ADP PROPN PUNCT'),
    s('The talks resumed in Oslo .', 'DET NOUN VERB ADP PROPN PUNCT'),
  ];
}

test('a trained model survives a save/load round trip and tags as before', () => {
  const data = handTagged();
  const { model } = trainPos(data, data, {
    epochs: 5, minCount: 1, pruneBelow: 0, dictionaryMinCount: 3, dictionaryPurity: 1, trainedOn: ['test'], seed: 3,
  });
  assert.ok(model.meta.dictionary['.'] === undefined, 'punctuation is tagged by rule, not by dictionary');
  assert.equal(model.meta.dictionary['met'], TAG_ID.get('VERB'));
  const dir = mkdtempSync(join(tmpdir(), 'parley-pos-'));
  try {
    const path = join(dir, 'pos.bin');
    model.save(path);
    const loaded = PosModel.load(path);
    assert.deepEqual(loaded.meta, model.meta);
    assert.deepEqual([...loaded.keys], [...model.keys]);
    const before = new PosTagger(model);
    const after = new PosTagger(loaded);
    const lemmatizer = new Lemmatizer();
    for (const s of data) {
      assert.deepEqual(after.tag(s.words), s.tags, s.words.join(' '));
      assert.deepEqual(annotate(after, lemmatizer, s.words), annotate(before, lemmatizer, s.words));
    }
    writeFileSync(path, Buffer.from('not a model'));
    assert.throws(() => PosModel.load(path), new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a parley POS weight file`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lemma file missing a field is refused with the field named', () => {
  assert.throws(() => new Lemmatizer({ minStem: 2 } as never), /lemmas\.json: "any" must be an object/);
});
