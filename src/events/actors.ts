/**
 * Shallow role finding over a tagged sentence: which actor mentions are subject, object,
 * modifier, agent, or "between" parties of an event's words. No parse: a mention's role comes
 * from its side of the event words, the preposition that governs it, and coordination with its
 * neighbours (lexicon/events/roles.json).
 */
import type { Doc } from '../doc.js';
import type { Entity, EntityType, Quote, Token } from '../types.js';
import { lowerBound } from '../sorted.js';
import { datelineLength } from '../text/dateline.js';

/** How far into a sentence a dateline may reach (characters). */
const DATELINE_REACH = 120;

export interface RolesLexicon {
  locative: string[];
  agent: string[];
  between: string[];
  prepositions: string[];
  npModifiers: string[];
  clauseBreaks: string[];
  firstPerson: string[];
  coordinators: string[];
  bothSides: string[];
  maxSubjectDistance: number;
  maxObjectDistance: number;
  locationTypes: string[];
  factive: string[];
  subjectStops: string[];
  objectStops: string[];
  relatives: string[];
  passiveAuxiliaries: string[];
  subjectPhrasePrepositions: string[];
  /** Words opening a reported clause ("alleged that …"): its events are facts of their own, not the accusation's content. */
  clauseComplementizers: string[];
  /** Third-person pronouns that, opening a reported statement ("Seoul said it would …"), stand for its speaker. */
  reportedSubjects: string[];
  /** Words that before a number quantify ("over 150 Palestinian prisoners") rather than govern. */
  quantifiers: string[];
  /** State agents written without name or qualifier ("the government", "police") → the sector of their code. */
  genericActors: Record<string, string>;
  /** Subject heads no political actor is ("the storm", "the football team"). */
  nonAgents: string[];
  /** Prepositions naming who an act goes to ("handed over suspects to Iraq"). */
  recipientPrepositions: string[];
  /** Words joining two clauses, after which a name followed by a verb is the new clause's subject. */
  clauseCoordinators: string[];
  /** Quotation marks that may open a sentence before its first word. */
  openingQuotes: string[];
  /** CAMEO codes of coercion that, with an uncoded object and no other place, stay within the agent's country. */
  internalCoercion: string[];
  /** Prepositions naming whom an act is done with ("discussed Gaza with Egypt": the 'partner' role). */
  partnerPrepositions: string[];
  /** Prepositions that put a noun event in the background of its clause ("after the riots"). */
  backgroundPrepositions: string[];
  /** Prepositions naming where a passive act of force came from ("fired from the Gaza Strip"). */
  originPrepositions: string[];
  /** Nouns naming persons an act is done to ("the prisoners were freed"): a pattern's `people` code. */
  people: string[];
  /** Pronouns that, standing for a speaker coordinated with others ("Russia and China said they …"), stand for them all. */
  pluralPronouns: string[];
  /** Nouns naming a step someone took: a verbal reaction told of one after a comma targets the clause before it. */
  reactionNouns: string[];
  /** Verbs that characterise something as a noun event ("described the plan as an attack on …"): the noun is no event. */
  describingVerbs: string[];
  /** People whose killing is an assassination: force ('acts') whose direct object one heads takes `code`. */
  officials: string[];
  assassination: { acts: string[]; code: string };
  /** Prepositions putting a noun event in the clause's topic, not its subject's acts ("tensions over an attack"). */
  topicPrepositions: string[];
  /** Nouns naming a place by "of" ("the city of Peshawar"): the place takes the phrase's preposition. */
  placeNouns: string[];
  /** Weapons heading the subject of unspecified force ('acts'), with the code they give ("warplanes struck" → 195). */
  instruments: { acts: string[]; nouns: Record<string, string> };
  /** Verbs whose object is the subject of the infinitive after it ("allowed inspectors to visit"). */
  objectControl: string[];
  /** Code prefixes of acts aimed abroad only (CAMEO 16): never at the source's own country. */
  foreignOnly: string[];
  /** Nouns naming demonstrators. */
  protesters: string[];
  /** Force with demonstrators on one side: theirs (codes by prefix) is violent protest, force on them is violent repression. */
  violentProtest: { acts: string[]; protest: string; repression: string };
}

