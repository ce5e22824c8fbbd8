/**
 * The event coder: for each sentence, pattern matches (patterns.ts) → roles from the actor
 * mentions around them (actors.ts) → one event per source/target pair, with modality,
 * date, location, evidence span and the statement that reports it.
 */
import type { Doc } from '../doc.js';
import { resolveTimeAt } from '../time/query.js';
import type { EventActor, Modality, PartialDate, PoliticalEvent, TimeExpression, Token } from '../types.js';
import { DocActors, RoleWords, sentenceSlots, type ActorSlot, type RolesLexicon } from './actors.js';
import { CodeTable, type CodeTableFile } from './codes.js';
import { Accusations, type AccusationLexicon, type Speaker } from './accusations.js';
import { ActorFallbacks, type ActorFallbackLexicon } from './fallbacks.js';
import { IntentCodes, type IntentLexicon } from './intent.js';
import { ModalityDetector, type FoundCue, type ModalityLexicon, type SentenceCues } from './modality.js';
import { PatternIndex, type PatternLexicon, type PatternMatch, type Role } from './patterns.js';
import { ReducedRelatives } from './reduced-relative.js';
import { lowerBound } from '../sorted.js';

export interface CoderLexicons {
  codes: CodeTableFile;
  patterns: PatternLexicon;
  modality: ModalityLexicon;
  roles: RolesLexicon;
  fallbacks: ActorFallbackLexicon;
  intent: IntentLexicon;
  accusations: AccusationLexicon;
}

/** A coded event; `act` is the code of the announced act when the event codes its intent (intent.ts). */
export interface CodedEvent extends PoliticalEvent {
  act?: string;
}


interface SentenceContext {
  doc: Doc;
  da: DocActors;
  tokens: Token[];
  sStart: number;
  sEnd: number;
  slots: ActorSlot[];
  location: ActorSlot | null;
  /** The sentence's modality cues, read when its first event needs them. */
  cues: SentenceCues | null;
}

export class EventCoder {
  readonly codes: CodeTable;
  readonly index: PatternIndex;
  private readonly modality: ModalityDetector;
  private readonly words: RoleWords;
  private readonly fallbacks: ActorFallbacks;
  private readonly intent: IntentCodes;
  private readonly accusations: Accusations;

  constructor(lex: CoderLexicons) {
    this.fallbacks = new ActorFallbacks(lex.fallbacks);
    this.codes = new CodeTable(lex.codes);
    this.index = new PatternIndex(lex.patterns);
    this.modality = new ModalityDetector(lex.modality);
    this.intent = new IntentCodes(lex.intent, this.codes);
    this.accusations = new Accusations(lex.accusations, this.codes);
    this.words = new RoleWords(lex.roles);
    for (const code of this.modality.refusalTargets) {
      if (!this.codes.get(code)?.plover) throw new Error(`modality.json refusal: code ${code} is not in the CAMEO table with a PLOVER type`);
    }
    lex.patterns.entries.forEach((e, i) => {
      const info = this.codes.get(e.code);
      const where = `patterns.json entry ${i} (code ${e.code})`;
      if (!info) throw new Error(`${where}: code not in the CAMEO table`);
      const plover = e.plover ?? info.plover;
      if (!plover || !this.codes.ploverTypes.has(plover)) throw new Error(`${where}: no PLOVER type (the table drops this code; give "plover")`);
    });
  }

