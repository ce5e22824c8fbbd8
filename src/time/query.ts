import type { Doc } from '../doc.js';
import type { PartialDate, Span, TimeExpression } from '../types.js';
import { resolvers } from './expressions.js';
import { resolveAt, type Resolution } from './resolve.js';

/**
 * The most specific point date (day before month before year) among the resolved time
 * expressions of sentence `sentenceIndex`, or null. Ranges ("over the past two days") are not
 * points. Between equally specific dates the first in the sentence wins. Expressions inside
 * any `exclude` span are ignored: pass a quotation's content to date the statement rather
 * than what it talks about.
 */
export function dateOfSentence(doc: Doc, sentenceIndex: number, exclude: Span[] = []): PartialDate | null {
  const s = doc.sentences[sentenceIndex];
  if (!s) return null;
  let best: PartialDate | null = null;
  for (const t of doc.times) {
    if (t.start < s.start || t.end > s.end || t.value === null) continue;
    if (exclude.some((x) => t.start >= x.start && t.end <= x.end)) continue;
    if (best === null || t.value.length > best.length) best = t.value;
  }
  return best;
}

/**
 * Re-resolve a time expression of doc.times against another anchor date, e.g. "today" inside a
 * quotation against the date of the statement. Expressions with a fixed date keep it.
 */
export function resolveTimeAt(time: TimeExpression, anchor: PartialDate | null): Resolution {
  const resolver = resolvers.get(time);
  if (!resolver) return { value: time.value, ...(time.from ? { from: time.from } : {}), ...(time.to ? { to: time.to } : {}) };
  return resolveAt(resolver, anchor);
}
