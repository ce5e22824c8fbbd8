import { isUpperCh } from './chars.js';
import { readLexiconJson, readLexiconLines } from './lexicon.js';

/** How a word written with a final period behaves (lexicon/text/abbreviations.json). */
export type AbbreviationKind = 'title' | 'number' | 'any';

interface AbbreviationFile {
  title: string[];
  number: string[];
  any: string[];
}

/** Abbreviations and sentence starters, compiled once into Maps/Sets. */
export class Abbreviations {
  private readonly kinds = new Map<string, AbbreviationKind>();
  readonly starters: Set<string>;

  constructor() {
    const file = readLexiconJson<AbbreviationFile>('text', 'abbreviations.json');
    for (const kind of ['title', 'number', 'any'] as const) {
      if (!Array.isArray(file[kind])) throw new Error(`lexicon text/abbreviations.json: "${kind}" must be a list`);
      for (const w of file[kind]) this.kinds.set(w.toLowerCase(), kind);
    }
    this.starters = new Set(readLexiconLines('text', 'sentence-starters.txt').map((w) => w.toLowerCase()));
  }

  /**
   * Kind of a token that ends in a period, or undefined for a plain word + period.
   * Letter-dot sequences ("U.S.", "p.m.") may end a sentence; single capital initials never do.
   */
  kindOfToken(token: string): AbbreviationKind | undefined {
    if (token.length < 2 || token[token.length - 1] !== '.') return undefined;
    const bare = token.slice(0, -1);
    if (bare.length === 1 && isUpperCh(bare)) return 'title';
    if (isDotted(bare)) return 'any';
    return this.kinds.get(bare.toLowerCase());
  }
}

/** "U.S", "p.m", "Ph.D": groups of one or two letters joined by periods. */
function isDotted(word: string): boolean {
  if (word.indexOf('.') < 0) return false;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (ch === '.') {
      if (run === 0) return false;
      run = 0;
    } else {
      const letter = ch.toLowerCase() !== ch.toUpperCase();
      if (!letter || ++run > 2) return false;
    }
  }
  return run > 0;
}
