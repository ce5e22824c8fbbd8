// Statements of one sentence, found from its reporting cues: where the content is (after the
// cue, or before a trailing attribution), who the speaker phrase is, and whether the content
// is a quotation (direct), reported speech with quoted words (mixed) or reported speech (indirect).
import type { QuoteType } from '../types.js';
import { OPENS, type Cue } from './lexicon.js';
import { speakerFromNP, subjectLeft, subjectRight, type SpeakerRef } from './speakers.js';
import type { DocView } from './view.js';

export interface Candidate {
  type: QuoteType;
  /** Content, as token range [a, b) and as characters. */
  a: number;
  b: number;
  start: number;
  end: number;
  speaker: SpeakerRef | null;
  /** Speaker comes from the statement before (participle, coordination, continuation). */
  inherit: boolean;
  cue: { tokStart: number; tokEnd: number; lemma: string } | null;
  /** The quoted span this statement is, for direct quotes. */
  quote: number;
  /** "according to Reuters": the named source is an outlet, a channel for the sentence. */
  relay: { tokStart: number; tokEnd: number } | null;
  rule: string;
  confidence: number;
}

interface Hit {
  c0: number;
  c1: number;
  cue: Cue;
}

/** Words that look like participles but work as prepositions inside a proposition. */
const PREPOSITIONAL = new Set(['including', 'according', 'following', 'regarding', 'concerning', 'excluding', 'involving', 'during', 'pending', 'notwithstanding', 'barring', 'considering']);
/** After a comma, these end the reported proposition (the reporter's own clause follows). */
const CLAUSE_STOPS = new Set(['while', 'whereas', 'though', 'although', 'despite', 'without', 'even']);
const ALWAYS_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adding', 'saying']);
/** Marks that end a sentence's words (single characters: longer tokens are not tested). */
const TERMINAL = new Set(['.', '!', '?', ';', '…']);
/** Words after which an -ing cue opens a participle clause ("…, saying", "and adding"). */
const PARTICIPLE_OPENERS = new Set([',', 'and', 'while', 'before', 'after', 'by', 'when', '—', '–']);
/** After ", X said," these resume the statement: "…, he acknowledged, but …". */
const RESUMERS = new Set(['but', 'and', 'while', 'yet', 'although', 'though']);
/** Parts of speech a bare proposition can open with ("said Moscow would …", "said the talks …"). */
const CLAUSE_OPENERS = new Set(['DET', 'PROPN', 'NOUN', 'PRON', 'NUM', 'ADJ']);
const CHANNEL_PREPS = new Set(['in', 'at', 'on', 'during', 'via', 'through']);
const NEGATIONS = new Set(['not', "n't", 'never', 'neither', 'nor']);
const REFUSALS = new Set(['declined', 'declining', 'refused', 'refusing', 'failed', 'reluctant', 'unable', 'unwilling']);
const PASSIVE_AUX = new Set(['been', 'being', 'was', 'were', 'is', 'are', 'be', 'get', 'got']);
/** Prepositions that open an attribution adjunct after a cue ("said at a briefing", "told Reuters in Kyiv"). */
const ATTRIBUTION_PREPS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'from', 'outside', 'via', 'through', 'by', 'following', 'with', 'inside', 'ahead', 'to', 'upon']);

export class SentenceExtractor {
  private readonly v: DocView;
  /** Starts of attributions already read in the sentence (trailing cues, source phrases): no content spans them. */
  private readonly blockMark: Uint8Array;

  constructor(v: DocView) {
    this.v = v;
    this.blockMark = new Uint8Array(v.tokens.length);
  }

  /** Reporting cues of tokens [s0, s1), outside quotation marks. */
  private cues(s0: number, s1: number): Hit[] {
    const v = this.v;
    const hits: Hit[] = [];
    for (let i = s0; i < s1; i++) {
      if (v.quoteOf[i]! >= 0 || !(v.opens[i]! & OPENS.cue)) continue;
      const m = v.lex.cues.match(v.words, i, s1);
      if (!m) continue;
      if (this.acceptCue(i, m.value, m.length)) {
        hits.push({ c0: i, c1: i + m.length, cue: m.value });
        i += m.length - 1;
      }
    }
    return hits;
  }

