/**
 * The event coder: for each sentence, pattern matches (patterns.ts) → roles from the actor
 * mentions around them (actors.ts) → one event per source/target pair, with modality,
 * date, location, evidence span and the statement that reports it.
 */
import type { Doc } from '../doc.js';
import { resolveTimeAt } from '../time/query.js';
import type { EventActor, Modality, PartialDate, PoliticalEvent, TimeExpression, Token } from '../types.js';
import { DocActors, isPossessive, RoleWords, sentenceSlots, type ActorSlot, type RolesLexicon } from './actors.js';
import { CodeTable, type CodeTableFile } from './codes.js';
import { Accusations, type AccusationLexicon, type Speaker } from './accusations.js';
import { IntentCodes, type IntentLexicon } from './intent.js';
import { ModalityDetector, type FoundCue, type ModalityLexicon, type SentenceCues } from './modality.js';
import { clauseVerb, PatternIndex, type PatternLexicon, type PatternMatch, type Role } from './patterns.js';
import { ReducedRelatives } from './reduced-relative.js';
import { lowerBound } from '../sorted.js';


export interface CoderLexicons {
  codes: CodeTableFile;
  patterns: PatternLexicon;
  modality: ModalityLexicon;
  roles: RolesLexicon;
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
  /** Tokens a pattern gap or a cue crosses without counting (gapSkippable). */
  skip: Uint8Array;
}

export class EventCoder {
  readonly codes: CodeTable;
  readonly index: PatternIndex;
  private readonly modality: ModalityDetector;
  private readonly words: RoleWords;
  private readonly intent: IntentCodes;
  private readonly accusations: Accusations;
  /** Each pattern entry's `unless` words. */
  private readonly unless = new Map<object, Set<string>>();
  /** Each pattern entry's `unlessSentence` words (one-word or two-word). */
  private readonly unlessSentence = new Map<object, Set<string>>();

  constructor(lex: CoderLexicons) {
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
      if (e.reply && !this.codes.get(e.reply)?.plover) throw new Error(`${where}: reply code ${e.reply} is not in the CAMEO table with a PLOVER type`);
      if (e.unless?.length) this.unless.set(e, new Set(e.unless.map((w) => w.toLowerCase())));
      if (e.unlessSentence?.length) this.unlessSentence.set(e, new Set(e.unlessSentence.map((w) => w.toLowerCase())));
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
    const skip = gapSkippable(doc);
    const ids = this.index.read(doc.tokens, skip);
    doc.sentences.forEach((s, si) => {
      if (boilerplate && doc.inBoilerplate(s)) return;
      const matches = this.index.match(ids, s.tokenStart, s.tokenEnd);
      if (!matches.length) return;
      da ??= new DocActors(doc);
      const slots = sentenceSlots(da, this.words, s.tokenStart, s.tokenEnd);
      // No actor named: no event can be recorded, unless a passive grant names its host from earlier text.
      if (!slots.length && !matches.some((m) => m.pattern.entry.source === 'host')) return;
      const ctx: SentenceContext = {
        doc, da, tokens: doc.tokens, sStart: s.tokenStart, sEnd: s.tokenEnd, slots,
        location: slots.find((x) => this.isLocation(x)) ?? null,
        cues: null,
        skip,
      };
      const dates = new SentenceDates((timesBySentence ??= sentenceTimes(doc))[si] ?? []);
      const relatives = new ReducedRelatives(doc.tokens, s.tokenStart, s.tokenEnd, timeStarts, this.words.relatives);
      const asked = new Map<PatternMatch, string>();
      const kept = this.resolveComplements(doc.tokens, s.tokenEnd, asked,
        matches.filter((m) => !this.prenominal(doc.tokens, s.tokenStart, m, slots) && !this.modifiesNoun(doc.tokens, s.tokenEnd, m) && !this.otherSense(doc.tokens, s.tokenStart, s.tokenEnd, m) && !this.characterization(doc.tokens, s.tokenStart, m) && !relatives.describes(m)
          && !this.modality.unasserted(doc.tokens, s.tokenStart, m.tokens[0]!)));
      const found: CodedEvent[] = [];
      // Secondary patterns ("killed"), then acts told in a relative clause ("soldiers who were trying to surrender"),
      // give events only when nothing before them does.
      const relative = kept.filter((x) => this.relativeAntecedent(ctx, x.tokens[0]!) !== undefined);
      for (const tier of [kept.filter((x) => !x.pattern.entry.secondary && !relative.includes(x)), kept.filter((x) => x.pattern.entry.secondary && !relative.includes(x)), relative]) {
        for (const m of tier) found.push(...this.eventsOf(ctx, m, dates, asked.get(m)));
        if (found.length) break;
      }
      const first = events.length;
      for (const ev of this.withSpeakerActs(ctx, found)) {
        if (hasSame(events, first, ev)) continue;
        ev.id = `v${events.length + 1}`;
        events.push(ev);
      }
    });
    return events;
  }

