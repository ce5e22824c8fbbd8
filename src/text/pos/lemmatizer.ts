import { readLexiconJson } from '../lexicon.js';
import { NUM_TAGS, UPOS } from './tags.js';

interface LemmaFile {
  minStem: number;
  any: Record<string, string>;
  irregular: Record<string, Record<string, string>>;
  rules: Record<string, Array<[string, string]>>;
  restoreE: string[];
  silentE: string[];
  keepIfContains: string[];
  spelling: Record<string, string>;
  spellingSuffixes: Array<[string, string]>;
}

/** One tag's suffix rules: replacement by suffix, tried longest first. */
interface SuffixRules {
  bySuffix: Map<string, string>;
  lengths: number[];
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
/** A stem ending in one of these takes no silent e back (showed, played, fixed). */
const NO_E_AFTER = new Set(['w', 'x', 'y']);
/** Words longer than this keep themselves: no English word is this long. */
const MAX_WORD = 40;
/** Lemma cache bound per tag: a long-running process must not grow without limit. */
const MAX_CACHED = 50_000;

/**
 * Lemmas from lexicon/text/lemmas.json: forms with one lemma whatever their tag, irregular
 * forms per tag, then per-tag suffix rules (longest suffix first). VERB rules serve AUX too.
 * Lemmas are lower-case; a word nothing applies to is its own lemma.
 */
export class Lemmatizer {
  private readonly any: Map<string, string>;
  private readonly irregular = new Map<string, Map<string, string>>();
  private readonly rules = new Map<string, SuffixRules>();
  private readonly restoreE: Set<string>;
  private readonly minStem: number;
  private readonly silentE: string[];
  private readonly keepIfContains: string[];
  /** Per tag index: word as written → lemma. */
  private readonly cache = Array.from({ length: NUM_TAGS }, () => new Map<string, string>());
  private readonly spelling: Map<string, string>;
  private readonly spellingSuffixes: Array<[string, string]>;

  constructor(file: LemmaFile = readLexiconJson<LemmaFile>('text', 'lemmas.json')) {
    checkShape(file);
    this.any = new Map(Object.entries(file.any));
    for (const [tag, forms] of Object.entries(file.irregular)) this.irregular.set(tag, new Map(Object.entries(forms)));
    for (const [tag, list] of Object.entries(file.rules)) {
      const bySuffix = new Map<string, string>();
      for (const [suffix, replacement] of list) {
        if (bySuffix.has(suffix)) throw new Error(`lexicon text/lemmas.json: ${tag} rule for "-${suffix}" given twice`);
        bySuffix.set(suffix, replacement);
      }
      const lengths = [...new Set(list.map(([s]) => s.length))].sort((a, b) => b - a);
      this.rules.set(tag, { bySuffix, lengths });
    }
    this.restoreE = new Set(file.restoreE);
    this.minStem = file.minStem;
    this.silentE = file.silentE;
    this.keepIfContains = file.keepIfContains;
    this.spelling = new Map(Object.entries(file.spelling));
    this.spellingSuffixes = file.spellingSuffixes;
  }

  /**
   * Does the stem left by -ed/-ing end in a silent e that was dropped? One syllable ending
   * vowel + consonant (hop, vot, us: hoped, voting, used), or a listed ending (settl, declar).
   */
  private takesSilentE(stem: string): boolean {
    for (const end of this.silentE) if (stem.endsWith(end) && stem.length > end.length) return true;
    const n = stem.length;
    if (n < 2) return false;
    const last = stem[n - 1]!;
    if (vowelAt(stem, n - 1) || NO_E_AFTER.has(last) || !vowelAt(stem, n - 2)) return false;
    let vowels = 0;
    for (let i = 0; i < n; i++) if (vowelAt(stem, i)) vowels++;
    return vowels === 1;
  }

  /** Lemma of a word as written, with the tag of that index in UPOS (cached). */
  lemmaOf(word: string, tag: number): string {
    const cache = this.cache[tag]!;
    let lemma = cache.get(word);
    if (lemma === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear();
      lemma = this.lemma(word.toLowerCase(), UPOS[tag]!);
      cache.set(word, lemma);
    }
    return lemma;
  }

  /** Lemma of a lower-cased word with the given Universal POS tag, in American spelling. */
  lemma(lower: string, tag: string): string {
    const base = this.baseForm(lower, tag);
    const us = this.spelling.get(base);
    if (us !== undefined) return us;
    for (const [uk, replacement] of this.spellingSuffixes) if (base.endsWith(uk)) return base.slice(0, -uk.length) + replacement;
    return base;
  }

  private baseForm(lower: string, tag: string): string {
    if (lower.length > MAX_WORD) return lower;
    const any = this.any.get(lower);
    if (any !== undefined) return any;
    for (const c of this.keepIfContains) if (lower.includes(c)) return lower;
    const ruleTag = tag === 'AUX' ? 'VERB' : tag;
    const irregular = this.irregular.get(ruleTag)?.get(lower);
    if (irregular !== undefined) return irregular;
    const rules = this.rules.get(ruleTag);
    if (!rules) return lower;
    for (const n of rules.lengths) {
      if (n > lower.length) continue;
      const suffix = lower.slice(-n);
      const replacement = rules.bySuffix.get(suffix);
      if (replacement === undefined) continue;
      const stem = lower.slice(0, -n);
      if (stem.length + replacement.length < this.minStem || !hasVowel(stem + replacement)) return lower;
      const out = stem + replacement;
      return this.restoreE.has(suffix) && this.takesSilentE(stem) ? out + 'e' : out;
    }
    return lower;
  }
}

/** True for the letters of w that sound as vowels ("u" after "q" does not). */
function vowelAt(w: string, i: number): boolean {
  return VOWELS.has(w[i]!) && !(w[i] === 'u' && w[i - 1] === 'q');
}

function hasVowel(w: string): boolean {
  for (const ch of w) if (VOWELS.has(ch) || ch === 'y') return true;
  return false;
}

/** A clear error for a lemma file without the fields this engine reads. */
function checkShape(file: LemmaFile): void {
  const fail = (what: string): never => {
    throw new Error(`lexicon text/lemmas.json: ${what}`);
  };
  if (typeof file.minStem !== 'number') fail('"minStem" must be a number');
  for (const key of ['any', 'spelling'] as const) if (typeof file[key] !== 'object' || file[key] === null) fail(`"${key}" must be an object of form -> lemma`);
  for (const key of ['irregular', 'rules'] as const) if (typeof file[key] !== 'object' || file[key] === null) fail(`"${key}" must be an object keyed by tag`);
  for (const key of ['restoreE', 'silentE', 'keepIfContains', 'spellingSuffixes'] as const) if (!Array.isArray(file[key])) fail(`"${key}" must be a list`);
  for (const [tag, list] of Object.entries(file.rules)) {
    if (!Array.isArray(list) || list.some((r) => !Array.isArray(r) || r.length !== 2 || typeof r[0] !== 'string' || typeof r[1] !== 'string' || r[0] === '')) {
      fail(`rules for ${tag} must be [suffix, replacement] pairs of strings`);
    }
  }
}