  private acceptCue(i: number, cue: Cue, length: number): boolean {
    const v = this.v;
    const t = v.tokens[i]!;
    if (cue.frame === 'source') return true;
    if (cue.kind === 'noun') {
      const prev = v.words[i - 1] ?? '';
      const possessed = prev === "'s" || prev === '’s' || v.lex.possessives.has(prev);
      const copula = (v.words[i + 1] === 'is' || v.words[i + 1] === 'was') && v.words[i + 2] === 'that';
      return possessed && copula;
    }
    if (cue.lemma === 'as saying' || cue.lemma === 'quoted as saying') return true;
    if (!(length === 1 && ALWAYS_VERBS.has(t.lower)) && t.pos !== 'VERB') return false;
    // "did not specify", "declined to say", "has been granted": no statement was made.
    // "the protesting communities", "a reported deal": the verb form modifies a noun.
    if (v.tokens[i - 1]?.pos === 'DET' && v.words[i - 1] !== 'that') return false;
    let j = i - 1;
    while (j >= 0 && v.tokens[j]!.pos === 'ADV' && !NEGATIONS.has(v.words[j]!)) j--;
    const before = v.words[j] ?? '';
    if (NEGATIONS.has(before)) return false;
    if (before === 'to' && REFUSALS.has(v.words[j - 1] ?? '')) return false;
    if (PASSIVE_AUX.has(before) && /ed$|[^e]en$|told$|said$/.test(t.lower)) return false;
    return true;
  }

  /** Index of the first token after connectives ("Meanwhile,", "However,") opening the sentence. */
  private clauseStart(s0: number, s1: number): number {
    const v = this.v;
    let i = s0;
    for (;;) {
      const m = v.opens[i]! & OPENS.connective ? v.lex.connectives.match(v.words, i, s1) : null;
      if (!m) break;
      const after = i + m.length;
      if (v.words[after] === ',') i = after + 1;
      else if (m.length === 1 && v.tokens[i]!.pos !== 'CCONJ' && v.tokens[i]!.pos !== 'ADV') break;
      else i = after;
    }
    return i;
  }

  /** Skip an addressee after "told": reporters, an outlet, a named person, "a news conference in Manila". */
  private skipAddressee(p: number, e1: number): number {
    const v = this.v;
    const known = v.lex.addressees.match(v.words, p, e1);
    let q = p;
    if (known) q = p + known.length;
    else {
      const head = v.lex.outletHeads.match(v.words, q, e1);
      if (head) q += head.length;
      const outlet = v.isCapitalized(q) ? v.lex.outlets.match(v.words, q, e1) : null;
      if (outlet) q += outlet.length;
      else if (!head) {
        const b = v.npStartingAt(p, e1);
        const that = v.words[b] === 'that';
        if (b > p && (that || v.words[b] === ',' || b >= e1 || v.tokens[b]!.pos === 'ADP' || v.isNameRun(p, b) || v.words[p] === 'the' || v.words[p] === 'a')) q = b;
      }
      while (q < e1 && /^(news|agency|radio|television|newspaper|broadcaster|channel|station)$/.test(v.words[q]!)) q++;
    }
    // A place or manner after the addressee: "reporters in Berlin", "Reuters by telephone".
    while (q < e1 && (v.words[q] === 'in' || v.words[q] === 'at' || v.words[q] === 'by' || v.words[q] === 'outside' || v.words[q] === 'from') && v.words[q + 1] !== 'that') {
      const b = v.npStartingAt(q + 1, e1);
      if (b === q + 1) break;
      q = b;
    }
    return q;
  }

  private cueBetween(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (this.cueAt(i, b)) return true;
    return false;
  }

