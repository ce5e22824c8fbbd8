import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../paths.js';
import { readLexiconJson } from '../text/lexicon.js';
import { normToken, PhraseTable, phraseTokens } from './phrases.js';
import { Places, type CountriesFile } from './places.js';
import { Leaders, type Leader } from './leaders.js';

export type Gender = 'male' | 'female';

/** A role noun: the sector it gives, the description nouns that can refer back to its holder. */
export interface RoleEntry {
  sector: string | null;
  is: string[];
  gender?: Gender;
  /** The holder's actor code whatever the role phrase or the context says (the Pope: VATREL). */
  actor?: string;
  /** The holder's country when the role phrase names none, in place of a guess from context (Supreme Leader: IRN). */
  country?: string;
}

/** A named organisation with a fixed actor code (an IGO, an outlet, an institution). */
export interface KnownOrg {
  name: string;
  actor: string;
  country: string | null;
  /** Description nouns that can refer back to it ("the alliance"). */
  is: string[];
}

export interface PronounEntry {
  gender: Gender | null;
  case: 'subject' | 'object' | 'possessive' | 'reflexive';
  plural: boolean;
}

/** Everything the entities stage knows as data (lexicon/actors), compiled once. */
export interface ActorLexicon {
  places: Places;
  leaders: Leaders;
  /** IGOs, outlets, institutions and armed groups by any of their names. */
  orgs: PhraseTable<KnownOrg>;
  roles: PhraseTable<RoleEntry>;
  /** Words that may stand between a country and a role ("special", "deputy"). */
  roleModifiers: Set<string>;
  /** Words after which a place is a location, weak evidence of a person's country ("in Beirut"). */
  locatives: Set<string>;
  /** Modifiers that make a role a past one ("former"). */
  formerMarkers: Set<string>;
  honorifics: Map<string, Gender | null>;
  pronouns: Map<string, PronounEntry>;
  /** Collective nouns that a qualifier turns into an actor: value is the CAMEO sector. */
  groups: PhraseTable<string>;
  /** Institution nouns: like groups, but may stand alone when written as a proper name. */
  institutions: PhraseTable<string>;
  firstNames: Map<string, Gender>;
  /** Names and unambiguous surnames of the leaders lexicon, for names the tagger missed. */
  leaderNames: PhraseTable<true>;
  /** Lower-case place names that are ordinary words ("turkey"): never read as places when miscased. */
  commonWords: Set<string>;
  /** Weekday names and month names and abbreviations (lexicon/time/words.json), normalised: date words, not names. */
  weekdays: Set<string>;
  months: Set<string>;
}

/** The repository's lexicon/actors directory (this module runs from src/ and from dist/src/). */
export const ACTORS_DIR: string = packagePath('lexicon', 'actors');

export function readActorsJson<T>(dir: string, file: string): T {
  const path = join(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`lexicon ${path}: ${(err as Error).message}`);
  }
}

interface IgoFile {
  igos: Array<{ code: string; name: string; aliases: string[]; is?: string[] }>;
}
interface OrgFile {
  organizations: Array<{ name: string; aliases: string[]; country: string | null; sector: string; is?: string[] }>;
}
interface ArmedGroupsFile {
  groups: Array<{ name: string; aliases: string[]; actor: string; country: string | null; is?: string[] }>;
}
interface RolesFile {
  roles: Record<string, RoleEntry>;
  modifiers: string[];
  locatives?: string[];
  former: string[];
  honorifics: Record<string, Gender | null>;
}
interface CalendarFile {
  weekdays: Record<string, number>;
  months: Record<string, number>;
  monthAbbreviations: Record<string, number>;
}
interface PronounsFile {
  pronouns: Record<string, { gender: Gender | null; case: PronounEntry['case']; plural?: boolean }>;
}
interface GroupsFile {
  institutions: Record<string, string>;
  groups: Record<string, string>;
}

