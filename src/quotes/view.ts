// A read-only view of one Doc's tokens for the quotes layer: lower-case words, which tokens lie
// inside quotation marks or time expressions, and the small noun-phrase scans that speakers and
// channels need. Everything is computed once per document in linear time.
import type { Doc } from '../doc.js';
import type { TimeExpression, Token } from '../types.js';
import type { QuotesLexicon } from './lexicon.js';
import type { QuotedSpan } from './marks.js';
import { lowerBound } from '../sorted.js';

const QUOTE_MARKS = new Set(['"', '“', '”', '«', '»', '„']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const NP_JOINERS = new Set(['of', 'for', 'with', 'at', 'on', 'in', '-', 'and', '&']);
/** A name part opened by a lower-case particle: "al-Masri", "bin-Salman", "el-Sisi". */
const PARTICLE_PREFIX = /^(al|el|ad|ar|as|at|az|bin|ibn|abu|ben|de|van|von)-\p{Lu}/u;
/** Nested mentions ("Russia" inside "Russia's envoy") can start before a mention they follow; look back this far. */
const MENTION_LOOKBACK = 16;

/**
 * Mentions that cover [start, end) and begin no earlier than `from`, searched by start offset
 * (doc.mentions is sorted by start) with a bounded look-back, so each lookup is O(log n).
 */
export function mentionsCovering<T extends { start: number; end: number }>(ms: readonly T[], start: number, end: number, from: number): T[] {
  const lo = lowerBound(ms, (x) => x.start <= start);
  const out: T[] = [];
  for (let i = lo - 1; i >= 0 && i >= lo - MENTION_LOOKBACK; i--) {
    const m = ms[i]!;
    if (m.start >= from && m.start <= start && m.end >= end) out.push(m);
  }
  return out;
}

/** An upper-case first letter, or a name particle before one ("al-Masri"). */
function capitalized(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code >= 65 && code <= 90) return true;
  // Other ASCII characters are not upper case; a particle prefix has its hyphen third or fourth.
  if (code < 128) return (text.charCodeAt(2) === 45 || text.charCodeAt(3) === 45) && PARTICLE_PREFIX.test(text);
  const c = text.charAt(0);
  return (c !== c.toLowerCase() && c === c.toUpperCase()) || PARTICLE_PREFIX.test(text);
}

/** Longest noun phrase the speaker and addressee scans consider, in tokens. */
export const MAX_NP = 14;

export class DocView {
  readonly doc: Doc;
  readonly lex: QuotesLexicon;
  readonly tokens: Token[];
  readonly words: string[];
  /** Index into `quotes` of the quoted span holding each token (marks included), or -1. */
  readonly quoteOf: Int32Array;
  /** Tokens that are the opening mark of a quoted span, in order. */
  readonly openingMarks: number[] = [];
  readonly inTime: Uint8Array;
  /** OPENS bits of the word lists with an entry starting at each token: one look-up per token, not one per list. */
  readonly opens: Uint8Array;
  /** Per token: 1 when it starts with a capital (or a name particle before one). */
  private readonly capitals: Uint8Array;
  readonly quotes: QuotedSpan[];
  /** The time layer's expressions in text order. */
  readonly times: TimeExpression[];