  /** A prepositional phrase naming a channel starts at q ("in a post on X", "at a news conference"). */
  private channelPhraseAt(q: number, e1: number): boolean {
    const v = this.v;
    if (!CHANNEL_PREPS.has(v.words[q]!)) return false;
    for (let i = q + 1; i < e1 && i - q <= 5; i++) {
      if (v.lex.settings.match(v.words, i, e1) || (v.isCapitalized(i) && v.lex.outlets.match(v.words, i, e1))) return true;
      if (v.words[i] === ',' || v.tokens[i]!.pos === 'VERB') return false;
    }
    return false;
  }

  /** Whether a reporting cue begins at token i (for coordination: "… and said …"). */
  private cueAt(i: number, s1: number): boolean {
    const v = this.v;
    if (v.quoteOf[i]! >= 0) return false;
    let j = i;
    while (j < s1 && v.tokens[j]!.pos === 'ADV' && v.lex.skip.has(v.words[j]!)) j++;
    const m = v.lex.cues.match(v.words, j, s1);
    return !!m && m.value.kind !== 'noun' && m.value.frame !== 'source' && this.acceptCue(j, m.value, m.length);
  }

  /** Where a proposition starting at `p` ends: before a participial adjunct, a coordinated cue, a trailing attribution … */
  private contentEnd(p: number, e1: number): { end: number; split: number } {
    const v = this.v;
    let q = p;
    while (q < e1) {
      const qi = v.quoteOf[q]!;
      let commaInQuote = false;
      if (qi >= 0 && q > p) {
        while (q < e1 && v.quoteOf[q] === qi) q++;
        // “productive,” noting that …: the comma closing the quotation separates the clauses.
        commaInQuote = v.words[q - 2] === ',';
        if (!commaInQuote || q >= e1) continue;
      }
      const w = commaInQuote ? ',' : v.words[q]!;
      if (w === ',' || w === '—' || w === '–') {
        const n = commaInQuote ? q : q + 1;
        const nw = v.words[n] ?? '';
        const nt = v.tokens[n];
        if (nt && nt.pos === 'VERB' && nw.endsWith('ing') && !PREPOSITIONAL.has(nw)) return { end: q, split: -1 };
        if (CLAUSE_STOPS.has(nw)) return { end: q, split: nw === 'while' || nw === 'whereas' ? n + 1 : -1 };
        if (nw === 'according' || nw === 'as' && v.words[n + 1] === 'saying') return { end: q, split: -1 };
        if ((nw === 'and' || nw === 'but') && v.words[n + 1] === 'that') return { end: q, split: n + 2 };
        if ((nw === 'and' || nw === 'but') && this.cueAt(n + 1, e1)) return { end: q, split: -1 };
        if (this.attributionAhead(n, e1)) return { end: q, split: -1 };
        if (commaInQuote) continue;
      } else if ((w === 'and' || w === 'but') && q > p) {
        if (v.words[q + 1] === 'that') return { end: q, split: q + 2 };
        if (this.cueAt(q + 1, e1)) return { end: q, split: -1 };
      } else if (w === ';') return { end: q, split: -1 };
      q++;
    }
    return { end: e1, split: -1 };
  }

  /** ", Anadolu Agency reported", ", he said", ", said X": an attribution clause starts at n. */
  private attributionAhead(n: number, e1: number): boolean {
    const v = this.v;
    const b = v.npStartingAt(n, e1);
    if (b > n && b - n <= 8) {
      let c = b;
      while (c < e1 && v.tokens[c]!.pos === 'ADV' && v.lex.skip.has(v.words[c]!)) c++;
      if (v.lex.reportVerbs.has(v.words[c]!) && v.lex.outlets.match(v.words, n, b)) return true;
      if (this.cueAt(c, e1) && this.tailAfter(c, e1)) return true;
    }
    return this.cueAt(n, e1) && v.words[n] !== 'adding' && this.tailAfter(n, e1);
  }

