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
  return joinParenthesisedFirstNames(ctx, lex, withListedLeaders(ctx, lex, items));
}

/** Office holders of the leaders lexicon the tagger missed ("Trump said…" opening a sentence). */
function withListedLeaders(ctx: TokenContext, lex: ActorLexicon, items: NameItem[]): NameItem[] {
  const taken = new Uint8Array(ctx.length);
  for (const it of items) taken.fill(1, it.tokenStart, it.tokenEnd);
  const added: NameItem[] = [];
  for (let i = 0; i < ctx.length; i++) {
    if (taken[i] || !ctx.isCapitalized(i) || ctx.pos(i) !== 'PROPN') continue;
    const m = lex.leaderNames.longestAt(ctx.norm, i);
    if (!m || rangeTaken(taken, m.start, m.end) || !ctx.isCapitalized(m.end - 1)) continue;
    const pieces: Array<[number, number]> = [[m.start, m.end]];
    added.push({ type: 'PERSON', tokenStart: m.start, tokenEnd: m.end, pieces, text: piecesText(ctx, pieces), source: 'lexicon:leaders' });
    i = m.end - 1;
  }
  return added.length === 0 ? items : [...items, ...added].sort((x, y) => x.tokenStart - y.tokenStart);
}

function rangeTaken(taken: Uint8Array, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (taken[k]) return true;
  return false;
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