/** Loads and compiles lexicon/actors (or another directory laid out the same way). */
export function loadActorLexicon(dir: string = ACTORS_DIR): ActorLexicon {
  const orgs = new PhraseTable<KnownOrg>();
  compile(dir, 'igos.json', (f: IgoFile) => {
    for (const e of f.igos) {
      const org: KnownOrg = { name: e.name, actor: e.code, country: null, is: e.is ?? [] };
      for (const n of [e.name, ...e.aliases]) orgs.add(n, org);
    }
  });
  compile(dir, 'organizations.json', (f: OrgFile) => {
    for (const e of f.organizations) {
      const org: KnownOrg = { name: e.name, actor: (e.country ?? '') + e.sector, country: e.country, is: e.is ?? [] };
      for (const n of [e.name, ...e.aliases]) orgs.add(n, org);
    }
  });
  compile(dir, 'armed-groups.json', (f: ArmedGroupsFile) => {
    for (const e of f.groups) {
      const org: KnownOrg = { name: e.name, actor: e.actor, country: e.country, is: e.is ?? [] };
      for (const n of [e.name, ...e.aliases]) orgs.add(n, org);
    }
  });
  const roles = new PhraseTable<RoleEntry>();
  const rolesFile = compile(dir, 'roles.json', (f: RolesFile) => {
    for (const [phrase, entry] of Object.entries(f.roles)) roles.add(phrase, { ...entry, is: [...entry.is] });
    return f;
  });
  const groups = new PhraseTable<string>();
  const institutions = new PhraseTable<string>();
  compile(dir, 'groups.json', (f: GroupsFile) => {
    for (const [phrase, sector] of Object.entries(f.groups)) groups.add(phrase, sector);
    for (const [phrase, sector] of Object.entries(f.institutions)) institutions.add(phrase, sector);
  });
  const pronouns = new Map<string, PronounEntry>();
  compile(dir, 'pronouns.json', (f: PronounsFile) => {
    for (const [word, p] of Object.entries(f.pronouns)) pronouns.set(word, { gender: p.gender, case: p.case, plural: p.plural ?? false });
  });
  const firstNames = new Map<string, Gender>();
  compile(dir, 'first-names.json', (f: { male: string[]; female: string[] }) => {
    for (const n of f.male) firstNames.set(n.toLowerCase(), 'male');
    for (const n of f.female) firstNames.set(n.toLowerCase(), 'female');
  });
  const leaders = compile(dir, 'leaders.json', (f: { leaders: Leader[] }) => new Leaders(f.leaders, join(dir, 'leaders.json')));
  const leaderNames = new PhraseTable<true>();
  for (const name of leaders.names()) leaderNames.add(name, true);
  const commonWords = compile(dir, 'common-words.json', (f: { words: string[] }) => new Set(f.words.map((w) => phraseTokens(w).join(' '))));
  const calendar = readLexiconJson<CalendarFile>('time', 'words.json');

  return {
    places: compile(dir, 'countries.json', (f: CountriesFile) => Places.load(f, join(dir, 'countries.json'))),
    leaders,
    leaderNames,
    orgs,
    roles,
    roleModifiers: new Set(rolesFile.modifiers.map((m) => phraseTokens(m).join(' '))),
    locatives: new Set((rolesFile.locatives ?? []).map((m) => phraseTokens(m).join(' '))),
    formerMarkers: new Set(rolesFile.former.map((m) => phraseTokens(m).join(' '))),
    honorifics: new Map(Object.entries(rolesFile.honorifics)),
    pronouns,
    groups,
    institutions,
    firstNames,
    commonWords,
    weekdays: new Set(Object.keys(calendar.weekdays).map(normToken)),
    months: new Set([...Object.keys(calendar.months), ...Object.keys(calendar.monthAbbreviations)].map(normToken)),
  };
}

/** Reads one lexicon file and compiles it; a malformed file is named in the error. */
function compile<F, R>(dir: string, file: string, build: (f: F) => R): R {
  const data = readActorsJson<F>(dir, file);
  try {
    return build(data);
  } catch (err) {
    throw new Error(`lexicon ${join(dir, file)}: malformed (${(err as Error).message})`);
  }
}