  /** True when nothing but time, place, channel or adjuncts follows the cue at c (an attribution, not a claim). */
  private tailAfter(c: number, e1: number): boolean {
    const v = this.v;
    const m = v.lex.cues.match(v.words, c, e1);
    let p = c + (m?.length ?? 1);
    if (m?.value.frame === 'tell') p = this.skipAddressee(p, e1);
    p = v.skipTimeAndAdverbs(p, e1);
    return p >= e1 || v.words[p] === ',' || (ATTRIBUTION_PREPS.has(v.words[p]!) && this.thatAhead(p, e1) < 0);
  }

  /** Index of a "that" within a few tokens after p that opens the content, or -1. */
  private thatAhead(p: number, e1: number): number {
    const v = this.v;
    for (let q = p; q < e1 && q - p < 16; q++) {
      const w = v.words[q]!;
      // "a speech that lasted two hours": a relative "that" is followed by its verb, not a subject.
      if (w === 'that') return v.tokens[q + 1]?.pos === 'VERB' || v.tokens[q + 1]?.pos === 'AUX' ? -1 : q;
      if (w === ',' || v.isMark(q) || (this.cueAt(q, e1) && q > p)) return -1;
    }
    return -1;
  }

  /** The statements of sentence tokens [s0, s1). */
  extract(s0: number, s1: number): Candidate[] {
    const v = this.v;
    let e1 = s1;
    while (e1 > s0 && v.words[e1 - 1]!.length === 1 && TERMINAL.has(v.words[e1 - 1]!) && v.quoteOf[e1 - 1]! < 0) e1--;
    const cs = this.clauseStart(s0, e1);
    const out: Candidate[] = [];
    const consumed: Array<[number, number]> = [];
    const hits = this.cues(s0, s1);
    // One array for the document, cleared per sentence.
    for (let i = s0; i < s1; i++) this.blockMark[i] = 0;
    for (const h of hits) {
      if (h.cue.frame === 'source' || h.cue.lemma === 'as saying') this.blockMark[h.c0] = 1;
    }
    for (const hit of hits) {
      if (consumed.some(([a, b]) => hit.c0 >= a && hit.c0 < b)) continue;
      const made = this.fromCue(hit, s0, cs, e1, out);
      for (const c of made) {
        if (c.rule.includes('trailing')) this.blockMark[hit.c0] = 1;
        out.push(c);
        consumed.push([c.a, c.b]);
        if (c.relay) consumed.push([c.relay.tokStart, c.relay.tokEnd]);
      }
    }
    return out;
  }