  /** Codes every sentence of the document; returns the events in text order. */
  code(doc: Doc): PoliticalEvent[] {
    const events: PoliticalEvent[] = [];
    if (!doc.tokens.length) return events;
    let da: DocActors | null = null;
    const timeStarts = new Set(doc.times.map((t) => t.start));
    let timesBySentence: TimeExpression[][] | null = null;
    const boilerplate = doc.article.boilerplate.length > 0;
    doc.sentences.forEach((s, si) => {
      if (boilerplate && doc.inBoilerplate(s)) return;
      const matches = this.index.match(doc.tokens, s.tokenStart, s.tokenEnd);
      if (!matches.length) return;
      da ??= new DocActors(doc, this.fallbacks);
      const slots = sentenceSlots(da, this.words, s.tokenStart, s.tokenEnd);
      const ctx: SentenceContext = {
        doc, da, tokens: doc.tokens, sStart: s.tokenStart, sEnd: s.tokenEnd, slots,
        location: slots.find((x) => this.isLocation(x)) ?? null,
        cues: null,
      };
      const dates = new SentenceDates((timesBySentence ??= sentenceTimes(doc))[si] ?? []);
      const relatives = new ReducedRelatives(doc.tokens, s.tokenStart, s.tokenEnd, timeStarts, this.words.relatives);
      const kept = this.resolveComplements(doc.tokens, s.tokenEnd,
        matches.filter((m) => !this.prenominal(doc.tokens, m) && !relatives.describes(m)));
      const found: CodedEvent[] = [];
      for (const m of kept.filter((x) => !x.pattern.entry.secondary)) found.push(...this.eventsOf(ctx, m, dates));
      if (!found.length) for (const m of kept) found.push(...this.eventsOf(ctx, m, dates));
      found.push(...this.accusationsIn(ctx, found));
      const first = events.length;
      for (const ev of found) {
        if (!hasSame(events, first, ev)) events.push({ ...ev, id: `v${events.length + 1}` });
      }
    });
    return events;
  }

  /** The accusations (or claims of responsibility) the sentence's reported conflicts carry (accusations.ts). */
  private accusationsIn(ctx: SentenceContext, found: CodedEvent[]): CodedEvent[] {
    const out: CodedEvent[] = [];
    for (const ev of found) {
      if (!ev.quote) continue;
      const q = ctx.da.quoteById(ev.quote);
      const entity = q?.speaker?.entity ? ctx.da.byId.get(q.speaker.entity) : undefined;
      const actor = entity ? ctx.da.codeOf(entity) : null;
      if (!q?.speaker || !entity || !actor) continue;
      const speaker: Speaker = { actor, entity: entity.id, start: q.speaker.start, end: q.speaker.end };
      const act = this.accusations.actOf(ev, q, speaker, [...found, ...out]);
      if (!act) continue;
      const info = this.codes.get(act.code)!;
      out.push({
        id: '',
        code: act.code,
        plover: info.plover ?? act.plover!,
        ploverMode: info.plover ? info.ploverMode : ev.ploverMode ?? null,
        source: { actor, entity: entity.id, start: speaker.start, end: speaker.end },
        target: act.target,
        goldstein: info.goldstein,
        quad: info.quad,
        modality: 'asserted',
        date: q.date ?? ctx.doc.article.date ?? null,
        location: ev.location,
        quote: null,
        rule: `speaker-act:${q.cue!.lemma}`,
        start: Math.min(speaker.start, q.cue!.start),
        end: Math.max(speaker.end, q.cue!.end),
      });
    }
    return out;
  }

  /** "a jailed journalist", "the detained sailors": a participle used as an adjective is no act. */
  private prenominal(tokens: Token[], m: PatternMatch): boolean {
    if (m.pattern.entry.kind !== 'verb' || m.tokens.length > 1) return false;
    const i = m.tokens[0]!;
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (!prev || !next || !/(ed|en)$/.test(t.lower)) return false;
    return (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM') && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN');
  }

