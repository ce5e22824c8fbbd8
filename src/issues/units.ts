import type { Modality, PoliticalEvent, Quote } from '../types.js';
import { actorCountry } from './actors.js';
import { countryOf, type DocContext } from './context.js';
import type { IssueMatch } from './mentions.js';
import { wordAt } from './words.js';
import { lowerBound } from '../sorted.js';

/**
 * Something that can concern an issue: a statement (quote), an event, or a narrative sentence
 * outside both. Stance and progress are read per unit.
 */
export interface Unit {
  /** Quote id, event id, or "s<index>" for a narrative sentence. */
  ref: string;
  kind: 'quote' | 'event' | 'sentence';
  /** Words [from, to) where the unit's cues may stand; 0, 0 for a unit without labels (no cue is read for it). */
  from: number;
  to: number;
  /** Country-level actor who speaks (quote) or acts (event); null for narrative. */
  actor: string | null;
  /** Event modality; null for quotes and sentences (their hedges are read from the words). */
  modality: Modality | null;
  /** Event CAMEO code; null otherwise. */
  code: string | null;
  /** The issues the unit concerns, one match per issue. */
  labels: IssueMatch[];
}

/** Units of a doc, statements first, then events, then narrative sentences. */
export function buildUnits(ctx: DocContext, matches: IssueMatch[][]): Unit[] {
  const { doc, view } = ctx;
  const all: IssueMatch[] = [];
  for (const inSentence of matches) for (const m of inSentence) all.push(m);
  all.sort((a, b) => a.start - b.start);
  const units: Unit[] = doc.quotes.map((q) => quoteUnit(ctx, q, all));
  for (const ev of doc.events) units.push(eventUnit(ctx, ev, all, matches));
  const covering = coveringSpans(ctx);
  matches.forEach((inSentence, s) => {
    const narrative = inSentence.filter((m) => !covering[s]!.some((c) => m.start >= c.start && m.end <= c.end));
    if (narrative.length === 0) return;
    units.push({
      ref: `s${s}`, kind: 'sentence', from: view.firstWord[s]!, to: view.firstWord[s + 1]!,
      actor: null, modality: null, code: null, labels: onePerIssue(narrative),
    });
  });
  return units;
}

/** Quote and event spans per sentence they overlap, so coverage checks stay local. */
function coveringSpans(ctx: DocContext): Array<Array<{ start: number; end: number }>> {
  const out: Array<Array<{ start: number; end: number }>> = ctx.doc.sentences.map(() => []);
  for (const span of [...ctx.doc.quotes, ...ctx.doc.events]) {
    const first = Math.max(0, ctx.doc.sentenceAt(span.start));
    const last = Math.max(first, ctx.doc.sentenceAt(Math.max(span.start, span.end - 1)));
    for (let s = first; s <= last && s < out.length; s++) out[s]!.push(span);
  }
  return out;
}

/** Matches lying inside [start, end), from matches sorted by start: binary search, then a short scan. */
function inside(sorted: IssueMatch[], start: number, end: number): IssueMatch[] {
  const lo = lowerBound(sorted, (x) => x.start < start);
  const out: IssueMatch[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < end; i++) if (sorted[i]!.end <= end) out.push(sorted[i]!);
  return out;
}

function quoteUnit(ctx: DocContext, q: Quote, all: IssueMatch[]): Unit {
  const labels = onePerIssue(inside(all, q.start, q.end));
  let from = 0;
  let to = 0;
  if (labels.length > 0) {
    // The reporting verb carries attitude too ("rejected", "welcomed"), so cues may stand on it.
    from = wordAt(ctx.view, Math.min(q.start, q.cue?.start ?? q.start));
    to = wordAt(ctx.view, Math.max(q.end, q.cue?.end ?? q.end));
  }
  return { ref: q.id, kind: 'quote', from, to, actor: countryOf(ctx, q.speaker?.entity), modality: null, code: null, labels };
}

/**
 * An event concerns the issues named in its evidence, else those of its sentence; only when the
 * words name none does its CAMEO code decide. Its cues stand in the clauses of its evidence.
 */
function eventUnit(ctx: DocContext, ev: PoliticalEvent, all: IssueMatch[], matches: IssueMatch[][]): Unit {
  const { doc, view, marks, matcher } = ctx;
  const first = Math.max(0, doc.sentenceAt(ev.start));
  const last = Math.max(first, doc.sentenceAt(Math.max(ev.start, ev.end - 1)));
  let labels = inside(all, ev.start, ev.end);
  if (labels.length === 0) labels = matches.slice(first, last + 1).flat();
  if (labels.length === 0) {
    labels = matcher.issuesForCameo(ev.code).map((issue) => ({ issue, start: ev.start, end: ev.end, sentence: first }));
  }
  labels = onePerIssue(labels);
  let from = 0;
  let to = 0;
  if (labels.length > 0) {
    from = wordAt(view, ev.start);
    to = Math.max(from + 1, wordAt(view, ev.end));
    while (from > 0 && marks.clause[from - 1] === marks.clause[from]) from--;
    while (to < view.words.length && marks.clause[to] === marks.clause[to - 1]) to++;
  }
  return {
    ref: ev.id, kind: 'event', from, to,
    actor: countryOf(ctx, ev.source.entity) ?? actorCountry(ev.source.actor),
    modality: ev.modality, code: ev.code, labels,
  };
}

/** The first match of each issue, in text order. */
function onePerIssue(matches: IssueMatch[]): IssueMatch[] {
  if (matches.length < 2) return matches.slice();
  const seen = new Set<number>();
  return [...matches]
    .sort((a, b) => a.start - b.start)
    .filter((m) => (seen.has(m.issue) ? false : (seen.add(m.issue), true)));
}
