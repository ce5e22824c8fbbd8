import type { EntityType, NameSpan } from '../types.js';
import type { TokenContext } from './context.js';
import { lowerBound } from '../sorted.js';
import type { ActorLexicon } from './lexicon.js';
import { STARTS } from './first-words.js';
import { titleBefore, type RoleFind } from './roles.js';

/** A name found by the tagger, cleaned up: edges trimmed, split around parentheses. */
export interface NameItem {
  type: EntityType;
  tokenStart: number;
  tokenEnd: number;
  /** Word runs making up the name ("(Vladimir) Putin" has two), as token ranges. */
  pieces: Array<[number, number]>;
  /** The name as one string (pieces joined by a space). */
  text: string;
  source: string;
  /** A span that is only a role with its country or organisation ("US Secretary of State"): the role found there. */
  role?: RoleOnly;
}

/** A role named without its holder's name: the title found, and its head noun ("secretary of state"). */
export interface RoleOnly {
  find: RoleFind;
  head: string;
}

const EDGE_PUNCT = /^[\p{P}\p{S}]+$/u;

/**
 * Cleans the tagger's spans: drops overlaps, trims determiners, possessives and punctuation
 * at the edges and titles the tagger swallowed, and joins a parenthesised first name to the
 * surname after it ("(Vladimir) Putin" is one person even when the tagger splits or mistypes it).
 */
export function prepareNames(ctx: TokenContext, lex: ActorLexicon, spans: readonly NameSpan[]): NameItem[] {
  const sorted = [...spans].sort((a, b) => a.tokenStart - b.tokenStart || b.tokenEnd - a.tokenEnd);
  const items: NameItem[] = [];
  let lastEnd = -1;
  for (const s of sorted) {
    if (s.tokenStart < lastEnd) continue;
    const item = trim(ctx, lex, s);
    if (!item) continue;
    items.push(item);
    lastEnd = Math.max(s.tokenEnd, item.tokenEnd);
  }
  const listed = withListedPlaces(ctx, lex, withListedOrgs(ctx, lex, withListedLeaders(ctx, lex, items)));
  return joinParenthesisedFirstNames(ctx, lex, withMiscasedNames(ctx, lex, listed));
}

/**
 * Office holders of the leaders lexicon by their listed names: one the tagger missed ("Trump
 * said…" opening a sentence) or cut short ("Lai" of "Lai Ching-te") becomes one PERSON item.
 */
function withListedLeaders(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  return withListed(ctx, items, 'PERSON', 'lexicon:leaders', false, STARTS.leader, (i) => {
    if (ctx.pos(i) !== 'PROPN') return null;
    const m = lex.leaderNames.longestAt(ctx.norm, i);
    return m && ctx.isCapitalized(m.end - 1) ? m : null;
  });
}

/**
 * Organisations of the lexicon by their listed names: one the tagger missed, cut short
 * ("Islamic" of "Islamic State") or mistyped ("Boko Haram" as a person) becomes one ORG item.
 */
function withListedOrgs(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  return withListed(ctx, items, 'ORG', 'lexicon:orgs', true, STARTS.org, (i) => {
    if (ctx.norm[i] === 'the') return null;
    const m = lex.orgs.longestAt(ctx.norm, i);
    return m && ctx.isCapitalized(m.end - 1) ? m : null;
  });
}

/** Place names of several words the tagger split ("Republic" + "Congo" of "Republic of Congo"). */
function withListedPlaces(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  return withListed(ctx, items, 'GPE', 'lexicon:places', false, STARTS.place, (i) => {
    const m = ctx.norm[i] === 'the' ? null : lex.places.longestAt(ctx.norm, i);
    return m && ctx.isCapitalized(m.end - 1) ? m : null;
  });
}

/** Source of the items withMiscasedNames adds for places: their listed spelling names the entity. */
export const MISCASED_PLACE = 'lexicon:miscased-place';

