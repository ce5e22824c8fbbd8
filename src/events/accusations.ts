/**
 * The accusation a reported conflict carries (lexicon/events/accusations.json): "Armenia claimed
 * that Azerbaijani troops attacked its posts" is an attack (reported by the statement) and an
 * accusation, Armenia → Azerbaijan, that Armenia made; "the US claimed that they had attacked
 * Iraq" is the US claiming responsibility (015).
 */
import type { Quote } from '../types.js';
import type { CodeTable } from './codes.js';
import type { CodedEvent } from './coder.js';

export interface AccusationLexicon {
  code: string;
  cues: string[];
  quads: number[];
  /** Codes (or their prefixes) of acts whose that-clause reports facts of its own. */
  reporting: string[];
  responsibility: { cues: string[]; code: string };
}

/** The speaker of a statement as an event actor (its code from the entity layer). */
export interface Speaker {
  actor: string;
  entity: string;
  start: number;
  end: number;
}

/** The act a speaker's report of a conflict is: an accusation of, or responsibility claimed for, it. */
export interface SpeakerAct {
  code: string;
  target: CodedEvent['target'];
  /** The PLOVER type when the code's own is none (a claim takes the claimed act's). */
  plover: string | null;
}

export class Accusations {
  private readonly code: string;
  private readonly claimCues: Set<string>;
  private readonly claimCode: string;
  private readonly cues: Set<string>;
  private readonly quads: Set<number>;
  private readonly reporting: string[];

  constructor(lex: AccusationLexicon, table: CodeTable) {
    if (!table.has(lex.code) || !table.get(lex.code)!.plover) throw new Error(`accusations.json: code ${lex.code} is not in the CAMEO table with a PLOVER type`);
    // PLOVER has no type for a claim of responsibility: it takes the claimed act's.
    if (!table.has(lex.responsibility.code)) throw new Error(`accusations.json: responsibility code ${lex.responsibility.code} is not in the CAMEO table`);
    this.claimCues = new Set(lex.responsibility.cues);
    this.claimCode = lex.responsibility.code;
    this.code = lex.code;
    this.cues = new Set(lex.cues);
    this.quads = new Set(lex.quads);
    this.reporting = lex.reporting;
  }

  /** Whether an act with this code reports the events of its that-clause ("alleged that …"). */
  reports(code: string): boolean {
    return this.reporting.some((p) => code.startsWith(p));
  }

  /** The act `ev`, reported by statement `q` of `speaker`, makes of the speaker, if not already among `sentence`. */
  actOf(ev: CodedEvent, q: Quote, speaker: Speaker, sentence: CodedEvent[]): SpeakerAct | null {
    if (!q.cue || !this.quads.has(ev.quad)) return null;
    const own = ev.source.actor === speaker.actor || (ev.source.entity !== null && ev.source.entity === speaker.entity);
    if (own) return this.claimCues.has(q.cue.lemma) && ev.target.actor ? { code: this.claimCode, target: ev.target, plover: ev.plover } : null;
    const accused = ev.source.actor;
    if (!this.cues.has(q.cue.lemma) || !accused) return null;
    if (sentence.some((e) => e.code.startsWith('11') && e.source.actor === speaker.actor && e.target.actor === accused)) return null;
    return { code: this.code, target: ev.source, plover: null };
  }
}
