import type { Doc } from '../doc.js';
import type { IssueLabel, Stance } from '../types.js';
import { actorCountry } from './actors.js';
import type { IssueMatcher } from './matcher.js';
import type { IssueMatch } from './mentions.js';
import type { ProgressSignal } from './progress.js';
import type { StanceObservation } from './stance.js';
import type { IssueFinding, ProgressCue, StanceEvidence } from './types.js';
import type { Unit } from './units.js';

/**
 * The article's issues in order of first mention, each with its statements, events, stances per
 * actor and progress. A cue shared by a statement and the event coded from it counts once.
 */
export function summarize(
  doc: Doc, matcher: IssueMatcher, matches: IssueMatch[][], units: Unit[], stances: StanceObservation[], signals: ProgressSignal[],
): IssueFinding[] {
  const findings = new Map<number, IssueFinding>();
  const finding = (issue: number): IssueFinding => {
    let f = findings.get(issue);
    if (!f) {
      const def = matcher.issues[issue]!;
      f = { id: def.id, label: def.label, quotes: [], events: [], stances: [], progress: 0, signals: [], mentions: [], sentences: [], actors: [] };
      findings.set(issue, f);
    }
    return f;
  };
  const first = new Map<number, number>();
  const involve = (f: IssueFinding, actor: string | null) => {
    if (actor && !f.actors.includes(actor)) f.actors.push(actor);
  };
  for (const inSentence of matches) {
    for (const m of inSentence) {
      finding(m.issue).mentions.push({ start: m.start, end: m.end });
      if (!first.has(m.issue)) first.set(m.issue, m.start);
    }
  }
  // Units come statements first, then events, each in doc order.
  units.forEach((unit, u) => {
    const ev = unit.kind === 'event' ? doc.events[u - doc.quotes.length] : undefined;
    for (const label of unit.labels) {
      const f = finding(label.issue);
      if (!first.has(label.issue)) first.set(label.issue, label.start);
      if (unit.kind === 'quote') f.quotes.push(unit.ref);
      else if (unit.kind === 'event') f.events.push(unit.ref);
      else f.sentences.push(unit.ref);
      involve(f, unit.actor);
      if (ev) involve(f, actorCountry(ev.target.actor));
    }
  });
  const counted = new Set<string>();
  for (const s of signals) {
    const f = finding(s.issue);
    const cues = s.readings.map((r): ProgressCue => (r.hedge ? { progress: r.value, start: r.start, end: r.end, hedge: r.hedge } : { progress: r.value, start: r.start, end: r.end }));
    const { ref, progress, start, end, hedge } = s;
    f.signals.push(hedge ? { ref, progress, start, end, hedge, cues } : { ref, progress, start, end, cues });
    const key = `${s.issue}:${s.start}:${s.end}`;
    if (s.progress !== 0 && !counted.has(key)) {
      counted.add(key);
      f.progress += s.progress;
    }
  }
  const byIssueActor = new Map<string, StanceObservation[]>();
  for (const o of stances) {
    const key = `${o.issue}\u0000${o.actor}`;
    const list = byIssueActor.get(key);
    if (list) list.push(o);
    else byIssueActor.set(key, [o]);
  }
  for (const list of byIssueActor.values()) {
    const f = finding(list[0]!.issue);
    const stance = overall(list.map((o) => o.stance));
    const decisive = list.find((o) => o.stance === stance) ?? list[0]!;
    const evidence: StanceEvidence[] = list.map((o) => ({ ref: o.ref, stance: o.stance, start: o.start, end: o.end }));
    const { actor, start, end } = decisive;
    f.stances.push(decisive.quote ? { actor, stance, quote: decisive.ref, start, end, evidence } : { actor, stance, start, end, evidence });
    involve(f, decisive.actor);
  }
  return [...findings.entries()].sort((a, b) => (first.get(a[0]) ?? 0) - (first.get(b[0]) ?? 0)).map(([, f]) => f);
}

/**
 * One stance from several statements: any condition, or support beside opposition (accepting part,
 * rejecting part), is conditional; otherwise the one non-neutral stance shown; else neutral.
 */
export function overall(stances: Stance[]): Stance {
  const shown = (stance: Stance) => stances.includes(stance);
  if (shown('conditional') || (shown('supports') && shown('opposes'))) return 'conditional';
  return shown('supports') ? 'supports' : shown('opposes') ? 'opposes' : 'neutral';
}

/** The labels of one unit in the contract's shape. */
export function toLabels(matcher: IssueMatcher, unit: Unit): IssueLabel[] {
  return unit.labels.map((l) => ({ issue: matcher.issues[l.issue]!.id, start: l.start, end: l.end }));
}
