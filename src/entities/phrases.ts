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
  for (const part of phrase.trim().split(/\s+/)) {
    if (part === '') continue;
    const p = part.replace(/[\u2018\u2019]/g, "'");
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
  private readonly memo = new Map<string, T | null>();
  /** Last words of the phrases: most tokens are rejected by one Set lookup. */
  private readonly lastWords = new Set<string>();
  private maxLen = 0;
  /** The phrases as a token trie: matching at a position walks it without building strings. */
  private readonly root: TrieNode<T> = { next: new Map() };

  /** Adds a phrase; an existing entry for the same tokens is kept (first one wins). */
  add(phrase: string, value: T): void {
    const tokens = phraseTokens(phrase);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (!this.map.has(key)) this.map.set(key, value);
    let node = this.root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t);
      if (!child) {
        child = {};
        node.next.set(t, child);
      }
      node = child;
    }
    if (!('value' in node)) node.value = value;
    this.lastWords.add(tokens[tokens.length - 1]!);
    if (tokens.length > this.maxLen) this.maxLen = tokens.length;
  }

  /** The entry for a whole phrase, in any case or spelling of its tokens. */
  get(phrase: string): T | undefined {
    const cached = this.memo.get(phrase);
    if (cached !== undefined) return cached ?? undefined;
    const value = this.map.get(phraseTokens(phrase).join(' '));
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(phrase, value ?? null);
    return value;
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
    if (!this.lastWords.has(norm[j]!)) return null;
    for (let len = Math.min(this.maxLen, j - floor + 1); len >= 1; len--) {
      const v = this.map.get(norm.slice(j - len + 1, j + 1).join(' '));
      if (v !== undefined) return { start: j - len + 1, end: j + 1, value: v };
    }
    return null;
  }
}
