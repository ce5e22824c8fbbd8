/**
 * Modality of an event from cue words around its pattern (lexicon/events/modality.json):
 * asserted unless a negation, condition, intention or standing-state cue governs it.
 * Cues are word sequences compiled into a Map keyed by their first word, so each token of
 * the window costs one look-up.
 */
import type { Modality, Token } from '../types.js';
import { lowerBound } from '../sorted.js';

type Scope = 'before' | 'after' | 'sentence';

export interface ModalityLexicon {
  priority: Array<Exclude<Modality, 'asserted'>>;
  window: number;
  clauseBreaks: string[];
  cancel: string[];
  cues: Record<string, Partial<Record<Scope, string[]>>>;
  /** Conditional cues that, inside a reported statement and alone, mark the future of the past ("said it would free"). */
  reportedFuture: string[];
  /** Open questions and purposes of things ("whether to", "aimed at"): before the act, same clause, it is no event. */
  unasserted: string[];
  /** Announced refusals: cues, and the rejection code (CAMEO 12) of each refused code or root. */
  refusal: { cues: string[]; codes: Record<string, string> };
  /** Denials of a hostile act ("denied targeting civilians"): cues, the quads they apply to, the code and PLOVER type they give. */
  denial: { cues: string[]; quads: number[]; code: string; plover: string };
  /** Words opening an embedded clause ("a treaty that commits …", "warned that …"): cues after the event stop there. */
  embeddings: string[];
}

interface Cue {
  text: string;
  words: string[];
  modality: Exclude<Modality, 'asserted'> | null;
  scope: Scope | null;
}

/** A cue that applied to an event. */
export interface FoundCue {
  modality: Exclude<Modality, 'asserted'>;
  text: string;
}

/** The cues starting at one token of a sentence. */
interface CueHit {
  at: number;
  cues: Cue[];
}

/** A sentence's cue hits and clause breaks, in token order (ModalityDetector.sentenceCues). */
export interface SentenceCues {
  tokens: Token[];
  sStart: number;
  sEnd: number;
  hits: CueHit[];
  breaks: number[];
  /** Where an embedded clause opens: a relative word or complementizer, or a comma before a participle (", arguing …"). */
  embeds: number[];
}

const NONE: Cue[] = [];

/** A word sequence starting at tokens[i], matched on surface form or lemma. */
function seqAt(words: string[], tokens: Token[], i: number, end: number): boolean {
  return seqEnd(words, tokens, i, end) >= 0;
}

/**
 * Where the word sequence starting at tokens[i] ends (exclusive), or -1. Tokens marked in `skip`
 * (time expressions: "pledged on Monday to release") may stand between its words.
 */
function seqEnd(words: string[], tokens: Token[], i: number, end: number, skip?: Uint8Array): number {
  let j = i;
  for (let k = 0; k < words.length; k++, j++) {
    if (k > 0 && skip) while (j < end && skip[j]) j++;
    const t = tokens[j];
    if (j >= end || !t || (t.lower !== words[k] && t.lemma !== words[k])) return -1;
  }
  return j;
}

export class ModalityDetector {
  private readonly byFirst = new Map<string, Cue[]>();
  private readonly rank: Map<string, number>;
  private readonly window: number;
  private readonly breaks: Set<string>;
  private readonly embeddings: Set<string>;
  /** Each lower-case word that starts a cue or breaks a clause, with its cues: one look-up per token of a sentence. */
  private readonly byLower = new Map<string, { cues: Cue[] | undefined; isBreak: boolean }>();
  private readonly refusalByFirst = new Map<string, string[][]>();
  private readonly unassertedByFirst = new Map<string, string[][]>();
  private readonly refusalCodes: Map<string, string>;
  private readonly denialByFirst = new Map<string, string[][]>();
  readonly denial: { quads: Set<number>; code: string; plover: string };
  private readonly reportedFuture: Set<string>;