  /**
   * The sentence's events with each reported conflict that is its speaker's accusation (or
   * claim of responsibility) replaced by that act (accusations.ts).
   */
  private withSpeakerActs(ctx: SentenceContext, found: CodedEvent[]): CodedEvent[] {
    const out: CodedEvent[] = [];
    const replaced = new Set<CodedEvent>();
    for (const ev of found) {
      if (!ev.quote) continue;
      const q = ctx.da.quoteById(ev.quote);
      const entity = q?.speaker?.entity ? ctx.da.byId.get(q.speaker.entity) : undefined;
      const actor = entity ? ctx.da.codeOf(entity) : null;
      if (!q?.speaker || !entity || !actor) continue;
      const speaker: Speaker = { actor, entity: entity.id, start: q.speaker.start, end: q.speaker.end };
      const made = this.accusations.actOf(ev, q, speaker, [...found, ...out]);
      if (!made) continue;
      replaced.add(ev);
      const act = made.act;
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
    return replaced.size || out.length ? [...found.filter((ev) => !replaced.has(ev)), ...out] : found;
  }

  /** "riot police", "ceasefire talks": a one-word noun event right before another noun only modifies it. */
  private modifiesNoun(tokens: Token[], sEnd: number, m: PatternMatch): boolean {
    if (m.pattern.entry.kind !== 'noun' || m.tokens.length > 1) return false;
    const next = m.tokens[0]! + 1;
    return next < sEnd && tokens[next]!.pos === 'NOUN';
  }

  /**
   * "met expectations", "met its targets": an object word of the entry's `unless` gives the words
   * another sense; so does an `unlessSentence` word anywhere in the sentence ("… in the final").
   */
  private otherSense(tokens: Token[], sStart: number, sEnd: number, m: PatternMatch): boolean {
    const context = this.unlessSentence.get(m.pattern.entry);
    if (context) {
      for (let i = sStart; i < sEnd; i++) {
        const t = tokens[i]!;
        if (context.has(t.lower) || context.has(t.lemma) || (i + 1 < sEnd && context.has(`${t.lower} ${tokens[i + 1]!.lower}`))) return true;
      }
    }
    const unless = this.unless.get(m.pattern.entry);
    if (!unless) return false;
    for (let i = m.last + 1; i < sEnd && i <= m.last + 5; i++) {
      const t = tokens[i]!;
      if (unless.has(t.lower) || unless.has(t.lemma)) return true;
      if (this.words.breaks.has(t.lower) || this.words.prepositions.has(t.lower)) return false;
    }
    return false;
  }

  /**
   * "The storm killed …", "the football team beat …": an active verb whose subject is no political
   * actor; so too a participle after a comma or "and" whose sentence opens with one ("A bus
   * overturned …, killing 28 people", "Typhoon Kalmaegi tore through … and killing …").
   */
  private nonAgentSubject(tokens: Token[], sStart: number, first: number, slots: ActorSlot[]): boolean {
    const nonAgent = (t: Token) => this.words.nonAgents.has(t.lower) || this.words.nonAgents.has(t.lemma);
    let i = first - 1;
    while (i >= sStart && (tokens[i]!.pos === 'ADV' || tokens[i]!.pos === 'AUX' || tokens[i]!.pos === 'PART')) i--;
    const t = tokens[i];
    if (i >= sStart && t !== undefined && t.pos === 'NOUN' && nonAgent(t)) return true;
    // "Typhoon Kalmaegi killed …", "Wildfires racing through … have killed …": the sentence opens with a non-agent and names no subject before the verb.
    const opens = (): boolean => {
      for (let j = sStart; j < first && COUNTED_PHRASE.has(tokens[j]!.pos); j++) if (tokens[j]!.pos !== 'DET' && nonAgent(tokens[j]!)) return true;
      return false;
    };
    if ((t?.text === ',' || t?.lower === 'and') && tokens[first]!.lower.endsWith('ing')) return opens();
    return slots.every((x) => x.tokenStart >= first || x.governor !== null) && opens();
  }

  /** "described the plan as a full-scale attack on …": a noun event after "as" that characterises something is no event. */
  private characterization(tokens: Token[], sStart: number, m: PatternMatch): boolean {
    if (m.pattern.entry.kind !== 'noun') return false;
    let j = m.tokens[0]! - 1;
    while (j >= sStart && this.words.inPhrase(tokens[j]!)) j--;
    if (j < sStart || tokens[j]!.lower !== 'as') return false;
    for (let i = j - 1; i >= sStart && j - i <= 8; i--) {
      const t = tokens[i]!;
      if (t.pos === 'VERB') return this.words.describingVerbs.has(t.lemma);
      if (this.words.breaks.has(t.lower)) return false;
    }
    return false;
  }

  /**
   * "a jailed journalist", "lists of detained citizens", "Sanctioned tankers sailed …", "the
   * banned party": a participle used as an adjective is no act. It stands after a determiner,
   * adjective, number or preposition (or an adverb after a determiner: "the recently freed
   * hostages"), or opens the sentence, and a noun or adjective follows it.
   */
  private prenominal(tokens: Token[], sStart: number, m: PatternMatch, slots: ActorSlot[]): boolean {
    if (m.pattern.entry.kind !== 'verb') return false;
    const i = m.tokens[0]!;
    // "China's military launched large-scale drills": a name right before is the verb's subject.
    if (slots.some((x) => x.tokenEnd === i)) return false;
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next || !/(ed|en)$/.test(t.lower) || !(next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')) return false;
    let j = i - 1;
    while (j >= sStart && this.words.openingQuotes.has(tokens[j]!.text)) j--;
    if (j < sStart) return true;
    const prev = tokens[j]!;
    if (prev.pos === 'ADV') return j > sStart && tokens[j - 1]!.pos === 'DET';
    return prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || prev.pos === 'VERB' || (prev.pos === 'ADP' && !this.words.agent.has(prev.lower));
  }

  /**
   * Acts with a complement ("accused X of attacking Y", "pledged to deepen ties") against the
   * events inside that complement: the complement runs to the end of the clause, or to a
   * coordinated verb ("condemned the coup and suspended aid"). A factive noun ("decision to
   * impose tariffs") makes the inner act a fact of its own; an accusation's that-clause
   * ("alleged that Pakistan shelled …") is its content, as the speaker's accusation stands for
   * the act it reports (accusations.ts). A generic appeal or demand records in `asked` the
   * first act its complement names ("urged Rwanda to pull its troops out").
   */
  private resolveComplements(tokens: Token[], sEnd: number, asked: Map<PatternMatch, string>, matches: PatternMatch[]): PatternMatch[] {
    const dropped = new Set<PatternMatch>();
    for (const outer of matches) {
      const mode = outer.pattern.entry.complement;
      if (!mode) continue;
      const end = this.complementEnd(tokens, outer.last + 1, sEnd);
      for (const inner of matches) {
        if (inner === outer || inner.tokens[0]! <= outer.last || inner.tokens[0]! >= end) continue;
        let factive = false;
        for (let i = outer.last + 1; i < inner.tokens[0]!; i++) if (this.words.factive.has(tokens[i]!.lemma)) factive = true;
        if (factive) continue;
        if (mode === 'suppress') {
          dropped.add(inner);
          if (!asked.has(outer) && this.intent.isRequest(outer.pattern.entry.code)) asked.set(outer, inner.pattern.entry.code);
        } else dropped.add(outer);
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
        // "accused the army of killing civilians and burning villages": a coordinated gerund stays inside.
        if (next && next.pos === 'VERB' && !(t.lower === 'and' && next.lower.endsWith('ing'))) return i;
        // "…, and Bolivia dispatched …", "Despite pressure from X, Israel has not …": a name with its own verb opens a new clause.
        if (next?.pos === 'PROPN') {
          let j = i + 1;
          while (j < sEnd && tokens[j]!.pos === 'PROPN') j++;
          if (tokens[j]?.pos === 'VERB' || tokens[j]?.pos === 'AUX') return i;
        }
      }
    }
    return sEnd;
  }

  private isLocation(s: ActorSlot): boolean {
    return s.group > -2 && s.governor !== null && this.words.locative.has(s.governor) && s.governor !== 'on behalf of'
      && s.type !== null && this.words.locationTypes.has(s.type);
  }

  /** Events of one pattern match: one per source/target pair. */
  private eventsOf(ctx: SentenceContext, m: PatternMatch, dates: SentenceDates, askedFor?: string): PoliticalEvent[] {
    const { tokens } = ctx;
    const entry = m.pattern.entry;
    const anchor = m.tokens[0]!;
    const first = anchor;
    const last = m.last;
    const passive = entry.kind === 'verb' && entry.passive !== false && isPassive(ctx, anchor, this.words);
    if (entry.kind === 'verb' && !passive && this.nonAgentSubject(tokens, ctx.sStart, first, ctx.slots)) return [];

    let pairs: Array<[ActorSlot | null, ActorSlot | null]>;
    // "A held talks with B": B held talks with A too — unless A refused them.
    const reversed: Array<[ActorSlot | null, ActorSlot | null]> = [];
    const between = entry.mutual ? this.betweenGroup(ctx, first) : null;
    // "talks between Sudan's rival generals" hosted by Egypt: the parties are not both named.
    if (entry.mutual && entry.kind === 'noun' && !between && ctx.slots.some((x) => x.governor !== null && this.words.between.has(x.governor) && x.tokenStart > last)) return [];
    let source: ActorSlot | null;
    let target: ActorSlot | null;
    let people: string | null = null;
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
      // "declared an emergency after the riots": a background event is not the clause subject's act,
      // and with no actor of its own it is only the setting of the clause's event.
      const background = !source && entry.kind === 'noun' && this.inBackground(ctx, first);
      if (background) return [];
      // A noun event in the clause's topic ("tensions soared over an attack on tourists") is not the clause subject's act.
      if (!source && entry.kind === 'noun' && srcRole === 'mod') source = this.resolve(ctx, 'agent', first, last, null) ?? (this.inTopic(ctx, first) ? null : this.resolve(ctx, 'subj', first, last, null));
      if (!source && passive && entry.source === 'host') source = this.resolve(ctx, 'host', first, last, null);
      // "A mortar bomb was fired at it from the Gaza Strip": where force came from stands for who used it.
      if (!source && passive && this.codes.get(entry.code)!.quad === 4) source = this.object(ctx, first, last, null, (x) => x.governor !== null && this.words.originPrepositions.has(x.governor));
      if (!source && entry.placeSource && ctx.location?.actor) source = ctx.location;
      // "A report released in the Rwandan capital alleged …": an unnamed speaker's place speaks for it.
      if (!source && entry.kind === 'verb' && !passive && this.verbal(entry.code) && ctx.location?.actor && this.inSubject(ctx, ctx.location, first)) source = ctx.location;
      target = this.resolve(ctx, passive && tgtRole === 'obj' ? 'subj' : tgtRole, first, last, source);
      // ", conveying condolences over …": a participle clause with no object of its own acts on the main clause's object.
      if (!target && entry.kind === 'verb' && !passive) target = this.clauseObject(ctx, first, source);
      // "…, a move Serbia's president lambasted as …": a reaction to a step targets whoever took it.
      if (!target && entry.kind === 'verb' && this.verbal(entry.code)) target = this.reactionTarget(ctx, first, source);
      // "bans on travel to Canada against Russian officers": sanctions are aimed abroad.
      if (target?.actor?.length === 3 && source?.actor && target.actor === source.actor.slice(0, 3) && !passive && tgtRole === 'obj' && this.words.foreignOnly.some((c) => entry.code.startsWith(c))) {
        const own = source.actor.slice(0, 3);
        target = this.object(ctx, first, last, source, (x) => x.actor?.slice(0, 3) !== own);
      }
      const info = this.codes.get(entry.code)!;
      // An uncoded object ("non-Muslims", "civilians") leaves the place of the act to name the target country.
      if (!target?.actor && (info.quad === 4 || entry.placeTarget) && ctx.location?.actor && ctx.location.entity !== source?.entity) target = ctx.location;
      // "Indonesian police detained 12 militants": coercion of an uncoded object, no other place named, is within the agent's country.
      if (!target?.actor && source?.entity && this.words.internalCoercion.has(entry.code) && (!ctx.location?.actor || ctx.location.entity === source.entity)) target = this.ownCountry(ctx, source) ?? target;
      if (entry.people && this.peopleUndergo(ctx, passive, first, last)) people = entry.people;
      const srcs = source ? this.members(ctx, source) : [null];
      const tgts = target ? this.members(ctx, target) : [null];
      pairs = [];
      if (entry.mutual && srcs.length > 1 && !target?.actor) {
        // "The presidents of Kyrgyzstan and Tajikistan, X and Y, signed …": uncoded members make no pair.
        for (const a of srcs) for (const b of srcs) if (a !== b && a?.actor && b?.actor) pairs.push([a, b]);
      } else {
        for (const a of srcs) for (const b of tgts) pairs.push([a, b]);
        if ((entry.symmetric || entry.reply) && source && target) for (const a of srcs) for (const b of tgts) reversed.push([b, a]);
      }
    }

    const cues: FoundCue[] = [];
    let modality: Modality = this.modality.detect(ctx.cues ??= this.modality.sentenceCues(tokens, ctx.sStart, ctx.sEnd, ctx.skip), first, last, entry.modality, cues);
    // An announced refusal is itself an act: a rejection (CAMEO 12) that happened.
    const refused = modality === 'negated' ? this.modality.refusalCode(tokens, ctx.sStart, first, people ?? entry.code) : null;
    // A denied hostile act is the denier's denial of responsibility (CAMEO 016), asserted, aimed at no one named.
    const denial = this.modality.denial;
    const deniedAt = !refused && modality === 'negated' && denial.quads.has(this.codes.get(entry.code)!.quad) ? this.modality.deniedAt(tokens, ctx.sStart, first) : -1;
    const denied = deniedAt >= 0;
    const forward = pairs.length;
    if (refused || denied) modality = 'asserted';
    else pairs.push(...reversed);
    if (denied) {
      pairs = [...new Map(pairs.map(([a]) => [a?.entity ?? null, [a, null] as [ActorSlot | null, ActorSlot | null]])).values()];
      // "China's coast guard denied that its vessels had fired …": with the act's agent unnamed, the denier denies.
      if (!pairs.some(([a]) => a?.actor)) pairs = [[this.subject(ctx, deniedAt, deniedAt, null), null]];
    }
    const quote = ctx.da.quoteAt(tokens[anchor]!.start);
    // "Pakistani and Afghan forces were exchanging fire": a material act in progress is ongoing — unless a speaker before it
    // tells it ("said it was severing ties": the future of the past).
    const teller = ctx.da.quoteAt(tokens[anchor]!.start)?.speaker;
    if (modality === 'asserted' && entry.kind === 'verb' && !(teller && teller.start < tokens[anchor]!.start) && MATERIAL_QUADS.has(this.codes.get(entry.code)!.quad) && progressive(tokens, ctx.sStart, anchor)) modality = 'ongoing';
    // "Israel announced it would free …": in reported speech a bare "would" is the future of the past.
    if (modality === 'hypothetical' && quote && this.modality.onlyReportedFuture(cues)) modality = 'intended';
    const intentions = cues.filter((c) => c.modality !== 'negated' && c.modality !== 'ongoing').map((c) => c.text);
    // "The EU is ready to impose tariffs if Washington …": a hostile act on a condition is a threat made.
    if (modality === 'hypothetical' && this.intent.threatOn(people ?? entry.code, intentions)) modality = 'intended';
    const act = people ?? (askedFor && this.intent.requestOf(entry.code, askedFor)) ?? entry.code;
    const intent = modality === 'intended' ? this.intent.of(act, intentions, quote !== null) : null;
    const reply = entry.reply ? (modality === 'intended' ? this.intent.of(entry.reply, intentions, quote !== null) : null) ?? entry.reply : null;
    const code = denied ? denial.code : refused ?? intent ?? act;
    const own = !refused && !intent && !denied && act === entry.code;
    const vp = this.words.violentProtest;
    // [subject side, object side]: whether demonstrators are that side of an act of force.
    const protest = own && vp.acts.some((c) => code.startsWith(c)) ? this.protestSides(ctx, passive, source, target, first, last) : null;
    const force = (own && this.words.assassination.acts.has(code) && this.killsOfficial(ctx, passive, first, last) ? this.words.assassination.code : null)
      ?? (own && this.words.instrumentActs.has(code) ? this.instrumentCode(ctx, passive, source, first) : null) ?? code;
    const date = dates.at(quote?.date ?? null) ?? quote?.date ?? ctx.doc.article.date ?? null;
    const location = ctx.location ? ctx.doc.slice(ctx.location) : null;
    const out: CodedEvent[] = [];
    const background = inCommaRelative(tokens, ctx.sStart, first, this.words);
    const sentenceFrom = tokens[ctx.sStart]!.start;
    const sentenceTo = tokens[ctx.sEnd - 1]!.end;
    for (let p = 0; p < pairs.length; p++) {
      const [a, b] = pairs[p]!;
      // Who acted on whom must be known in actor terms: two uncoded names make no event record.
      if (!a?.actor && !b?.actor) continue;
      if (((entry.needs === 'target' || entry.needs === 'both') && !b && !people) || ((entry.needs === 'source' || entry.needs === 'both') && !a)) continue;
      // An intention is someone's: with no one named to hold it, nothing is recorded.
      if (modality === 'intended' && !a?.actor) continue;
      // ", who had been arrested 15 months ago,": background to a description, not an act reported.
      if (!a?.actor && background) continue;
      if (a && b && a.entity !== null && a.entity === b.entity) continue;
      let spanStart = tokens[first]!.start;
      let spanEnd = tokens[last]!.end;
      for (const x of [a, b]) {
        if (!x || x.start < sentenceFrom || x.end > sentenceTo) continue;
        spanStart = Math.min(spanStart, x.start);
        spanEnd = Math.max(spanEnd, x.end);
      }
      const back = p >= forward;
      const [byDemonstrators, onDemonstrators] = !protest ? [false, false] : back ? [protest[1], protest[0]] : protest;
      const pairCode = byDemonstrators ? vp.protest : onDemonstrators ? vp.repression : back && reply ? reply : force;
      const entryCode = own && pairCode === entry.code;
      const info = this.codes.get(pairCode)!;
      out.push({
        id: '',
        code: pairCode,
        plover: entryCode ? entry.plover ?? info.plover! : denied ? denial.plover : info.plover!,
        ploverMode: entryCode ? entry.ploverMode ?? info.ploverMode : info.ploverMode,
        source: toActor(a),
        target: toActor(b),
        goldstein: info.goldstein,
        quad: info.quad,
        modality,
        date,
        location,
        quote: quote?.id ?? null,
        rule: m.pattern.name,
        ...(intent ? { act } : {}),
        start: spanStart,
        end: spanEnd,
      });
    }
    return out;
  }

  /**
   * Whether the act is done to people an uncoded noun names: its object ("freed two
   * journalists"), or its subject when passive ("the civilians … were released").
   */
  private peopleUndergo(ctx: SentenceContext, passive: boolean, first: number, last: number): boolean {
    const people = (t: Token) => nounIn(this.words.people, t);
    return passive ? this.nounBefore(ctx, first, people) : this.nounAfter(ctx, last, people, true);
  }

  /**
   * Whether demonstrators are the subject side and the object side of an act of force: an
   * actor heading them ("a Ukrainian protestor"), or a protester noun in the subject or object
   * words ("Rioters clashed with police", "police fired on protesters").
   */
  private protestSides(ctx: SentenceContext, passive: boolean, source: ActorSlot | null, target: ActorSlot | null, first: number, last: number): [boolean, boolean] {
    const protester = (t: Token) => nounIn(this.words.protesters, t);
    const before = this.nounBefore(ctx, first, protester);
    const bySubject = (source !== null && this.headedBy(ctx, source, protester)) || (!passive && before);
    const onObject = (target !== null && this.headedBy(ctx, target, protester)) || (passive ? before : this.nounAfter(ctx, last, protester));
    return [bySubject, onObject];
  }

  /** "Israeli warplanes struck …": the weapon heading the subject of an act of force, with the code it gives (`instruments`). */
  private instrumentCode(ctx: SentenceContext, passive: boolean, source: ActorSlot | null, first: number): string | null {
    let code: string | null = null;
    const instrument = (t: Token) => (code = this.words.instruments.get(t.lemma) ?? this.words.instruments.get(t.lower) ?? null) !== null;
    if (source !== null && this.headedBy(ctx, source, instrument)) return code;
    return !passive && this.nounBefore(ctx, first, instrument) ? code : null;
  }

  /** "Gunmen shot dead the mayor of Uruapan", "a candidate was killed": force whose object is an official is an assassination. */
  private killsOfficial(ctx: SentenceContext, passive: boolean, first: number, last: number): boolean {
    const official = (t: Token) => nounIn(this.words.officials, t);
    return passive ? this.nounBefore(ctx, first, official) : this.nounAfter(ctx, last, official, true);
  }

  /** Whether a noun `is` heads the phrase an actor names: "a Ukrainian protestor", "Georgian student demonstrators". */
  private headedBy(ctx: SentenceContext, s: ActorSlot, is: (t: Token) => boolean): boolean {
    for (let i = s.tokenEnd; i < ctx.sEnd && i <= s.tokenEnd + 2; i++) {
      const t = ctx.tokens[i]!;
      if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'PROPN') return false;
      if (t.pos !== 'ADJ' && is(t)) return true;
    }
    return false;
  }

