import type { IssueSummary, Modality, Span, Stance } from '../types.js';

/** Why a progress cue does not count: not (yet) a fact, or background told in the past perfect. */
export type Hedge = Modality | 'background';

/** One progress or setback cue as read in a statement, event or sentence. */
export interface ProgressCue {
  progress: -1 | 1;
  start: number;
  end: number;
  /** Set when the cue does not count. */
  hedge?: Hedge;
}

/**
 * A statement's, event's or sentence's progress on an issue: the sign of its counted cues, with
 * the span of the deciding cue, the reason when it is 0 because its cues are hedged, and every cue read.
 */
export interface IssueSignal {
  ref: string;
  progress: -1 | 0 | 1;
  start: number;
  end: number;
  hedge?: Hedge;
  cues: ProgressCue[];
}

/** One statement's, event's or narrative sentence's stance that went into an actor's stance. */
export interface StanceEvidence {
  ref: string;
  stance: Stance;
  start: number;
  end: number;
}

/**
 * The issue layer's per-article result: the contract's IssueSummary plus where the article
 * names the issue and who is involved. Extra fields are optional for readers of the contract.
 */
export interface IssueFinding extends IssueSummary {
  stances: Array<{ actor: string; stance: Stance; quote?: string; start?: number; end?: number; evidence: StanceEvidence[] }>;
  signals: IssueSignal[];
  /** Every place the article names the issue, statements and narrative alike. */
  mentions: Span[];
  /** Narrative sentences (as "s<index>") that name the issue outside statements and events. */
  sentences: string[];
  /** Country-level actors involved: speakers, event sources and targets, stance holders. */
  actors: string[];
}
