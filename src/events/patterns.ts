/**
 * Event patterns as data (lexicon/events/patterns.json), compiled once: every word the patterns
 * name gets a small id, each element's forms become a bit set over the ids, and the patterns
 * are indexed by the ids of their anchor's forms. A document's tokens are looked up once
 * (`read`: one or two Map look-ups each); matching its sentences then only indexes arrays, and
 * only the few patterns anchored on a word are tried.
 *
 * Pattern syntax: space-separated elements, the first one (the anchor) a word. An element is
 * alternatives joined by "|"; "word/POS" also requires the Universal POS tag; "*" skips up to
 * GAP tokens inside one phrase (no clause break, no preposition but "of" or one before a
 * number), "+" likewise but at least one ("urged + to": someone is urged). Elements match a
 * token's lemma or any regular inflection of the word (so the coder does not depend on the tagger's lemmatiser). An
 * alternative may be a phrase joined by "_" ("military_aid|arms"); its last word inflects.
 */
import type { Token } from '../types.js';

export type Role = 'subj' | 'obj' | 'mod' | 'agent' | 'host' | 'recipient' | 'partner' | 'none';

export interface PatternEntry {
  code: string;
  /** verb: roles from subject/object (agent/subject when passive); noun: modifier or subject → prepositional object. */
  kind: 'verb' | 'noun';
  patterns: string[];
  /** Meetings, ceasefires, agreements: "between A and B" or "A and B" give both directions. */
  mutual?: boolean;
  /** Reciprocal acts ("held talks with", "spoke by phone with"): subject and object act on each other. */
  symmetric?: boolean;
  /** The object's act back, another code ("hosted the Lebanese president": the president made a visit, 042). */
  reply?: string;
  /** Overrides of the default roles of the kind. */
  source?: Role;
  target?: Role;
  /** Which actors the event must have to be reported ("release" needs whom it releases). */
  needs?: 'source' | 'target' | 'both';
  /** The code when the act is done to people an uncoded noun names ("the prisoners were freed" → 0841); such a noun meets `needs: target`. */
  people?: string;
  /** The place of the event stands for its target ("visited Beirut", "arrived in Moscow"). */
  placeTarget?: boolean;
  /** Domestic dissent with no named source ("thousands protested in Paris"): the place stands for it. */
  placeSource?: boolean;
  /**
   * What the act does with events in its complement: "suppress" them ("accused X of attacking
   * Y" is one accusation) or "yield" to them (a generic pledge gives way to what is pledged).
   */
  complement?: 'suppress' | 'yield';
  /** Added to the pattern's weight when patterns overlap ("demanded the withdrawal of troops" is a demand). */
  priority?: number;
  /** false for adjectival predicates that look passive ("is committed to dialogue"). */
  passive?: boolean;
  /** Only reported when no other pattern in the sentence gives an event (a killing in a reported attack). */
  secondary?: boolean;
  /** A standing state ("subject to sanctions"), or an intention by nature (CAMEO 03). */
  modality?: 'ongoing' | 'intended';
  /** Object words that give the words another sense ("met expectations" is no meeting). */
  unless?: string[];
  /** Words anywhere in the sentence that give the words another sense ("beat France 2-1 in the final" is sport). */
  unlessSentence?: string[];
  /** PLOVER type where the CAMEO table drops the code (statements, appeals). */
  plover?: string;
  ploverMode?: string;
}

interface Gap {
  minGap: number;
}

/** An element after the anchor with the gap allowed before it ("*": up to the lexicon's gap; "+": at least one). */
interface Step {
  el: Element;
  gap: boolean;
  minGap: number;
}

interface Element {
  /** One-word alternatives: accepted forms (lemmas and their inflections), lower case. */
  forms: Set<string>;
  /** Phrase alternatives: accepted forms of each word. */
  phrases: Array<Array<Set<string>>>;
  pos: string | null;
  /** The same forms as bit sets over vocabulary ids (filled once every pattern is read). */
  formBits: Uint32Array;
  phraseBits: Uint32Array[][];
}

export interface CompiledPattern {
  entry: PatternEntry;
  /** "code:pattern", reported as the event's rule. */
  name: string;
  anchor: Element;
  /** Elements after the anchor, each with the gap before it. */
  steps: Step[];
  /** Number of concrete elements: more specific patterns win over shorter ones. */
  weight: number;
}