  constructor(doc: Doc, lex: QuotesLexicon, quotes: QuotedSpan[]) {
    this.doc = doc;
    this.lex = lex;
    this.tokens = doc.tokens;
    this.quotes = quotes;
    this.times = [...doc.times].sort((a, b) => a.start - b.start);
    const n = this.tokens.length;
    const words: string[] = [];
    this.quoteOf = new Int32Array(n).fill(-1);
    this.inTime = new Uint8Array(n);
    this.opens = new Uint8Array(n);
    this.capitals = new Uint8Array(n);
    // One pass over the tokens fills every per-token array.
    let q = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const t = this.tokens[i]!;
      const w = t.lower;
      words.push(w);
      if (lex.openerSieve.mayHave(w)) this.opens[i] = lex.openers.get(w) ?? 0;
      if (capitalized(t.text)) this.capitals[i] = 1;
      while (q < quotes.length && quotes[q]!.close < t.start) q++;
      const span = quotes[q];
      if (span && t.start >= span.open && t.end <= span.close + (span.closed ? 1 : 0)) {
        this.quoteOf[i] = q;
        if (t.start === span.open) this.openingMarks.push(i);
      }
      while (k < this.times.length && this.times[k]!.end <= t.start) k++;
      const time = this.times[k];
      if (time && t.start >= time.start && t.end <= time.end) this.inTime[i] = 1;
    }
    this.words = words;
  }

  isMark(i: number): boolean {
    return QUOTE_MARKS.has(this.words[i] ?? '');
  }

  isPunct(i: number): boolean {
    return this.tokens[i]?.pos === 'PUNCT';
  }

  isCapitalized(i: number): boolean {
    return this.capitals[i] === 1;
  }

  /** A title or role word ("Minister", "Col.") that ends a title before a name. */
  isTitle(i: number): boolean {
    const w = this.words[i]!;
    return this.lex.titles.has(w.charCodeAt(w.length - 1) === 46 ? w.slice(0, -1) : w);
  }

  /** Token may belong to a noun phrase naming someone. */
  isNominal(i: number): boolean {
    const t = this.tokens[i];
    if (!t || this.quoteOf[i]! >= 0) return false;
    if (NP_POS.has(t.pos)) return true;
    // The tagger leaves some foreign names untagged ("Marković/X").
    if (t.pos === 'X' && this.isCapitalized(i)) return true;
    if (t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’') return true;
    if (this.lex.possessives.has(t.lower) && t.pos !== 'PRON') return true;
    return this.lex.particles.has(t.lower) && this.isCapitalized(i + 1);
  }

  /**
   * The noun phrase ending at token `j` (inclusive), scanning left no further than `lo`:
   * nominal tokens, joined by "of", "for", "and" … when nominal tokens surround them.
   */
  npEndingAt(j: number, lo: number): number {
    if (j < lo) return j + 1;
    const w = this.words[j]!;
    if (this.lex.pronouns.has(w) && this.tokens[j]!.pos === 'PRON') return j;
    let a = j;
    // "One of them", "some of those".
    if (this.lex.objectPronouns.has(w) && this.words[j - 1] === 'of' && j - 2 >= lo && this.isNominal(j - 2)) a = j - 2;
    else if (!this.isNominal(j)) return j + 1;
    while (a - 1 >= lo && j - a < MAX_NP) {
      const p = a - 1;
      if (this.isNominal(p) || (this.lex.possessives.has(this.words[p]!) && this.isNominal(a))) a = p;
      else if (NP_JOINERS.has(this.words[p]!) && p - 1 >= lo && this.isNominal(p - 1) && this.tokens[p - 1]!.pos !== 'DET') a = p;
      else break;
    }
    return a;
  }

  /** The noun phrase starting at token `i`, scanning right no further than `hi` (exclusive). */
  npStartingAt(i: number, hi: number): number {
    const w = this.words[i];
    if (w === undefined || i >= hi) return i;
    if ((this.lex.pronouns.has(w) || this.lex.objectPronouns.has(w)) && this.tokens[i]!.pos === 'PRON') return i + 1;
    let b = i;
    while (b < hi && b - i < MAX_NP) {
      if (this.words[b] === 'that') break;
      if (this.isNominal(b)) b++;
      else if (NP_JOINERS.has(this.words[b]!) && b > i && b + 1 < hi && this.isNominal(b + 1) && this.words[b] !== 'and') b++;
      else break;
    }
    return b;
  }

  /** A run of capitalized tokens (with name particles) making up a person or organisation name. */
  isNameRun(a: number, b: number): boolean {
    if (b <= a || b - a > 6 || !this.isCapitalized(a)) return false;
    for (let i = a; i < b; i++) {
      if (!(this.isCapitalized(i) || this.lex.particles.has(this.words[i]!) || this.words[i] === '-')) return false;
      if (this.tokens[i]!.pos !== 'PROPN' && this.isTitle(i)) return false;
    }
    return true;
  }

  /** Start of the name at the end of noun phrase [a, b): capitalized tokens after the last title word. */
  nameTail(a: number, b: number): number {
    let k = b;
    while (k - 1 >= a && (this.isCapitalized(k - 1) || this.lex.particles.has(this.words[k - 1]!)) && !this.isTitle(k - 1)) k--;
    while (k < b && this.lex.particles.has(this.words[k]!)) k++;
    return k;
  }

  /** Adverbs from i are followed by "that", punctuation, a preposition or a quotation (not modifying a noun phrase). */
  private adverbsEndClauseStart(i: number, hi: number): boolean {
    let j = i;
    while (j < hi && this.tokens[j]!.pos === 'ADV' && this.lex.skip.has(this.words[j]!)) j++;
    if (j >= hi) return true;
    const t = this.tokens[j]!;
    return this.words[j] === 'that' || t.pos === 'PUNCT' || t.pos === 'ADP' || this.inTime[j] === 1;
  }

  /** First token index at or after `i` that is not a time expression, "on"/"late"/"early" before one, or a skippable adverb. */
  skipTimeAndAdverbs(i: number, hi: number): number {
    while (i < hi) {
      const w = this.words[i]!;
      if (this.inTime[i]) i++;
      else if ((w === 'on' || w === 'late' || w === 'early' || w === 'earlier' || w === 'later') && this.inTime[i + 1]) i++;
      else if (this.tokens[i]!.pos === 'ADV' && this.lex.skip.has(w) && this.adverbsEndClauseStart(i, hi)) i++;
      else if (w === ',' && this.lex.skip.has(this.words[i + 1] ?? '') && this.tokens[i + 1]?.pos === 'ADV' && this.words[i + 2] === ',') i += 3;
      else break;
    }
    return i;
  }
}