  /** Whether a noun `is` stands in the subject words before `first`. */
  private nounBefore(ctx: SentenceContext, first: number, is: (t: Token) => boolean): boolean {
    for (let i = first - 1; i >= ctx.sStart && first - i <= this.words.maxSubject; i--) {
      const t = ctx.tokens[i]!;
      if (this.words.subjectStops.has(t.lower)) return false;
      if ((t.pos === 'NOUN' || t.pos === 'PROPN') && is(t)) return true;
    }
    return false;
  }

  /** Whether a noun `is` stands in the object words after `last` (`direct`: before any preposition). */
  private nounAfter(ctx: SentenceContext, last: number, is: (t: Token) => boolean, direct = false): boolean {
    for (let i = last + 1; i < ctx.sEnd && i <= last + this.words.maxObject; i++) {
      const t = ctx.tokens[i]!;
      if (this.words.breaks.has(t.lower) || this.words.objectStops.has(t.text) || (direct && this.words.prepositions.has(t.lower))) return false;
      if ((t.pos === 'NOUN' || t.pos === 'PROPN') && is(t)) return true;
    }
    return false;
  }

  /** The actor filling `role` for event words spanning tokens [first, last]. */
  private resolve(ctx: SentenceContext, role: Role, first: number, last: number, exclude: ActorSlot | null): ActorSlot | null {
    switch (role) {
      case 'subj': return this.subject(ctx, first, last, exclude);
      // "vetoed the resolution drafted by the United States": an active verb's object may be the author of what it acts on.
      case 'obj': return this.object(ctx, first, last, exclude, () => true);
      case 'agent': return this.object(ctx, first, last, exclude, (s) => s.governor !== null && this.words.agent.has(s.governor));
      case 'mod': return this.modifier(ctx, first, last);
      case 'host': return this.host(ctx);
      case 'recipient': return this.object(ctx, first, last, exclude, (s) => s.governor !== null && this.words.recipientPrepositions.has(s.governor))
        ?? this.resolve(ctx, 'obj', first, last, exclude);
      // "discussed Yemen with Saudi Arabia": the object is the topic; the partner follows "with".
      case 'partner': return this.object(ctx, first, last, exclude, (s) => s.governor !== null && this.words.partnerPrepositions.has(s.governor) && !this.nounAttached(ctx, last, s));
      case 'none': return null;
    }
  }

