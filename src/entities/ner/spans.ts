import type { EntityType } from '../../types.js';
import type { Gazetteer, GazetteerCategory } from './gazetteer.js';

const GPE_CATEGORIES: ReadonlySet<GazetteerCategory> = new Set(['country', 'capital', 'city', 'state']);
const NORP_CATEGORIES: ReadonlySet<GazetteerCategory> = new Set(['demonym', 'group']);

/**
 * Parley type of a CoNLL-typed span. LOC becomes GPE unless the gazetteer lists it as a
 * region or it is headed by a natural-feature word ("Black Sea", "Dnieper River"): in news,
 * an unlisted single place name is far more often a town than a mountain. MISC becomes NORP
 * for nationalities and groups ("Russian", "Ukrainians", "Kurds"), and a place when listed as one.
 */
export function parleyType(conllType: string, words: readonly string[], gazetteer: Gazetteer): EntityType {
  switch (conllType) {
    case 'PER':
      return 'PERSON';
    case 'ORG':
      return 'ORG';
    case 'LOC': {
      const cats = gazetteer.lookup(words.join(' '));
      if (cats.some((c) => GPE_CATEGORIES.has(c))) return 'GPE';
      if (cats.includes('region')) return 'LOC';
      return words.some((w) => gazetteer.geoFeatureWords.has(w.toLowerCase())) ? 'LOC' : 'GPE';
    }
    default: {
      // A listed place the model called MISC ("the Arctic") is still a place.
      const cats = gazetteer.lookup(words.join(' '));
      if (cats.some((c) => NORP_CATEGORIES.has(c))) return 'NORP';
      if (cats.some((c) => GPE_CATEGORIES.has(c))) return 'GPE';
      return cats.includes('region') ? 'LOC' : 'MISC';
    }
  }
}

/** Parley type a gazetteer category gives a name found by the gazetteer alone. */
export function categoryType(category: GazetteerCategory): EntityType | null {
  if (GPE_CATEGORIES.has(category)) return 'GPE';
  if (NORP_CATEGORIES.has(category)) return 'NORP';
  if (category === 'igo' || category === 'outlet' || category === 'government') return 'ORG';
  return null;
}
