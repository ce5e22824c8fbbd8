/**
 * The act a reported conflict is (lexicon/events/accusations.json): "Armenia claimed that
 * Azerbaijani troops attacked its posts" and "Azerbaijan said Armenian forces fired on its
 * positions" are accusations, speaker → the accused, which stand for the reported attack;
 * "the US claimed that they had attacked Iraq" is the US claiming responsibility (015). A
 * trailing attribution ("…, officials said") only sources the attack.
 */
import type { Quote } from '../types.js';
import type { CodeTable } from './codes.js';
import type { CodedEvent } from './coder.js';

export interface AccusationLexicon {
  code: string;
  cues: string[];
  quads: number[];
  responsibility: { cues: string[]; code: string };
  /** Plain reporting cues ("say") that accuse when the speaker leads the sentence and the reported act's root is in `reportedRoots`. */
  reportingCues: string[];
  reportedRoots: string[];
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
  private readonly reportingCues: Set<string>;
  private readonly reportedRoots: string[];

  constructor(lex: AccusationLexicon, table: CodeTable) {
    if (!table.has(lex.code) || !table.get(lex.code)!.plover) throw new Error(`accusations.json: code ${lex.code} is not in the CAMEO table with a PLOVER type`);
    // PLOVER has no type for a claim of responsibility: it takes the claimed act's.
    if (!table.has(lex.responsibility.code)) throw new Error(`accusations.json: responsibility code ${lex.responsibility.code} is not in the CAMEO table`);
    this.claimCues = new Set(lex.responsibility.cues);
    this.claimCode = lex.responsibility.code;
    this.code = lex.code;
    this.cues = new Set(lex.cues);
    this.quads = new Set(lex.quads);
    this.reportingCues = new Set(lex.reportingCues);
    this.reportedRoots = lex.reportedRoots;
  }

  /**
   * The act `ev`, reported by statement `q` of `speaker`, makes of the speaker: `act` null when
   * the sentence already codes it (`sentence`); null when the report is no such act.
   */
  actOf(ev: CodedEvent, q: Quote, speaker: Speaker, sentence: CodedEvent[]): { act: SpeakerAct | null } | null {
    if (!q.cue || !this.quads.has(ev.quad)) return null;
    const own = ev.source.actor === speaker.actor || (ev.source.entity !== null && ev.source.entity === speaker.entity);
    if (own) return this.claimCues.has(q.cue.lemma) && ev.target.actor ? { act: { code: this.claimCode, target: ev.target, plover: ev.plover } } : null;
    const accused = ev.source.actor;
    if (!accused) return null;
    const leads = q.speaker !== null && q.speaker.end <= q.start;
    const accuses = this.cues.has(q.cue.lemma)
      || (leads && this.reportingCues.has(q.cue.lemma) && this.reportedRoots.some((r) => ev.code.startsWith(r)));
    if (!accuses) return null;
    if (sentence.some((e) => e.code.startsWith('11') && e.source.actor === speaker.actor && e.target.actor === accused)) return { act: null };
    return { act: { code: this.code, target: ev.source, plover: null } };
  }
}
