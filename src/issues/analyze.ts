import type { Doc } from '../doc.js';
import { buildContext } from './context.js';
import type { IssueMatcher } from './matcher.js';
import { findIssueMatches } from './mentions.js';
import { readProgress, type ProgressSignal } from './progress.js';
import { readStances, type StanceObservation } from './stance.js';
import { summarize, toLabels } from './summarize.js';
import type { IssueFinding } from './types.js';
import { buildUnits } from './units.js';

/**
 * The issue layer of one doc: labels every quote and event with the issues it concerns and
 * returns the article's issues with statements, events, stances and progress.
 */
export function analyzeIssues(doc: Doc, matcher: IssueMatcher): IssueFinding[] {
  const view = matcher.splitter.view(doc);
  const hits = matcher.scan(view.words, doc.sentences.length);
  const ctx = buildContext(doc, view, hits, matcher);
  const matches = findIssueMatches(ctx);
  const units = buildUnits(ctx, matches);
  // Units come statements first, then events, each in doc order.
  doc.quotes.forEach((q, i) => (q.issues = toLabels(matcher, units[i]!)));
  doc.events.forEach((ev, i) => (ev.issues = toLabels(matcher, units[doc.quotes.length + i]!)));
  const stances: StanceObservation[] = [];
  const signals: ProgressSignal[] = [];
  for (const unit of units) if (unit.labels.length > 0) stances.push(...readStances(ctx, unit));
  for (const unit of units) if (unit.labels.length > 0) signals.push(...readProgress(ctx, unit));
  return summarize(doc, matcher, matches, units, stances, signals);
}
