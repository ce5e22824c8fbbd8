import type { Doc } from '../doc.js';
import type { Mention, Modality } from '../types.js';
import { entityCountry } from './actors.js';
import type { DocHits, IssueMatcher, Payload, SentenceHits } from './matcher.js';
import type { Hit } from './trie.js';
import type { WordView } from './words.js';
import { lowerBound } from '../sorted.js';

/** Punctuation that closes a clause; quotation marks and apostrophes do not. */
const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '[', ']', '—', '–', '--', '.', '!', '?']);

/** Per-word flags from the discourse cues, so window checks are lookups rather than rescans. */
export interface WordMarks {
  negator: Uint8Array;
  infinitive: Uint8Array;
  background: Uint8Array;
  /** 1 where a clause ends before this word (punctuation, or a clause-opening word like "but"). */
  boundary: Uint8Array;
  hedge: Array<Modality | undefined>;
  /** Clause number of each word, increasing through the doc. */
  clause: Int32Array;
}

/** Everything the stance and progress readers need about one doc. */
export interface DocContext {
  doc: Doc;
  view: WordView;
  hits: SentenceHits[];
  /** The doc's cues per kind, in word order. */
  cues: DocHits['cues'];
  matcher: IssueMatcher;
  mentions: Mention[][];
  marks: WordMarks;
  /** Country-level actor of each entity id (entity lookups are frequent, Doc.entity is a scan). */
  countries: Map<string, string | null>;
}

/** The country-level actor of an entity id, or null. */
export function countryOf(ctx: DocContext, id: string | null | undefined): string | null {
  return id ? (ctx.countries.get(id) ?? null) : null;
}

export function buildContext(doc: Doc, view: WordView, hits: DocHits, matcher: IssueMatcher): DocContext {
  const countries = new Map(doc.entities.map((e) => [e.id, entityCountry(e)]));
  return {
    doc, view, hits: hits.sentences, cues: hits.cues, matcher, mentions: mentionsBySentence(doc), marks: markWords(doc, view, hits.sentences), countries,
  };
}

function markWords(doc: Doc, view: WordView, hits: SentenceHits[]): WordMarks {
  const n = view.words.length;
  const marks: WordMarks = {
    negator: new Uint8Array(n), infinitive: new Uint8Array(n), background: new Uint8Array(n), boundary: new Uint8Array(n),
    hedge: new Array<Modality | undefined>(n), clause: new Int32Array(n),
  };
  for (const bucket of hits) {
    for (const hit of bucket.cues) {
      const p = hit.payload;
      for (let w = hit.start; w < hit.end; w++) {
        if (p.kind === 'negator') marks.negator[w] = 1;
        else if (p.kind === 'infinitive') marks.infinitive[w] = 1;
        else if (p.kind === 'background') marks.background[w] = 1;
        else if (p.kind === 'hedge') marks.hedge[w] = p.modality;
      }
      if (p.kind === 'clauseBreak') marks.boundary[hit.start] = 1;
    }
  }
  let clause = 0;
  view.words.forEach((word, w) => {
    if (word.punct && CLAUSE_PUNCT.has(doc.text.slice(word.start, word.end))) marks.boundary[w] = 1;
    if (marks.boundary[w] || (w > 0 && view.words[w - 1]!.sentence !== word.sentence)) clause++;
    marks.clause[w] = clause;
  });
  return marks;
}

/**
 * Where the window of up to `window` words before `w` begins: it stops at a clause boundary and
 * at the sentence start. Callers walk from w - 1 down to it, nearest first.
 */
export function windowStart(ctx: DocContext, w: number, window: number): number {
  const { words } = ctx.view;
  let i = w - 1;
  while (i >= 0 && i >= w - window && words[i]!.sentence === words[w]!.sentence && !ctx.marks.boundary[i]) i--;
  return i + 1;
}

/**
 * The cues of one kind in sentence `s` that lie inside words [from, to), in word order: a binary
 * search in the doc's cues of that kind, so a unit reads only the cues in its own words.
 */
export function cuesIn<K extends Payload['kind']>(ctx: DocContext, s: number, kind: K, from: number, to: number): ReadonlyArray<Hit<Payload & { kind: K }>> {
  const list = ctx.cues.get(kind) as Array<Hit<Payload & { kind: K }>> | undefined;
  if (!list) return NO_HITS;
  // A hit lies in the sentence of its first word.
  const first = Math.max(from, ctx.view.firstWord[s]!);
  const stop = Math.min(to, ctx.view.firstWord[s + 1]!);
  let out: Array<Hit<Payload & { kind: K }>> | undefined;
  for (let i = lowerBound(list, (x) => x.start < first); i < list.length && list[i]!.start < stop; i++) {
    if (list[i]!.end <= to) (out ??= []).push(list[i]!);
  }
  return out ?? NO_HITS;
}

const NO_HITS: ReadonlyArray<never> = [];

/** The distinct sentences of a unit's labels, in order of first appearance. */
export function labelSentences(labels: ReadonlyArray<{ sentence: number }>): number[] {
  const out: number[] = [];
  for (const l of labels) if (!out.includes(l.sentence)) out.push(l.sentence);
  return out;
}

/** Gap in words between two word ranges (0 when they touch or overlap). */
export function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The doc's entity mentions, bucketed by the sentence they start in (none for a start between sentences). */
function mentionsBySentence(doc: Doc): Mention[][] {
  const { sentences, mentions } = doc;
  const out: Mention[][] = new Array(sentences.length);
  for (let s = 0; s < sentences.length; s++) out[s] = [];
  // Mentions come sorted by start: walk both lists once (from the top again for one out of order).
  let s = 0;
  let previous = -Infinity;
  for (const m of mentions) {
    if (m.start < previous) s = 0;
    previous = m.start;
    while (s < sentences.length && sentences[s]!.end <= m.start) s++;
    if (s < sentences.length && sentences[s]!.start <= m.start) out[s]!.push(m);
  }
  return out;
}
