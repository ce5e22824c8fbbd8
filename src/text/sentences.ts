import type { Span } from '../types.js';
import type { Abbreviations } from './abbreviations.js';
import { isSpaceCode, isUpperCh, isWordAt } from './chars.js';
import { readLexiconJson } from './lexicon.js';

interface SentenceFile {
  openQuotes: string[];
  closeQuotes: string[];
  ambiguousQuotes: string[];
  sentenceEnds: string[];
  closers: string[];
}

const BRACKETS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Longest sentence, in tokens, handed to later stages. News sentences stay far below it (the
 * longest seen run to about 100 tokens); text without sentence ends (a transcript with no
 * punctuation, a list run together) is cut into pieces of at most this length, preferably after
 * a comma, semicolon, colon or dash, so that no stage's per-sentence work grows without bound.
 */
export const MAX_SENTENCE_TOKENS = 250;
const PIECE_BREAKS = new Set([',', ';', ':', '—', '–', '--']);

/**
 * Splits the tokens of one paragraph into sentences. A period, "!" or "?" ends a sentence
 * when the next token starts with a capital, a digit or an opening mark; an abbreviation
 * that may end a sentence, or an ellipsis, only when a common sentence starter follows.
 * Nothing inside a matched quotation or bracket ends a sentence, so a quotation that opens
 * in a sentence stays in it; the marks that close a sentence go with it.
 */
export class SentenceSplitter {
  private readonly openQuotes: Set<string>;
  private readonly closeQuotes: Set<string>;
  private readonly ambiguousQuotes: Set<string>;
  private readonly ends: Set<string>;
  private readonly closers: Set<string>;
  private depth = new Int32Array(0);
  private inside = new Uint8Array(0);

  constructor(private readonly abbreviations: Abbreviations) {
    const file = readLexiconJson<SentenceFile>('text', 'tokenizer.json');
    this.openQuotes = new Set(file.openQuotes);
    this.closeQuotes = new Set(file.closeQuotes);
    this.ambiguousQuotes = new Set(file.ambiguousQuotes);
    this.ends = new Set(file.sentenceEnds);
    this.closers = new Set(file.closers);
  }

  /** Token index ranges [start, end) of the sentences of tokens[from, to). */
  split(text: string, tokens: Span[], from: number, to: number): Array<[number, number]> {
    const inside = this.enclosed(text, tokens, from, to);
    const out: Array<[number, number]> = [];
    let start = from;
    for (let k = from; k < to - 1; k++) {
      if (inside[k - from] || isWordAt(text, tokens[k]!.end - 1)) continue;
      const t = text.slice(tokens[k]!.start, tokens[k]!.end);
      const strength = this.endStrength(text, tokens, k, from, t);
      if (strength === 0) continue;
      let m = k;
      while (m + 1 < to && this.closers.has(text.slice(tokens[m + 1]!.start, tokens[m + 1]!.end)) &&
        !inside[m + 1 - from] && !this.opensHere(text, tokens[m + 1]!)) m++;
      if (m + 1 >= to) break;
      if (this.startsSentence(text, tokens, m + 1, to, strength)) {
        out.push([start, m + 1]);
        start = m + 1;
      }
      k = m;
    }
    if (start < to) out.push([start, to]);
    return out.some(([a, b]) => b - a > MAX_SENTENCE_TOKENS) ? this.capped(text, tokens, out) : out;
  }