export interface PatternMatch {
  pattern: CompiledPattern;
  /** Token indices (into Doc.tokens) of the matched words, ascending: the anchor first, the last word `last`. */
  tokens: number[];
  last: number;
}

export interface PatternLexicon {
  gap: number;
  /** Words and marks a gap does not cross. */
  gapStops: string[];
  /** Marks a gap skips without counting them ("accepts "some form" of guarantees"). */
  transparent: string[];
  irregular: Record<string, string[]>;
  entries: PatternEntry[];
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const ARTICLES = new Set(['a', 'an', 'the']);
const NP_BEFORE = new Set(['DET', 'ADJ', 'NUM', 'ADP', 'PRON']);

/**
 * A verb pattern's anchor used as a noun ("subsequent meetings", "the clash"). The tag alone
 * is not trusted: taggers call "clash" in "forces clash with" a noun.
 */
function nominalUse(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  // "the museum shooting", "tank shelling": a gerund after a determiner, adjective or noun.
  if (t.lower.endsWith('ing') && prev && (prev.pos === 'DET' || prev.pos === 'NOUN' || prev.pos === 'ADJ')) return true;
  // "a rally", "a campaign rally": a base form after an article (and a singular noun) is a noun whatever its tag.
  if (prev && t.lower === t.lemma && (ARTICLES.has(prev.lower) || (prev.pos === 'NOUN' && !prev.lower.endsWith('s') && ARTICLES.has(tokens[i - 2]?.lower ?? '')))) return true;
  if (!NOMINAL.has(t.pos)) return false;
  // "a mortar bomb was fired": a noun before its clause's verb.
  const next = tokens[i + 1];
  if (prev?.pos === 'NOUN' && next && (next.pos === 'AUX' || next.pos === 'VERB')) return true;
  return t.lower.endsWith('ings') || (prev !== undefined && NP_BEFORE.has(prev.pos));
}

/** A capitalised proper-noun token inside the sentence is part of a name ("Free Tibet" banners), not an act. */
function inName(tokens: Token[], i: number, sentenceStart: number): boolean {
  const t = tokens[i]!;
  return i > sentenceStart && t.pos === 'PROPN' && t.text[0] !== t.lower[0];
}

/** A noun pattern's anchor used as a finite verb ("pledged to"); gerunds ("shelling") stay nouns. */
function verbalUse(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX') && !t.lower.endsWith('ing');
}

/**
 * A verb that can head a clause: no gerund, no infinitive ("to impose") and no participle used as
 * an adjective before a noun ("targeted sanctions") — unless a name stands right before it
 * (`afterName`: "Petro suspended peace talks").
 */
export function clauseVerb(tokens: Token[], i: number, afterName = false): boolean {
  const t = tokens[i]!;
  if (t.pos !== 'VERB' || t.lower.endsWith('ing') || tokens[i - 1]?.lower === 'to') return false;
  return afterName || !participleBeforeNoun(tokens, i);
}

/** A past participle right before a noun or adjective ("the planned reform", "targeted sanctions"). */
export function participleBeforeNoun(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1];
  return /(ed|en)$/.test(tokens[i]!.lower) && next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ');
}

/** A finite verb: a verb form with no auxiliary, adverb or particle before it ("strikes", not "were imposed"). */
function finiteVerb(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return verbalUse(tokens[i]!) && !(prev && (prev.pos === 'AUX' || prev.pos === 'ADV' || prev.pos === 'PART'));
}

const NO_MATCHES: PatternMatch[] = [];
const EMPTY_BITS = new Uint32Array(0);

/** Token flags for gaps, read once per document. */
const GAP_STOP = 1;
const TRANSPARENT = 2;
/** A gap stops here: a gap stop, or a preposition but "of" or one before a number. */
const GAP_BREAK = 4;
/** The token's flags have been read (they are read only for tokens a gap reaches). */
const FLAGS_READ = 8;
/** A token the caller marked as crossed without counting (time expressions, joints of coordinated names). */
const SKIPPABLE = 16;

/** A document's tokens as vocabulary ids (0: a word no pattern names) and gap flags (PatternIndex.read). */
export interface TokenIds {
  tokens: Token[];
  lower: Int32Array;
  lemma: Int32Array;
  flags: Uint8Array;
}