/** Tags a leader's name never has: after a title, "may" or "cleverly" is a word, not Theresa May or James Cleverly. */
const NOT_A_NAME: ReadonlySet<string> = new Set(['ADV', 'AUX', 'ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'PART', 'NUM', 'PUNCT', 'SYM']);

/**
 * Listed names written in the wrong case, where the tagger found nothing: a leader's full name, or
 * any listed name of one right after a title or honorific ("President obama" is Barack Obama), and
 * a country, demonym or city in lower case or with capitals inside ("iSrael", "tunisian rioters")
 * unless its lower-case form is an ordinary word (lexicon/actors/common-words.json: "turkey").
 */
function withMiscasedNames(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  const added: NameItem[] = [];
  let from = 0;
  for (const i of ctx.miscasedStarts) {
    if (i < from || isTagOrHandle(ctx, i)) continue;
    const m = miscasedLeaderAt(ctx, lex, i) ?? miscasedPlaceAt(ctx, lex, i);
    if (!m) continue;
    // Items are sorted and disjoint, their ends ascending (see withListed).
    const k = lowerBound(items, (it) => it.tokenEnd <= m.start);
    if (k < items.length && items[k]!.tokenStart < m.end) continue;
    const pieces: Array<[number, number]> = [[m.start, m.end]];
    added.push({ type: m.type, tokenStart: m.start, tokenEnd: m.end, pieces, text: piecesText(ctx, pieces), source: m.source });
    from = m.end;
  }
  return added.length === 0 ? items : mergeByStart(items, added);
}

/** A word glued to "#" or "@" ("#ukraine", "@israel") is a social-media label, not a name written in the text. */
function isTagOrHandle(ctx: TokenContext, i: number): boolean {
  const prev = ctx.text(i - 1);
  return (prev === '#' || prev === '@') && ctx.doc.tokens[i - 1]!.end === ctx.doc.tokens[i]!.start;
}

interface MiscasedName {
  start: number;
  end: number;
  type: EntityType;
  source: string;
}

/** A leader's full name ("vladimir putin"), or any listed name of one right after a title or honorific ("President obama"). */
function miscasedLeaderAt(ctx: TokenContext, lex: ActorLexicon, i: number): MiscasedName | null {
  if ((ctx.starts[i]! & STARTS.leader) === 0 || NOT_A_NAME.has(ctx.pos(i))) return null;
  const m = lex.leaderNames.longestAt(ctx.norm, i);
  if (!m) return null;
  const floor = ctx.sentenceStart(i);
  const titled = i > floor && (lex.honorifics.has(ctx.norm[i - 1]!) || lex.roles.longestEndingAt(ctx.norm, i - 1, floor) !== null);
  return titled || m.end - m.start > 1 ? { start: m.start, end: m.end, type: 'PERSON', source: 'lexicon:leaders' } : null;
}

function miscasedPlaceAt(ctx: TokenContext, lex: ActorLexicon, i: number): MiscasedName | null {
  const starts = ctx.starts[i]!;
  const phrase = (starts & STARTS.place) !== 0 ? lex.places.longestAt(ctx.norm, i) : null;
  let m = phrase && !lex.places.isRegion(phrase.value.code) && !lex.commonWords.has(ctx.norm.slice(phrase.start, phrase.end).join(' ')) ? phrase : null;
  if (!m && (starts & STARTS.placeWord) !== 0) {
    // placeWord marks only names that are no ordinary word and no region.
    const place = lex.places.lookup(ctx.text(i));
    if (place) m = { start: i, end: i + 1, value: place };
  }
  if (!m) return null;
  return { start: m.start, end: m.end, type: m.value.kind === 'demonym' ? 'NORP' : 'GPE', source: MISCASED_PLACE };
}

/**
 * Listed names over the tagger's items, left to right: a listed name replaces the items lying
 * inside it; one the tagger gave exactly keeps its item, unless `retype` and the tagger typed it otherwise;
 * a tagger name reaching beyond the listed one is left as it is. A lone listed word the
 * tagger left alone is taken only as a proper noun ("Congress", not "State").
 */
function withListed(ctx: TokenContext, items: NameItem[], type: EntityType, source: string, retype: boolean,
  startsBit: number, listedAt: (i: number) => { start: number; end: number } | null): NameItem[] {
  const dropped = new Set<number>();
  const added: NameItem[] = [];
  const starts = ctx.starts;
  // Listed names start only at the capitalised words some listed name starts with.
  const candidates = ctx.listedStarts;
  let from = 0;
  for (const i of candidates) {
    if (i < from || (starts[i]! & startsBit) === 0) continue;
    const m = listedAt(i);
    if (!m) continue;
    // Items are sorted and do not overlap (trimmed from disjoint spans, then replaced by disjoint
    // listed names), so their ends ascend too: the items touching the match are one run.
    const inside: number[] = [];
    for (let k = lowerBound(items, (it) => it.tokenEnd <= m.start); k < items.length && items[k]!.tokenStart < m.end; k++) inside.push(k);
    if (inside.some((k) => items[k]!.tokenStart < m.start || items[k]!.tokenEnd > m.end)) continue;
    if (inside.length === 0 && m.end - m.start === 1 && ctx.pos(i) !== 'PROPN') continue;
    const only = inside.length === 1 ? items[inside[0]!]! : null;
    if (only && only.tokenStart === m.start && only.tokenEnd === m.end && (!retype || only.type === type)) {
      from = m.end;
      continue;
    }
    for (const k of inside) dropped.add(k);
    const pieces: Array<[number, number]> = [[m.start, m.end]];
    added.push({ type, tokenStart: m.start, tokenEnd: m.end, pieces, text: piecesText(ctx, pieces), source });
    from = m.end;
  }
  if (added.length === 0) return items;
  return mergeByStart(items.filter((_, k) => !dropped.has(k)), added);
}

/** Two lists sorted by start merged into one; on equal starts the first list's item comes first. */
function mergeByStart(a: readonly NameItem[], b: readonly NameItem[]): NameItem[] {
  const out: NameItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j]!.tokenStart < a[i]!.tokenStart ? b[j++]! : a[i++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function trim(ctx: TokenContext, lex: ActorLexicon, s: NameSpan): NameItem | null {
  let a = s.tokenStart;
  let b = s.tokenEnd;
  // A weekday at an edge is the date of the news ("Bashar Assad Tuesday"), not part of the name.
  const edge = (i: number): boolean => isPunctuation(ctx.text(i)) || ctx.isPossessive(i) || lex.weekdays.has(ctx.norm[i]!);
  while (a < b && (edge(a) || ctx.norm[a] === 'the')) a++;
  while (b > a && edge(b - 1)) b--;
  if (isDate(ctx, lex, a, b)) return null;
  let type = s.type;
  // "US Secretary of State Marco Rubio" tagged as organisations: a role ending right before a
  // first name inside the span means the rest is a person.
  for (let p = a + 1; p < b && type !== 'PERSON'; p++) {
    if (ctx.isCapitalized(p) && lex.firstNames.has(ctx.norm[p]!) && lex.roles.longestEndingAt(ctx.norm, p - 1)) {
      a = p;
      type = 'PERSON';
    }
  }
  if (type === 'PERSON') {
    // Titles and honorifics inside a person span belong to the role, not the name.
    for (;;) {
      const role = lex.roles.longestAt(ctx.norm, a, b);
      if (role && role.end < b) a = role.end;
      else if (lex.honorifics.has(ctx.norm[a]!) && a + 1 < b) a++;
      else break;
      while (a < b && edge(a)) a++;
    }
  }
  if (a >= b) return null;
  const role = type !== 'PERSON' ? roleOnly(ctx, lex, a, b) : null;
  if (role) {
    const pieces: Array<[number, number]> = [[a, role.find.tokenEnd]];
    return { type: 'PERSON', tokenStart: a, tokenEnd: role.find.tokenEnd, pieces, text: piecesText(ctx, pieces), source: s.source, role };
  }
  const pieces: Array<[number, number]> = [];
  let run = a;
  for (let i = a; i <= b; i++) {
    if (i === b || ctx.text(i) === '(' || ctx.text(i) === ')') {
      if (i > run) pieces.push([run, i]);
      run = i + 1;
    }
  }
  return { type, tokenStart: a, tokenEnd: b, pieces, text: piecesText(ctx, pieces), source: s.source };
}

/**
 * A span the tagger took for a name that is only a country or organisation and a role, no holder's name after it
 * ("US Secretary of" in "The US Secretary of state wants …", "NATO Secretary General"): the role, which may run past
 * the span over lower-case words. Null when a name follows ("US Secretary of State Marco Rubio" is a title).
 */
function roleOnly(ctx: TokenContext, lex: ActorLexicon, a: number, b: number): RoleOnly | null {
  const end = ctx.sentenceEnd(a);
  for (let p = a + 1; p < b; p++) {
    const head = lex.roles.longestAt(ctx.norm, p, end);
    if (!head || head.end < b) continue;
    for (let k = b; k < head.end; k++) if (ctx.isCapitalized(k)) return null;
    if (head.end < end && ctx.isCapitalized(head.end) && ctx.pos(head.end) === 'PROPN') return null;
    const title = titleBefore(ctx, lex, head.end, head.end);
    const find = title.role;
    if (!find || find.tokenStart !== a || find.apposed || (!find.role.country && !find.role.orgActor)) return null;
    return { find, head: ctx.norm.slice(head.start, head.end).join(' ') };
  }
  return null;
}

/**
 * A month with a day ("Jan 31", "March 3"), or a month alone in a wire dateline ("MOSCOW, Feb 2 (Reuters) -"): a date,
 * whatever the tagger took it for. Elsewhere a lone month word may be a name ("Theresa May", "Jan Egeland").
 */
function isDate(ctx: TokenContext, lex: ActorLexicon, a: number, b: number): boolean {
  let month = false;
  let day = false;
  for (let i = a; i < b; i++) {
    if (lex.months.has(ctx.norm[i]!)) month = true;
    else if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(ctx.norm[i]!)) day = true;
    else if (!isPunctuation(ctx.text(i))) return false;
  }
  return month && (day || ctx.inDateline(a));
}

/** Whether a token is all punctuation and symbols (an ASCII letter or digit first settles it without the regex). */
function isPunctuation(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return false;
  return EDGE_PUNCT.test(text);
}

function piecesText(ctx: TokenContext, pieces: Array<[number, number]>): string {
  if (pieces.length === 1) return ctx.slice(pieces[0]![0], pieces[0]![1]);
  return pieces.map(([a, b]) => ctx.slice(a, b)).join(' ');
}

/** "( Vladimir ) Putin": a bracketed first name followed by a capitalised word is one person. */
function joinParenthesisedFirstNames(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  const out: NameItem[] = [];
  for (let k = 0; k < items.length; k++) {
    const x = items[k]!;
    const single = x.pieces.length === 1 && x.tokenEnd - x.tokenStart === 1;
    const bracketed = ctx.text(x.tokenStart - 1) === '(' && ctx.text(x.tokenEnd) === ')';
    const next = x.tokenEnd + 1;
    if (!(single && bracketed && lex.firstNames.has(ctx.norm[x.tokenStart]!) && ctx.isCapitalized(next))) {
      out.push(x);
      continue;
    }
    const y = items[k + 1];
    let surname: [number, number];
    if (y && y.tokenStart === next) {
      surname = [y.tokenStart, y.tokenEnd];
      k++;
    } else {
      let e = next;
      while (e < ctx.length && ctx.isCapitalized(e) && ctx.pos(e) === 'PROPN') e++;
      surname = [next, Math.max(e, next + 1)];
    }
    const pieces: Array<[number, number]> = [[x.tokenStart, x.tokenEnd], surname];
    out.push({ type: 'PERSON', tokenStart: x.tokenStart, tokenEnd: surname[1], pieces, text: piecesText(ctx, pieces), source: x.source });
  }
  return out;
}

/**
 * Name items (sorted by start) by token range: the items overlapping a range in O(log n + k).
 * Items rarely overlap one another (a joined first name may cover a later item), so the scan
 * starts at the first item whose running maximum end reaches the range.
 */
export class NameItemIndex {
  private readonly maxEnd: Int32Array;
  /** Whether the items are sorted by start, as prepareNames leaves them; if not, every lookup scans them all. */
  private readonly sorted: boolean = true;

  constructor(readonly items: readonly NameItem[]) {
    this.maxEnd = new Int32Array(items.length);
    let max = -1;
    for (let k = 0; k < items.length; k++) {
      max = Math.max(max, items[k]!.tokenEnd);
      this.maxEnd[k] = max;
      if (k > 0 && items[k]!.tokenStart < items[k - 1]!.tokenStart) this.sorted = false;
    }
  }

  /** Items with some token in [a, b), in list order. */
  overlapping(a: number, b: number): NameItem[] {
    const items = this.items;
    if (!this.sorted) return items.filter((it) => it.tokenStart < b && it.tokenEnd > a);
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid]! > a) hi = mid;
      else lo = mid + 1;
    }
    const out: NameItem[] = [];
    for (let k = lo; k < items.length && items[k]!.tokenStart < b; k++) {
      if (items[k]!.tokenEnd > a) out.push(items[k]!);
    }
    return out;
  }

  /** The last item in list order covering token t. */
  lastCovering(t: number): NameItem | undefined {
    return this.overlapping(t, t + 1).pop();
  }

  /** The last item in list order whose last token is t. */
  lastEndingAt(t: number): NameItem | undefined {
    const covering = this.overlapping(t, t + 1);
    for (let k = covering.length - 1; k >= 0; k--) if (covering[k]!.tokenEnd === t + 1) return covering[k];
    return undefined;
  }
}