  /**
   * Acts with a complement ("accused X of attacking Y", "pledged to deepen ties") against the
   * events inside that complement: the complement runs to the end of the clause, or to a
   * coordinated verb ("condemned the coup and suspended aid"). A factive noun ("decision to
   * impose tariffs") or an accusation's that-clause ("alleged that Pakistan shelled …") makes
   * the inner act a fact of its own.
   */
  private resolveComplements(tokens: Token[], sEnd: number, matches: PatternMatch[]): PatternMatch[] {
    const dropped = new Set<PatternMatch>();
    for (const outer of matches) {
      const mode = outer.pattern.entry.complement;
      if (!mode) continue;
      const end = this.complementEnd(tokens, Math.max(...outer.tokens) + 1, sEnd);
      for (const inner of matches) {
        if (inner === outer || inner.tokens[0]! <= Math.max(...outer.tokens) || inner.tokens[0]! >= end) continue;
        let factive = false;
        let clause = false;
        for (let i = Math.max(...outer.tokens) + 1; i < inner.tokens[0]!; i++) {
          const t = tokens[i]!;
          if (this.words.factive.has(t.lemma)) factive = true;
          if (this.words.complementizers.has(t.lower) && t.pos === 'SCONJ') clause = true;
        }
        if (factive || (clause && mode === 'suppress' && this.accusations.reports(outer.pattern.entry.code))) continue;
        if (mode === 'suppress') dropped.add(inner);
        else dropped.add(outer);
      }
    }
    return dropped.size ? matches.filter((m) => !dropped.has(m)) : matches;
  }

  private complementEnd(tokens: Token[], from: number, sEnd: number): number {
    for (let i = from; i < sEnd; i++) {
      const t = tokens[i]!;
      if (t.text === ';' || t.text === ':') return i;
      if (t.lower === 'and' || t.lower === 'but' || t.text === ',') {
        const next = tokens[i + 1]?.pos === 'ADV' ? tokens[i + 2] : tokens[i + 1];
        if (next && next.pos === 'VERB') return i;
      }
    }
    return sEnd;
  }

  private isLocation(s: ActorSlot): boolean {
    return s.group > -2 && s.governor !== null && this.words.locative.has(s.governor) && s.governor !== 'on behalf of'
      && s.type !== null && this.words.locationTypes.has(s.type);
  }