/** One actor mention in a sentence, with what the role finder needs to know about it. */
export interface ActorSlot {
  actor: string | null;
  entity: string | null;
  type: EntityType | null;
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  /** Lower-cased preposition governing the mention's noun phrase, or null. */
  governor: string | null;
  /** Index of the coordination group ("Russia and the US") within the sentence. */
  group: number;
  /** Where the mention's noun phrase begins (determiners and modifiers included). */
  phraseStart: number;
  /** A place with a country code ("Alaska" → USA): a target or location, never a source. */
  codedPlace: boolean;
}

/** Flags of RoleWords.slotWords: which slot finder a word calls for. */
const SPEAKER_WORD = 1;
const BOTH_SIDES_WORD = 2;
const GENERIC_WORD = 4;

export class RoleWords {
  readonly locative: Set<string>;
  readonly agent: Set<string>;
  readonly between: Set<string>;
  readonly prepositions: Set<string>;
  readonly breaks: Set<string>;
  readonly firstPerson: Set<string>;
  readonly coordinators: string[][];
  /** "both sides" phrases by their first word, in lexicon order. */
  readonly bothSidesByFirst = new Map<string, string[][]>();
  readonly locationTypes: Set<string>;
  readonly factive: Set<string>;
  readonly subjectStops: Set<string>;
  readonly objectStops: Set<string>;
  readonly relatives: Set<string>;
  readonly passiveAuxiliaries: Set<string>;
  readonly subjectPhrasePrepositions: Set<string>;
  readonly complementizers: Set<string>;
  readonly reportedSubjects: Set<string>;
  readonly quantifiers: Set<string>;
  readonly genericActors: Map<string, string>;
  /** Words that call for a slot finder (speaker pronouns, "both sides", unnamed state agents), with its flag. */
  readonly slotWords = new Map<string, number>();
  readonly nonAgents: Set<string>;
  readonly recipientPrepositions: Set<string>;
  readonly partnerPrepositions: Set<string>;
  readonly internalCoercion: Set<string>;
  readonly clauseCoordinators: Set<string>;
  readonly openingQuotes: Set<string>;
  readonly backgroundPrepositions: Set<string>;
  readonly originPrepositions: Set<string>;
  readonly people: Set<string>;
  readonly protesters: Set<string>;
  readonly foreignOnly: string[];
  readonly objectControl: Set<string>;
  readonly instrumentActs: Set<string>;
  readonly placeNouns: Set<string>;
  readonly topicPrepositions: Set<string>;
  readonly officials: Set<string>;
  readonly describingVerbs: Set<string>;
  readonly reactionNouns: Set<string>;
  readonly assassination: { acts: Set<string>; code: string };
  /** Weapon nouns (singular, and plural) → the code they give. */
  readonly instruments = new Map<string, string>();
  readonly pluralPronouns: Set<string>;
  readonly violentProtest: RolesLexicon['violentProtest'];
  private readonly npPos: Set<string>;
  private readonly npPunct: Set<string>;
  readonly maxSubject: number;
  readonly maxObject: number;