  constructor(lex: ModalityLexicon, file = 'modality.json') {
    this.window = lex.window;
    this.reportedFuture = new Set(lex.reportedFuture);
    for (const cue of lex.refusal.cues) addSequence(this.refusalByFirst, cue);
    for (const cue of lex.denial.cues) addSequence(this.denialByFirst, cue);
    if (!/^\d{3,4}$/.test(lex.denial.code) || !lex.denial.plover) throw new Error(`${file}: denial needs a CAMEO code and a PLOVER type`);
    this.denial = { quads: new Set(lex.denial.quads), code: lex.denial.code, plover: lex.denial.plover };
    for (const cue of lex.unasserted) addSequence(this.unassertedByFirst, cue);
    for (const [from, to] of Object.entries(lex.refusal.codes)) {
      if (!/^\d{2,4}$/.test(from) || !/^12\d{1,2}$/.test(to)) throw new Error(`${file}: refusal code "${from}" → "${to}": codes must be CAMEO codes, the target a 12x rejection`);
    }
    this.refusalCodes = new Map(Object.entries(lex.refusal.codes));
    this.breaks = new Set(lex.clauseBreaks);
    this.embeddings = new Set(lex.embeddings);
    this.rank = new Map(lex.priority.map((m, i) => [m, i]));
    for (const c of lex.cancel) this.add({ text: c, words: c.split(' '), modality: null, scope: null });
    for (const [modality, scopes] of Object.entries(lex.cues)) {
      if (!this.rank.has(modality)) throw new Error(`${file}: modality "${modality}" is not in priority`);
      for (const [scope, list] of Object.entries(scopes)) {
        if (scope !== 'before' && scope !== 'after' && scope !== 'sentence') throw new Error(`${file}: ${modality}: unknown scope "${scope}"`);
        for (const cue of list ?? []) {
          this.add({ text: cue.toLowerCase(), words: cue.toLowerCase().split(' '), modality: modality as Cue['modality'], scope });
        }
      }
    }
    // Longer cues first, so "not only" (cancel) is tried before "not".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    for (const [word, cues] of this.byFirst) this.byLower.set(word, { cues, isBreak: this.breaks.has(word) });
    for (const word of this.breaks) if (!this.byFirst.has(word)) this.byLower.set(word, { cues: undefined, isBreak: true });
  }

  private add(cue: Cue): void {
    const key = cue.words[0]!;
    const list = this.byFirst.get(key);
    if (list) list.push(cue);
    else this.byFirst.set(key, [cue]);
  }

  /**
   * The cues starting at token i: all those of the longest matching word sequence (one sequence
   * may be a cue in several scopes). A cue ending in "to" needs a verb next ("agree to meet",
   * not "agree to a ceasefire"). `byForm`: the cues keyed by the token's lower-case form.
   */
  private cuesAt(tokens: Token[], i: number, end: number, byForm: Cue[] | undefined, skip?: Uint8Array): Cue[] {
    const t = tokens[i]!;
    const byLemma = t.lemma === t.lower ? undefined : this.byFirst.get(t.lemma);
    const list = byForm && byLemma ? [...byForm, ...byLemma].sort((a, b) => b.words.length - a.words.length) : byForm ?? byLemma;
    if (!list) return NONE;
    let length = 0;
    const out: Cue[] = [];
    for (const cue of list) {
      if (cue.words.length < length) break;
      const after = seqEnd(cue.words, tokens, i, end, skip);
      if (after < 0) continue;
      if (cue.words[cue.words.length - 1] === 'to' && cue.words.length > 1) {
        const next = tokens[after];
        if (!next || (next.pos !== 'VERB' && next.pos !== 'AUX')) continue;
      }
      length = cue.words.length;
      out.push(cue);
    }
    return out;
  }

  /** True when every conditional cue found is a reported future ("said it would free"). */
  onlyReportedFuture(found: FoundCue[]): boolean {
    return found.every((c) => c.modality !== 'hypothetical' || this.reportedFuture.has(c.text));
  }

  /** The rejection codes refusals map to (the coder checks them against the code table). */
  get refusalTargets(): string[] {
    return [...new Set(this.refusalCodes.values())];
  }

  /**
   * The rejection code for an event whose words begin at `first`, when an announced refusal
   * ("refused to", "would not") governs it within the window, in the same clause; else null.
   * The refused code is looked up by full code, then 3-digit code, then root.
   */
  refusalCode(tokens: Token[], sStart: number, first: number, code: string): string | null {
    const to = this.refusalCodes.get(code) ?? this.refusalCodes.get(code.slice(0, 3)) ?? this.refusalCodes.get(code.slice(0, 2));
    if (!to) return null;
    return this.cueBefore(this.refusalByFirst, tokens, sStart, first) >= 0 ? to : null;
  }

  /** Where a denial ("denied targeting", "denied that its forces had shelled") governing the act at `first` starts, in the same clause; -1 if none does. */
  deniedAt(tokens: Token[], sStart: number, first: number): number {
    return this.cueBefore(this.denialByFirst, tokens, sStart, first);
  }

  /** Whether an open question or a thing's purpose ("whether to", "aimed at") governs the act at `first`: then it is no event. */
  unasserted(tokens: Token[], sStart: number, first: number): boolean {
    return this.cueBefore(this.unassertedByFirst, tokens, sStart, first) >= 0;
  }

