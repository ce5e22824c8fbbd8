import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Name lists compiled into a token-sequence matcher. Categories come from world-countries
 * (country, capital, demonym) and from the files in lexicon/gazetteers (one category per file).
 * Keys are lower-cased token sequences joined by a space; a match must start with a capital
 * letter or a digit so that "turkey" or "house" in running text do not fire (role words,
 * category `title`, excepted).
 */
export interface GazetteerMatch {
  start: number;
  end: number;
  /** Category ids (index into Gazetteer.categories). */
  categories: number[];
  /** Canonical name of the first entry matched. */
  canonical: string;
}

/** A node of the name trie: the names that begin with the tokens read to reach it. */
export interface GazetteerNode {
  entry: GazetteerEntry | null;
  next: Map<string, GazetteerNode>;
}

export interface GazetteerEntry {
  categories: number[];
  canonical: string;
  /** True when every category of the entry may match lower-case text. */
  anyCase: boolean;
}

/** Files of lexicon/gazetteers that are name lists, with the category each gives. */
const FILE_CATEGORIES: Record<string, string> = {
  'igos.txt': 'igo',
  'outlets.txt': 'outlet',
  'government.txt': 'government',
  'cities.txt': 'city',
  'states.txt': 'state',
  'regions.txt': 'region',
  'groups.txt': 'group',
  'countries-extra.txt': 'country',
  'titles.txt': 'title',
  'first-names.txt': 'firstname',
};

/** Categories matched in any case: role words are often lower-case ("spokesman"). */
const ANY_CASE: ReadonlySet<string> = new Set(['title']);

export const CATEGORY_NAMES = ['country', 'capital', 'demonym', 'igo', 'outlet', 'government', 'city', 'state', 'region', 'group', 'title', 'firstname'] as const;
export type GazetteerCategory = (typeof CATEGORY_NAMES)[number];

export class Gazetteer {
  readonly categories: readonly string[] = CATEGORY_NAMES;
  private readonly entries = new Map<string, GazetteerEntry>();
  /** The entries as a trie over lower-cased tokens: matching walks it without building strings. */
  private readonly trie = new Map<string, GazetteerNode>();
  /** Head words that make a LOC a natural feature rather than a GPE. */
  readonly geoFeatureWords = new Set<string>();

  add(name: string, category: GazetteerCategory, canonical: string = name): void {
    const tokens = tokenizeEntry(name);
    if (tokens.length === 0) return;
    const key = tokens.join(' ').toLowerCase();
    const cat = CATEGORY_NAMES.indexOf(category);
    const entry = this.entries.get(key);
    const anyCase = ANY_CASE.has(category);
    if (entry) {
      if (!entry.categories.includes(cat)) entry.categories.push(cat);
      entry.anyCase &&= anyCase;
    } else {
      this.entries.set(key, { categories: [cat], canonical, anyCase });
    }
    let level = this.trie;
    let node: GazetteerNode | undefined;
    for (const t of tokens) {
      const lower = t.toLowerCase();
      node = level.get(lower);
      if (!node) {
        node = { entry: null, next: new Map() };
        level.set(lower, node);
      }
      level = node.next;
    }
    node!.entry = this.entries.get(key)!;
  }

  /** Categories of an exact name ("Russia" → country), or an empty list. */
  lookup(name: string): GazetteerCategory[] {
    const entry = this.entries.get(entryKey(name));
    return entry ? entry.categories.map((c) => CATEGORY_NAMES[c]!) : [];
  }

  /** Canonical name of a listed name ("NATO" → "North Atlantic Treaty Organization"). */
  canonical(name: string): string | undefined {
    return this.entries.get(entryKey(name))?.canonical;
  }

  /** The trie node of names beginning with this lower-cased token, or null (callers may cache it per word form). */
  head(lower: string): GazetteerNode | null {
    return this.trie.get(lower) ?? null;
  }

