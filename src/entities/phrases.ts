import { BoundedMemo } from '../memo.js';

/**
 * Token-sequence tables: lexicon phrases ("prime minister", "foreign ministry") compiled into a
 * Map keyed by normalised tokens, matched at a position forwards or backwards in O(max length).
 */

/** Comparable form of a token: lower case, typographic apostrophes made ASCII, an abbreviation's dot dropped. */
export function normToken(text: string): string {
  return normLower(text.toLowerCase());
}

/** normToken of text already in lower case (Token.lower). */
export function normLower(lower: string): string {
  let t = lower;
  if (t.indexOf('\u2019') >= 0 || t.indexOf('\u2018') >= 0) t = t.replace(/[\u2018\u2019]/g, "'");
  const n = t.length;
  if (n > 1 && t.charCodeAt(n - 1) === 46 && t.indexOf('.') === n - 1) t = t.slice(0, -1);
  return t;
}

/** Splits a lexicon phrase the way the segmenter tokenises: on spaces, with a possessive 's apart. */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  const plain = phrase.indexOf('\u2019') < 0 && phrase.indexOf('\u2018') < 0 ? phrase : phrase.replace(/[\u2018\u2019]/g, "'");
  for (const p of plain.trim().split(/\s+/)) {
    if (p === '') continue;
    if (p.length > 2 && p.endsWith("'s")) out.push(normToken(p.slice(0, -2)), "'s");
    else out.push(normToken(p));
  }
  return out;
}

export interface PhraseMatch<T> {
  /** Token index where the match starts (inclusive) and ends (exclusive). */
  start: number;
  end: number;
  value: T;
}

interface TrieNode<T> {
  value?: T;
  next?: Map<string, TrieNode<T>>;
}

export class PhraseTable<T> {
  private readonly map = new Map<string, T>();
  /** Whole-phrase lookups already answered (names repeat); emptied rather than grown without bound. */
  private readonly memo = new BoundedMemo<string, T>((phrase) => this.map.get(phraseTokens(phrase).join(' ')));
  /** The phrases as a token trie: matching at a position walks it without building strings. */
  private readonly root: TrieNode<T> = { next: new Map() };
  /** The phrases' tokens last to first, for matching backwards from a position (built on first use). */
  private reversed: TrieNode<T> | null = null;

  /** Adds a phrase; an existing entry for the same tokens is kept (first one wins). */
  add(phrase: string, value: T): void {
    this.addTokens(phraseTokens(phrase), value);
  }

  /** Adds a phrase already split by phraseTokens. */
  addTokens(tokens: readonly string[], value: T): void {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (!this.map.has(key)) this.map.set(key, value);
    insert(this.root, tokens, 0, 1, value);
    this.reversed = null;
    this.memo.clear();
  }

  /** The normalised tokens phrases begin with. */
  firstWords(): Iterable<string> {
    return this.root.next!.keys();
  }

  /** The entry for a whole phrase, in any case or spelling of its tokens. */
  get(phrase: string): T | undefined {
    return this.memo.get(phrase);
  }

  /** Longest phrase starting at token `i` of the normalised tokens, not reaching `limit`. */
  longestAt(norm: readonly string[], i: number, limit = norm.length): PhraseMatch<T> | null {
    if (i >= limit) return null;
    let node = this.root.next!.get(norm[i]!);
    let best: PhraseMatch<T> | null = null;
    for (let k = i + 1; node; k++) {
      if ('value' in node) best = { start: i, end: k, value: node.value as T };
      if (k >= limit || !node.next) break;
      node = node.next.get(norm[k]!);
    }
    return best;
  }

  /** Longest phrase ending at token `j` (inclusive), not starting before `floor`. */
  longestEndingAt(norm: readonly string[], j: number, floor = 0): PhraseMatch<T> | null {
    if (j < floor) return null;
    let node = this.reversedTrie().next!.get(norm[j]!);
    let best: PhraseMatch<T> | null = null;
    for (let k = j; node; k--) {
      if ('value' in node) best = { start: k, end: j + 1, value: node.value as T };
      if (k <= floor || !node.next) break;
      node = node.next.get(norm[k - 1]!);
    }
    return best;
  }

  private reversedTrie(): TrieNode<T> {
    if (!this.reversed) {
      // The Map holds each phrase's first value, as the forward trie does.
      this.reversed = { next: new Map() };
      for (const [key, value] of this.map) {
        const tokens = key.split(' ');
        insert(this.reversed, tokens, tokens.length - 1, -1, value);
      }
    }
    return this.reversed;
  }
}

/** Adds tokens (from index `from`, stepping by `step`) as a path of the trie; the first value for a path wins. */
function insert<T>(root: TrieNode<T>, tokens: readonly string[], from: number, step: 1 | -1, value: T): void {
  let node = root;
  for (let i = from; i >= 0 && i < tokens.length; i += step) {
    node.next ??= new Map();
    const t = tokens[i]!;
    let child = node.next.get(t);
    if (!child) {
      child = {};
      node.next.set(t, child);
    }
    node = child;
  }
  if (!('value' in node)) node.value = value;
}
