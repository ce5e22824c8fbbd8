import type { Doc } from '../doc.js';
import { buildContext } from './context.js';
import type { IssueMatcher } from './matcher.js';
import { findIssueMatches } from './mentions.js';
import { readProgress } from './progress.js';
import { readStances } from './stance.js';
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
  const byRef = new Map(units.map((u) => [u.ref, u]));
  for (const q of doc.quotes) q.issues = toLabels(matcher, byRef.get(q.id)!);
  for (const ev of doc.events) ev.issues = toLabels(matcher, byRef.get(ev.id)!);
  const stances = units.flatMap((u) => readStances(ctx, u));
  const signals = units.flatMap((u) => readProgress(ctx, u));
  return summarize(doc, matcher, matches, units, stances, signals);
}
