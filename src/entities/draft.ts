import type { EntityType, MentionKind } from '../types.js';
import type { Gender } from './lexicon.js';

/** A role as the text (or the leaders lexicon) gives it. */
export interface RoleInfo {
  /** The role words ("Russian President", "Russia's special envoy for …"). */
  text: string;
  /** CAMEO sector the role gives, or null. */
  sector: string | null;
  /** Country the role names ("Russia's", "US"), or null. */
  country: string | null;
  /** Actor code of an organisation the role names ("NATO Secretary General"), or null. */
  orgActor: string | null;
  former: boolean;
  /** Description nouns that can refer back to the holder ("official", "envoy"). */
  classes: string[];
  gender: Gender | null;
  /** Where the role came from: the text, or the leaders lexicon. */
  source: 'text' | 'lexicon';
}

export interface DraftMention {
  tokenStart: number;
  tokenEnd: number;
  start: number;
  end: number;
  kind: MentionKind;
  subject: boolean;
}

/** An entity under construction: mentions gathered, codes not yet final. */
export interface Draft {
  type: EntityType;
  /** Merge key among drafts of the same article. */
  key: string;
  /** Display names seen, longest first once finished. */
  names: string[];
  /** Persons: normalised name tokens of the fullest name, for surname matching. */
  nameTokens: string[];
  /** Canonical name fixed by a lexicon (a country's standard name, an IGO's name). */
  fixedName: string | null;
  roles: RoleInfo[];
  country: string | null;
  /** Actor code fixed by a lexicon (IGO, outlet, place); otherwise computed from roles. */
  fixedActor: string | null;
  /** Sector of a group or institution phrase. */
  sector: string | null;
  /** Person a group phrase is named after ("Trump" in "the Trump administration"). */
  qualifierPerson: string | null;
  gender: Gender | null;
  classes: Set<string>;
  plural: boolean;
  mentions: DraftMention[];
}

export function newDraft(type: EntityType, key: string, name: string): Draft {
  return {
    type, key, names: [name], nameTokens: [], fixedName: null, roles: [], country: null, fixedActor: null,
    sector: null, qualifierPerson: null, gender: null, classes: new Set(), plural: false, mentions: [],
  };
}

export function addName(d: Draft, name: string): void {
  if (!d.names.includes(name)) d.names.push(name);
}
