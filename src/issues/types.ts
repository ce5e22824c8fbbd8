import type { IssueSummary, Modality, Span, Stance } from '../types.js';

/** A progress signal with the reason it does not count yet, when hedged. */
export interface IssueSignal {
  ref: string;
  progress: -1 | 0 | 1;
  start: number;
  end: number;
  hedge?: Modality;
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