function hasId(bits: Uint32Array, id: number): boolean {
  return ((bits[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
}

/** Regular inflections of a word: verbs' -s/-ed/-ing, nouns' plurals only (`nounOnly`). */
export function inflections(word: string, irregular: Record<string, string[]>, nounOnly = false): string[] {
  const out = new Set([word, ...(irregular[word] ?? [])]);
  if (word.includes(' ') || word.length < 2) return [...out];
  const last = word[word.length - 1]!;
  const consonantY = last === 'y' && !'aeiou'.includes(word[word.length - 2]!);
  const sibilant = /(s|x|z|ch|sh)$/.test(word);
  out.add(consonantY ? word.slice(0, -1) + 'ies' : sibilant ? word + 'es' : word + 's');
  if (nounOnly) return [...out];
  const stem = last === 'e' ? word.slice(0, -1) : consonantY ? word.slice(0, -1) + 'i' : word;
  out.add(last === 'e' ? word + 'd' : stem + 'ed');
  out.add((last === 'e' && !word.endsWith('ee') ? word.slice(0, -1) : word) + 'ing');
  // Doubled final consonant: "ban" → "banned", "plan" → "planning".
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(word)) {
    out.add(word + last + 'ed');
    out.add(word + last + 'ing');
  }
  return [...out];
}

function compileElement(text: string, irregular: Record<string, string[]>, where: string, nounOnly: boolean): Element {
  const el: Element = { forms: new Set(), phrases: [], pos: null, formBits: EMPTY_BITS, phraseBits: [] };
  for (const alt of text.split('|')) {
    const [word, tag] = alt.split('/');
    if (!word) throw new Error(`${where}: empty alternative in "${text}"`);
    if (tag) el.pos = tag;
    const words = word.toLowerCase().split('_');
    if (words.length === 1) for (const f of inflections(words[0]!, irregular, nounOnly)) el.forms.add(f);
    else el.phrases.push(words.map((w, i) => new Set(i === words.length - 1 ? inflections(w, irregular, nounOnly) : [w])));
  }
  return el;
}

/** Whether the token's form or lemma is one of `bits`. */
function wordIs(bits: Uint32Array, ids: TokenIds, j: number): boolean {
  return hasId(bits, ids.lower[j]!) || hasId(bits, ids.lemma[j]!);
}

/** Number of tokens the element matches at tokens[j] (0: no match). */
function elementAt(el: Element, ids: TokenIds, j: number, to: number): number {
  if (el.pos && ids.tokens[j]!.pos !== el.pos) return 0;
  // Phrases first: the longest reading of the words is the evidence ("entry permit", not "entry").
  for (const ph of el.phraseBits) {
    if (j + ph.length > to) continue;
    let k = 0;
    while (k < ph.length && wordIs(ph[k]!, ids, j + k)) k++;
    if (k === ph.length) return k;
  }
  return wordIs(el.formBits, ids, j) ? 1 : 0;
}

export class PatternIndex {
  /** Every word the patterns, gap stops and transparent marks name, as an id from 1. */
  private readonly vocabulary = new Map<string, number>();
  /** Patterns by the vocabulary id of each word form of their anchor. */
  private readonly byId: Array<CompiledPattern[] | undefined> = [];
  readonly patterns: CompiledPattern[] = [];
  private readonly gap: number;
  private readonly gapStops: Set<string>;
  private readonly transparent: Set<string>;
  /** Whether a transparent mark has capitals: otherwise a token whose text is not its lower case is none. */
  private readonly transparentCased: boolean;
  /** Gap flags of each vocabulary word. */
  private readonly wordFlags: number[] = [0];
  private readonly hit: number[] = [];
  /** How the current anchor word is used, read once for all patterns anchored on it: 0 not yet read, 1 yes, 2 no. */
  private nounUse = 0;
  private verbUse = 0;

  constructor(lexicon: PatternLexicon, file = 'patterns.json') {
    this.gap = lexicon.gap;
    this.gapStops = new Set(lexicon.gapStops);
    this.transparent = new Set(lexicon.transparent);
    this.transparentCased = lexicon.transparent.some((w) => w !== w.toLowerCase());
    const elements: Element[] = [];
    lexicon.entries.forEach((entry, i) => {
      const where = `${file} entry ${i} (code ${entry.code})`;
      if (!/^\d{2,4}$/.test(entry.code)) throw new Error(`${where}: bad CAMEO code`);
      if (entry.kind !== 'verb' && entry.kind !== 'noun') throw new Error(`${where}: kind must be verb or noun`);
      for (const text of entry.patterns) {
        const parts = text.trim().split(/\s+/);
        if (!parts[0] || parts[0] === '*') throw new Error(`${where}: pattern "${text}" must start with a word`);
        const anchor = compileElement(parts[0], lexicon.irregular, where, entry.kind === 'noun');
        const rest = parts.slice(1).map((p): Element | Gap => (p === '*' ? { minGap: 0 } : p === '+' ? { minGap: 1 } : compileElement(p, lexicon.irregular, where, false)));
        const weight = [anchor, ...rest].reduce((w, el) => w + ('minGap' in el ? 0 : 1 + (el.phrases.length && !el.forms.size ? 1 : 0)), 0);
        const steps: Step[] = [];
        let gap: Gap | null = null;
        for (const el of rest) {
          if ('minGap' in el) { gap = el; continue; }
          steps.push({ el, gap: gap !== null, minGap: gap?.minGap ?? 0 });
          elements.push(el);
          gap = null;
        }
        elements.push(anchor);
        const compiled: CompiledPattern = { entry, name: `${entry.code}:${text}`, anchor, steps, weight: weight + (entry.priority ?? 0) };
        this.patterns.push(compiled);
        const keys = new Set([...anchor.forms, ...anchor.phrases.flatMap((ph) => [...ph[0]!])]);
        for (const form of keys) {
          const id = this.idOf(form);
          const list = this.byId[id];
          if (list) list.push(compiled);
          else this.byId[id] = [compiled];
        }
      }
    });
    for (const el of elements) {
      for (const f of el.forms) this.idOf(f);
      for (const ph of el.phrases) for (const words of ph) for (const w of words) this.idOf(w);
    }
    for (const w of this.gapStops) this.wordFlags[this.idOf(w)]! |= GAP_STOP;
    for (const w of this.transparent) this.wordFlags[this.idOf(w)]! |= TRANSPARENT;
    for (const el of elements) {
      el.formBits = this.bits(el.forms);
      el.phraseBits = el.phrases.map((ph) => ph.map((words) => this.bits(words)));
    }
  }

  private idOf(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.vocabulary.size + 1;
      this.vocabulary.set(word, id);
      this.wordFlags[id] = 0;
    }
    return id;
  }

  private bits(words: Set<string>): Uint32Array {
    const bits = new Uint32Array((this.vocabulary.size >>> 5) + 1);
    for (const w of words) {
      const id = this.vocabulary.get(w)!;
      bits[id >>> 5]! |= 1 << (id & 31);
    }
    return bits;
  }

  /**
   * A document's tokens as vocabulary ids, for `match` on each of its sentences: each token's
   * form and lemma are looked up once. Tokens in `skippable` (time expressions and the like:
   * "urged Iran on Wednesday to …") are crossed by a gap without counting.
   */
  read(tokens: Token[], skippable?: Uint8Array): TokenIds {
    const n = tokens.length;
    const ids: TokenIds = { tokens, lower: new Int32Array(n), lemma: new Int32Array(n), flags: new Uint8Array(n) };
    if (skippable) for (let i = 0; i < n; i++) if (skippable[i]) ids.flags[i] = FLAGS_READ | SKIPPABLE;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      const lower = this.vocabulary.get(t.lower) ?? 0;
      ids.lower[i] = lower;
      ids.lemma[i] = t.lemma === t.lower ? lower : this.vocabulary.get(t.lemma) ?? 0;
    }
    return ids;
  }

  /** The gap flags of token i, read on first use. */
  private flagsAt(ids: TokenIds, i: number): number {
    const known = ids.flags[i]!;
    if (known) return known;
    const { tokens } = ids;
    const t = tokens[i]!;
    const lower = ids.lower[i]!;
    let flags = FLAGS_READ | (this.wordFlags[lower]! & GAP_STOP);
    if (t.text === t.lower ? this.wordFlags[lower]! & TRANSPARENT : this.transparentCased && this.transparent.has(t.text)) flags |= TRANSPARENT;
    if (flags & GAP_STOP || (t.pos === 'ADP' && t.lower !== 'of' && tokens[i + 1]?.pos !== 'NUM')) flags |= GAP_BREAK;
    ids.flags[i] = flags;
    return flags;
  }

  /** All pattern matches in tokens [from, to) of the document read into `ids`, best (heaviest) first, overlapping ones removed. */
  match(ids: TokenIds, from: number, to: number): PatternMatch[] {
    let found: PatternMatch[] | null = null;
    for (let i = from; i < to; i++) {
      const lemma = ids.lemma[i]!;
      const lower = ids.lower[i]!;
      const byLemma = this.byId[lemma];
      const byForm = lemma === lower ? undefined : this.byId[lower];
      if (!byLemma && !byForm) continue;
      this.nounUse = 0;
      this.verbUse = 0;
      let best = byLemma ? this.bestOf(byLemma, ids, i, from, to, null) : null;
      if (byForm) best = this.bestOf(byForm, ids, i, from, to, best);
      if (best) (found ??= []).push(best);
    }
    if (!found) return NO_MATCHES;
    if (found.length < 2) return found;
    found.sort((x, y) => y.pattern.weight - x.pattern.weight || x.tokens[0]! - y.tokens[0]!);
    const used = new Set<number>();
    const kept: PatternMatch[] = [];
    for (const m of found) {
      if (m.tokens.some((t) => used.has(t))) continue;
      for (const t of m.tokens) used.add(t);
      kept.push(m);
    }
    return kept.sort((x, y) => x.tokens[0]! - y.tokens[0]!);
  }

  /** The heaviest of `patterns` (anchored on token i) that matches there, or `best`. */
  private bestOf(patterns: CompiledPattern[], ids: TokenIds, i: number, from: number, to: number, best: PatternMatch | null): PatternMatch | null {
    const tokens = ids.tokens;
    for (const p of patterns) {
      if (p.entry.kind === 'verb') {
        if (this.nounUse === 0) this.nounUse = nominalUse(tokens, i) || inName(tokens, i, from) ? 1 : 2;
        if (this.nounUse === 1) continue;
      } else {
        if (this.verbUse === 0) this.verbUse = verbalUse(tokens[i]!) ? 1 : 2;
        if (this.verbUse === 1) continue;
      }
      // A one-word anchor with no tag to check matched when the word's form found the pattern.
      const n = p.anchor.phrases.length || p.anchor.pos ? elementAt(p.anchor, ids, i, to) : 1;
      if (!n) continue;
      // Only a heavier pattern can replace the best match so far.
      if (best && p.weight <= best.pattern.weight) continue;
      const m = this.matchRest(p, ids, i, n, to);
      // "the military "strikes only …"": a noun pattern whose last word is a finite verb (not a passive's participle) is no noun.
      if (m && p.entry.kind === 'noun' && m.length > 1 && finiteVerb(tokens, m[m.length - 1]!)) continue;
      if (m) best = { pattern: p, tokens: m, last: m[m.length - 1]! };
    }
    return best;
  }

  private matchRest(p: CompiledPattern, ids: TokenIds, anchor: number, anchorLength: number, to: number): number[] | null {
    // Matched positions go to a scratch list, copied out only on success.
    const hit = this.hit;
    hit.length = 0;
    for (let k = 0; k < anchorLength; k++) hit.push(anchor + k);
    let pos = anchor + anchorLength;
    for (const { el, gap: gapped, minGap } of p.steps) {
      const gap = gapped ? this.gap : 0;
      let found = -1;
      let length = 0;
      let limit = pos + gap;
      for (let j = pos; j < to && j <= limit; j++) {
        const f = this.flagsAt(ids, j);
        if (j < pos + minGap) {
          if (f & GAP_STOP) break;
          continue;
        }
        // Quotation marks are crossed inside a gap only ("the military "strikes only …"" is no "military strikes"); times anywhere.
        if (f & SKIPPABLE || (f & TRANSPARENT && gapped)) {
          limit++;
          continue;
        }
        if (f & TRANSPARENT) break;
        length = elementAt(el, ids, j, to);
        if (length) { found = j; break; }
        // A gap stays inside one phrase: no clause break, no preposition but "of".
        if (f & GAP_BREAK) break;
      }
      if (found < 0) return null;
      for (let k = 0; k < length; k++) hit.push(found + k);
      pos = found + length;
    }
    return hit.slice();
  }
}