  constructor(lex: RolesLexicon) {
    this.locative = new Set(lex.locative);
    this.agent = new Set(lex.agent);
    this.between = new Set(lex.between);
    this.prepositions = new Set(lex.prepositions);
    this.breaks = new Set(lex.clauseBreaks);
    this.firstPerson = new Set(lex.firstPerson);
    this.coordinators = lex.coordinators.map((c) => c.split(' '));
    for (const phrase of lex.bothSides.map((c) => c.split(' '))) {
      const list = this.bothSidesByFirst.get(phrase[0]!);
      if (list) list.push(phrase);
      else this.bothSidesByFirst.set(phrase[0]!, [phrase]);
    }
    this.locationTypes = new Set(lex.locationTypes);
    this.factive = new Set(lex.factive);
    this.subjectStops = new Set(lex.subjectStops);
    this.objectStops = new Set(lex.objectStops);
    this.relatives = new Set(lex.relatives);
    this.passiveAuxiliaries = new Set(lex.passiveAuxiliaries);
    this.subjectPhrasePrepositions = new Set(lex.subjectPhrasePrepositions);
    this.complementizers = new Set(lex.clauseComplementizers);
    this.reportedSubjects = new Set(lex.reportedSubjects);
    this.quantifiers = new Set(lex.quantifiers);
    this.genericActors = new Map(Object.entries(lex.genericActors));
    const flag = (w: string, f: number) => this.slotWords.set(w, (this.slotWords.get(w) ?? 0) | f);
    for (const w of [...lex.firstPerson, ...lex.reportedSubjects]) flag(w, SPEAKER_WORD);
    for (const w of this.bothSidesByFirst.keys()) flag(w, BOTH_SIDES_WORD);
    for (const w of this.genericActors.keys()) flag(w, GENERIC_WORD);
    this.nonAgents = new Set(lex.nonAgents);
    this.recipientPrepositions = new Set(lex.recipientPrepositions);
    this.partnerPrepositions = new Set(lex.partnerPrepositions);
    this.internalCoercion = new Set(lex.internalCoercion);
    this.clauseCoordinators = new Set(lex.clauseCoordinators);
    this.openingQuotes = new Set(lex.openingQuotes);
    this.backgroundPrepositions = new Set(lex.backgroundPrepositions);
    this.originPrepositions = new Set(lex.originPrepositions);
    this.people = new Set(lex.people);
    this.protesters = new Set(lex.protesters);
    this.pluralPronouns = new Set(lex.pluralPronouns);
    this.foreignOnly = lex.foreignOnly;
    this.objectControl = new Set(lex.objectControl);
    this.instrumentActs = new Set(lex.instruments.acts);
    this.placeNouns = new Set(lex.placeNouns);
    this.topicPrepositions = new Set(lex.topicPrepositions);
    this.officials = new Set(lex.officials);
    this.describingVerbs = new Set(lex.describingVerbs);
    this.reactionNouns = new Set(lex.reactionNouns);
    this.assassination = { acts: new Set(lex.assassination.acts), code: lex.assassination.code };
    for (const [noun, code] of Object.entries(lex.instruments.nouns)) {
      this.instruments.set(noun, code);
      this.instruments.set(noun + 's', code);
    }
    this.violentProtest = lex.violentProtest;
    this.npPos = new Set(lex.npModifiers.filter((p) => !p.includes(':')));
    this.npPunct = new Set(lex.npModifiers.filter((p) => p.startsWith('PUNCT:')).map((p) => p.slice(6)));
    this.maxSubject = lex.maxSubjectDistance;
    this.maxObject = lex.maxObjectDistance;
  }

  /** True for tokens that may stand inside a noun phrase before its head ("the new US"). */
  inPhrase(t: Token): boolean {
    if (this.prepositions.has(t.lower) || this.breaks.has(t.lower)) return false;
    return this.npPos.has(t.pos) || (t.pos === 'PUNCT' && this.npPunct.has(t.text)) || t.lower === "'s" || t.lower === '’s';
  }
}

/** Length of the word sequence `words` at tokens[i], or 0. */
export function seqLength(words: string[], tokens: Token[], i: number, end: number): number {
  if (i + words.length > end) return 0;
  for (let k = 0; k < words.length; k++) if (tokens[i + k]!.lower !== words[k]) return 0;
  return words.length;
}