  /** Events of one pattern match: one per source/target pair. */
  private eventsOf(ctx: SentenceContext, m: PatternMatch, dates: SentenceDates): PoliticalEvent[] {
    const { tokens } = ctx;
    const entry = m.pattern.entry;
    const anchor = m.tokens[0]!;
    const first = Math.min(...m.tokens);
    const last = Math.max(...m.tokens);
    const passive = entry.kind === 'verb' && entry.passive !== false && isPassive(tokens, anchor, ctx.sStart, this.words.passiveAuxiliaries);

    let pairs: Array<[ActorSlot | null, ActorSlot | null]>;
    // "A held talks with B": B held talks with A too — unless A refused them.
    const reversed: Array<[ActorSlot | null, ActorSlot | null]> = [];
    const between = entry.mutual ? this.betweenGroup(ctx, first) : null;
    // "talks between Sudan's rival generals" hosted by Egypt: the parties are not both named.
    if (entry.mutual && entry.kind === 'noun' && !between && ctx.slots.some((x) => x.governor !== null && this.words.between.has(x.governor) && x.tokenStart > last)) return [];
    let source: ActorSlot | null;
    let target: ActorSlot | null;
    if (between) {
      source = between[0]!;
      target = null;
      pairs = [];
      for (const a of between) for (const b of between) if (a !== b) pairs.push([a, b]);
    } else {
      // "host" names who grants an entry permit when a passive leaves the granter unsaid.
      const ownSource = entry.source === 'host' ? undefined : entry.source;
      const srcRole: Role = entry.kind === 'noun' ? ownSource ?? 'mod' : passive ? 'agent' : ownSource ?? 'subj';
      const tgtRole: Role = entry.target ?? (passive ? 'subj' : 'obj');
      source = this.resolve(ctx, srcRole, first, last, null);
      if (!source && entry.kind === 'noun' && srcRole === 'mod') source = this.resolve(ctx, 'agent', first, last, null) ?? this.resolve(ctx, 'subj', first, last, null);
      if (!source && passive && entry.source === 'host') source = this.resolve(ctx, 'host', first, last, null);
      if (!source && entry.placeSource && ctx.location?.actor) source = ctx.location;
      target = this.resolve(ctx, passive && tgtRole === 'obj' ? 'subj' : tgtRole, first, last, source, passive);
      const info = this.codes.get(entry.code)!;
      // An uncoded object ("non-Muslims", "civilians") leaves the place of the act to name the target country.
      if (!target?.actor && (info.quad === 4 || entry.placeTarget) && ctx.location?.actor && ctx.location.entity !== source?.entity) target = ctx.location;
      const srcs = source ? this.members(ctx, source) : [null];
      const tgts = target ? this.members(ctx, target) : [null];
      pairs = [];
      if (entry.mutual && srcs.length > 1 && !target) {
        for (const a of srcs) for (const b of srcs) if (a !== b) pairs.push([a, b]);
      } else {
        for (const a of srcs) for (const b of tgts) pairs.push([a, b]);
        if (entry.symmetric && source && target) for (const a of srcs) for (const b of tgts) reversed.push([b, a]);
      }
    }

    const cues: FoundCue[] = [];
    let modality: Modality = this.modality.detect(ctx.cues ??= this.modality.sentenceCues(tokens, ctx.sStart, ctx.sEnd), first, last, entry.modality, cues);
    // An announced refusal is itself an act: a rejection (CAMEO 12) that happened.
    const refused = modality === 'negated' ? this.modality.refusalCode(tokens, ctx.sStart, first, entry.code) : null;
    if (refused) modality = 'asserted';
    else pairs.push(...reversed);
    const quote = ctx.da.quoteAt(tokens[anchor]!.start);
    // "Israel announced it would free …": in reported speech a bare "would" is the future of the past.
    if (modality === 'hypothetical' && quote && this.modality.onlyReportedFuture(cues)) modality = 'intended';
    const intentions = cues.filter((c) => c.modality !== 'negated' && c.modality !== 'ongoing').map((c) => c.text);
    const intent = modality === 'intended' ? this.intent.of(entry.code, intentions, quote !== null) : null;
    const code = refused ?? intent ?? entry.code;
    const own = !refused && !intent;
    const info = this.codes.get(code)!;
    const date = dates.at(quote?.date ?? null) ?? quote?.date ?? ctx.doc.article.date ?? null;
    const location = ctx.location ? ctx.doc.slice(ctx.location) : null;
    const out: CodedEvent[] = [];
    const background = inCommaRelative(tokens, ctx.sStart, first, this.words);
    for (const [a, b] of pairs) {
      // Who acted on whom must be known in actor terms: two uncoded names make no event record.
      if (!a?.actor && !b?.actor) continue;
      if (((entry.needs === 'target' || entry.needs === 'both') && !b) || ((entry.needs === 'source' || entry.needs === 'both') && !a)) continue;
      // An intention is someone's: with no one named to hold it, nothing is recorded.
      if (modality === 'intended' && !a?.actor) continue;
      // ", who had been arrested 15 months ago,": background to a description, not an act reported.
      if (!a?.actor && background) continue;
      if (a && b && a.entity !== null && a.entity === b.entity) continue;
      const spanStart = Math.min(tokens[first]!.start, ...[a, b].filter(inSentence(ctx)).map((x) => x!.start));
      const spanEnd = Math.max(tokens[last]!.end, ...[a, b].filter(inSentence(ctx)).map((x) => x!.end));
      out.push({
        id: '',
        code,
        plover: own ? entry.plover ?? info.plover! : info.plover!,
        ploverMode: own ? entry.ploverMode ?? info.ploverMode : info.ploverMode,
        source: toActor(a),
        target: toActor(b),
        goldstein: info.goldstein,
        quad: info.quad,
        modality,
        date,
        location,
        quote: quote?.id ?? null,
        rule: m.pattern.name,
        ...(intent ? { act: entry.code } : {}),
        start: spanStart,
        end: spanEnd,
      });
    }
    return out;
  }

  /** The actor filling `role` for event words spanning tokens [first, last]. */
  private resolve(ctx: SentenceContext, role: Role, first: number, last: number, exclude: ActorSlot | null, passive = false): ActorSlot | null {
    switch (role) {
      case 'subj': return this.subject(ctx, first, last, exclude);
      case 'obj': return this.object(ctx, first, last, exclude, (s) => s.governor === null || !this.words.agent.has(s.governor) || !passive);
      case 'agent': return this.object(ctx, first, last, exclude, (s) => s.governor !== null && this.words.agent.has(s.governor));
      case 'mod': return this.modifier(ctx, first, last);
      case 'host': return this.host(ctx);
      case 'none': return null;
    }
  }

