import type { Doc } from '../doc.js';
import type { Mention, Modality } from '../types.js';
import { entityCountry } from './actors.js';
import type { IssueMatcher, SentenceHits } from './matcher.js';
import type { WordView } from './words.js';

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

export function buildContext(doc: Doc, view: WordView, hits: SentenceHits[], matcher: IssueMatcher): DocContext {
  const countries = new Map(doc.entities.map((e) => [e.id, entityCountry(e)]));
  return { doc, view, hits, matcher, mentions: mentionsBySentence(doc), marks: markWords(doc, view, hits), countries };
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

/** Word indexes before `w`, nearest first, up to `window` of them, stopping at a clause boundary. */
export function* wordsBefore(ctx: DocContext, w: number, window: number): Generator<number> {
  for (let i = w - 1; i >= 0 && i >= w - window; i--) {
    if (ctx.view.words[i]!.sentence !== ctx.view.words[w]!.sentence) return;
    if (ctx.marks.boundary[i]) return;
    yield i;
  }
}

/** Gap in words between two word ranges (0 when they touch or overlap). */
export function gap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/** The doc's entity mentions, bucketed by the sentence they start in. */
function mentionsBySentence(doc: Doc): Mention[][] {
  const out: Mention[][] = doc.sentences.map(() => []);
  for (const m of doc.mentions) out[doc.sentenceAt(m.start)]?.push(m);
  return out;
}
