// Who speaks: the noun phrase that names a cue's speaker (subject, appositive or inverted
// subject), and its resolution to an entity — through the entity layer's mentions when it has
// them, else through the article's own discourse (the last speaker of the right gender for a
// pronoun, the last speaker for "the official", the last issuer of a statement for "the statement").
import type { Doc } from '../doc.js';
import type { Entity, Mention } from '../types.js';
import { isSpaceCode } from './marks.js';
import { mentionsCovering, type DocView } from './view.js';

const POSTMODIFIERS = new Set(['of', 'at', 'with', 'from', 'in', 'for']);

export type SpeakerKind = 'name' | 'description' | 'pronoun' | 'document';

export interface SpeakerRef {
  tokStart: number;
  tokEnd: number;
  kind: SpeakerKind;
  /** The head word (for a description with a post-modifier, the noun before it); defaults to the last token. */
  head?: number;
}

export interface ResolvedSpeaker {
  entity: string | null;
  name: string;
  start: number;
  end: number;
  /** False when a pronoun or description could not be tied to anyone. */
  resolved: boolean;
}

/** Offset of the first whitespace character of `text`, or -1. */
function firstSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return i;
  return -1;
}

/** A speaker phrase from the noun phrase [a, b): a pronoun, a name at its end, a document or a description. */
export function speakerFromNP(v: DocView, a: number, b: number): SpeakerRef | null {
  if (b <= a) return null;
  if (b - a === 1 && v.lex.pronouns.has(v.words[a]!) && v.tokens[a]!.pos === 'PRON') return { tokStart: a, tokEnd: b, kind: 'pronoun' };
  if (b - a === 1 && v.lex.objectPronouns.has(v.words[a]!)) return { tokStart: a, tokEnd: b, kind: 'pronoun' };
  // "Economist Dewi Lestari of the University of Indonesia": the titled name before a
  // post-modifier speaks; "An executive at a Chinese battery maker …": a description does.
  for (let jn = a + 1; jn < b; jn++) {
    if (!POSTMODIFIERS.has(v.words[jn]!)) continue;
    const k = v.nameTail(a, jn);
    if (k < jn && k > a && v.isCapitalized(k) && v.isTitle(k - 1)) return { tokStart: k, tokEnd: jn, kind: 'name' };
    if (!v.isCapitalized(jn - 1)) return { tokStart: a, tokEnd: b, kind: 'description', head: jn - 1 };
    break;
  }
  let k = v.nameTail(a, b);
  // Organisation names join capitalized words with "of", "for", "and": "Joint Chiefs of Staff".
  while (k - 2 >= a && (v.words[k - 1] === 'of' || v.words[k - 1] === 'for' || v.words[k - 1] === 'and') && v.isCapitalized(k - 2) && !v.isTitle(k - 2)) {
    k = v.nameTail(a, k - 1);
  }
  if (k < b && v.isCapitalized(k)) return { tokStart: k, tokEnd: b, kind: 'name' };
  const head = v.words[b - 1]!;
  if (v.lex.documents.match(v.words, b - 1, b) || v.lex.documents.has(head)) return { tokStart: a, tokEnd: b, kind: 'document' };
  let hasHead = false;
  for (let i = a; i < b && !hasHead; i++) hasHead = v.tokens[i]!.pos === 'NOUN' || v.tokens[i]!.pos === 'PROPN' || (v.tokens[i]!.pos === 'X' && v.isCapitalized(i)) || (v.words[i] === 'of' && v.lex.objectPronouns.has(v.words[i + 1]!));
  return hasHead ? { tokStart: a, tokEnd: b, kind: 'description' } : null;
}

/**
 * The subject of the cue starting at token `c0`, looking left no further than `s0`: skips
 * adverbs, auxiliaries and time words, and looks through an appositive
 * ("Kirill Dmitriev, Russia's special envoy …, said"; "Its president, Grace Adeyemi, said").
 * Returns the speaker and where its noun phrase begins.
 */