/** Per-document view of the entity layer: entities by id, and the quotes for speaker context. */
export class DocActors {
  readonly byId = new Map<string, Entity>();
  /** Mentions (start, end, entity) sorted by start: doc.mentions, or the entities' own lists. */
  readonly mentions: Array<{ start: number; end: number; entity: string }>;
  /** Actor codes in order of mention, for "both sides". */
  private ordered: Array<{ start: number; actor: string; entity: string }> | null = null;
  /** doc.quotes by start, with the running maximum of their ends, built on first need: see quoteAt. */
  private quoteIndex: { byStart: Array<{ q: Quote; order: number }>; maxEnd: number[]; byId: Map<string, Quote> } | null = null;

  constructor(readonly doc: Doc) {
    for (const e of doc.entities) this.byId.set(e.id, e);
    if (doc.mentions.length) this.mentions = doc.mentions;
    else {
      this.mentions = doc.entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e.id })));
      this.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    }
  }

  /** Actor code of an entity (lexicon/actors codes groups and places): its own code, else its country (a GPE is its country). */
  codeOf(e: Entity): string | null {
    return e.actor ?? e.country ?? null;
  }

  /** A place rather than a party: a location or an uncoded GPE. */
  isPlace(e: Entity): boolean {
    return e.type === 'LOC' || (e.type === 'GPE' && !this.codeOf(e));
  }

  /** Index of the first mention starting at or after `offset`. */
  firstMentionFrom(offset: number): number {
    return lowerBound(this.mentions, (x) => x.start < offset);
  }

  /** The last two distinct parties named before `offset`: what "both sides" refers to. */
  lastTwoParties(offset: number): Array<{ actor: string; entity: string }> {
    const out: Array<{ actor: string; entity: string }> = [];
    const ordered = this.parties();
    const lo = lowerBound(ordered, (x) => x.start < offset);
    for (let i = lo - 1; i >= 0 && out.length < 2; i--) {
      const o = ordered[i]!;
      if (!out.some((x) => x.actor.slice(0, 3) === o.actor.slice(0, 3))) out.push(o);
    }
    return out.reverse();
  }

  /** Coded parties in order of mention, built on first need ("both sides" is rare). */
  private parties(): Array<{ start: number; actor: string; entity: string }> {
    if (this.ordered) return this.ordered;
    this.ordered = [];
    for (const m of this.mentions) {
      const e = this.byId.get(m.entity);
      const code = e ? this.codeOf(e) : null;
      if (e && code && !this.isPlace(e)) this.ordered.push({ start: m.start, actor: code, entity: e.id });
    }
    return this.ordered;
  }

  /**
   * The quote whose content holds this offset (the innermost; of equal ones the first in
   * doc.quotes), if any. Only quotes starting before the offset are visited, and only back to
   * where no earlier quote reaches past it.
   */
  quoteAt(offset: number): Quote | null {
    const { byStart, maxEnd } = this.quotes();
    const lo = lowerBound(byStart, (x) => x.q.start <= offset);
    let best: { q: Quote; order: number } | null = null;
    for (let i = lo - 1; i >= 0 && maxEnd[i]! > offset; i--) {
      const c = byStart[i]!;
      if (offset >= c.q.end) continue;
      const length = c.q.end - c.q.start;
      const bestLength = best ? best.q.end - best.q.start : Infinity;
      if (length < bestLength || (length === bestLength && c.order < best!.order)) best = c;
    }
    return best?.q ?? null;
  }

  /** The quote with this id, if any. */
  quoteById(id: string): Quote | undefined {
    return this.quotes().byId.get(id);
  }

  private quotes(): NonNullable<DocActors['quoteIndex']> {
    if (this.quoteIndex) return this.quoteIndex;
    const byStart = this.doc.quotes.map((q, order) => ({ q, order })).sort((a, b) => a.q.start - b.q.start || a.order - b.order);
    const maxEnd: number[] = [];
    for (const { q } of byStart) maxEnd.push(Math.max(q.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
    const byId = new Map<string, Quote>();
    for (const q of this.doc.quotes) if (!byId.has(q.id)) byId.set(q.id, q);
    this.quoteIndex = { byStart, maxEnd, byId };
    return this.quoteIndex;
  }
}

/** Token index containing `offset` within [from, to), by binary search. */
function tokenAt(tokens: Token[], from: number, to: number, offset: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return mid;
  }
  return lo < to ? lo : -1;
}

