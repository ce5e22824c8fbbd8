import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tagTokens } from '../src/text/pos.js';
import { measureAgreement } from '../src/text/pos/agreement.js';
import { conllSentences, teach } from '../src/text/pos/corpus.js';
import { SHARED_ABSENT, sharedPath } from './helpers.js';

// parley's tagger was distilled from wink-nlp, whose tags the downstream rules were written
// against: on CoNLL-2003 dev (never trained on) it must keep agreeing with wink.
test('tags and lemmas agree with wink-nlp on CoNLL-2003 dev', (t) => {
  const dev = sharedPath('data', 'conll2003', 'dev.txt');
  if (!dev) return t.skip(SHARED_ABSENT);
  const reference = teach(conllSentences(dev));
  const a = measureAgreement(reference, reference.map((s) => tagTokens(s.words)));
  assert.ok(a.tokens > 50_000, `only ${a.tokens} dev tokens`);
  const tags = a.tagAgree / a.tokens;
  assert.ok(tags >= 0.97, `tag agreement ${(100 * tags).toFixed(2)}% < 97%`);
  for (const row of a.byTag.filter((r) => ['VERB', 'AUX', 'NOUN'].includes(r.tag))) {
    const lemmas = row.lemmaAgree / row.reference;
    assert.ok(lemmas >= 0.98, `${row.tag} lemma agreement ${(100 * lemmas).toFixed(2)}% < 98%`);
  }
});