export function subjectLeft(v: DocView, c0: number, s0: number): { ref: SpeakerRef; npStart: number } | null {
  let j = c0 - 1;
  for (;;) {
    if (j < s0) return null;
    const w = v.words[j]!;
    const pos = v.tokens[j]!.pos;
    if (v.inTime[j] || (v.lex.skip.has(w) && (pos === 'ADV' || pos === 'AUX' || pos === 'PART' || w === 'not'))) j--;
    else if (w === 'on' && v.inTime[j + 1]) j--;
    else if (w === ',' && j - 2 >= s0 && v.words[j - 2] === ',' && v.tokens[j - 1]!.pos === 'ADV') j -= 3;
    else break;
  }
  if (v.words[j] === ',') {
    let k = j - 1;
    while (k >= s0 && v.words[k] !== ',' && !v.isMark(k) && j - k < 30) k--;
    if (k < s0 || v.words[k] !== ',') return null;
    const before = v.npEndingAt(k - 1, s0);
    if (v.isNameRun(k + 1, j) && before < k) return { ref: { tokStart: k + 1, tokEnd: j, kind: 'name' }, npStart: before };
    if (before < k) {
      const ref = speakerFromNP(v, before, k);
      return ref ? { ref, npStart: before } : null;
    }
    return null;
  }
  const a = v.npEndingAt(j, s0);
  if (a > j) return null;
  const ref = speakerFromNP(v, a, j + 1);
  if (!ref) return null;
  const k = ref.tokStart;
  const plainNounBefore = ref.kind === 'name' && k > a && v.tokens[k - 1]!.pos === 'NOUN' && !v.isTitle(k - 1);
  return { ref, npStart: plainNounBefore ? k : a };
}

/** The inverted subject after a cue ("…," said Cedric Toala, Samoa's lead negotiator). */
export function subjectRight(v: DocView, c1: number, s1: number): SpeakerRef | null {
  const b = v.npStartingAt(c1, s1);
  return speakerFromNP(v, c1, b);
}

interface HistoryEntry {
  entity: string | null;
  name: string;
  gender: 'male' | 'female' | null;
  kind: SpeakerKind;
  /** The statement was made in a statement/communiqué (so "the statement" can refer back). */
  inDocument: boolean;
  /** A person could be meant: a name, or a description headed by a role noun ("the official"). */
  person: boolean;
  /** Noted as a sentence's subject, not as a speaker. */
  subjectOnly: boolean;
}

/** Resolves speaker phrases of one article to entities and canonical names, in reading order. */
export class SpeakerResolver {
  private readonly v: DocView;
  private readonly doc: Doc;
  private readonly history: HistoryEntry[] = [];
  /** Last word of a full name → the full name, for "Dmitriev" after "Kirill Dmitriev". */
  private readonly fullNames = new Map<string, string>();
  private readonly entities = new Map<string, Entity>();
  /** Gender bound to a speaker name by the pronouns that referred to it. */
  private readonly boundGender = new Map<string, 'male' | 'female'>();

  constructor(v: DocView) {
    this.v = v;
    this.doc = v.doc;
    for (const e of this.doc.entities) {
      this.entities.set(e.id, e);
      if (e.type === 'PERSON' || e.type === 'ORG') this.addFullName(e.name);
    }
  }

  private entityById(id: string | null | undefined): Entity | undefined {
    return id ? this.entities.get(id) : undefined;
  }

  private addFullName(name: string): void {
    // The first and last of the whitespace-separated parts, read without splitting the whole name.
    const space = firstSpace(name);
    if (space >= 0) {
      let lastStart = name.length;
      while (!isSpaceCode(name.charCodeAt(lastStart - 1))) lastStart--;
      for (const part of [name.slice(lastStart), name.slice(0, space)]) {
        const key = part.toLowerCase();
        if (!this.fullNames.has(key)) this.fullNames.set(key, name);
      }
    }
  }

  /** The entity layer's mention for a speaker phrase: the longest one covering its head, within the phrase. */
  private mentionAt(start: number, end: number, headStart: number): Mention | null {
    let best: Mention | null = null;
    for (const m of mentionsCovering(this.doc.mentions, headStart, end, start - 1)) if (!best || m.end - m.start > best.end - best.start) best = m;
    return best;
  }

  /**
   * Gender from the first-name lexicon, else as bound by an earlier pronoun. The entity layer's
   * guess is not used here: it comes from its own pronoun links, which this resolver re-decides.
   */
  private genderOf(name: string): 'male' | 'female' | null {
    const space = firstSpace(name);
    const first = (space < 0 ? name : name.slice(0, space)).toLowerCase();
    const known = this.v.lex.firstNames.get(first);
    if (known) return known;
    return this.boundGender.get(name) ?? null;
  }