/**
 * The actor mentions of one sentence, outermost only, each with its governing preposition and
 * coordination group. First-person pronouns inside a statement stand for its speaker.
 */
export function sentenceSlots(da: DocActors, words: RoleWords, sStart: number, sEnd: number): ActorSlot[] {
  const doc = da.doc;
  const tokens = doc.tokens;
  const sent = { start: tokens[sStart]?.start ?? 0, end: tokens[sEnd - 1]?.end ?? 0 };
  const slots: ActorSlot[] = [];
  // "ABUJA, Jan 20 (Reuters) - …": the filing place and agency are no parties.
  const from = sent.start + datelineLength(doc.text.slice(sent.start, Math.min(sent.end, sent.start + DATELINE_REACH)));
  for (let i = da.firstMentionFrom(from); i < da.mentions.length; i++) {
    const m = da.mentions[i]!;
    if (m.start >= sent.end) break;
    const last = slots[slots.length - 1];
    if (last && m.start < last.end) continue; // nested in the previous (outer) mention
    const e = da.byId.get(m.entity);
    if (!e) continue;
    const ts = tokenAt(tokens, sStart, sEnd, m.start);
    const te = tokenAt(tokens, sStart, sEnd, m.end - 1);
    if (ts < 0 || te < 0) continue;
    const slot = makeSlot(e.id, da.codeOf(e), e.type, m.start, m.end, ts, te + 1);
    slot.codedPlace = slot.actor !== null && da.isPlace(e);
    slots.push(slot);
  }
  // One look at each word tells which of the slot finders below the sentence needs, and where.
  let needs = 0;
  const marked: number[] = [];
  for (let i = sStart; i < sEnd; i++) {
    const flags = words.slotWords.get(tokens[i]!.lower);
    if (flags === undefined) continue;
    needs |= flags;
    marked.push(i);
  }
  if (needs & SPEAKER_WORD) addSpeakerPronouns(da, words, slots, marked);
  if (needs & BOTH_SIDES_WORD) addBothSides(da, words, slots, marked, sEnd);
  slots.sort((a, b) => a.tokenStart - b.tokenStart);
  for (const s of slots) annotate(tokens, words, s, sStart);
  mergeNounPhrases(tokens, words, slots);
  if (needs & GENERIC_WORD && addGenericActors(tokens, words, slots, marked, sStart, sEnd)) slots.sort((a, b) => a.tokenStart - b.tokenStart);
  groupCoordinated(tokens, words, slots);
  if (needs & SPEAKER_WORD) addCoordinatedSpeakers(tokens, words, slots);
  return slots;
}

/**
 * "Obama and Putin said they will …": a plural pronoun standing for a speaker coordinated with
 * others in the sentence stands for every member of that group (one group of its own).
 */
function addCoordinatedSpeakers(tokens: Token[], words: RoleWords, slots: ActorSlot[]): void {
  let next = slots.reduce((g, s) => Math.max(g, s.group), -1) + 1;
  const added: ActorSlot[] = [];
  for (const s of slots) {
    if (s.entity === null || s.tokenEnd - s.tokenStart !== 1 || !words.pluralPronouns.has(tokens[s.tokenStart]!.lower)) continue;
    const named = slots.find((o) => o !== s && o.entity === s.entity && o.group >= 0 && o.tokenStart !== s.tokenStart);
    if (!named) continue;
    const group = slots.filter((o) => o.group === named.group && o.tokenStart !== s.tokenStart);
    if (group.length < 2) continue;
    s.group = next++;
    for (const m of group.slice(1)) added.push({ ...s, actor: m.actor, entity: m.entity });
    s.actor = group[0]!.actor;
    s.entity = group[0]!.entity;
  }
  if (!added.length) return;
  slots.push(...added);
  slots.sort((a, b) => a.tokenStart - b.tokenStart);
}

