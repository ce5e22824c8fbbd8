import type { MentionKind } from '../types.js';
import type { TokenContext } from './context.js';
import type { Draft } from './draft.js';
import type { ActorLexicon, Gender } from './lexicon.js';
import { STARTS } from './first-words.js';

/** A description ("the official") or pronoun ("he") waiting for an antecedent. */
export interface Anaphor {
  tokenStart: number;
  tokenEnd: number;
  kind: Exclude<MentionKind, 'name'>;
  /** Descriptions: the head noun ("official", "special envoy"); pronouns: the pronoun. */
  head: string;
  gender: Gender | null;
  plural: boolean;
  /** An object pronoun ("him"), which the subject of its own clause cannot be (binding). */
  object: boolean;
  /** Country a description names ("the Russian envoy"). */
  country: string | null;
  /** Descriptions of organisations ("the alliance") rather than people. */
  organisation: boolean;
}

/** A resolved mention as salience history sees it. */
export interface HistoryMention {
  draft: Draft;
  tokenStart: number;
  subject: boolean;
  inQuote: boolean;
  kind: MentionKind;
}

const PRONOUN_WINDOW = 3;
const DESCRIPTION_WINDOW = 12;

/**
 * Definite descriptions ("the official", "The Russian envoy", "the alliance") and third-person
 * pronouns, outside the token ranges already taken by names, titles and appositives.
 */
export function findAnaphors(ctx: TokenContext, lex: ActorLexicon, taken: Uint8Array, orgNouns: ReadonlySet<string>): Anaphor[] {
  const out: Anaphor[] = [];
  const starts = ctx.starts;
  let from = 0;
  for (const i of ctx.anaphorStarts) {
    if (i < from || taken[i]) continue;
    const word = ctx.norm[i]!;
    const pronoun = (starts[i]! & STARTS.pronoun) !== 0 ? lex.pronouns.get(word) : undefined;
    if (pronoun && (ctx.pos(i) === 'PRON' || ctx.pos(i) === 'DET')) {
      out.push({
        tokenStart: i, tokenEnd: i + 1, kind: 'pronoun', head: word, gender: pronoun.gender, plural: pronoun.plural,
        object: pronoun.case === 'object', country: null, organisation: false,
      });
      continue;
    }
    if (word !== 'the') continue;
    const end = ctx.sentenceEnd(i);
    let k = i + 1;
    let country: string | null = null;
    while (k < end) {
      // A country's name is a mention of its own, inside the description ("the Polish president").
      const place = ctx.isCapitalized(k) ? lex.places.lookup(ctx.text(k)) : undefined;
      if (place && !country) country = place.code;
      else if (taken[k] || !lex.roleModifiers.has(ctx.norm[k]!) || lex.roles.longestAt(ctx.norm, k, end)) break;
      k++;
    }
    const role = lex.roles.longestAt(ctx.norm, k, end);
    // "the agency", "the bloc": organisations are referred to by the bare noun.
    const orgHead = !role && k === i + 1 && orgNouns.has(ctx.norm[k]!) ? k + 1 : -1;
    const headEnd = role ? role.end : orgHead;
    if (headEnd < 0 || rangeTaken(taken, k, headEnd)) continue;
    const next = headEnd < end ? ctx.pos(headEnd) : '';
    // "the official visit", "the president's" : a modifier or a possessor, not a reference.
    if (next === 'NOUN' || next === 'PROPN' || next === 'NUM' || ctx.isPossessive(headEnd)) continue;
    if (ctx.isCapitalized(headEnd) && next !== 'VERB' && next !== 'AUX') continue;
    out.push({
      tokenStart: i, tokenEnd: headEnd, kind: 'description', head: ctx.norm.slice(k, headEnd).join(' '),
      gender: role?.value.gender ?? null, plural: false, object: false, country, organisation: !role,
    });
    from = headEnd;
  }
  return out;
}

function rangeTaken(taken: Uint8Array, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (taken[k]) return true;
  return false;
}

/**
 * Salience over the recent mentions, in the manner of Lappin and Leass: each mention adds
 * recency (100) plus subject (80) and name (10) weights, halved per sentence of distance,
 * and counts less from inside a quotation when the anaphor is narrative. A person who is the
 * subject earlier in the anaphor's own sentence is preferred ("Trump seeks X, and his …"),
 * except by an object pronoun ("Trump praised him" is someone else).
 */
export class SalienceResolver {
  private readonly bySentence = new Map<number, HistoryMention[]>();

  constructor(private readonly ctx: TokenContext) {}

  add(m: HistoryMention): void {
    const s = this.ctx.sentenceOf[m.tokenStart]!;
    const list = this.bySentence.get(s);
    if (list) list.push(m);
    else this.bySentence.set(s, [m]);
  }

  resolve(a: Anaphor, compatible: (d: Draft) => boolean): Draft | null {
    const ctx = this.ctx;
    const sentence = ctx.sentenceOf[a.tokenStart]!;
    const narrative = ctx.inQuote[a.tokenStart] === 0;
    const window = a.kind === 'pronoun' ? PRONOUN_WINDOW : DESCRIPTION_WINDOW;
    const scores = new Map<Draft, number>();
    let nearestSubject: HistoryMention | null = null;
    for (let s = sentence; s >= 0 && s >= sentence - window; s--) {
      const list = this.bySentence.get(s);
      if (!list) continue;
      const decay = Math.pow(0.5, sentence - s);
      for (const m of list) {
        if (m.tokenStart >= a.tokenStart || !compatible(m.draft)) continue;
        // A known gender that matches is evidence too: "she" prefers a known woman to someone of unknown gender.
        const genderMatch = a.gender !== null && m.draft.gender === a.gender;
        let w = 100 + (m.subject ? 80 : 0) + (m.kind === 'name' ? 10 : 0) + (genderMatch ? 40 : 0);
        if (m.inQuote && narrative) w *= 0.3;
        scores.set(m.draft, (scores.get(m.draft) ?? 0) + w * decay);
        const sameVoice = m.inQuote === !narrative;
        if (s === sentence && m.subject && sameVoice && (!nearestSubject || m.tokenStart > nearestSubject.tokenStart)) nearestSubject = m;
      }
    }
    if (nearestSubject && a.kind === 'pronoun' && !a.object) scores.set(nearestSubject.draft, scores.get(nearestSubject.draft)! + 150);
    let best: Draft | null = null;
    let bestScore = 0;
    for (const [d, score] of scores) {
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    return best;
  }
}