  /** Nearest actor to the left that no preposition governs; a fronted phrase ("Subject to X, Y …") takes the first after its comma. */
  private subject(ctx: SentenceContext, first: number, last: number, exclude: ActorSlot | null): ActorSlot | null {
    const { tokens, slots } = ctx;
    let k = slots.length - 1;
    for (let i = first - 1; i >= ctx.sStart && first - i <= this.words.maxSubject; i--) {
      if (this.words.subjectStops.has(tokens[i]!.lower)) break;
      while (k >= 0 && slots[k]!.tokenEnd > i + 1) k--;
      const s = slots[k];
      // A possessor with a verb after it belongs to another phrase ("praised Trump's role …, describing the talks").
      if (s && s.tokenEnd === i + 1 && this.subjectLike(s, exclude) && !(isPossessor(tokens, s) && verbBetween(tokens, s.tokenEnd, first))) return s;
    }
    // "Negotiators from Armenia …", "Security forces in Iran …": the actor inside a subject noun phrase.
    for (let i = first - 1, n = slots.length - 1; i >= ctx.sStart && first - i <= this.words.maxSubject; i--) {
      if (this.words.subjectStops.has(tokens[i]!.lower)) break;
      while (n >= 0 && slots[n]!.tokenEnd > i + 1) n--;
      const s = slots[n];
      if (s && s.tokenEnd === i + 1 && !(exclude && s.entity === exclude.entity) && this.inSubjectPhrase(ctx, s)) return s;
    }
    // Fronted participle or adjective phrase: the subject follows the first comma after it.
    for (let j = ctx.sStart; j < first; j++) if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return null;
    let i = last + 1;
    while (i < ctx.sEnd && tokens[i]!.text !== ',') {
      if (this.words.breaks.has(tokens[i]!.lower)) return null;
      i++;
    }
    const after = slots.find((s) => s.tokenStart > i && s.tokenStart <= i + 4 && this.subjectLike(s, exclude));
    return after && !slots.some((s) => s.tokenStart > last && s.tokenStart < after.tokenStart && s.governor === null) ? after : null;
  }

  /** A mention governed by of/from/in whose head noun phrase itself no preposition governs. */
  private inSubjectPhrase(ctx: SentenceContext, s: ActorSlot): boolean {
    if (s.governor === null || !this.words.subjectPhrasePrepositions.has(s.governor)) return false;
    const { tokens } = ctx;
    let j = s.phraseStart - 2;
    if (j < ctx.sStart || (tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'PROPN')) return false;
    while (j >= ctx.sStart && this.words.inPhrase(tokens[j]!)) j--;
    return j < ctx.sStart || !(this.words.prepositions.has(tokens[j]!.lower) || tokens[j]!.pos === 'ADP' || tokens[j]!.pos === 'VERB');
  }

  private subjectLike(s: ActorSlot, exclude: ActorSlot | null): boolean {
    if ((exclude && s.entity === exclude.entity) || s.codedPlace) return false;
    return s.governor === null;
  }

  /**
   * First actor to the right, within reach and in the same clause, that is not a place. A verb
   * pattern's object may sit inside its words ("accused Russia of war crimes").
   */
  private object(ctx: SentenceContext, first: number, last: number, exclude: ActorSlot | null, ok: (s: ActorSlot) => boolean): ActorSlot | null {
    const { tokens } = ctx;
    for (const s of ctx.slots) {
      if (s.tokenStart > first && s.tokenStart <= last && ctx.tokens[first]!.pos !== 'NOUN' && s.governor === null
        && !(exclude && s.entity === exclude.entity)) return s;
    }
    const limit = Math.min(ctx.sEnd, last + 1 + this.words.maxObject);
    let breakAt = limit;
    for (let i = last + 1; i < limit; i++) {
      // "demanded that Russia return …": the subject of a that-clause right after the act is its target.
      if (i === last + 1 && tokens[i]!.lower === 'that') continue;
      // An object does not lie past a comma or the end of a quotation ("… flights,” he said").
      if (this.words.breaks.has(tokens[i]!.lower) || this.words.objectStops.has(tokens[i]!.text)) { breakAt = i; break; }
    }
    for (let k = 0; k < ctx.slots.length; k++) {
      const s = ctx.slots[k]!;
      if (s.tokenStart <= last || s.tokenStart >= breakAt) continue;
      if (this.isLocation(s) || (exclude && s.entity === exclude.entity)) continue;
      if (ok(s)) return this.headOf(ctx, k);
    }
    return null;
  }

