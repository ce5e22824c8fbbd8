// Who speaks: the noun phrase that names a cue's speaker (subject, appositive or inverted
// subject), and its resolution to an entity — through the entity layer's mentions when it has
// them, else through the article's own discourse (the last speaker of the right gender for a
// pronoun, the last speaker for "the official", the last issuer of a statement for "the statement").
import type { Doc } from '../doc.js';
import type { Mention } from '../types.js';
import type { DocView } from './view.js';

export type SpeakerKind = 'name' | 'description' | 'pronoun' | 'document';

export interface SpeakerRef {
  tokStart: number;
  tokEnd: number;
  kind: SpeakerKind;
}

export interface ResolvedSpeaker {
  entity: string | null;
  name: string;
  start: number;
  end: number;
  /** False when a pronoun or description could not be tied to anyone. */
  resolved: boolean;
}

/** A speaker phrase from the noun phrase [a, b): a pronoun, a name at its end, a document or a description. */
export function speakerFromNP(v: DocView, a: number, b: number): SpeakerRef | null {
  if (b <= a) return null;
  if (b - a === 1 && v.lex.pronouns.has(v.words[a]!) && v.tokens[a]!.pos === 'PRON') return { tokStart: a, tokEnd: b, kind: 'pronoun' };
  if (b - a === 1 && v.lex.objectPronouns.has(v.words[a]!)) return { tokStart: a, tokEnd: b, kind: 'pronoun' };
  let k = v.nameTail(a, b);
  // Organisation names join capitalized words with "of", "for", "and": "Joint Chiefs of Staff".
  while (k - 2 >= a && (v.words[k - 1] === 'of' || v.words[k - 1] === 'for' || v.words[k - 1] === 'and') && v.isCapitalized(k - 2) && !v.isTitle(k - 2)) {
    k = v.nameTail(a, k - 1);
  }
  if (k < b && v.isCapitalized(k)) return { tokStart: k, tokEnd: b, kind: 'name' };
  const head = v.words[b - 1]!;
  if (v.lex.documents.match(v.words, b - 1, b) || v.lex.documents.has(head)) return { tokStart: a, tokEnd: b, kind: 'document' };
  const hasNoun = v.tokens.slice(a, b).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  return hasNoun ? { tokStart: a, tokEnd: b, kind: 'description' } : null;
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
  return ref ? { ref, npStart: a } : null;
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
}

/** Resolves speaker phrases of one article to entities and canonical names, in reading order. */
export class SpeakerResolver {
  private readonly v: DocView;
  private readonly doc: Doc;
  private readonly history: HistoryEntry[] = [];
  /** Last word of a full name → the full name, for "Dmitriev" after "Kirill Dmitriev". */
  private readonly fullNames = new Map<string, string>();

  constructor(v: DocView) {
    this.v = v;
    this.doc = v.doc;
    for (const e of this.doc.entities) if (e.type === 'PERSON' || e.type === 'ORG') this.addFullName(e.name);
  }

  private addFullName(name: string): void {
    const parts = name.split(/\s+/);
    if (parts.length > 1) {
      for (const part of [parts[parts.length - 1]!, parts[0]!]) {
        const key = part.toLowerCase();
        if (!this.fullNames.has(key)) this.fullNames.set(key, name);
      }
    }
  }

  /** The entity layer's mention for a speaker phrase: one covering its last word (its head or surname). */
  private mentionAt(start: number, end: number, headStart: number): Mention | null {
    const ms = this.doc.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.end <= headStart) lo = mid + 1;
      else hi = mid;
    }
    let best: Mention | null = null;
    for (let i = lo; i < ms.length && ms[i]!.start < end; i++) {
      const m = ms[i]!;
      if (m.end < end || m.start > headStart || m.start < start - 1) continue;
      if (!best || m.end - m.start > best.end - best.start) best = m;
    }
    return best;
  }

  /**
   * Gender from the first-name lexicon, else as bound by an earlier pronoun. The entity layer's
   * guess is not used here: it comes from its own pronoun links, which this resolver re-decides.
   */
  private genderOf(name: string): 'male' | 'female' | null {
    const first = name.split(/\s+/)[0]!.toLowerCase();
    const known = this.v.lex.firstNames.get(first);
    if (known) return known;
    for (let i = this.history.length - 1; i >= 0; i--) if (this.history[i]!.name === name && this.history[i]!.gender) return this.history[i]!.gender;
    return null;
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
    return null;
  }

  resolve(ref: SpeakerRef): ResolvedSpeaker {
    const v = this.v;
    const start = v.tokens[ref.tokStart]!.start;
    const end = v.tokens[ref.tokEnd - 1]!.end;
    const text = this.doc.text.slice(start, end);
    const mention = this.doc.mentions.length ? this.mentionAt(start, end, v.tokens[ref.tokEnd - 1]!.start) : null;
    const fromMention = (): ResolvedSpeaker | null => {
      const e = mention ? this.doc.entity(mention.entity) : undefined;
      return e ? { entity: e.id, name: e.name, start, end, resolved: true } : null;
    };
    const fromHistory = (h: HistoryEntry | null): ResolvedSpeaker | null => (h ? { entity: h.entity, name: h.name, start, end, resolved: true } : null);
    const first = v.words[ref.tokStart]!;
    const definite = first === 'the' || first === 'this' || first === 'that';
    // Pronouns and "the official" refer back to a speaker of this discourse first.
    if (ref.kind === 'pronoun') {
      const gender = v.lex.pronouns.get(first) ?? v.lex.objectPronouns.get(first) ?? v.lex.possessives.get(first) ?? null;
      const h = this.antecedent(ref, gender, false);
      if (h && !h.gender && gender) h.gender = gender;
      return fromHistory(h) ?? fromMention() ?? { entity: null, name: text, start, end, resolved: false };
    }
    if (ref.kind === 'document' && definite) {
      const r = fromHistory(this.antecedent(ref, null, true)) ?? fromMention();
      if (r) return r;
    }
    if (ref.kind === 'description' && definite && ref.tokEnd - ref.tokStart === 2) {
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
    const entity = this.doc.entity(speaker.entity);
    const place = entity && (entity.type === 'GPE' || entity.type === 'LOC' || entity.type === 'NORP');
    const person = !place && (kind === 'name' || kind === 'pronoun' || entity?.type === 'PERSON' || speaker.name.toLowerCase().split(/\s+/).some((w) => this.v.lex.titles.has(w)));
    this.history.push({ entity: speaker.entity, name: speaker.name, gender, kind, inDocument, person });
  }

  /** The speaker of the most recent statement, for a quote that continues the discourse. */
  current(): HistoryEntry | null {
    return this.history[this.history.length - 1] ?? null;
  }
}
