// The event layer on the reference article, run through the full pipeline: the events the
// issue's "Done when" lists, each with evidence, date and modality.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Pipeline } from '../src/pipeline.js';
import type { PoliticalEvent } from '../src/types.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';

async function referenceEvents(): Promise<{ text: string; events: PoliticalEvent[] } | null> {
  if (!seedPath) return null;
  const raw = readFileSync(seedPath, 'utf8');
  const m = /^ date (\S+) /.exec(raw);
  const text = m ? raw.slice(m[0].length) : raw;
  const pipeline = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes', 'events'] });
  const doc = pipeline.run({ id: 'ref', date: m?.[1] ?? null, title: null, source: null, url: null, text, boilerplate: [] });
  return { text, events: doc.events };
}

const ref = await referenceEvents();

/** Events whose evidence contains `words`, CAMEO code starts with `code`, actors start with the given codes. */
function find(words: string, code: string, source: string | null, target: string | null): PoliticalEvent[] {
  return ref!.events.filter((e) => ref!.text.slice(e.start, e.end).includes(words) && e.code.startsWith(code)
    && (source === null || (e.source.actor ?? '').startsWith(source))
    && (target === null || (e.target.actor ?? '').startsWith(target)));
}

function one(t: { skip: (m: string) => void }, words: string, code: string, source: string | null, target: string | null): PoliticalEvent | null {
  if (!ref) { t.skip(SHARED_ABSENT); return null; }
  const found = find(words, code, source, target);
  const all = ref.events.map((e) => `${e.code} ${e.source.actor}→${e.target.actor} "${ref!.text.slice(e.start, e.end)}"`).join('\n  ');
  assert.ok(found.length >= 1, `no ${code} ${source}→${target} event on "${words}"; events:\n  ${all}`);
  const e = found[0]!;
  assert.ok(e.end > e.start && e.date, 'evidence span and date');
  assert.ok(e.plover && e.goldstein !== undefined && e.quad >= 1 && e.quad <= 4);
  return e;
}

test('Russia–US meetings in Washington: RUS→USA, CAMEO 04, located in Washington', (t) => {
  const e = one(t, 'holding meetings', '04', 'RUS', 'USA');
  if (!e) return;
  assert.equal(e.plover, 'CONSULT');
  assert.equal(e.location, 'Washington');
  assert.equal(e.modality, 'asserted');
  assert.ok(e.quote, 'claimed in a statement');
});

test('moratorium on strikes on energy infrastructure: ceasefire, both directions', (t) => {
  const a = one(t, 'moratorium', '08', 'RUS', 'UKR');
  const b = one(t, 'moratorium', '08', 'UKR', 'RUS');
  if (!a || !b) return;
  assert.equal(a.plover, 'RETREAT');
  assert.equal(a.ploverMode, 'ceasefire');
  assert.equal(a.modality, 'asserted');
});

test('conditional acceptance of security guarantees for Ukraine: hypothetical', (t) => {
  const e = one(t, 'security guarantees', '03', 'RUS', 'UKR');
  if (e) assert.equal(e.modality, 'hypothetical');
});

test('efforts to restore direct flights: intended', (t) => {
  const e = one(t, 'direct flights', '03', 'RUS', 'USA');
  if (e) assert.equal(e.modality, 'intended');
});

test('Dmitriev lauding Trump\u2019s decision: 051 RUS→USA', (t) => {
  const e = one(t, 'lauded', '051', 'RUS', 'USA');
  if (e) assert.equal(e.modality, 'asserted');
});

test('Trump imposing tariffs: 16, source the US government', (t) => {
  one(t, 'impose tariffs', '16', 'USA', null);
});

test('US sanctions on Dmitriev: 16 USA→RUS, ongoing', (t) => {
  const e = one(t, 'sanctions', '16', 'USA', 'RUS');
  if (e) assert.equal(e.modality, 'ongoing');
});

test('temporary entry permit granted to Dmitriev: USA→RUS', (t) => {
  const e = one(t, 'entry permit', '08', 'USA', 'RUS');
  if (e) assert.equal(e.modality, 'asserted');
});

test('no event from statements without a political act', (t) => {
  if (!ref) return t.skip(SHARED_ABSENT);
  for (const words of ['three steps forward', 'The priority remains', 'areas of disagreement', 'listens attentively']) {
    assert.deepEqual(ref.events.filter((e) => ref.text.slice(e.start, e.end).includes(words)).map((e) => e.code), [], words);
  }
});