  private fromCue(hit: Hit, s0: number, cs: number, e1: number, prior: Candidate[]): Candidate[] {
    const v = this.v;
    const { c0, c1, cue } = hit;
    const cueInfo = { tokStart: c0, tokEnd: c1, lemma: cue.lemma };
    if (cue.frame === 'source') return this.fromSource(hit, cs, e1);
    if (cue.kind === 'noun') {
      const prev = v.words[c0 - 1]!;
      let speaker: SpeakerRef | null = null;
      if (v.lex.possessives.has(prev)) speaker = { tokStart: c0 - 1, tokEnd: c0, kind: 'pronoun' };
      else {
        const a = v.npEndingAt(c0 - 2, s0);
        speaker = speakerFromNP(v, a, c0 - 1);
      }
      return this.rightContent(c1 + 2, e1, speaker, false, cueInfo, 'possessive-that', 0.85);
    }
    if (cue.lemma === 'as saying' || cue.lemma === 'quoted as saying') {
      let speaker: SpeakerRef | null = null;
      let relay: Candidate['relay'] = null;
      if (v.lex.objectPronouns.has(v.words[c0 - 1]!)) speaker = { tokStart: c0 - 1, tokEnd: c0, kind: 'pronoun' };
      else {
        const a = v.npEndingAt(c0 - 1, s0);
        speaker = speakerFromNP(v, a, c0);
        // "X was quoted by Informer as saying": X speaks, the agent after "by" relays.
        if (v.words[a - 1] === 'by' && (v.words[a - 2] === 'quoted' || v.words[a - 2] === 'cited')) {
          const subject = subjectLeft(v, a - 2, s0);
          if (subject) {
            relay = { tokStart: v.nameTail(a, c0) < c0 ? v.nameTail(a, c0) : a, tokEnd: c0 };
            speaker = subject.ref;
          }
        }
      }
      let p = c1;
      if (v.words[p] === 'that') p++;
      if (p < e1) {
        const made = this.rightContent(p, e1, speaker, false, cueInfo, 'quoted-as-saying', 0.85);
        for (const m of made) m.relay = relay;
        return made;
      }
      // "“…,” the statement quoted her as saying": the content ends before the quoting clause.
      let edge = speaker ? speaker.tokStart : c0;
      if (v.tokens[edge - 1]?.pos === 'VERB') edge = v.npEndingAt(edge - 2, s0);
      const region = this.leftRegion(cs, edge, s0);
      return region ? [this.classify(region[0], region[1], speaker, false, cueInfo, 'quoted-as-saying', 0.85, true)] : [];
    }

    const afterComma = PARTICIPLE_OPENERS.has(v.words[c0 - 1]!) || (v.isMark(c0 - 1) && v.words[c0 - 2] === ',');
    const participle = v.words[c0]!.endsWith('ing') && (c0 === cs || c0 === s0 || afterComma);
    const prev = v.words[c0 - 1] ?? '';
    const coordinated = prev === 'and' || prev === 'but' || prev === 'or';
    let subject = participle ? null : subjectLeft(v, c0, s0);
    let inverted = false;
    if (!subject && !participle && !coordinated && cue.frame !== 'tell' && (prev === ',' || v.isMark(c0 - 1))) {
      const ref = subjectRight(v, c1, e1);
      if (ref) {
        subject = { ref, npStart: c0 };
        inverted = true;
      }
    }
    // A cue with no subject of its own speaks for the clause's subject (participle, coordination).
    if (!subject && !participle && !coordinated) return [];
    let speaker = subject?.ref ?? null;
    if (!speaker && !prior.length && cs < c0) {
      const b = v.npStartingAt(cs, c0);
      speaker = speakerFromNP(v, cs, b);
    }
    const inherit = !speaker;

    let p = inverted ? speaker!.tokEnd : c1;
    if (inverted) {
      // "said Stojković, a former journalist": skip the appositive.
      while (p < e1 && v.words[p] !== ',') p++;
    }
    if (cue.frame === 'tell') p = this.skipAddressee(p, e1);
    p = v.skipTimeAndAdverbs(p, e1);

    const trailing = (): Candidate[] => {
      if (participle || coordinated) return [];
      const region = this.leftRegion(cs, inverted ? c0 : subject!.npStart, s0);
      if (!region) return [];
      const made = [this.classify(region[0], region[1], speaker, false, cueInfo, inverted ? 'trailing-inverted' : 'trailing', 0.9, true)];
      // "…, he acknowledged, but inflation would ease …": the statement resumes after its attribution.
      let k = c1;
      while (k < e1 && v.words[k] !== ',') k++;
      const conj = v.words[k + 1] ?? '';
      const qi = v.quoteOf[k + 1] ?? -1;
      if (k < e1 && qi >= 0 && v.quotes[qi]!.open === v.tokens[k + 1]!.start) {
        // "…," she said, "…": the quotation resumes after its attribution.
        made.push(...this.rightContent(k + 1, e1, speaker, false, cueInfo, 'trailing+resumed', 0.9, true));
      } else if (k < e1 && RESUMERS.has(conj) && !this.cueBetween(k + 1, e1)) {
        const from = k + 2;
        const { end } = this.contentEnd(from, e1);
        if (end - from >= 2) made.push(this.classify(from, end, speaker, false, cueInfo, 'trailing+resumed', 0.8, false));
      }
      return made;
    };

    if (p >= e1 || inverted) return trailing();
    const w = v.words[p]!;
    const np = cue.frame === 'np' || cue.frame === 'as';
    if (w === 'that' && !(np && this.thatIsDeterminer(p, e1))) return this.rightContent(p + 1, e1, speaker, inherit, cueInfo, 'that-clause', 0.9);
    if ((w === ',' || w === ':') && v.isMark(p + 1) && v.quoteOf[p + 1]! >= 0 && v.quotes[v.quoteOf[p + 1]!]!.open === v.tokens[p + 1]!.start) {
      return this.rightContent(p + 1, e1, speaker, inherit, cueInfo, 'cue-colon-quote', 0.95, true);
    }
    if (w === ',' || w === ':' || w === '—') return trailing();
    if (ATTRIBUTION_PREPS.has(w) && !(np && (w === 'for' || w === 'to' || w === 'on'))) {
      const that = this.thatAhead(p, e1);
      if (that >= 0) return this.rightContent(that + 1, e1, speaker, inherit, cueInfo, 'that-clause', 0.85);
      return trailing();
    }
    if (cue.frame === 'as' && w === 'as') p++;
    if (!np && !CLAUSE_OPENERS.has(v.tokens[p]!.pos) && !v.isMark(p)) return [];
    const rule = np ? 'cue-object' : 'bare-clause';
    return this.rightContent(p, e1, speaker, inherit, cueInfo, rule, np ? 0.75 : 0.8, false, np);
  }