  /**
   * Whether the prepositional phrase of `s` belongs to a noun inside an earlier prepositional
   * phrase rather than to the verb ending at `last`: "discussed trade in an interview with the BBC".
   */
  private nounAttached(ctx: SentenceContext, last: number, s: ActorSlot): boolean {
    const { tokens } = ctx;
    const prep = s.phraseStart - 1;
    const head = tokens[prep - 1];
    if (!head || head.pos !== 'NOUN') return false;
    for (let i = last + 1; i < prep - 1; i++) if (tokens[i]!.pos === 'ADP' && tokens[i]!.lower !== 'of') return true;
    return false;
  }

  /** The country of a state actor's entity, as a target standing for its people; null for non-state actors. */
  private ownCountry(ctx: SentenceContext, s: ActorSlot): ActorSlot | null {
    const country = ctx.da.byId.get(s.entity!)?.country;
    if (!country || !s.actor?.startsWith(country)) return null;
    return { ...s, actor: country, entity: null, governor: null, group: -1 };
  }

  /** Verbal acts (GDELT quads 1 and 3: statements, appeals, accusations): their speaker may be named by place. */
  private verbal(code: string): boolean {
    const quad = this.codes.get(code)!.quad;
    return quad === 1 || quad === 3;
  }

  /**
   * Whether slot `s` lies in the subject of the verb at `first`: after the sentence's first word,
   * not in a background phrase ("after the protests in Minsk"), no clause break or verb after it.
   */
  private inSubject(ctx: SentenceContext, s: ActorSlot, first: number): boolean {
    if (s.tokenEnd > first || s.phraseStart <= ctx.sStart + 1) return false;
    for (let i = ctx.sStart; i < s.tokenStart; i++) if (this.words.backgroundPrepositions.has(ctx.tokens[i]!.lower)) return false;
    for (let i = s.tokenEnd; i < first; i++) {
      const t = ctx.tokens[i]!;
      if (this.words.breaks.has(t.lower) || t.pos === 'AUX' || (t.pos === 'VERB' && i > s.tokenEnd)) return false;
    }
    return true;
  }

