import type { ActorLexicon } from './lexicon.js';

/** Bits of FirstWords.of: which lexicon tables have a phrase beginning with the word. */
export const STARTS = {
  leader: 1,
  org: 2,
  /** Place names of two words or more. */
  place: 4,
  institution: 8,
  group: 16,
  pronoun: 32,
  /** The definite article, which opens descriptions ("the official"). */
  the: 64,
  /** One-word place names that are no ordinary word, for names written in the wrong case ("iSrael"). */
  placeWord: 128,
  /** Role nouns ("minister", "secretary of state"), for roles named without a holder's name. */
  role: 256,
} as const;

/**
 * The words lexicon phrases start with, each with its STARTS bits: the scans over every token
 * reject nearly all tokens by one Map lookup that misses, instead of one lookup per table.
 */
export class FirstWords {
  private readonly bits = new Map<string, number>();

  constructor(lex: ActorLexicon) {
    const add = (words: Iterable<string>, bit: number): void => {
      for (const w of words) this.bits.set(w, (this.bits.get(w) ?? 0) | bit);
    };
    add(lex.leaderNames.firstWords(), STARTS.leader);
    add(lex.orgs.firstWords(), STARTS.org);
    add(lex.places.phraseFirstWords(), STARTS.place);
    add(lex.institutions.firstWords(), STARTS.institution);
    add(lex.groups.firstWords(), STARTS.group);
    add(lex.pronouns.keys(), STARTS.pronoun);
    add(['the'], STARTS.the);
    add(lex.places.oneWordNames().filter((w) => !lex.commonWords.has(w)), STARTS.placeWord);
    add(lex.roles.firstWords(), STARTS.role);
  }

  /** STARTS bits of a normalised token (0 for most). */
  of(norm: string): number {
    return this.bits.get(norm) ?? 0;
  }
}


const compiled = new WeakMap<ActorLexicon, FirstWords>();

/** The first words of a lexicon's phrases, compiled on first use. */
export function firstWordsOf(lex: ActorLexicon): FirstWords {
  let f = compiled.get(lex);
  if (!f) {
    f = new FirstWords(lex);
    compiled.set(lex, f);
  }
  return f;
}