  /** "rejected that view": "that" opens a short noun phrase ending the clause, not a proposition. */
  private thatIsDeterminer(p: number, e1: number): boolean {
    const v = this.v;
    const b = v.npStartingAt(p + 1, e1);
    return b > p + 1 && b - p <= 4 && (b >= e1 || v.words[b] === ',');
  }

  /** "According to X, …" / "…, according to X": X speaks, unless X is an outlet (then it relays). */
  private fromSource(hit: Hit, cs: number, e1: number): Candidate[] {
    const v = this.v;
    const { c0, c1, cue } = hit;
    const possessive = v.lex.possessives.has(v.words[c1]!);
    const npEnd = v.npStartingAt(possessive ? c1 + 1 : c1, e1);
    if (npEnd === c1) return [];
    let speaker: SpeakerRef | null;
    if (possessive) speaker = { tokStart: c1, tokEnd: c1 + 1, kind: 'pronoun' };
    else speaker = speakerFromNP(v, c1, npEnd);
    let relay: Candidate['relay'] = null;
    const first = v.words[c1] === 'the' ? c1 + 1 : c1;
    const outlet = v.isCapitalized(first) ? v.lex.outlets.match(v.words, first, npEnd) : null;
    if (outlet && first + outlet.length === npEnd) relay = { tokStart: first, tokEnd: npEnd };
    const cueInfo = { tokStart: c0, tokEnd: c1, lemma: cue.lemma };
    let made: Candidate[];
    if (c0 <= cs) {
      let p = npEnd;
      while (p < e1 && v.words[p] !== ',') p++;
      // "According to the envoy, Jonas Berg, …": the appositive name is the speaker.
      let q = p + 1;
      while (q < e1 && v.words[q] !== ',') q++;
      if (q < e1 && v.isNameRun(p + 1, q)) {
        speaker = { tokStart: p + 1, tokEnd: q, kind: 'name' };
        p = q;
      }
      made = this.rightContent(p + 1, e1, speaker, false, cueInfo, 'according-to', 0.85);
    } else {
      const region = this.leftRegion(cs, c0, cs);
      // "X said …, according to Kyodo": the phrase relays X's statement (a channel), it is no statement itself.
      const relays = region && relay && this.cueBetween(region[0], region[1]);
      made = region && !relays ? [this.classify(region[0], region[1], speaker, false, cueInfo, 'according-to', 0.85, true)] : [];
    }
    for (const m of made) m.relay = relay;
    return made;
  }

