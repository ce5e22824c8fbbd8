import { BoundedMemo } from '../memo.js';
import { createRequire } from 'node:module';
import { PhraseTable, phraseTokens, type PhraseMatch } from './phrases.js';

export type PlaceKind = 'country' | 'demonym' | 'city' | 'region';

/** What a place word stands for: a country (ISO alpha-3) or a CAMEO region, and its standard name. */
export interface Place {
  code: string;
  kind: PlaceKind;
  /** Standard name of the country or region ("United States" for "the US" and "American"). */
  name: string;
  /** This name as the lexicon writes it ("Kyiv"), for text that writes it in the wrong case. */
  listed: string;
}

export interface CountriesFile {
  names: Record<string, string[]>;
  adjectives: Record<string, string[]>;
  cities: Record<string, string[]>;
  regions: Array<{ code: string; names: string[]; adjectives: string[] }>;
  /** world-countries codes replaced by the code CAMEO uses (Kosovo: UNK → XKX). */
  recode?: Record<string, string>;
}

interface WorldCountry {
  name: { common: string; official: string };
  cca3: string;
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

/** Written in the Latin alphabet (basic, supplement, extended A/B, extended additional). */
function isLatin(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x250 && !(c >= 0x1e00 && c <= 0x1eff)) return false;
  }
  return true;
}

/**
 * Country, demonym, city and region names → country codes. Built from the world-countries
 * package plus lexicon/actors/countries.json. Short all-capital forms ("US", "UK") match only
 * when written in capitals, so the pronoun "us" is never the United States.
 */
export class Places {
  private readonly byKey = new Map<string, Place>();
  private readonly capsOnly = new Set<string>();
  private readonly names = new Map<string, string>();
  private readonly regions = new Set<string>();
  private readonly memo = new BoundedMemo<string, Place>((text) => this.lookupUncached(text));
  /** Names of two words or more, for matching over tokens ("Republic of Congo"). */
  private readonly phrases = new PhraseTable<Place>();

  static load(file: CountriesFile, origin: string): Places {
    const places = new Places();
    const require = createRequire(import.meta.url);
    const world = require('world-countries') as WorldCountry[];
    const preferred: Record<string, string> = { USA: 'United States', GBR: 'United Kingdom' };
    const recode = file.recode ?? {};
    const codeOf = (c: WorldCountry): string => recode[c.cca3] ?? c.cca3;
    for (const c of world) places.names.set(codeOf(c), preferred[c.cca3] ?? c.name.common);
    // The lexicon's own names come first: they settle the ambiguous ones ("Congo", "Korea").
    for (const [code, list] of Object.entries(file.names)) places.addAll(code, 'country', list, origin);
    for (const [code, list] of Object.entries(file.adjectives)) places.addAll(code, 'demonym', list, origin);
    for (const [code, list] of Object.entries(file.cities)) places.addAll(code, 'city', list, origin);
    for (const c of world) {
      const code = codeOf(c);
      places.addAll(code, 'country', [c.name.common, c.name.official], origin);
      // Two-letter codes ("IN", "NO") are ordinary words; longer Latin spellings are names.
      places.addAll(code, 'country', (c.altSpellings ?? []).filter((a) => a.length > 3 && isLatin(a)), origin);
      const eng = c.demonyms?.eng;
      const demonyms = [eng?.m, eng?.f].filter((d): d is string => !!d);
      places.addAll(code, 'demonym', demonyms.flatMap((d) => (/(an|i)$/.test(d) ? [d, d + 's'] : [d])), origin);
      places.addAll(code, 'city', (c.capital ?? []).filter(isLatin), origin);
    }
    for (const r of file.regions) {
      places.names.set(r.code, r.names[0] ?? r.code);
      places.regions.add(r.code);
      places.addAll(r.code, 'region', r.names, origin);
      places.addAll(r.code, 'demonym', r.adjectives, origin);
    }
    return places;
  }

  private addAll(code: string, kind: PlaceKind, list: string[], origin: string): void {
    if (!/^[A-Z]{3}$/.test(code)) throw new Error(`${origin}: "${code}" is not a three-letter country or region code`);
    for (const text of list) {
      const tokens = keyTokens(text);
      const key = tokens.join(' ');
      if (key === '' || this.byKey.has(key)) continue;
      const place: Place = { code, kind, name: this.names.get(code) ?? text, listed: text };
      this.byKey.set(key, place);
      if (tokens.length > 1) this.phrases.addTokens(tokens, place);
      if ((text.length <= 3 || text.replace(/\./g, '').length <= 3) && text === text.toUpperCase()) this.capsOnly.add(key);
    }
  }

  /** The place a name stands for ("the US", "Russian", "Kyiv"), or undefined. */
  lookup(text: string): Place | undefined {
    return this.memo.get(text);
  }

  private lookupUncached(text: string): Place | undefined {
    const key = keyOf(text);
    const place = this.byKey.get(key);
    if (!place) return undefined;
    if (this.capsOnly.has(key) && text !== text.toUpperCase()) return undefined;
    return place;
  }

  /** Longest place name of two words or more starting at token i of normalised tokens. */
  longestAt(norm: readonly string[], i: number): PhraseMatch<Place> | null {
    return this.phrases.longestAt(norm, i);
  }

  /** The normalised tokens place names of two words or more begin with. */
  phraseFirstWords(): Iterable<string> {
    return this.phrases.firstWords();
  }

  /**
   * The normalised one-word names of countries, demonyms and cities (not regions, nor the short
   * forms matched only in capitals), for reading names written in the wrong case.
   */
  oneWordNames(): string[] {
    const out: string[] = [];
    for (const [key, place] of this.byKey) {
      if (key.indexOf(' ') < 0 && !this.capsOnly.has(key) && !this.regions.has(place.code)) out.push(key);
    }
    return out;
  }

  /** True for CAMEO region codes (EUR, MEA…), which are not countries. */
  isRegion(code: string): boolean {
    return this.regions.has(code);
  }

  /** Standard name of a country or region code. */
  nameOf(code: string): string | undefined {
    return this.names.get(code);
  }
}

function keyOf(text: string): string {
  return keyTokens(text).join(' ');
}

/** A place name's tokens without a leading "the". */
function keyTokens(text: string): string[] {
  const tokens = phraseTokens(text);
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  return tokens;
}
