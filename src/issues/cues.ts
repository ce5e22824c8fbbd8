import { join } from 'node:path';
import { lexiconDir } from '../text/lexicon.js';
import type { Modality, Stance } from '../types.js';
import { readBundled } from './bundled.js';

/** lexicon/issues/stance.json: words that show where a speaker stands on what they talk about. */
export interface StanceLexicon {
  version: 1;
  /** Verbs and phrases of acceptance or rejection, and what they mean under negation. */
  attitudes: Array<{ phrase: string; stance: Stance; negated: Stance }>;
  /** "only if", "contingent upon": the position holds under a condition. */
  conditions: string[];
  /** "with the exception of X": X is carved out of the position the clause takes. */
  exceptions: string[];
  /** Stance an event's CAMEO code (or code prefix) implies for its source actor. */
  cameo: Array<{ code: string; stance: Stance }>;
  /** How many words before an attitude cue its holder ("Russia accepts") may stand. */
  holderWindow: number;
  /** How many words an exception's scope reaches at most. */
  exceptionScope: number;
}

/** lexicon/issues/progress.json: words that show an issue moving forward (+1) or back (−1). */
export interface ProgressLexicon {
  version: 1;
  /** `with`: count the cue only when one of these words is in the sentence ("imposed" + "moratorium"). */
  cues: Array<{ phrase: string; progress: 1 | -1; with?: string[] }>;
  cameo: Array<{ code: string; progress: 1 | -1 }>;
  /** Words before a cue that make it not (yet) a fact: "would", "plans to", "potential". */
  hedges: Array<{ phrase: string; modality: Modality }>;
  /**
   * Past perfect in a relative clause right before a cue ("relations, which had stagnated"): background
   * to the news, not a step in it. A bare "had" is not: reported speech backshifts news ("said they had agreed").
   */
  background: string[];
  backgroundWindow: number;
  /** Event modalities whose progress counts. */
  countedModalities: Modality[];
  /** Event modalities whose CAMEO code alone counts as progress: a sanction in force is no new step. */
  cameoModalities: Modality[];
  /** How many words before a cue a hedge or negator may stand. */
  window: number;
}

/** lexicon/issues/discourse.json: clause structure shared by the stance and progress rules. */
export interface DiscourseLexicon {
  version: 1;
  negators: string[];
  /** How many words before a cue a negator may stand ("does not accept"). */
  negationWindow: number;
  /** Infinitive markers: "to restore" is an aim, not a restoration. */
  infinitive: string[];
  /** Words that start a new clause: cue windows stop there. */
  clauseBreaks: string[];
  /** Prefixes that stay joined to the rest of a hyphenated word ("de-escalate", "non-proliferation"). */
  boundPrefixes: string[];
  /** Determiners that point back ("such opportunities"): the sentence inherits the previous one's issues. */
  anaphors: string[];
  /** The anaphor must stand within this many words of the sentence start. */
  anaphorWindow: number;
}

export interface CueLexicons {
  stance: StanceLexicon;
  progress: ProgressLexicon;
  discourse: DiscourseLexicon;
}

/** Read the cue lexicons of lexicon/issues/ (bundled files: shape-checked, see bundled.ts). */
export function loadCueLexicons(dir = join(lexiconDir, 'issues')): CueLexicons {
  return {
    stance: readBundled<StanceLexicon>(join(dir, 'stance.json'), {
      version: 'version', attitudes: 'array', conditions: 'array', exceptions: 'array', cameo: 'array', holderWindow: 'number', exceptionScope: 'number',
    }),
    progress: readBundled<ProgressLexicon>(join(dir, 'progress.json'), {
      version: 'version', cues: 'array', cameo: 'array', hedges: 'array', background: 'array', backgroundWindow: 'number',
      countedModalities: 'array', cameoModalities: 'array', window: 'number',
    }),
    discourse: readBundled<DiscourseLexicon>(join(dir, 'discourse.json'), {
      version: 'version', negators: 'array', negationWindow: 'number', infinitive: 'array', clauseBreaks: 'array',
      boundPrefixes: 'array', anaphors: 'array', anaphorWindow: 'number',
    }),
  };
}

/** The CAMEO table entry whose code is the longest prefix of `code`. */
export function byCameoPrefix<E extends { code: string }>(table: E[], code: string): E | undefined {
  let best: E | undefined;
  for (const entry of table) {
    if (code.startsWith(entry.code) && (!best || entry.code.length > best.code.length)) best = entry;
  }
  return best;
}
