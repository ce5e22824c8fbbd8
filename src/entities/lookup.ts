import type { Doc } from '../doc.js';
import type { Entity, Mention, Span } from '../types.js';
import { lowerBound } from '../sorted.js';

/**
 * How later stages find who a span of text is: the quotes stage resolves speakers, the events
 * stage gets actor codes. doc.mentions is sorted by start, so lookups are binary searches.
 */

/** Index of the first mention starting at or after `offset`. */
function firstFrom(mentions: readonly Mention[], offset: number): number {
  return lowerBound(mentions, (x) => x.start < offset);
}

/**
 * The mention for a span: the one exactly on it, else the longest mention inside it
 * ("Kirill Dmitriev" inside "Kirill Dmitriev, Russia's special envoy"), else one that
 * contains it ("Dmitriev" looked up by a sub-span).
 */
export function mentionAt(doc: Doc, start: number, end: number): Mention | undefined {
  const ms = doc.mentions;
  let inside: Mention | undefined;
  for (let i = firstFrom(ms, start); i < ms.length && ms[i]!.start < end; i++) {
    const m = ms[i]!;
    if (m.start === start && m.end === end) return m;
    if (m.end <= end && (!inside || m.end - m.start > inside.end - inside.start)) inside = m;
  }
  if (inside) return inside;
  // Mentions are short: scan back a little for one that starts before and covers the span.
  for (let i = firstFrom(ms, start) - 1; i >= 0 && i >= firstFrom(ms, start) - 8; i--) {
    const m = ms[i]!;
    if (m.start <= start && m.end >= end) return m;
  }
  return undefined;
}

/** The entity a span refers to, through mentionAt. */
export function entityForSpan(doc: Doc, span: Span): Entity | undefined {
  const m = mentionAt(doc, span.start, span.end);
  return m ? doc.entity(m.entity) : undefined;
}

/** The actor code of the entity a span refers to, or null. */
export function actorForSpan(doc: Doc, span: Span): string | null {
  return entityForSpan(doc, span)?.actor ?? null;
}

/** All mentions lying inside a span (a clause, a sentence), in text order. */
export function mentionsIn(doc: Doc, span: Span): Mention[] {
  const ms = doc.mentions;
  const out: Mention[] = [];
  for (let i = firstFrom(ms, span.start); i < ms.length && ms[i]!.start < span.end; i++) {
    if (ms[i]!.end <= span.end) out.push(ms[i]!);
  }
  return out;
}
