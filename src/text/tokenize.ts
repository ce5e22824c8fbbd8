import type { Span } from '../types.js';
import type { Abbreviations } from './abbreviations.js';
import { isApostropheCode, isDigitCode, isSpaceCode, isUpperCh, isWordAt, isWordCode } from './chars.js';
import { readLexiconJson } from './lexicon.js';

interface TokenizerFile {
  clitics: string[];
}

/**
 * CoNLL-style tokenizer over exact offsets: one left-to-right pass, no backtracking.
 * Words keep inner periods, hyphens and apostrophes ("U.S.", "3.5", "e-mail", "O'Brien");
 * clitics split off ("Russia" "'s", "do" "n't"); every punctuation mark is its own token,
 * except runs of periods ("...") and dashes ("--").
 */
export class Tokenizer {
  /** Clitics with the apostrophe normalised to ', longest first. */
  private readonly clitics: string[];

  constructor(private readonly abbreviations: Abbreviations) {
    const file = readLexiconJson<TokenizerFile>('text', 'tokenizer.json');
    this.clitics = file.clitics.map((c) => c.toLowerCase()).sort((a, b) => b.length - a.length);
  }

  /** Append the tokens of text[start, end) to `out`. */
  tokenize(text: string, start: number, end: number, out: Span[]): void {
    let i = start;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (isSpaceCode(code)) {
        i++;
      } else if (isWordCode(code, text[i]!)) {
        i = this.word(text, i, end, out);
      } else if (isApostropheCode(code) && this.standaloneClitic(text, i, end) > i) {
        const j = this.standaloneClitic(text, i, end);
        out.push({ start: i, end: j });
        i = j;
      } else if (code === 46 && i + 1 < end && isDigitCode(text.charCodeAt(i + 1)) && (i === start || !isWordAt(text, i - 1))) {
        i = this.word(text, i, end, out);
      } else {
        const j = punctuationEnd(text, i, end, code);
        out.push({ start: i, end: j });
        i = j;
      }
    }
  }

  /** Scan the word starting at i, push it (and any clitic), return where it ends. */
  private word(text: string, i: number, end: number, out: Span[]): number {
    let j = i + 1;
    let inner = false;
    for (;;) {
      while (j < end && isWordAt(text, j)) j++;
      if (j + 1 < end && isWordAt(text, j + 1) && joinsWord(text, j)) {
        inner = true;
        j++;
        continue;
      }
      break;
    }
    if (j < end && text.charCodeAt(j) === 46 && this.keepsPeriod(text, i, j, end)) {
      out.push({ start: i, end: j + 1 });
      return j + 1;
    }
    const split = inner ? this.cliticStart(text, i, j) : -1;
    if (split > i) {
      out.push({ start: i, end: split }, { start: split, end: j });
    } else {
      out.push({ start: i, end: j });
    }
    return j;
  }

  /** Whether the period at j belongs to the word text[i, j) ("U.S.", "Gen.", "Jan. 3", "J."). */
  private keepsPeriod(text: string, i: number, j: number, end: number): boolean {
    if (j + 1 < end && text.charCodeAt(j + 1) === 46) return false;
    const word = text.slice(i, j);
    const kind = this.abbreviations.kindOfToken(word + '.');
    if (kind !== 'number') return kind !== undefined;
    let k = j + 1;
    while (k < end && isSpaceCode(text.charCodeAt(k))) k++;
    return k < end && isDigitCode(text.charCodeAt(k));
  }

  /** End of a clitic written apart from its word ("Russia 's", as CoNLL text has it), or i. */
  private standaloneClitic(text: string, i: number, end: number): number {
    for (const c of this.clitics) {
      if (c[0] !== "'" || i + c.length > end) continue;
      const j = i + c.length;
      if (text.slice(i + 1, j).toLowerCase() === c.slice(1) && (j === end || !isWordAt(text, j))) return j;
    }
    return i;
  }

  /** Offset where a clitic ending of text[i, j) begins, or -1. */
  private cliticStart(text: string, i: number, j: number): number {
    const lower = text.slice(i, j).toLowerCase().replace(/\u2019/g, "'");
    for (const c of this.clitics) {
      if (lower.length > c.length && lower.endsWith(c)) return j - c.length;
    }
    return -1;
  }
}

/** Whether the character at j, between two word characters, stays inside the word. */
function joinsWord(text: string, j: number): boolean {
  const code = text.charCodeAt(j);
  // Period, hyphen, Unicode hyphen, soft hyphen and apostrophes join ("U.S", "e-mail", "don't").
  if (code === 46 || code === 45 || code === 0x2010 || code === 0xad || isApostropheCode(code)) return true;
  const digitsAround = isDigitCode(text.charCodeAt(j - 1)) && isDigitCode(text.charCodeAt(j + 1));
  if (code === 44 || code === 58 || code === 47) return digitsAround;
  if (code === 38) return isUpperCh(text[j - 1]!) && isUpperCh(text[j + 1]!);
  return false;
}

/** End of the punctuation token starting at i: runs of . - ! ? stay together, surrogate pairs too. */
function punctuationEnd(text: string, i: number, end: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) return i + 2;
  if (code === 46 || code === 45) {
    let j = i + 1;
    while (j < end && text.charCodeAt(j) === code) j++;
    return j;
  }
  if (code === 33 || code === 63) {
    let j = i + 1;
    while (j < end && (text.charCodeAt(j) === 33 || text.charCodeAt(j) === 63)) j++;
    return j;
  }
  return i + 1;
}