/**
 * "Indonesian President Prabowo Subianto", "his Brazilian counterpart Mauro Vieira", "Iran's
 * foreign minister Abbas Araghchi": mentions inside one noun phrase are one party, the one
 * heading it, coded by the head or, when the entity layer left the head uncoded, by its modifier.
 */
function mergeNounPhrases(tokens: Token[], words: RoleWords, slots: ActorSlot[]): void {
  for (let k = slots.length - 2; k >= 0; k--) {
    const a = slots[k]!;
    const b = slots[k + 1]!;
    if (a.group <= -2 || b.group <= -2 || b.tokenStart - a.tokenEnd > 3 || b.tokenStart < a.tokenEnd) continue;
    // "Sweden's NATO membership bid": a mention before a noun is a modifier, not the phrase's head.
    const after = tokens[b.tokenEnd];
    if (after && (after.pos === 'NOUN' || after.pos === 'PROPN')) continue;
    // A place, nationality or organisation modifying a person (or organisation) through title words only ("Indonesian President X", "Communist Party chief To Lam").
    const modifier = a.type === 'GPE' || a.type === 'NORP' || isPossessive(tokens[a.tokenEnd]) || (a.type === 'ORG' && b.type === 'PERSON');
    if (!modifier || !(b.type === 'PERSON' || b.type === 'ORG')) continue;
    let inside = true;
    for (let i = a.tokenEnd; i < b.tokenStart; i++) if (!words.inPhrase(tokens[i]!) || tokens[i]!.pos === 'DET' || tokens[i]!.pos === 'NUM') inside = false;
    if (!inside) continue;
    const head = b.actor !== null || a.actor === null ? b : a;
    slots.splice(k, 2, { ...head, start: a.start, end: b.end, tokenStart: a.tokenStart, tokenEnd: b.tokenEnd, phraseStart: a.phraseStart, governor: a.governor });
  }
}

