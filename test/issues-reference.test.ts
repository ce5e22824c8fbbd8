import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Pipeline } from '../src/pipeline.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';
import { article, finding, stanceOf } from './issues-helpers.js';

/** The reference record: " date YYYY-MM-DD " then the text. */
function referenceArticle(path: string) {
  const raw = readFileSync(path, 'utf8');
  const header = /^\s*date (\d{4}-\d{2}-\d{2}) /.exec(raw);
  return article('reference', header?.[1] ?? null, header ? raw.slice(header[0].length) : raw);
}

/** The reference article through the whole pipeline, analysed once for all tests here. */
const referenceDoc = seedPath ? (await Pipeline.create()).run(referenceArticle(seedPath)) : null;

const REFERENCE_ISSUES = ['ukraine-settlement', 'energy-strike-moratorium', 'security-guarantees', 'nato-membership', 'direct-flights',
  'business-access', 'arctic', 'critical-minerals', 'tariffs', 'sanctions'];

test('reference article: at least nine of its ten issues, each with its statements', (t) => {
  const doc = referenceDoc;
  if (!doc) return t.skip(SHARED_ABSENT);
  const withStatements = REFERENCE_ISSUES.filter((id) => (finding(doc, id)?.quotes.length ?? 0) > 0);
  assert.ok(withStatements.length >= 9, `with statements: ${withStatements.join(', ')}`);
  for (const id of withStatements) {
    for (const q of finding(doc, id)!.quotes) {
      const quote = doc.quotes.find((x) => x.id === q)!;
      assert.ok(quote.issues?.some((l) => l.issue === id), `${q} is labelled ${id}`);
    }
  }
});

test('reference article: Russia conditional on security guarantees, opposed to NATO membership', (t) => {
  const doc = referenceDoc;
  if (!doc) return t.skip(SHARED_ABSENT);
  assert.equal(stanceOf(doc, 'security-guarantees', 'RUS'), 'conditional');
  assert.equal(stanceOf(doc, 'nato-membership', 'RUS'), 'opposes');
  assert.equal(stanceOf(doc, 'business-access', 'RUS'), 'conditional');
});

test('reference article: the strike moratorium counts as progress; the flights are not restored yet', (t) => {
  const doc = referenceDoc;
  if (!doc) return t.skip(SHARED_ABSENT);
  const moratorium = finding(doc, 'energy-strike-moratorium');
  assert.ok(moratorium);
  assert.ok(moratorium.progress >= 1, `progress ${moratorium.progress}`);
  assert.ok(moratorium.signals.some((s) => s.progress === 1 && doc.slice(s).includes('imposed')));
  const flights = finding(doc, 'direct-flights');
  assert.ok(flights);
  assert.equal(flights.progress, 0);
  assert.ok(flights.signals.every((s) => s.progress === 0 && s.hedge));
});
