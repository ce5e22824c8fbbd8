import type { EntityType, NameSpan } from '../types.js';
import type { TokenContext } from './context.js';
import type { ActorLexicon } from './lexicon.js';

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
    lastEnd = s.tokenEnd;
  }
  const listed = withListedPlaces(ctx, lex, withListedOrgs(ctx, lex, withListedLeaders(ctx, lex, items)));
  return joinParenthesisedFirstNames(ctx, lex, listed);
}

/**
 * Office holders of the leaders lexicon by their listed names: one the tagger missed ("Trump
 * said…" opening a sentence) or cut short ("Lai" of "Lai Ching-te") becomes one PERSON item.
 */
function withListedLeaders(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  return withListed(ctx, items, 'PERSON', 'lexicon:leaders', false, (i) => {
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
  return withListed(ctx, items, 'ORG', 'lexicon:orgs', true, (i) => {
    if (ctx.norm[i] === 'the') return null;
    const m = lex.orgs.longestAt(ctx.norm, i);
    return m && ctx.isCapitalized(m.end - 1) ? m : null;
  });
}

/** Place names of several words the tagger split ("Republic" + "Congo" of "Republic of Congo"). */
function withListedPlaces(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  return withListed(ctx, items, 'GPE', 'lexicon:places', false, (i) => {
    const m = ctx.norm[i] === 'the' ? null : lex.places.longestAt(ctx.norm, i);
    return m && ctx.isCapitalized(m.end - 1) ? m : null;
  });
}

/**
 * Listed names over the tagger's items, left to right: a listed name replaces the items lying
 * inside it; one the tagger gave exactly keeps its item, unless `retype` and the tagger typed it otherwise;
 * a tagger name reaching beyond the listed one is left as it is. A lone listed word the
 * tagger left alone is taken only as a proper noun ("Congress", not "State").
 */
function withListed(ctx: TokenContext, items: NameItem[], type: EntityType, source: string, retype: boolean,
  listedAt: (i: number) => { start: number; end: number } | null): NameItem[] {
  const covering = new Int32Array(ctx.length).fill(-1);
  items.forEach((it, k) => covering.fill(k, it.tokenStart, it.tokenEnd));
  const dropped = new Set<number>();
  const added: NameItem[] = [];
  for (let i = 0; i < ctx.length; i++) {
    if (!ctx.isCapitalized(i)) continue;
    const m = listedAt(i);
    if (!m) continue;
    // Items do not overlap, so those inside the match are runs of one index each.
    const inside: number[] = [];
    for (let k = m.start; k < m.end; k++) {
      const c = covering[k]!;
      if (c >= 0 && c !== inside[inside.length - 1]) inside.push(c);
    }
    if (inside.some((k) => items[k]!.tokenStart < m.start || items[k]!.tokenEnd > m.end)) continue;
    if (inside.length === 0 && m.end - m.start === 1 && ctx.pos(i) !== 'PROPN') continue;
    const only = inside.length === 1 ? items[inside[0]!]! : null;
    if (only && only.tokenStart === m.start && only.tokenEnd === m.end && (!retype || only.type === type)) {
      i = m.end - 1;
      continue;
    }
    for (const k of inside) dropped.add(k);
    const pieces: Array<[number, number]> = [[m.start, m.end]];
    added.push({ type, tokenStart: m.start, tokenEnd: m.end, pieces, text: piecesText(ctx, pieces), source });
    i = m.end - 1;
  }
  if (added.length === 0) return items;
  return [...items.filter((_, k) => !dropped.has(k)), ...added].sort((x, y) => x.tokenStart - y.tokenStart);
}

function trim(ctx: TokenContext, lex: ActorLexicon, s: NameSpan): NameItem | null {
  let a = s.tokenStart;
  let b = s.tokenEnd;
  const edge = (i: number): boolean => EDGE_PUNCT.test(ctx.text(i)) || ctx.isPossessive(i);
  while (a < b && (edge(a) || ctx.norm[a] === 'the')) a++;
  while (b > a && edge(b - 1)) b--;
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

function piecesText(ctx: TokenContext, pieces: Array<[number, number]>): string {
  return pieces.map(([a, b]) => ctx.doc.slice(ctx.span(a, b))).join(' ');
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