  /** The ranges with every one longer than MAX_SENTENCE_TOKENS cut into pieces. */
  private capped(text: string, tokens: Span[], ranges: Array<[number, number]>): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const range of ranges) {
      let a = range[0];
      const b = range[1];
      while (b - a > MAX_SENTENCE_TOKENS) {
        let cut = a + MAX_SENTENCE_TOKENS;
        for (let k = cut - 1; k > a + MAX_SENTENCE_TOKENS / 2; k--) {
          if (PIECE_BREAKS.has(text.slice(tokens[k]!.start, tokens[k]!.end))) {
            cut = k + 1;
            break;
          }
        }
        out.push([a, cut]);
        a = cut;
      }
      out.push([a, b]);
    }
    return out;
  }

  /**
   * 0: token k does not end a sentence; 2: it does when a capital follows; 1: it does only when
   * a sentence starter follows (ellipses, "U.S.", "Inc."); a closing mark right after a
   * sentence end inside a quotation ("…over." he said / "…over." Then) counts as that end.
   */
  private endStrength(text: string, tokens: Span[], k: number, from: number, t: string): number {
    if (t === '...' || t === '…' || (t.length > 3 && t[0] === '.' && t[1] === '.')) return 1;
    if (this.ends.has(t)) return 2;
    const kind = this.abbreviations.kindOfToken(t);
    if (kind === 'any') return 1;
    if (kind !== undefined) return 0;
    if ((this.closeQuotes.has(t) || this.ambiguousQuotes.has(t) || t in BRACKETS) && k > from && !this.opensHere(text, tokens[k]!)) {
      const prev = text.slice(tokens[k - 1]!.start, tokens[k - 1]!.end);
      if (this.ends.has(prev)) return 2;
    }
    return 0;
  }

  private startsSentence(text: string, tokens: Span[], n: number, to: number, strength: number): boolean {
    let word = n;
    while (word < to && !isWordAt(text, tokens[word]!.start)) word++;
    if (strength === 1) {
      if (word >= to) return false;
      const t = text.slice(tokens[word]!.start, tokens[word]!.end);
      return isUpperCh(t[0]!) && this.abbreviations.starters.has(t.toLowerCase());
    }
    const first = text[tokens[n]!.start]!;
    if (word > n) return true;
    return isUpperCh(first) || (first >= '0' && first <= '9');
  }

  /** An ambiguous quote mark opens when it follows a space (or the start) and precedes a non-space. */
  private opensHere(text: string, tok: Span): boolean {
    const t = text[tok.start]!;
    if (this.openQuotes.has(t)) return true;
    if (!this.ambiguousQuotes.has(t)) return false;
    const before = tok.start === 0 ? 32 : text.charCodeAt(tok.start - 1);
    const after = tok.end >= text.length ? 32 : text.charCodeAt(tok.end);
    return (isSpaceCode(before) || before === 40 || before === 91) && !isSpaceCode(after);
  }

  /**
   * For each token of tokens[from, to) (index k - from): true when it lies strictly inside a matched
   * quotation or bracket. The array is scratch space, valid until the next call.
   */
  private enclosed(text: string, tokens: Span[], from: number, to: number): Uint8Array {
    // Scratch arrays grown as needed: a typed array made per paragraph costs more than the scan.
    if (this.depth.length < to - from + 1) {
      this.depth = new Int32Array(2 * (to - from + 1));
      this.inside = new Uint8Array(2 * (to - from + 1));
    }
    const depth = this.depth;
    depth.fill(0, 0, to - from + 1);
    const stack: Array<{ at: number; mark: string }> = [];
    for (let k = from; k < to; k++) {
      const tok = tokens[k]!;
      if (tok.end - tok.start !== 1) continue;
      const t = text[tok.start]!;
      let opener: string | null = null;
      if (t === '(' || t === '[' || t === '{') opener = t;
      else if (this.openQuotes.has(t)) opener = '“';
      else if (this.ambiguousQuotes.has(t)) opener = this.hasOpen(stack, t) ? null : this.opensHere(text, tok) ? t : null;
      if (opener !== null) {
        stack.push({ at: k - from, mark: opener });
        continue;
      }
      const wanted = BRACKETS[t] ?? (this.closeQuotes.has(t) || t === '“' ? '“' : this.ambiguousQuotes.has(t) ? t : null);
      if (wanted === null) continue;
      for (let s = stack.length - 1; s >= 0; s--) {
        if (stack[s]!.mark !== wanted) continue;
        depth[stack[s]!.at + 1]! += 1;
        depth[k - from]! -= 1;
        stack.length = s;
        break;
      }
    }
    const inside = this.inside;
    let d = 0;
    for (let i = 0; i < to - from; i++) {
      d += depth[i]!;
      inside[i] = d > 0 ? 1 : 0;
    }
    return inside;
  }

  private hasOpen(stack: Array<{ mark: string }>, mark: string): boolean {
    for (let s = stack.length - 1; s >= 0; s--) if (stack[s]!.mark === mark) return true;
    return false;
  }
}
