import { cuesIn, gap, labelSentences, windowStart, type DocContext } from './context.js';
import type { Hit } from './trie.js';
import type { Payload } from './matcher.js';
import type { Hedge } from './types.js';
import type { Unit } from './units.js';
import { wordAt } from './words.js';

/** Whether a unit shows an issue moving forward (+1), back (−1), or not yet (0, hedged). */
export interface ProgressSignal {
  issue: number;
  ref: string;
  progress: -1 | 0 | 1;
  /** The cue's words (or the event's evidence when its CAMEO code is the cue). */
  start: number;
  end: number;
  /** Why its cues do not count, when the signal is 0 for that reason. */
  hedge: Hedge | null;
  readings: CueReading[];
}

export interface CueReading {
  value: 1 | -1;
  start: number;
  end: number;
  hedge: Hedge | null;
}

/**
 * Progress a unit shows on each of its issues. A cue ("agreed", "collapsed") counts for the
 * issues named in its own clause, else for the nearest issue of its sentence. It does not count
 * when hedged: a negator, a hedge ("would", "plans", "potential") or an infinitive marker ("to
 * restore") before it, a past perfect ("had stagnated": background), or an event whose modality
 * is not a fact.
 */
export function readProgress(ctx: DocContext, unit: Unit): ProgressSignal[] {
  const readings = new Map<number, CueReading[]>();
  for (const s of labelSentences(unit.labels)) {
    const hits = cuesIn(ctx, s, 'progress', unit.from, unit.to);
    if (hits.length === 0) continue;
    const labels = unit.labels.filter((l) => l.sentence === s);
    for (const hit of hits) {
      const cue = ctx.matcher.progressCues[hit.payload.cue]!;
      if (cue.withGroup !== null && !ctx.hits[s]!.groups.has(cue.withGroup)) continue;
      const reading: CueReading = {
        value: cue.progress,
        start: ctx.view.words[hit.start]!.start,
        end: ctx.view.words[hit.end - 1]!.end,
        hedge: hedgeOf(ctx, unit, hit),
      };
      for (const issue of targets(ctx, hit, labels)) {
        const list = readings.get(issue);
        if (list) list.push(reading);
        else readings.set(issue, [reading]);
      }
    }
  }
  const out: ProgressSignal[] = [];
  for (const label of unit.labels) {
    const list = readings.get(label.issue) ?? cameoReading(ctx, unit, label);
    if (list.length > 0) out.push(combine(label.issue, unit.ref, list));
  }
  return out;
}

/** The issues a cue speaks of: those in its clause, else the nearest in its sentence. */
function targets(ctx: DocContext, hit: Hit<Payload>, labels: Unit['labels']): number[] {
  const clause = ctx.marks.clause[hit.start];
  const located = labels.map((l) => {
    const start = wordAt(ctx.view, l.start);
    return { issue: l.issue, start, end: Math.max(start + 1, wordAt(ctx.view, l.end)) };
  });
  const same = located.filter((l) => ctx.marks.clause[l.start] === clause || ctx.marks.clause[l.end - 1] === clause);
  if (same.length > 0) return same.map((l) => l.issue);
  let best = located[0];
  for (const l of located) if (best && gap(l, hit) < gap(best, hit)) best = l;
  return best ? [best.issue] : [];
}

function hedgeOf(ctx: DocContext, unit: Unit, hit: Hit<Payload>): Hedge | null {
  if (unit.modality && !ctx.matcher.cues.progress.countedModalities.includes(unit.modality)) return unit.modality;
  if (hit.start > 0 && ctx.marks.infinitive[hit.start - 1]) return 'intended';
  for (let w = hit.start - 1, stop = windowStart(ctx, hit.start, ctx.matcher.cues.progress.backgroundWindow); w >= stop; w--) {
    if (ctx.marks.background[w]) return 'background';
  }
  for (let w = hit.start - 1, stop = windowStart(ctx, hit.start, ctx.matcher.cues.progress.window); w >= stop; w--) {
    if (ctx.marks.negator[w]) return 'negated';
    const hedge = ctx.marks.hedge[w];
    if (hedge) return hedge;
  }
  return null;
}

/** Without a word cue, an event's CAMEO code may itself be progress ("sign formal agreement"). */
function cameoReading(ctx: DocContext, unit: Unit, label: Unit['labels'][number]): CueReading[] {
  if (!unit.code) return [];
  const entry = ctx.matcher.progressForCameo(unit.code);
  if (!entry) return [];
  const counted = !unit.modality || ctx.matcher.cues.progress.cameoModalities.includes(unit.modality);
  return [{ value: entry.progress, start: label.start, end: label.end, hedge: counted ? null : unit.modality }];
}

function combine(issue: number, ref: string, readings: CueReading[]): ProgressSignal {
  const sum = readings.reduce((acc, r) => acc + (r.hedge ? 0 : r.value), 0);
  const progress = Math.sign(sum) as -1 | 0 | 1;
  const evidence = (progress !== 0 && readings.find((r) => !r.hedge && r.value === progress)) || readings[0]!;
  return { issue, ref, progress, start: evidence.start, end: evidence.end, hedge: progress === 0 ? evidence.hedge : null, readings };
}
