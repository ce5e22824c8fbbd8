// The issue layer's public API: the stage's per-article findings, the taxonomy loader, and the
// pure functions that combine per-article results over time (for the corpus store, CLI and API).
export { issuesStage } from './stage.js';
export { loadTaxonomy, readTaxonomyFile, parseTaxonomy, TaxonomyError, DEFAULT_TAXONOMY_FILE } from './taxonomy.js';
export type { IssueDefinition, Evidence, Taxonomy, TaxonomyFile } from './taxonomy.js';
export type { IssueFinding, IssueSignal, ProgressCue, StanceEvidence, Hedge } from './types.js';
export { overall as combineStances } from './summarize.js';
export {
  issueTimeline, issueTimelines, issueOccurrences, stanceHistory, progressIndex, periodOf, orderItems,
} from './timeline.js';
export type {
  IssueTimeline, IssueTimelineItem, IssueOccurrence, StanceHistory, StanceChange, StancePoint, ProgressPoint,
  TimelineBucket, Granularity,
} from './timeline.js';
