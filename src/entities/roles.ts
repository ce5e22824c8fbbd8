import type { TokenContext } from './context.js';
import type { RoleInfo } from './draft.js';
import type { ActorLexicon, Gender, KnownOrg, RoleEntry } from './lexicon.js';
import { phraseTokens, type PhraseMatch } from './phrases.js';

/** A role phrase found next to a person's name. */
export interface RoleFind {
  role: RoleInfo;
  /** Token range of the role words. */
  tokenStart: number;
  tokenEnd: number;
  /** For an appositive: the token after its closing comma (where the verb may follow). */
  after?: number;
  /** A role set off by commas before the name ("An IAEA spokeswoman, Maria Lund,"). */
  apposed?: boolean;
}

/** What a title scan found before a name: a role and/or a gender cue (Mr., Ms.). */
export interface TitleFind {
  role: RoleFind | null;
  gender: Gender | null;
}

const APPOSITIVE_MAX = 25;
const NP_OPENERS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'PART']);

/**
 * The title before a name: "(Russian) President (Vladimir) Putin", "US President Donald Trump",
 * "Kremlin spokesman Dmitry Peskov", "former Prime Minister X", "Mr. X". Scans leftwards over
 * role words, modifiers, a country or organisation, possessives and brackets.
 */
export function titleBefore(ctx: TokenContext, lex: ActorLexicon, nameStart: number, nameEnd: number): TitleFind {
  const floor = ctx.sentenceStart(nameStart);
  let j = nameStart - 1;
  while (j >= floor && isBracket(ctx, j)) j--;
  // "An IAEA spokeswoman, Maria Lund, said": the role may stand before the name in commas.
  const apposed = j > floor && ctx.text(j) === ',' && ctx.text(nameEnd) === ',';
  if (apposed) j--;
  if (j < floor) return { role: null, gender: null };
  const honorific = lex.honorifics.get(ctx.norm[j]!);
  if (honorific !== undefined) return { role: null, gender: honorific };
  const head = lex.roles.longestEndingAt(ctx.norm, j, floor);
  if (!head) return { role: null, gender: null };
  let left = head.start;
  let k = head.start - 1;
  let country: string | null = null;
  let orgActor: string | null = null;
  let former = false;
  while (k >= floor) {
    if (isBracket(ctx, k) || ctx.isPossessive(k)) {
      k--;
      continue;
    }
    const word = ctx.norm[k]!;
    if (lex.roleModifiers.has(word)) {
      former ||= lex.formerMarkers.has(word);
      left = k--;
      continue;
    }
    // "Russia's UN ambassador" serves Russia at the UN: a country before an international organisation is the role's.
    const igo: boolean = orgActor !== null && orgActor.startsWith('IGO');
    const place: { code: string; start: number } | null = !country && (!orgActor || igo) ? placeEndingAt(ctx, lex, k, floor) : null;
    if (place) {
      country = place.code;
      orgActor = null;
      left = place.start;
      k = place.start - 1;
      continue;
    }
    // "Chinese Foreign Ministry spokeswoman": the institution's country is the role's.
    const institution = !country && !orgActor ? lex.institutions.longestEndingAt(ctx.norm, k, floor) : null;
    if (institution) {
      left = institution.start;
      k = institution.start - 1;
      continue;
    }
    const org: PhraseMatch<KnownOrg> | null = !country && !orgActor ? lex.orgs.longestEndingAt(ctx.norm, k, floor) : null;
    if (org && ctx.isCapitalized(org.start)) {
      orgActor = org.value.actor;
      country = org.value.country;
      left = org.start;
      k = org.start - 1;
      continue;
    }
    break;
  }
  if (apposed && !(k < floor || ARTICLES.has(ctx.norm[k]!))) return { role: null, gender: null };
  const text = cleanRoleText(ctx.slice(left, head.end));
  const role = makeRole(text, head.value, country, orgActor, former, head.value.is, 'text');
  // The apposed noun phrase with its article is also a description of the person.
  const start = apposed && k >= floor ? k : left;
  return { role: { role, tokenStart: start, tokenEnd: head.end, apposed }, gender: head.value.gender ?? null };
}

/** Words that may open a role set off by commas before a name ("His Azerbaijani counterpart, Elchin Mammadli,"). */
const ARTICLES = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their']);

/**
 * An appositive after a name: "Kirill Dmitriev, Russia's special envoy for foreign investment
 * and economic cooperation, said" gives that role verbatim. The noun phrase runs to the next
 * comma or the sentence end and must hold a role noun among its first words.
 */
