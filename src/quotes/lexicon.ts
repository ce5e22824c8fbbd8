// The quotes layer's linguistic data (lexicon/quotes/*.json, plus the entity layer's outlet
// gazetteer and role nouns), compiled once into Maps keyed on lower-case token sequences.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WordSieve } from '../text/lexicon.js';

export type CueFrame = 'clause' | 'np' | 'tell' | 'as' | 'source' | 'possessive';
export type CueClass = 'speech' | 'assertion' | 'emphasis' | 'concession' | 'evaluation' | 'source-phrase' | 'document';

export interface Cue {
  lemma: string;
  class: CueClass;
  frame: CueFrame;
  kind: 'verb' | 'phrase' | 'noun';
}

/** Lower-case token sequences, looked up by their first token, longest first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ words: string[]; value: T }>>();

  add(phrase: string, value: T): void {
    const words = splitWords(phrase);
    if (!words.length) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** Longest entry matching at `i` of `words` (lower-case tokens), with its length. */
  match(words: readonly string[], i: number, end = words.length): { value: T; length: number } | null {
    const list = this.byFirst.get(words[i]!);
    if (!list) return null;
    for (const e of list) {
      if (i + e.words.length > end) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) ok = words[i + k] === e.words[k];
      if (ok) return { value: e.value, length: e.words.length };
    }
    return null;
  }

  has(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** First words of the entries that are one word long. */
  *singleWords(): IterableIterator<string> {
    for (const [first, list] of this.byFirst) if (list.some((e) => e.words.length === 1)) yield first;
  }

  /** The words entries start with. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }
}

/** Bits of QuotesLexicon.openers: the word lists tested at every token or every sentence. */
export const OPENS = { cue: 1, setting: 2, outletHead: 4, outlet: 8, platform: 16, topicShift: 32, connective: 64, frameStart: 128 } as const;

/** Split a lexicon phrase the way the tokenizer splits text: words, "'s" and punctuation apart. */
function splitWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/(['’]s)\b/g, ' $1')
    .replace(/([,.;:!?()"“”])/g, ' $1 ')
    .split(/\s+/)
    .filter(Boolean);
}

export interface QuotesLexicon {
  cues: PhraseTable<Cue>;
  settings: PhraseTable<string>;
  sharedSettings: Set<string>;
  outlets: PhraseTable<string>;
  platforms: PhraseTable<string>;
  outletHeads: PhraseTable<string>;
  reportVerbs: Set<string>;
  frameStarts: Set<string>;
  titles: Set<string>;
  particles: Set<string>;
  pronouns: Map<string, 'male' | 'female' | null>;
  objectPronouns: Map<string, 'male' | 'female' | null>;
  possessives: Map<string, 'male' | 'female' | null>;
  documents: PhraseTable<string>;
  skip: Set<string>;
  connectives: PhraseTable<string>;
  topicShift: PhraseTable<string>;
  addressees: PhraseTable<string>;
  nonSpeech: PhraseTable<string>;
  /** Canonical outlet name for any alias (lower-case key). */
  outletCanonical: Map<string, string>;
  /** Gender of common first names (lexicon/actors/first-names.json), lower-case keys. */
  firstNames: Map<string, 'male' | 'female'>;
  /** First word → OPENS bits of the tables with an entry starting with it. */
  openers: Map<string, number>;
  /** Rejects most words that are not keys of `openers` without the look-up. */
  openerSieve: WordSieve;
}

/** The repository's lexicon directory, found from this module (src/ or dist/src/). */
export function lexiconDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'lexicon', 'quotes'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('lexicon/quotes not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return join(dir, 'lexicon');
}

function readJson(path: string): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function strings(file: string, data: Record<string, unknown>, key: string): string[] {
  const v = data[key];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new Error(`${file}: '${key}' must be a list of strings`);
  return v as string[];
}

function genders(file: string, data: Record<string, unknown>, key: string): Map<string, 'male' | 'female' | null> {
  const v = data[key];
  if (!v || typeof v !== 'object') throw new Error(`${file}: '${key}' must be an object`);
  return new Map(Object.entries(v as Record<string, 'male' | 'female' | null>));
}

const CLASSES = new Set(['speech', 'assertion', 'emphasis', 'concession', 'evaluation', 'source-phrase', 'document']);
const FRAMES = new Set(['clause', 'np', 'tell', 'as', 'source', 'possessive']);

function table(list: string[]): PhraseTable<string> {
  const t = new PhraseTable<string>();
  for (const p of list) t.add(p, p.toLowerCase());
  return t;
}

let cached: QuotesLexicon | null = null;

/** Load and compile the lexicons once per process. */
export function loadQuotesLexicon(dir = lexiconDir()): QuotesLexicon {
  if (cached) return cached;
  const cuesFile = join(dir, 'quotes', 'cues.json');
  const cuesData = readJson(cuesFile);
  const cues = new PhraseTable<Cue>();
  const list = cuesData.cues;
  if (!Array.isArray(list)) throw new Error(`${cuesFile}: 'cues' must be a list`);
  list.forEach((raw: unknown, n: number) => {
    const e = raw as { lemma?: unknown; class?: unknown; frame?: unknown; forms?: unknown; kind?: unknown };
    if (typeof e.lemma !== 'string' || !CLASSES.has(String(e.class)) || !FRAMES.has(String(e.frame)) || !Array.isArray(e.forms)) {
      throw new Error(`${cuesFile}: cue #${n + 1} needs lemma, class (${[...CLASSES].join('|')}), frame and forms`);
    }
    const cue: Cue = { lemma: e.lemma, class: e.class as CueClass, frame: e.frame as CueFrame, kind: (e.kind as Cue['kind']) ?? 'verb' };
    for (const f of e.forms as string[]) cues.add(f, cue);
  });

  const chFile = join(dir, 'quotes', 'channels.json');
  const ch = readJson(chFile);
  const outlets = new PhraseTable<string>();
  const outletCanonical = new Map<string, string>();
  const addOutletLine = (line: string) => {
    const names = line.split('|').map((s) => s.trim()).filter(Boolean);
    const canonical = outletCanonical.get(names[0]!.toLowerCase()) ?? names[0]!;
    for (const n of names) {
      outlets.add(n, canonical);
      if (!outletCanonical.has(n.toLowerCase())) outletCanonical.set(n.toLowerCase(), canonical);
    }
  };
  const gazetteer = join(dir, 'gazetteers', 'outlets.txt');
  if (existsSync(gazetteer)) {
    for (const line of readFileSync(gazetteer, 'utf8').split('\n')) if (line.trim() && !line.startsWith('#')) addOutletLine(line);
  }
  for (const line of strings(chFile, ch, 'outlets')) addOutletLine(line);
  const platforms = table(strings(chFile, ch, 'platforms'));
  for (const p of strings(chFile, ch, 'platforms')) outletCanonical.set(p.toLowerCase(), p);

  const spFile = join(dir, 'quotes', 'speakers.json');
  const sp = readJson(spFile);
  const titles = new Set(strings(spFile, sp, 'titles'));
  const rolesFile = join(dir, 'actors', 'roles.json');
  if (existsSync(rolesFile)) {
    const roles = readJson(rolesFile).roles;
    if (roles && typeof roles === 'object') for (const k of Object.keys(roles)) if (!/\s/.test(k)) titles.add(k);
  }
  const firstNames = new Map<string, 'male' | 'female'>();
  const namesFile = join(dir, 'actors', 'first-names.json');
  if (existsSync(namesFile)) {
    const names = readJson(namesFile);
    for (const g of ['male', 'female'] as const) {
      const list = names[g];
      if (Array.isArray(list)) for (const n of list) if (typeof n === 'string') firstNames.set(n.toLowerCase(), g);
    }
  }
  const documents = table(strings(spFile, sp, 'documents'));
  const settings = table(strings(chFile, ch, 'settings'));
  const outletHeads = table(strings(chFile, ch, 'outletHeads'));
  const connectives = table(strings(spFile, sp, 'connectives'));
  const topicShift = table(strings(spFile, sp, 'topicShift'));
  const frameStarts = new Set(strings(chFile, ch, 'frameStarts'));
  const openers = new Map<string, number>();
  const mark = (w: string, bit: number) => openers.set(w, (openers.get(w) ?? 0) | bit);
  const scanned: Array<[PhraseTable<unknown>, number]> = [
    [cues, OPENS.cue], [settings, OPENS.setting], [outletHeads, OPENS.outletHead], [outlets, OPENS.outlet],
    [topicShift, OPENS.topicShift], [connectives, OPENS.connective],
  ];
  for (const [t, bit] of scanned) for (const w of t.firstWords()) mark(w, bit);
  for (const w of frameStarts) mark(w, OPENS.frameStart);
  // A platform is read from one token, which may carry a sentence's final period ("on X.").
  for (const p of platforms.singleWords()) for (const w of [p, p + '.']) mark(w, OPENS.platform);

  cached = {
    cues,
    settings,
    sharedSettings: new Set(strings(chFile, ch, 'sharedSettings')),
    outlets,
    platforms,
    outletHeads,
    reportVerbs: new Set(strings(chFile, ch, 'reportVerbs')),
    frameStarts,
    titles,
    particles: new Set(strings(spFile, sp, 'particles')),
    pronouns: genders(spFile, sp, 'pronouns'),
    objectPronouns: genders(spFile, sp, 'objectPronouns'),
    possessives: genders(spFile, sp, 'possessives'),
    documents,
    skip: new Set(strings(spFile, sp, 'skip')),
    connectives,
    topicShift,
    addressees: table(strings(spFile, sp, 'addressees')),
    nonSpeech: table(strings(spFile, sp, 'nonSpeech')),
    outletCanonical,
    firstNames,
    openers,
    openerSieve: new WordSieve(openers.keys()),
  };
  return cached;
}