  /** Content before a trailing attribution: [cs, edge) without the comma or closing mark before edge. */
  private leftRegion(cs: number, edge: number, s0: number): [number, number] | null {
    const v = this.v;
    let b = edge;
    if (b - 1 >= s0 && (v.words[b - 1] === ',' || v.words[b - 1] === '—')) b--;
    else if (!(b - 1 >= s0 && v.isMark(b - 1))) return null;
    const a = cs;
    if (b - a < 2 && !(b > a && v.quoteOf[a]! >= 0)) return null;
    // Another attribution inside ("…," Dmitriev said at a press briefing, Anadolu Agency reported): not content.
    for (let i = a; i < b; i++) if (this.blockMark[i]) return null;
    return [a, b];
  }

  /** Content after the cue from p; splits "… and that …" into two statements. */
  private rightContent(p: number, e1: number, speaker: SpeakerRef | null, inherit: boolean, cue: Candidate['cue'], rule: string, confidence: number, introduced = false, object = false): Candidate[] {
    const v = this.v;
    const out: Candidate[] = [];
    let from = p;
    let first = true;
    while (from < e1) {
      let { end, split } = this.contentEnd(from, e1);
      const qi = v.quoteOf[from]!;
      // A quotation introduced by the cue runs to its closing mark, even past a sentence break.
      if (qi >= 0 && v.quotes[qi]!.open === v.tokens[from]!.start) {
        let k = from;
        while (k < v.tokens.length && v.quoteOf[k] === qi) k++;
        if (k > end) {
          end = k;
          split = -1;
        }
      }
      // "lauded the decision on Monday": the date belongs to the cue, not to the object.
      if (object) for (let i = from + 1; i < end; i++) if (this.channelPhraseAt(i, end)) end = i;
      while (object && end > from + 1 && v.inTime[end - 1]) end--;
      if (object && end > from + 1 && (v.words[end - 1] === 'on' || v.words[end - 1] === 'in')) end--;
      if (end - from >= 1) out.push(this.classify(from, end, speaker, inherit || !first, cue, first ? rule : rule + '+and-that', confidence, introduced));
      if (split < 0 || (v.words[split - 1] !== 'that' && this.cueBetween(split, e1))) break;
      from = split;
      first = false;
    }
    return out;
  }

  /** Type the content [a, b): one whole quotation = direct; quoted words inside = mixed; else indirect. */
  private classify(a: number, b: number, speaker: SpeakerRef | null, inherit: boolean, cue: Candidate['cue'], rule: string, confidence: number, introduced: boolean): Candidate {
    const v = this.v;
    while (b > a && !v.isMark(b - 1) && v.tokens[b - 1]!.pos === 'PUNCT' && v.quoteOf[b - 1]! < 0) b--;
    while (a < b && v.tokens[a]!.pos === 'PUNCT' && !v.isMark(a) && v.quoteOf[a]! < 0) a++;
    const qa = v.quoteOf[a]!;
    const whole = qa >= 0 && v.quoteOf[b - 1] === qa && introduced;
    if (whole) {
      const q = v.quotes[qa]!;
      return { type: 'direct', a, b, start: q.start, end: q.end, speaker, inherit, cue, quote: qa, relay: null, rule: 'direct:' + rule, confidence };
    }
    let hasQuote = false;
    for (let i = a; i < b && !hasQuote; i++) hasQuote = v.quoteOf[i]! >= 0;
    const start = v.tokens[a]!.start;
    const end = v.tokens[b - 1]!.end;
    return { type: hasQuote ? 'mixed' : 'indirect', a, b, start, end, speaker, inherit, cue, quote: -1, relay: null, rule: (hasQuote ? 'mixed:' : 'indirect:') + rule, confidence: confidence - (hasQuote ? 0 : 0.05) };
  }
}