/** A possessive mark: "'s", or a bare apostrophe after a plural ("the rebels' leader"). */
export function isPossessive(t: Token | undefined): boolean {
  return t !== undefined && (t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’');
}

/**
 * "In Niger, the government expelled …", "police in Nairobi": an unnamed state agent stands for
 * the country of the place the sentence puts the action in, the nearest before it, else the
 * first after. Returns whether any was added.
 */
function addGenericActors(tokens: Token[], words: RoleWords, slots: ActorSlot[], marked: number[], sStart: number, sEnd: number): boolean {
  let places: ActorSlot[] | null = null;
  const added: ActorSlot[] = [];
  let k = 0;
  for (const i of marked) {
    const t = tokens[i]!;
    const sector = words.genericActors.get(t.lower);
    if (!sector || (t.pos !== 'NOUN' && t.pos !== 'PROPN')) continue;
    while (k < slots.length && slots[k]!.tokenEnd <= i) k++;
    if (k < slots.length && slots[k]!.tokenStart <= i) continue; // inside a mention
    const next = tokens[i + 1];
    if (next && i + 1 < sEnd && (next.pos === 'NOUN' || next.pos === 'PROPN')) continue; // a modifier: "a police post"
    // A name or possessor before it in its phrase ("Kenyan police", "Kenya's government") is the entity layer's to code.
    let j = i - 1;
    while (j >= sStart && (tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'ADV')) j--;
    const prev = tokens[j];
    if (j >= sStart && prev && (prev.pos === 'PROPN' || prev.lower === "'s" || prev.lower === '’s' || slots.some((s) => s.tokenEnd === j + 1))) continue;
    places ??= slots.filter((s) => s.actor !== null && s.governor !== null && words.locative.has(s.governor) && s.type !== null && words.locationTypes.has(s.type));
    let place: ActorSlot | undefined;
    for (const p of places) if (p.tokenEnd <= i) place = p;
    place ??= places.find((p) => p.tokenStart > i);
    if (!place) continue;
    const slot = makeSlot(null, place.actor!.slice(0, 3) + sector, 'ORG', t.start, t.end, i, i + 1);
    annotate(tokens, words, slot, sStart);
    added.push(slot);
  }
  slots.push(...added);
  return added.length > 0;
}

function makeSlot(entity: string | null, actor: string | null, type: EntityType | null, start: number, end: number, ts: number, te: number): ActorSlot {
  return { actor, entity, type, start, end, tokenStart: ts, tokenEnd: te, governor: null, group: -1, phraseStart: ts, codedPlace: false };
}

/**
 * "I", "we" in a statement without a resolved mention, and "it", "they" opening an indirect one
 * ("Seoul said it would not …"): the statement's speaker.
 */
function addSpeakerPronouns(da: DocActors, words: RoleWords, slots: ActorSlot[], marked: number[]): void {
  const tokens = da.doc.tokens;
  for (const i of marked) {
    const t = tokens[i]!;
    const first = words.firstPerson.has(t.lower);
    if (!first && !words.reportedSubjects.has(t.lower)) continue;
    if (slots.some((s) => i >= s.tokenStart && i < s.tokenEnd)) continue;
    const q = da.quoteAt(t.start);
    if (!first && (!q || q.type === 'direct' || !opensStatement(tokens, words, i, q.start))) continue;
    const speaker = q?.speaker?.entity ? da.byId.get(q.speaker.entity) : undefined;
    if (!speaker) continue;
    slots.push(makeSlot(speaker.id, da.codeOf(speaker), speaker.type, t.start, t.end, i, i + 1));
  }
}

/** Whether token i opens the statement starting at `start` (after an optional "that"). */
function opensStatement(tokens: Token[], words: RoleWords, i: number, start: number): boolean {
  const prev = tokens[i - 1];
  return tokens[i]!.start <= start || (prev !== undefined && prev.start >= start && words.complementizers.has(prev.lower) && tokens[i - 2] !== undefined && tokens[i - 2]!.start < start);
}

/** "both sides" / "the two countries": the last two parties named before, as one group. */
function addBothSides(da: DocActors, words: RoleWords, slots: ActorSlot[], marked: number[], sEnd: number): void {
  const tokens = da.doc.tokens;
  let next = 0;
  for (const i of marked) {
    if (i < next) continue;
    const phrases = words.bothSidesByFirst.get(tokens[i]!.lower);
    if (!phrases) continue;
    for (const phrase of phrases) {
      const n = seqLength(phrase, tokens, i, sEnd);
      if (!n) continue;
      const parties = da.lastTwoParties(tokens[i]!.start);
      if (parties.length === 2) {
        for (const p of parties) {
          const e = da.byId.get(p.entity)!;
          const slot = makeSlot(e.id, p.actor, e.type, tokens[i]!.start, tokens[i + n - 1]!.end, i, i + n);
          slot.group = -2 - i; // both parties form one group
          slots.push(slot);
        }
      }
      next = i + n;
      break;
    }
  }
}

/** Governing preposition: the token before the mention's noun phrase, if a preposition. */
function annotate(tokens: Token[], words: RoleWords, s: ActorSlot, sStart: number): void {
  let j = s.tokenStart - 1;
  while (j >= sStart && words.inPhrase(tokens[j]!) && tokens[j]!.pos !== 'PROPN') j--;
  s.phraseStart = j + 1;
  if (j < sStart) return;
  const t = tokens[j]!;
  if (words.quantifiers.has(t.lower) && tokens[j + 1]?.pos === 'NUM') return;
  if (words.prepositions.has(t.lower) || (t.pos === 'ADP' && !words.breaks.has(t.lower))) {
    // "here in Washington", "on behalf of": keep the word that decides the role.
    s.governor = t.lower;
    if (t.lower === 'of' && j >= 2 && tokens[j - 1]!.lower === 'behalf') s.governor = 'on behalf of';
    // "in the northwestern city of Peshawar": the place takes the preposition of the phrase naming it.
    else if (t.lower === 'of' && j > sStart && words.placeNouns.has(tokens[j - 1]!.lemma)) {
      let k = j - 2;
      while (k >= sStart && words.inPhrase(tokens[k]!)) k--;
      if (k >= sStart && words.locative.has(tokens[k]!.lower)) s.governor = tokens[k]!.lower;
    }
  }
}

/**
 * Mentions joined only by coordinators ("Russia, China and the US") share a group. Commas
 * alone do not make one ("on Fox News, Dmitriev praised …"): a group needs a conjunction.
 */
function groupCoordinated(tokens: Token[], words: RoleWords, slots: ActorSlot[]): void {
  let group = 0;
  let linked = false;
  const links: Array<'comma' | 'conjunction' | null> = [];
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k]!;
    if (s.group <= -2) { links.push(null); continue; }
    const prev = slots[k - 1];
    const link = prev && prev.group >= 0 && !newClauseSubject(tokens, words, prev, s) ? coordination(tokens, words, prev.tokenEnd, s.phraseStart) : null;
    links.push(link);
    if (link) linked = true;
    s.group = link ? prev!.group : group++;
  }
  if (!linked) return;
  // Split groups held together by commas only; then members share the first one's governor.
  const members: number[][] = Array.from({ length: group }, () => []);
  slots.forEach((s, k) => { if (s.group >= 0) members[s.group]!.push(k); });
  for (const idx of members) {
    if (idx.length < 2) continue;
    if (!idx.slice(1).some((k) => links[k] === 'conjunction')) {
      for (const k of idx.slice(1)) slots[k]!.group = group++;
      continue;
    }
    const governor = slots[idx[0]!]!.governor;
    for (const k of idx) if (slots[k]!.governor === null) slots[k]!.governor = governor;
  }
}