  /** Where one of the sequences starts within the window before `first`, in the same clause; -1 if none does. */
  private cueBefore(byFirst: Map<string, string[][]>, tokens: Token[], sStart: number, first: number): number {
    for (let i = first - 1; i >= sStart && first - i <= this.window; i--) {
      const t = tokens[i]!;
      if (this.breaks.has(t.lower)) return -1;
      const list = byFirst.get(t.lower) ?? (t.lemma === t.lower ? undefined : byFirst.get(t.lemma));
      if (list?.some((words) => seqAt(words, tokens, i, first))) return i;
    }
    return -1;
  }

  /**
   * The cues of one sentence [sStart, sEnd), read once for all its events: every event's
   * look-around then visits only the tokens where a cue starts.
   */
  sentenceCues(tokens: Token[], sStart: number, sEnd: number, skip?: Uint8Array): SentenceCues {
    const hits: CueHit[] = [];
    const breaks: number[] = [];
    const embeds: number[] = [];
    for (let i = sStart; i < sEnd; i++) {
      const t = tokens[i]!;
      const word = this.byLower.get(t.lower);
      if (word?.isBreak) breaks.push(i);
      if (this.embeddings.has(t.lower) || (t.text === ',' && tokens[i + 1]?.pos === 'VERB' && tokens[i + 1]!.lower.endsWith('ing'))) embeds.push(i);
      const cues = this.cuesAt(tokens, i, sEnd, word?.cues, skip);
      if (cues.length) hits.push({ at: i, cues });
    }
    return { tokens, sStart, sEnd, hits, breaks, embeds };
  }

  /**
   * Modality of the event whose words span tokens [first, last] of the sentence whose cues are
   * `sc`. `fixed` is a pattern's own modality ("subject to sanctions" is ongoing), used when no
   * stronger cue (negation, condition) applies. The cues that apply are added to `found` when
   * given (the coder tells announced intent from a narrated schedule, and reported "would").
   */
  detect(sc: SentenceCues, first: number, last: number, fixed?: Modality, found?: FoundCue[]): Modality {
    const { tokens, hits } = sc;
    let best: Modality | null = fixed && fixed !== 'asserted' ? fixed : null;
    const consider = (m: Cue['modality'], cue?: Cue) => {
      if (m && cue && found) found.push({ modality: m, text: cue.text });
      if (m && (best === null || this.rank.get(m)! < (this.rank.get(best) ?? 99))) best = m;
    };
    // Whole-sentence and window cues before the event words; a window cue needs no clause break between it and them.
    const windowStart = Math.max(sc.sStart, first - this.window);
    const lastBreak = lastBefore(sc.breaks, first);
    const firstAfter = firstHitAfter(hits, last);
    for (let h = firstHitAfter(hits, first - 1) - 1; h >= 0; h--) {
      const { at, cues } = hits[h]!;
      for (const cue of cues) {
        if (cue.scope === 'sentence' || (cue.scope === 'before' && at > lastBreak && at >= windowStart)) consider(cue.modality, cue);
      }
    }
    // Cues inside a multi-word pattern ("did not hold talks": the anchor is "hold").
    for (let i = first + 1; i < last; i++) {
      for (const cue of this.cuesAt(tokens, i, last, this.byFirst.get(tokens[i]!.lower))) if (cue.modality === 'negated') consider(cue.modality);
    }
    // After the event words, up to an embedded clause: "signed a treaty that commits them to consult if …" is signed.
    const embed = sc.embeds[lowerBound(sc.embeds, (x) => x <= last)] ?? sc.sEnd;
    for (let h = firstAfter; h < hits.length && hits[h]!.at < embed; h++) {
      for (const cue of hits[h]!.cues) if (cue.scope === 'after') consider(cue.modality, cue);
    }
    return best ?? 'asserted';
  }
}

function addSequence(byFirst: Map<string, string[][]>, cue: string): void {
  const words = cue.toLowerCase().split(' ');
  const list = byFirst.get(words[0]!);
  if (list) list.push(words);
  else byFirst.set(words[0]!, [words]);
}

/** Index of the first hit starting after token `i` (hits are in token order). */
function firstHitAfter(hits: CueHit[], i: number): number {
  return lowerBound(hits, (x) => x.at <= i);
}

/** The last of the sorted positions before `i`, or -1. */
function lastBefore(sorted: number[], i: number): number {
  const lo = lowerBound(sorted, (x) => x < i);
  return lo > 0 ? sorted[lo - 1]! : -1;
}