  /** The most recent speaker that a pronoun or a definite description can refer back to. */
  private antecedent(ref: SpeakerRef, gender: 'male' | 'female' | null, wantDocument: boolean): HistoryEntry | null {
    const limit = Math.max(0, this.history.length - 12);
    for (let i = this.history.length - 1; i >= limit; i--) {
      const h = this.history[i]!;
      if (wantDocument) {
        if (h.inDocument) return h;
        continue;
      }
      if (ref.kind === 'pronoun' && gender && (!h.person || (h.gender && h.gender !== gender))) continue;
      return h;
    }
    // The entity layer may have typed a person as a place; a named speaker is still a better guess than none.
    if (ref.kind === 'pronoun' && gender) {
      for (let i = this.history.length - 1; i >= limit; i--) {
        const h = this.history[i]!;
        if (h.kind === 'name' && !h.subjectOnly && (!h.gender || h.gender === gender)) return h;
      }
    }
    return null;
  }

  resolve(ref: SpeakerRef): ResolvedSpeaker {
    const v = this.v;
    const start = v.tokens[ref.tokStart]!.start;
    const end = v.tokens[ref.tokEnd - 1]!.end;
    const text = this.doc.text.slice(start, end);
    const head = v.tokens[ref.head ?? ref.tokEnd - 1]!;
    const mention = this.doc.mentions.length ? this.mentionAt(start, ref.head === undefined ? end : head.end, head.start) : null;
    const fromMention = (): ResolvedSpeaker | null => {
      const e = mention ? this.entityById(mention.entity) : undefined;
      return e ? { entity: e.id, name: e.name, start, end, resolved: true } : null;
    };
    const fromHistory = (h: HistoryEntry | null): ResolvedSpeaker | null => (h ? { entity: h.entity, name: h.name, start, end, resolved: true } : null);
    const first = v.words[ref.tokStart]!;
    const definite = first === 'the' || first === 'this' || first === 'that';
    // Pronouns and "the official" refer back to a speaker of this discourse first.
    if (ref.kind === 'pronoun') {
      const gender = v.lex.pronouns.get(first) ?? v.lex.objectPronouns.get(first) ?? v.lex.possessives.get(first) ?? null;
      const h = this.antecedent(ref, gender, false);
      if (h && !h.gender && gender) {
        h.gender = gender;
        this.boundGender.set(h.name, gender);
      }
      return fromHistory(h) ?? fromMention() ?? { entity: null, name: text, start, end, resolved: false };
    }
    if (ref.kind === 'document' && definite) {
      const r = fromHistory(this.antecedent(ref, null, true)) ?? fromMention();
      if (r) return r;
    }
    if (ref.kind === 'description' && definite && ref.tokEnd - ref.tokStart === 2 && v.isTitle(ref.tokStart + 1)) {
      const r = fromHistory(this.antecedent(ref, null, false)) ?? fromMention();
      if (r) return r;
    }
    const named = fromMention();
    if (named) return named;
    if (ref.kind === 'name') {
      const full = ref.tokEnd - ref.tokStart === 1 ? this.fullNames.get(first) : undefined;
      if (!full) this.addFullName(text);
      return { entity: null, name: full ?? text, start, end, resolved: true };
    }
    return { entity: null, name: text.replace(/^(the|a|an)\s+/i, ''), start, end, resolved: true };
  }

  /** Record a statement's speaker so later pronouns and descriptions can refer back to it. */
  remember(speaker: ResolvedSpeaker, kind: SpeakerKind, inDocument: boolean): void {
    const gender = this.genderOf(speaker.name);
    const entity = this.entityById(speaker.entity);
    const place = entity && (entity.type === 'GPE' || entity.type === 'LOC' || entity.type === 'NORP');
    const person = !place && (kind === 'name' || kind === 'pronoun' || entity?.type === 'PERSON' || speaker.name.toLowerCase().split(/\s+/).some((w) => this.v.lex.titles.has(w)));
    this.history.push({ entity: speaker.entity, name: speaker.name, gender, kind, inDocument, person, subjectOnly: false });
  }

  /**
   * Note the named subject of a sentence that reports no statement ("Tomás Ferrer was more
   * cautious."), so that the next "he said" can refer to the person just introduced.
   */
  noteSubject(ref: SpeakerRef): void {
    if (ref.kind !== 'name') return;
    const r = this.resolve(ref);
    const entity = this.entityById(r.entity);
    if (entity && entity.type !== 'PERSON') return;
    if (!entity && ref.tokEnd - ref.tokStart < 2) return;
    this.history.push({ entity: r.entity, name: r.name, gender: this.genderOf(r.name), kind: 'name', inDocument: false, person: true, subjectOnly: true });
  }
}