  /**
   * Longest, left-to-right, non-overlapping matches over a sentence's tokens. `heads`, when
   * given, holds each token's head(lower) so that it is not looked up again.
   */
  match(words: readonly string[], lower: readonly string[], heads?: readonly (GazetteerNode | null)[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const n = words.length;
    let i = 0;
    while (i < n) {
      let node: GazetteerNode | null | undefined = heads ? heads[i] : this.trie.get(lower[i]!);
      if (!node) {
        i++;
        continue;
      }
      const c = words[i]!.charCodeAt(0);
      const startsUpper = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && words[i]![0] !== words[i]![0]!.toLowerCase());
      let matched = 0;
      let entry: GazetteerEntry | undefined;
      for (let len = 1; node; len++) {
        const e = node.entry;
        if (e && (startsUpper || e.anyCase)) {
          matched = len;
          entry = e;
        }
        node = i + len < n ? node.next.get(lower[i + len]!) : undefined;
      }
      if (entry) {
        out.push({ start: i, end: i + matched, categories: entry.categories, canonical: entry.canonical });
        i += matched;
      } else {
        i++;
      }
    }
    return out;
  }
}

/** Words separated by single spaces, none ending in "'s": already tokenised as tokenizeEntry would. */
const PLAIN_NAME = /^[^\s']+(?: [^\s']+)*$/;

/** Key of a name in `entries`: its tokens, lower-cased, joined by a space. */
function entryKey(name: string): string {
  return PLAIN_NAME.test(name) ? name.toLowerCase() : tokenizeEntry(name).join(' ').toLowerCase();
}

/** Splits a listed name the way CoNLL and parley tokenise: on spaces, with "'s" apart. */
function tokenizeEntry(name: string): string[] {
  const out: string[] = [];
  for (const part of name.trim().split(/\s+/)) {
    if (part === '') continue;
    if (part.length > 2 && part.endsWith("'s")) out.push(part.slice(0, -2), "'s");
    else out.push(part);
  }
  return out;
}

/** Reads a list file: one entity per line, aliases after `|`, `#` comments. */
function readList(path: string): string[][] {
  const out: string[][] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    out.push(line.split('|').map((s) => s.trim()).filter((s) => s !== ''));
  }
  return out;
}

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

/** Plural of a demonym where English forms one ("Ukrainian" → "Ukrainians"; "French" stays). */
function demonymPlural(d: string): string | null {
  return /(an|i)$/.test(d) ? d + 's' : null;
}

/** Builds the gazetteer from world-countries and the list files in `dir`. */
export function loadGazetteer(dir: string): Gazetteer {
  const gaz = new Gazetteer();
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as WorldCountry[];
  for (const c of countries) {
    const name = c.name.common;
    gaz.add(name, 'country');
    gaz.add(c.name.official, 'country', name);
    // Two-letter codes ("IN", "NO") are ordinary words; longer spellings are names.
    for (const alt of c.altSpellings ?? []) if (alt.length > 3 || /^[A-Z]{3}$/.test(alt)) gaz.add(alt, 'country', name);
    for (const cap of c.capital ?? []) gaz.add(cap, 'capital');
    const eng = c.demonyms?.eng;
    for (const d of new Set([eng?.m, eng?.f])) {
      if (!d) continue;
      gaz.add(d, 'demonym');
      const plural = demonymPlural(d);
      if (plural) gaz.add(plural, 'demonym', d);
    }
  }
  if (!existsSync(dir)) throw new Error(`gazetteer directory not found: ${dir}`);
  for (const file of readdirSync(dir).sort()) {
    const category = FILE_CATEGORIES[file] as GazetteerCategory | undefined;
    if (file === 'geo-feature-words.txt') {
      for (const [word] of readList(join(dir, file))) gaz.geoFeatureWords.add(word!.toLowerCase());
      continue;
    }
    if (!category) continue;
    for (const names of readList(join(dir, file))) for (const n of names) gaz.add(n, category, names[0]);
  }
  return gaz;
}