  /**
   * The head of the noun phrase a mention modifies: "US President Donald Trump" is Trump, not
   * the US. A possessor stays itself ("Iran's programme").
   */
  private headOf(ctx: SentenceContext, k: number): ActorSlot {
    let s = ctx.slots[k]!;
    for (let n = k + 1; n < ctx.slots.length; n++) {
      const next = ctx.slots[n]!;
      if (isPossessor(ctx.tokens, s) || next.group <= -2 || next.tokenStart - s.tokenEnd > 3) break;
      let inside = true;
      for (let i = s.tokenEnd; i < next.tokenStart; i++) if (!this.words.inPhrase(ctx.tokens[i]!) || ctx.tokens[i]!.pos === 'DET') inside = false;
      if (!inside) break;
      s = next;
    }
    return s;
  }

  /** "US sanctions", "Trump's decision", "subject to US sanctions": an actor modifying the noun. */
  private modifier(ctx: SentenceContext, first: number, last: number): ActorSlot | null {
    for (const s of ctx.slots) {
      if (s.codedPlace) continue;
      if (s.tokenStart > first && s.tokenStart <= last) return s;
      if (s.tokenEnd > first || first - s.tokenEnd > 4) continue;
      let ok = true;
      for (let i = s.tokenEnd; i < first; i++) if (!this.words.inPhrase(ctx.tokens[i]!)) ok = false;
      if (ok) return s;
    }
    return null;
  }

  /** The host country: the last place the article put the action in ("in Washington"). */
  private host(ctx: SentenceContext): ActorSlot | null {
    if (ctx.location?.actor) return ctx.location;
    const { da, tokens } = ctx;
    const before = tokens[ctx.sStart]!.start;
    for (let i = da.firstMentionFrom(before) - 1; i >= 0; i--) {
      const m = da.mentions[i]!;
      const e = da.byId.get(m.entity);
      const code = e && e.type === 'GPE' ? da.codeOf(e) : null;
      if (!e || !code) continue;
      const ti = tokenStartingAt(ctx.doc.tokens, m.start);
      const prev = ctx.doc.tokens[ti - 1];
      if (ti > 0 && prev && this.words.locative.has(prev.lower)) {
        return { actor: code, entity: e.id, type: e.type, start: m.start, end: m.end, tokenStart: ti, tokenEnd: ti + 1, governor: prev.lower, group: -1, phraseStart: ti, codedPlace: false };
      }
    }
    return null;
  }

  /** "between Russia and Ukraine" anywhere in the sentence: the mutual parties. */
  private betweenGroup(ctx: SentenceContext, first: number): ActorSlot[] | null {
    const g = ctx.slots.find((s) => s.governor !== null && this.words.between.has(s.governor) && s.tokenStart > first - 2);
    if (!g) return null;
    const members = this.members(ctx, g);
    return members.length > 1 ? members : null;
  }

  private members(ctx: SentenceContext, s: ActorSlot): ActorSlot[] {
    if (s.group === -1) return [s];
    return ctx.slots.filter((x) => x.group === s.group);
  }
}

/**
 * The date a sentence's own time expressions give: in a statement, relative ones ("today")
 * count from the statement's date; elsewhere from the article's (the time layer's value, the
 * most precise one). Statement dates repeat across a sentence's events, so each is resolved once.
 */
class SentenceDates {
  private readonly plain: PartialDate | null = null;
  private readonly byStatementDate = new Map<PartialDate, PartialDate | null>();

