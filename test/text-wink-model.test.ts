import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import packageModel from 'wink-eng-lite-web-model';
import { winkEnglishModel } from '../src/text/wink-model.js';
import { repoPath } from './helpers.js';

// parley loads wink's English model with its own core loader (for start-up time); the model it
// builds must tag exactly as the package's own loader does, on our example articles.
test('wink model from the fast loader tags like the package model', () => {
  const ours = winkNLP(winkEnglishModel(), ['pos']);
  const theirs = winkNLP(packageModel, ['pos']);
  const dir = repoPath('examples', 'records');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length > 0, `no example articles in ${dir}`);
  const columns = (nlp: typeof ours, text: string): string[][] => {
    const tokens = nlp.readDoc(text).tokens();
    const column = (f: unknown): string[] => tokens.out(f as ItsFunction<string>) as string[];
    return [column(nlp.its.value), column(nlp.its.pos), column(nlp.its.lemma), column(nlp.its.type)];
  };
  for (const file of files) {
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    assert.deepEqual(columns(ours, text), columns(theirs, text), file);
  }
});