/**
 * "… across central Myanmar, and Beijing dispatched …", "attacked Ukraine and Russia retaliated":
 * a name followed by its verb opens a new clause after a comma that ends a place's phrase, or after
 * a name that a verb governs.
 */
function newClauseSubject(tokens: Token[], words: RoleWords, prev: ActorSlot, s: ActorSlot): boolean {
  const next = tokens[s.tokenEnd];
  if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) return false;
  const placed = prev.governor !== null && !words.subjectPhrasePrepositions.has(prev.governor) && !words.between.has(prev.governor);
  if (placed) for (let i = prev.tokenEnd; i < s.phraseStart; i++) if (tokens[i]!.text === ',') return true;
  const before = tokens[prev.phraseStart - 1];
  return before !== undefined && before.pos === 'VERB' && !words.subjectStops.has(before.lower);
}

function coordination(tokens: Token[], words: RoleWords, from: number, to: number): 'comma' | 'conjunction' | null {
  if (to <= from) return null;
  let i = from;
  let kind: 'comma' | 'conjunction' | null = null;
  while (i < to) {
    let n = 0;
    for (const c of words.coordinators) n = Math.max(n, seqLength(c, tokens, i, to));
    if (n) {
      if (tokens[i]!.text !== ',') kind = 'conjunction';
      else kind ??= 'comma';
      i += n;
      continue;
    }
    if (tokens[i]!.pos === 'DET') { i++; continue; }
    return null;
  }
  return kind;
}