  constructor(private readonly times: TimeExpression[]) {
    for (const t of times) if (t.value !== null && (this.plain === null || t.value.length > this.plain.length)) this.plain = t.value;
  }

  at(statementDate: PartialDate | null): PartialDate | null {
    if (!statementDate || !this.times.length) return this.plain;
    const known = this.byStatementDate.get(statementDate);
    if (known !== undefined) return known;
    let best: PartialDate | null = null;
    for (const t of this.times) {
      const v = resolveTimeAt(t, statementDate).value;
      if (v && (!best || v.length > best.length)) best = v;
    }
    this.byStatementDate.set(statementDate, best);
    return best;
  }
}

/** The time expressions lying wholly inside each sentence, in doc.times order. */
function sentenceTimes(doc: Doc): TimeExpression[][] {
  const out: TimeExpression[][] = [];
  for (const t of doc.times) {
    const si = doc.sentenceAt(t.start);
    const s = doc.sentences[si];
    if (!s || t.start < s.start || t.end > s.end) continue;
    (out[si] ??= []).push(t);
  }
  return out;
}

function inSentence(ctx: SentenceContext) {
  const from = ctx.tokens[ctx.sStart]!.start;
  const to = ctx.tokens[ctx.sEnd - 1]!.end;
  return (x: ActorSlot | null): boolean => x !== null && x.start >= from && x.end <= to;
}

/** Whether token `at` lies in a non-restrictive relative clause (", who …", ", which …") that has not closed. */
function inCommaRelative(tokens: Token[], sStart: number, at: number, words: RoleWords): boolean {
  for (let j = at - 1; j > sStart; j--) {
    const t = tokens[j]!;
    if (t.text === ',') return false;
    // ", that": more often a complement clause than a relative one.
    if (words.relatives.has(t.lower) && !words.complementizers.has(t.lower) && tokens[j - 1]!.text === ',') return true;
  }
  return false;
}

/** Index of the token starting at `offset`, or -1 (tokens are sorted by start). */
function tokenStartingAt(tokens: Token[], offset: number): number {
  const lo = lowerBound(tokens, (x) => x.start < offset);
  return tokens[lo]?.start === offset ? lo : -1;
}

function verbBetween(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.pos === 'VERB') return true;
  return false;
}

function isPossessor(tokens: Token[], s: ActorSlot): boolean {
  const next = tokens[s.tokenEnd];
  return next !== undefined && (next.lower === "'s" || next.lower === '’s' || next.lower === "'" || next.lower === '’');
}

function toActor(s: ActorSlot | null): EventActor {
  return s ? { actor: s.actor, entity: s.entity, start: s.start, end: s.end } : { actor: null, entity: null };
}

/** "was imposed", "has been granted", "were not released": a be/get auxiliary before a participle. */
function isPassive(tokens: Token[], anchor: number, sStart: number, auxiliaries: Set<string>): boolean {
  const t = tokens[anchor]!;
  if (t.lower.endsWith('ing') || (t.lower === t.lemma && !/(ed|en|wn)$/.test(t.lower))) return false;
  for (let i = anchor - 1; i >= sStart && anchor - i <= 3; i--) {
    const p = tokens[i]!;
    if (auxiliaries.has(p.lower)) return true;
    if (p.pos !== 'ADV' && p.pos !== 'PART' && p.pos !== 'AUX') return false;
  }
  return false;
}

/** Whether events[from..] already holds the same event: only the current sentence's events are compared. */
function hasSame(events: PoliticalEvent[], from: number, ev: PoliticalEvent): boolean {
  for (let k = from; k < events.length; k++) if (sameEvent(events[k]!, ev)) return true;
  return false;
}

function sameEvent(a: PoliticalEvent, b: PoliticalEvent): boolean {
  return a.code === b.code && a.start <= b.end && b.start <= a.end
    && a.source.entity === b.source.entity && a.target.entity === b.target.entity
    && a.source.actor === b.source.actor && a.target.actor === b.target.actor;
}