  /** Whether the noun phrase of a noun event at `first` is the clause's topic ("over an attack", `topicPrepositions`). */
  private inTopic(ctx: SentenceContext, first: number): boolean {
    let j = first - 1;
    while (j >= ctx.sStart && this.words.inPhrase(ctx.tokens[j]!)) j--;
    return j >= ctx.sStart && this.words.topicPrepositions.has(ctx.tokens[j]!.lower);
  }

  /** Whether the noun phrase of a noun event at `first` is governed by a background preposition ("after the riots"). */
  private inBackground(ctx: SentenceContext, first: number): boolean {
    let j = first - 1;
    while (j >= ctx.sStart && this.words.inPhrase(ctx.tokens[j]!)) j--;
    return j >= ctx.sStart && this.words.backgroundPrepositions.has(ctx.tokens[j]!.lower);
  }

  /** Nearest actor to the left that no preposition governs; a fronted phrase ("Subject to X, Y …") takes the first after its comma. */
  private subject(ctx: SentenceContext, first: number, last: number, exclude: ActorSlot | null): ActorSlot | null {
    const { tokens, slots } = ctx;
    const controller = this.infinitiveObject(ctx, first);
    if (controller !== undefined) return controller && !(exclude && controller.entity === exclude.entity) ? controller : null;
    // "Niger's military rulers have again refused to release …": an infinitive's subject is its governing verb's.
    if (tokens[first - 1]?.lower === 'to' && tokens[first - 1]!.pos === 'PART') {
      let v = first - 2;
      while (v > ctx.sStart && (tokens[v]!.pos === 'ADV' || ctx.skip[v])) v--;
      if (v >= ctx.sStart && tokens[v]!.pos === 'VERB') return this.subject(ctx, v, v, exclude);
    }
    // "soldiers who were trying to surrender": a relative clause's subject is its antecedent.
    const antecedent = this.relativeAntecedent(ctx, first);
    if (antecedent !== undefined) return antecedent && !(exclude && antecedent.entity === exclude.entity) ? antecedent : null;
    // "…, the Indian army said on Friday, accusing Pakistan of …": a participle after a comma takes the clause's subject.
    const clause = this.participleSubject(ctx, first, exclude);
    if (clause !== undefined) return clause;
    // "… urged the Security Council to act and demanded the withdrawal …": coordinated verbs share their subject.
    const before = this.coordinatedVerb(ctx, first);
    if (before >= 0) return this.subject(ctx, before, before, exclude);
    let k = slots.length - 1;
    for (let i = first - 1; i >= ctx.sStart && first - i <= this.words.maxSubject; i--) {
      if (this.words.subjectStops.has(tokens[i]!.lower)) break;
      while (k >= 0 && slots[k]!.tokenEnd > i + 1) k--;
      const s = slots[k];
      // A possessor with a verb after it belongs to another phrase ("praised Trump's role …, describing the talks").
      if (s && s.tokenEnd === i + 1 && (this.subjectLike(s, exclude) || this.clauseSubject(ctx, s, first, exclude)) && !(isPossessor(tokens, s) && verbBetween(tokens, s.tokenEnd, first))) return s;
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

  /**
   * The subject of a verb opening a relative clause ("five soldiers who were trying to surrender",
   * "the militia, which attacked …"): the actor naming the antecedent, or null when the
   * antecedent names none; undefined when the verb opens no relative clause.
   */
  private relativeAntecedent(ctx: SentenceContext, first: number): ActorSlot | null | undefined {
    const { tokens } = ctx;
    let j = first - 1;
    while (j > ctx.sStart && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX' || tokens[j]!.pos === 'PART' || (tokens[j]!.pos === 'VERB' && tokens[j + 1]?.lower === 'to'))) j--;
    const rel = tokens[j]!;
    // "that" is more often a complementizer than a relative word.
    if (j <= ctx.sStart || !this.words.relatives.has(rel.lower) || this.words.complementizers.has(rel.lower)) return undefined;
    let a = j - 1;
    if (tokens[a]?.text === ',') a--;
    const head = tokens[a];
    if (!head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return undefined;
    return ctx.slots.find((x) => x.tokenEnd === a + 1 && x.group > -2) ?? null;
  }

  /**
   * The subject of a participle opening a clause after a comma: the subject of the finite verb
   * before it — the speaker right before a reporting verb ("the Indian army said, accusing …").
   * undefined when the verb is no such participle or no finite verb precedes it.
   */
  private participleSubject(ctx: SentenceContext, first: number, exclude: ActorSlot | null): ActorSlot | null | undefined {
    const { tokens } = ctx;
    if (!tokens[first]!.lower.endsWith('ing') || tokens[first - 1]?.text !== ',') return undefined;
    for (let v = first - 2; v >= ctx.sStart; v--) {
      const t = tokens[v]!;
      if (t.text === ';') return undefined;
      if (!clauseVerb(tokens, v, ctx.slots.some((x) => x.tokenEnd === v))) continue;
      if (!this.words.subjectStops.has(t.lower)) return this.subject(ctx, v, v, exclude);
      let j = v - 1;
      while (j >= ctx.sStart && (tokens[j]!.pos === 'ADV' || ctx.skip[j])) j--;
      const speaker = ctx.slots.find((x) => x.tokenEnd === j + 1);
      return speaker && !(exclude && speaker.entity === exclude.entity) ? speaker : undefined;
    }
    return undefined;
  }

  /** The object of the main verb before a participle clause (", conveying …"), when the clause names none. */
  private clauseObject(ctx: SentenceContext, first: number, source: ActorSlot | null): ActorSlot | null {
    const { tokens } = ctx;
    if (!tokens[first]!.lower.endsWith('ing') || tokens[first - 1]?.text !== ',') return null;
    for (let v = first - 2; v >= ctx.sStart; v--) {
      const t = tokens[v]!;
      if (t.text === ';' || this.words.subjectStops.has(t.lower)) return null;
      if (t.pos === 'VERB' && !t.lower.endsWith('ing') && tokens[v - 1]?.lower !== 'to') {
        const object = this.object(ctx, v, v, source, (x) => x.tokenStart < first);
        return object?.actor ? object : null;
      }
    }
    return null;
  }

  /**
   * "…, a move Serbian President Vucic lambasted as …", "…, a step Damascus hailed": the subject
   * of the clause before the comma, when the reaction is told of a step (`reactionNouns`).
   */
  private reactionTarget(ctx: SentenceContext, first: number, source: ActorSlot | null): ActorSlot | null {
    const { tokens } = ctx;
    for (let i = first - 1; i > ctx.sStart && first - i <= 12; i--) {
      const t = tokens[i]!;
      if (t.text !== ',') continue;
      const noun = tokens[i + 2];
      // An appositive's comma ("the Syrian foreign minister, Asaad al-Shaibani, hailed") is passed over.
      if (!(tokens[i + 1]?.pos === 'DET' && noun && (this.words.reactionNouns.has(noun.lemma) || (tokens[i + 2]?.pos === 'ADJ' && this.words.reactionNouns.has(tokens[i + 3]?.lemma ?? ''))))) continue;
      const subject = ctx.slots.find((x) => x.tokenEnd <= i && x.governor === null && x.entity !== source?.entity && !x.codedPlace);
      return subject?.actor ? subject : null;
    }
    return null;
  }

  /** The verb a verb at `first` is coordinated with ("X urged … and demanded …"), or -1. */
  private coordinatedVerb(ctx: SentenceContext, first: number): number {
    const { tokens } = ctx;
    let j = first - 1;
    while (j > ctx.sStart && (tokens[j]!.pos === 'ADV' || tokens[j]!.pos === 'AUX')) j--;
    if (j <= ctx.sStart || tokens[j]!.pos !== 'CCONJ') return -1;
    for (let i = j - 1; i >= ctx.sStart; i--) {
      const t = tokens[i]!;
      if (t.text === ';' || this.words.subjectStops.has(t.lower)) return -1;
      if (clauseVerb(tokens, i)) return i;
    }
    return -1;
  }

  /**
   * "Iran allowed inspectors from the IAEA to visit …", "urged Russia to return …": the subject of
   * an infinitive after the object of an object-control verb is that object — the actor in it,
   * or null when it names none. undefined otherwise ("Iran wants to visit …", "offered to host").
   */
  private infinitiveObject(ctx: SentenceContext, first: number): ActorSlot | null | undefined {
    const { tokens } = ctx;
    const to = first - 1;
    if (to <= ctx.sStart || tokens[to]!.lower !== 'to' || tokens[to]!.pos !== 'PART') return undefined;
    let verb = -1;
    for (let i = to - 1; i >= ctx.sStart && to - i <= this.words.maxSubject; i--) {
      const t = tokens[i]!;
      if (t.pos === 'VERB') { verb = i; break; }
      if (this.words.breaks.has(t.lower) || this.words.subjectStops.has(t.lower)) return undefined;
    }
    if (verb < 0 || !this.words.objectControl.has(tokens[verb]!.lemma) || !tokens.slice(verb + 1, to).some((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON')) return undefined;
    for (let k = 0; k < ctx.slots.length; k++) {
      const s = ctx.slots[k]!;
      if (s.tokenStart > verb && s.tokenEnd <= to && (s.governor === null || this.words.subjectPhrasePrepositions.has(s.governor))) return this.headOf(ctx, k);
    }
    return null;
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

  /** "a day after Britain's defence secretary accused Moscow …": after a conjunction-like preposition, a name right before the verb is its clause's subject. */
  private clauseSubject(ctx: SentenceContext, s: ActorSlot, first: number, exclude: ActorSlot | null): boolean {
    if (s.governor === null || !this.words.backgroundPrepositions.has(s.governor) || s.codedPlace || (exclude && s.entity === exclude.entity)) return false;
    for (let i = s.tokenEnd; i < first; i++) {
      const pos = ctx.tokens[i]!.pos;
      if (pos !== 'ADV' && pos !== 'AUX' && pos !== 'PART') return false;
    }
    return ctx.tokens[first]!.pos === 'VERB';
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
        && !(exclude && s.entity === exclude.entity) && ok(s)) return s;
    }
    const limit = Math.min(ctx.sEnd, last + 1 + this.words.maxObject);
    let breakAt = limit;
    for (let i = last + 1; i < limit; i++) {
      // "demanded that Russia return …": the subject of a that-clause right after the act is its target.
      if (i === last + 1 && tokens[i]!.lower === 'that') continue;
      // An object does not lie past a comma or the end of a quotation ("… flights,” he said"), nor in the background ("amid China's …").
      if (this.words.breaks.has(tokens[i]!.lower) || this.words.objectStops.has(tokens[i]!.text) || this.words.backgroundPrepositions.has(tokens[i]!.lower)) { breakAt = i; break; }
    }
    for (let k = 0; k < ctx.slots.length; k++) {
      const s = ctx.slots[k]!;
      if (s.tokenStart <= last || s.tokenStart >= breakAt) continue;
      // "Hamas freed 20 hostages and Israel released …": the subject of a coordinated clause ends the search.
      if (!(k > 0 && ctx.slots[k - 1]!.group === s.group) && this.words.clauseCoordinators.has(tokens[s.phraseStart - 1]?.lower ?? '') && (tokens[s.tokenEnd]?.pos === 'VERB' || tokens[s.tokenEnd]?.pos === 'AUX')) break;
      if (this.isLocation(s) || (exclude && s.entity === exclude.entity) || (s.actor === null && s.type !== null && NEVER_PARTIES.has(s.type))) continue;
      // "swapped prisoners in an exchange brokered by the UAE": the agent of a participle inside an adverbial phrase is no object.
      if (s.governor !== null && this.words.agent.has(s.governor) && /(ed|en)$/.test(tokens[s.phraseStart - 2]?.lower ?? '') && hasPos(tokens, last + 1, s.phraseStart - 2, 'ADP')) continue;
      // "Kim warned that Pyongyang would respond …": the speaker's own side opening the clause is no target.
      if (exclude?.actor && s.actor && tokens[s.phraseStart - 1]?.lower === 'that' && s.phraseStart - 1 === last + 1 && s.actor.slice(0, 3) === exclude.actor.slice(0, 3)) continue;
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
      // "Russian diplomats", "US sanctions" named as one mention: the mention holds the noun.
      if ((s.tokenStart > first && s.tokenStart <= last) || (s.tokenStart < first && s.tokenEnd > first)) return s;
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

/**
 * Tokens a pattern gap crosses without counting: time expressions with the preposition before
 * them ("urged Iran on Wednesday to …") and the joints of coordinated names ("urged India and
 * Pakistan to exercise restraint").
 */
function gapSkippable(doc: Doc): Uint8Array {
  const { tokens } = doc;
  const skip = new Uint8Array(tokens.length);
  for (const t of doc.times) {
    let i = lowerBound(tokens, (x) => x.start < t.start);
    if (i > 0 && tokens[i - 1]!.pos === 'ADP') skip[i - 1] = 1;
    for (; i < tokens.length && tokens[i]!.end <= t.end; i++) skip[i] = 1;
  }
  for (let i = 1; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    if ((t.pos === 'CCONJ' || t.text === ',') && tokens[i - 1]!.pos === 'PROPN' && tokens[i + 1]!.pos === 'PROPN') skip[i] = 1;
  }
  return skip;
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

/** Whether a noun is one of `words` (singular lemmas): a capitalised plural the tagger calls a name keeps its -s. */
function nounIn(words: Set<string>, t: Token): boolean {
  return words.has(t.lemma) || words.has(t.lower) || (t.lower.endsWith('s') && words.has(t.lower.slice(0, -1)));
}

function verbBetween(tokens: Token[], from: number, to: number): boolean {
  return hasPos(tokens, from, to, 'VERB');
}

/** Whether a token of tag `pos` lies in tokens [from, to). */
function hasPos(tokens: Token[], from: number, to: number, pos: string): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.pos === pos) return true;
  return false;
}

function isPossessor(tokens: Token[], s: ActorSlot): boolean {
  return isPossessive(tokens[s.tokenEnd]);
}

function toActor(s: ActorSlot | null): EventActor {
  return s ? { actor: s.actor, entity: s.entity, start: s.start, end: s.end } : { actor: null, entity: null };
}

/**
 * A participle after an auxiliary ("was expelled", "have been freed"), or one right after a noun
 * or comma whose by-phrase names an actor ("the talks, hosted by Oman, …", "the deal brokered by
 * Qatar"): a reduced passive. "responded by launching", "spoke by phone" are active.
 */
function isPassive(ctx: SentenceContext, anchor: number, words: RoleWords): boolean {
  const { tokens, sStart } = ctx;
  const t = tokens[anchor]!;
  if (t.lower.endsWith('ing') || (t.lower === t.lemma && !/(ed|en|wn)$/.test(t.lower))) return false;
  for (let i = anchor - 1; i >= sStart && anchor - i <= 3; i--) {
    const p = tokens[i]!;
    if (words.passiveAuxiliaries.has(p.lower)) return true;
    if (p.pos !== 'ADV' && p.pos !== 'PART' && p.pos !== 'AUX') break;
  }
  const prev = tokens[anchor - 1];
  const by = tokens[anchor + 1];
  if (prev?.pos === 'NOUN' && anchor + 1 < ctx.sEnd && countedBefore(tokens, sStart, anchor - 1) && !takesObject(by)) return true;
  if (!prev || !by || !words.agent.has(by.lower) || !(prev.pos === 'NOUN' || prev.text === ',')) return false;
  return ctx.slots.some((x) => x.phraseStart === anchor + 2 && x.governor === by.lower);
}

/** GDELT quad classes of material cooperation and material conflict. */
const MATERIAL_QUADS = new Set([2, 4]);

/** Uncoded entities of these types are places or things ("the Sea of Japan", "the Line of Control"), never parties. */
const NEVER_PARTIES = new Set(['LOC', 'GPE', 'MISC']);

const COUNTED_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET']);
const NO_OBJECT = new Set(['ADP', 'PUNCT', 'ADV', 'CCONJ', 'SCONJ', 'PART']);

/** "10 Russian soldiers killed …", "dozens of protesters arrested …": a noun phrase opened by a number that counts its head (not "a magnitude 6.8 earthquake"). */
function countedBefore(tokens: Token[], sStart: number, head: number): boolean {
  for (let j = head - 1; j >= sStart && head - j <= 6; j--) {
    const t = tokens[j]!;
    if (t.pos === 'NUM') return j === sStart || (tokens[j - 1]!.pos !== 'NOUN' && tokens[j - 1]!.pos !== 'PROPN');
    if (!COUNTED_PHRASE.has(t.pos) && t.lower !== 'of') return false;
  }
  return false;
}

/** Whether a participle followed by `next` has an object: none after it makes "soldiers killed in Ukraine" passive. */
function takesObject(next: Token | undefined): boolean {
  return next !== undefined && !NO_OBJECT.has(next.pos);
}

/** A verb in the progressive: an -ing form after a form of "be" ("are conducting", "were exchanging", "is still holding"). */
function progressive(tokens: Token[], sStart: number, anchor: number): boolean {
  if (!tokens[anchor]!.lower.endsWith('ing')) return false;
  let i = anchor - 1;
  while (i >= sStart && tokens[i]!.pos === 'ADV') i--;
  return i >= sStart && tokens[i]!.lemma === 'be' && tokens[i - 1]?.lower !== 'will';
}

/** Whether events[from..] already holds the same event: only the current sentence's events are compared. */
function hasSame(events: PoliticalEvent[], from: number, ev: PoliticalEvent): boolean {
  for (let k = from; k < events.length; k++) if (sameEvent(events[k]!, ev)) return true;
  return false;
}

function sameEvent(a: PoliticalEvent, b: PoliticalEvent): boolean {
  if (a.code !== b.code || a.source.entity !== b.source.entity || a.source.actor !== b.source.actor) return false;
  // "will travel to Tokyo for a two-day visit": the visit with no target named is the visit to Tokyo.
  if (b.target.actor === null && a.target.actor !== null) return true;
  return a.start <= b.end && b.start <= a.end && a.target.entity === b.target.entity && a.target.actor === b.target.actor;
}