export function appositiveAfter(ctx: TokenContext, lex: ActorLexicon, nameEnd: number): RoleFind | null {
  if (ctx.text(nameEnd) !== ',') return null;
  const end = ctx.sentenceEnd(nameEnd);
  const a = nameEnd + 1;
  if (a >= end || !NP_OPENERS.has(ctx.pos(a)) || ctx.isPossessive(a)) return null;
  let b = a;
  while (b < end && b - a <= APPOSITIVE_MAX) {
    const t = ctx.text(b);
    if (t === ',' || t === ';' || t === '.' || t === ':' || t === '?' || t === '!') break;
    if (isQuoteMark(t) || ctx.pos(b) === 'VERB' || ctx.pos(b) === 'AUX') return null;
    b++;
  }
  if (b === a || b - a > APPOSITIVE_MAX) return null;
  const found = roleIn(ctx.norm, lex, a, b, 8);
  if (!found) return null;
  const { entry, headStart } = found;
  let country: string | null = null;
  let orgActor: string | null = null;
  let former = false;
  for (let k = a; k < b; k++) {
    if (k < headStart && lex.formerMarkers.has(ctx.norm[k]!)) former = true;
    if (!country && !orgActor) {
      const org = ctx.isCapitalized(k) ? lex.orgs.longestAt(ctx.norm, k, b) : null;
      if (org) {
        orgActor = org.value.actor;
        country = org.value.country;
        k = org.end - 1;
        continue;
      }
      const place = ctx.isCapitalized(k) ? lex.places.lookup(ctx.text(k)) : undefined;
      if (place && place.kind !== 'region') country = place.code;
    }
  }
  const text = cleanRoleText(ctx.slice(a, b));
  const role = makeRole(text, entry, country, orgActor, former, entry.is, 'text');
  return { role, tokenStart: a, tokenEnd: b, after: ctx.text(b) === ',' ? b + 1 : b };
}

/** The role a lexicon office names ("President of the United States" → president). */
export function roleFromOffice(lex: ActorLexicon, text: string, actor: string, former: boolean): RoleInfo {
  const tokens = phraseTokens(text);
  const found = roleIn(tokens, lex, 0, tokens.length, tokens.length);
  const igo = actor.startsWith('IGO');
  const country = igo ? null : actor.slice(0, 3);
  const entry: RoleEntry = found?.entry ?? { sector: igo ? null : actor.slice(3) || null, is: [] };
  return makeRole(former ? `former ${text}` : text, entry, country, igo ? actor : null, former, entry.is, 'lexicon');
}

/** First role noun in tokens [a, b) starting within `window` tokens of a, longest match. */
function roleIn(norm: readonly string[], lex: ActorLexicon, a: number, b: number, window: number): { entry: RoleEntry; headStart: number } | null {
  for (let k = a; k < b && k < a + window; k++) {
    const m = lex.roles.longestAt(norm, k, b);
    if (m) return { entry: m.value, headStart: m.start };
  }
  return null;
}

/** The role's info; a lexicon entry's fixed actor overrides what the phrase names, its country fills in a phrase that names none. */
function makeRole(text: string, entry: RoleEntry, country: string | null, orgActor: string | null, former: boolean,
  classes: string[], source: RoleInfo['source']): RoleInfo {
  if (entry.actor) {
    orgActor = entry.actor;
    country = entry.actor.startsWith('IGO') ? null : entry.actor.slice(0, 3);
  } else if (entry.country && !country && !orgActor) {
    country = entry.country;
  }
  return { text, sector: entry.sector, country, orgActor, former, classes, gender: entry.gender ?? null, source };
}

/** A country or demonym of one or two tokens ending at token j ("US", "South Korean", "Russia"). */
function placeEndingAt(ctx: TokenContext, lex: ActorLexicon, j: number, floor: number): { code: string; start: number } | null {
  for (let len = Math.min(4, j - floor + 1); len >= 1; len--) {
    const start = j - len + 1;
    if (!ctx.isCapitalized(start)) continue;
    const place = lex.places.lookup(ctx.slice(start, j + 1));
    if (place && place.kind !== 'city') return { code: place.code, start };
  }
  return null;
}

function isBracket(ctx: TokenContext, i: number): boolean {
  const t = ctx.text(i);
  return t === '(' || t === ')';
}

function isQuoteMark(t: string): boolean {
  return t === '"' || t === '\u201c' || t === '\u201d' || t === '\u00ab' || t === '\u00bb';
}

/** Anything cleanRoleText would change: brackets, typographic apostrophes, other or repeated or edge white space. */
const UNCLEAN = /[()\u2018\u2019]|\s\s|[^\S ]|^\s|\s$/;

/** Role text as data: brackets dropped, typographic apostrophes made plain, spaces collapsed. */
export function cleanRoleText(text: string): string {
  if (!UNCLEAN.test(text)) return text;
  return text.replace(/[()]/g, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}
