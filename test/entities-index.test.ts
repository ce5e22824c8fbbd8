// The indexes resolution uses to avoid rescans: phrase tables matched both ways, first words,
// name items by range, and the orderings that replace comparison sorts. Each is checked
// against the plain computation it stands for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstWordsOf, STARTS } from '../src/entities/first-words.js';
import { loadActorLexicon } from '../src/entities/lexicon.js';
import { NameItemIndex, type NameItem } from '../src/entities/names.js';
import { isSortedSpans, mergeSpans, sortByKey } from '../src/entities/order.js';
import { PhraseTable, phraseTokens } from '../src/entities/phrases.js';
import { rng } from '../src/random.js';

test('a phrase table matches the longest phrase forwards and backwards, first value winning', () => {
  const table = new PhraseTable<string>();
  table.add('foreign minister', 'a');
  table.add('deputy foreign minister', 'b');
  table.add('minister', 'c');
  table.add('Foreign  Minister', 'ignored: same tokens');
  table.add('President’s envoy', 'd');
  const norm = phraseTokens("the deputy foreign minister and the president's envoy");
  assert.deepEqual(table.longestEndingAt(norm, 3), { start: 1, end: 4, value: 'b' });
  assert.deepEqual(table.longestEndingAt(norm, 3, 2), { start: 2, end: 4, value: 'a' });
  assert.deepEqual(table.longestEndingAt(norm, 3, 3), { start: 3, end: 4, value: 'c' });
  assert.equal(table.longestEndingAt(norm, 0), null);
  assert.deepEqual(table.longestAt(norm, 2), { start: 2, end: 4, value: 'a' });
  assert.deepEqual(table.longestEndingAt(norm, 8), { start: 6, end: 9, value: 'd' });
  // Phrases added after a backwards match are found backwards too.
  table.add('and the president', 'e');
  assert.deepEqual(table.longestEndingAt(norm, 6), { start: 4, end: 7, value: 'e' });
});

test('first words carry the bits of every table a phrase starts in', () => {
  const lex = loadActorLexicon();
  const words = firstWordsOf(lex);
  assert.equal(words.of('the') & STARTS.the, STARTS.the);
  assert.equal(words.of('he') & STARTS.pronoun, STARTS.pronoun);
  assert.equal(words.of('foreign') & STARTS.institution, STARTS.institution);
  assert.equal(words.of('xqzv'), 0);
  for (const w of lex.orgs.firstWords()) assert.ok(words.of(w) & STARTS.org, w);
});

function item(tokenStart: number, tokenEnd: number): NameItem {
  return { type: 'PERSON', tokenStart, tokenEnd, pieces: [[tokenStart, tokenEnd]], text: '', source: 'test' };
}

test('name items overlapping a range are those a full scan finds, overlapping items included', () => {
  const random = rng(11);
  for (let round = 0; round < 200; round++) {
    const items: NameItem[] = [];
    let at = 0;
    for (let k = 0; k < 12; k++) {
      at += Math.floor(random() * 4);
      const len = 1 + Math.floor(random() * 5);
      items.push(item(at, at + len));
      // Mostly disjoint; now and then one reaching over the next (a joined first name).
      if (random() > 0.2) at += len;
    }
    const index = new NameItemIndex(items);
    for (let a = 0; a < at + 3; a++) {
      const b = a + 1 + Math.floor(random() * 6);
      assert.deepEqual(index.overlapping(a, b), items.filter((it) => it.tokenStart < b && it.tokenEnd > a));
      assert.equal(index.lastCovering(a), items.filter((it) => it.tokenStart <= a && it.tokenEnd > a).pop());
      assert.equal(index.lastEndingAt(a), items.filter((it) => it.tokenEnd === a + 1).pop());
    }
  }
});

test('counting sort and span merge give the order of a stable comparison sort', () => {
  const random = rng(5);
  for (let round = 0; round < 100; round++) {
    const list = Array.from({ length: Math.floor(random() * 60) }, (_, id) => ({ id, key: Math.floor(random() * 20) }));
    assert.deepEqual(sortByKey(list, (x) => x.key, 20), [...list].sort((x, y) => x.key - y.key));
    const lists = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, l) => {
      const spans = new Map<string, { start: number; end: number; l: number }>();
      for (let k = 0; k < 10; k++) {
        const start = Math.floor(random() * 30);
        const end = start + 1 + Math.floor(random() * 3);
        spans.set(`${start}:${end}`, { start, end, l });
      }
      return [...spans.values()].sort((x, y) => x.start - y.start || x.end - y.end);
    });
    const merged = mergeSpans(lists);
    assert.deepEqual(merged, lists.flat().sort((x, y) => x.start - y.start || x.end - y.end));
    assert.ok(isSortedSpans(merged));
  }
  assert.throws(() => sortByKey([{ k: 1 }, { k: 5 }], (x) => x.k, 5), /outside \[0, 5\)/);
});
