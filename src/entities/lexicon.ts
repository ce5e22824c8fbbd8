import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PhraseTable, phraseTokens } from './phrases.js';
import { Places } from './places.js';
import { Leaders, type Leader } from './leaders.js';

export type Gender = 'male' | 'female';

/** A role noun: the sector it gives, the description nouns that can refer back to its holder. */
export interface RoleEntry {
  sector: string | null;
  is: string[];
  gender?: Gender;
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
  /** IGOs, outlets and institutions by any of their names. */
  orgs: PhraseTable<KnownOrg>;
  roles: PhraseTable<RoleEntry>;
  /** Words that may stand between a country and a role ("special", "deputy"). */
  roleModifiers: Set<string>;
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
}

/** The repository's lexicon/actors directory (this module runs from src/ and from dist/src/). */
export const ACTORS_DIR: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('lexicon/actors: no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return join(dir, 'lexicon', 'actors');
})();

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
interface RolesFile {
  roles: Record<string, { sector: string | null; is: string[]; gender?: Gender }>;
  modifiers: string[];
  former: string[];
  honorifics: Record<string, Gender | null>;
}
interface GroupsFile {
  institutions: Record<string, string>;
  groups: Record<string, string>;
}

/** Loads and compiles lexicon/actors (or another directory laid out the same way). */
export function loadActorLexicon(dir: string = ACTORS_DIR): ActorLexicon {
  const orgs = new PhraseTable<KnownOrg>();
  for (const e of readActorsJson<IgoFile>(dir, 'igos.json').igos) {
    const org: KnownOrg = { name: e.name, actor: e.code, country: null, is: e.is ?? [] };
    for (const n of [e.name, ...e.aliases]) orgs.add(n, org);
  }
  for (const e of readActorsJson<OrgFile>(dir, 'organizations.json').organizations) {
    const org: KnownOrg = { name: e.name, actor: (e.country ?? '') + e.sector, country: e.country, is: e.is ?? [] };
    for (const n of [e.name, ...e.aliases]) orgs.add(n, org);
  }

  const rolesFile = readActorsJson<RolesFile>(dir, 'roles.json');
  const roles = new PhraseTable<RoleEntry>();
  for (const [phrase, entry] of Object.entries(rolesFile.roles)) roles.add(phrase, entry);

  const groupsFile = readActorsJson<GroupsFile>(dir, 'groups.json');
  const groups = new PhraseTable<string>();
  for (const [phrase, sector] of Object.entries(groupsFile.groups)) groups.add(phrase, sector);
  const institutions = new PhraseTable<string>();
  for (const [phrase, sector] of Object.entries(groupsFile.institutions)) institutions.add(phrase, sector);

  const pronounsFile = readActorsJson<{ pronouns: Record<string, { gender: Gender | null; case: PronounEntry['case']; plural?: boolean }> }>(dir, 'pronouns.json');
  const pronouns = new Map<string, PronounEntry>();
  for (const [word, p] of Object.entries(pronounsFile.pronouns)) pronouns.set(word, { gender: p.gender, case: p.case, plural: p.plural ?? false });

  const names = readActorsJson<{ male: string[]; female: string[] }>(dir, 'first-names.json');
  const firstNames = new Map<string, Gender>();
  for (const n of names.male) firstNames.set(n.toLowerCase(), 'male');
  for (const n of names.female) firstNames.set(n.toLowerCase(), 'female');

  const leaders = new Leaders(readActorsJson<{ leaders: Leader[] }>(dir, 'leaders.json').leaders, join(dir, 'leaders.json'));
  const leaderNames = new PhraseTable<true>();
  for (const name of leaders.names()) leaderNames.add(name, true);

  return {
    places: Places.load(readActorsJson(dir, 'countries.json'), join(dir, 'countries.json')),
    leaders,
    leaderNames,
    orgs,
    roles,
    roleModifiers: new Set(rolesFile.modifiers.map((m) => phraseTokens(m).join(' '))),
    formerMarkers: new Set(rolesFile.former.map((m) => phraseTokens(m).join(' '))),
    honorifics: new Map(Object.entries(rolesFile.honorifics)),
    pronouns,
    groups,
    institutions,
    firstNames,
  };
}
