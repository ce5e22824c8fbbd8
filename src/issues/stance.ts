import type { Stance } from '../types.js';
import { countryOf, cuesIn, gap, labelSentences, windowStart, type DocContext } from './context.js';
import type { Hit } from './trie.js';
import type { Payload } from './matcher.js';
import type { Unit } from './units.js';
import { wordAt } from './words.js';

/** One actor's position on one issue, as one unit shows it. */
export interface StanceObservation {
  issue: number;
  actor: string;
  stance: Stance;
  ref: string;
  /** True when the unit is a statement (quote). */
  quote: boolean;
  /** The words that show the stance (the cue), or the issue's words when it is neutral. */
  start: number;
  end: number;
}

interface Attitude {
  hit: Hit<Payload>;
  stance: Stance;
}

const INVERSE: Record<Stance, Stance> = { supports: 'opposes', opposes: 'supports', conditional: 'neutral', neutral: 'neutral' };

/**
 * Stances a unit shows on each of its issues. The nearest attitude cue ("accepts", "rejects")
 * sets the stance, flipped by a negator before it; a condition cue ("only if") makes every
 * issue of the sentence conditional; an exception cue ("with the exception of X") gives X the
 * inverse of the clause's attitude and makes an acceptance of the rest conditional. The holder is
 * the entity just before the cue ("Russia accepts"), else the speaker or the event's source.
 * Narrative sentences count only with such an explicit holder.
 */
export function readStances(ctx: DocContext, unit: Unit): StanceObservation[] {
  const out: StanceObservation[] = [];
  for (const s of labelSentences(unit.labels)) {
    const cues = readCues(ctx, unit, s);
    for (const label of unit.labels) {
      if (label.sentence !== s) continue;
      const observation = stanceOn(ctx, unit, label, cues);
      if (observation) out.push(observation);
    }
  }
  return out;
}

interface SentenceCues {
  exceptions: Array<{ hit: Hit<Payload>; scopeEnd: number }>;
  attitudes: Attitude[];
  condition: Hit<Payload> | undefined;
}

/** The stance cues of one sentence inside a unit's words, read once for all its issues. */
function readCues(ctx: DocContext, unit: Unit, sentence: number): SentenceCues {
  const exceptions = cuesIn(ctx, sentence, 'exception', unit.from, unit.to)
    .map((h) => ({ hit: h, scopeEnd: exceptionScopeEnd(ctx, h.end, ctx.matcher.cues.stance.exceptionScope) }));
  const attitudes = cuesIn(ctx, sentence, 'attitude', unit.from, unit.to)
    .filter((h) => !exceptions.some((e) => h.start >= e.hit.end && h.start < e.scopeEnd))
    .map((h) => ({ hit: h, stance: attitudeOf(ctx, h) }));
  return { exceptions, attitudes, condition: cuesIn(ctx, sentence, 'condition', unit.from, unit.to)[0] };
}

function stanceOn(ctx: DocContext, unit: Unit, label: Unit['labels'][number], cues: SentenceCues): StanceObservation | null {
  const { exceptions, attitudes, condition } = cues;
  const w = wordAt(ctx.view, label.start);
  const exception = exceptions.find((e) => w >= e.hit.end && w < e.scopeEnd);
  let stance: Stance = 'neutral';
  let cue: Hit<Payload> | undefined;
  let holder: string | null = null;
  if (exception) {
    const main = nearest(attitudes, exception.hit);
    if (main) {
      stance = INVERSE[main.stance];
      holder = holderOf(ctx, main.hit, label.sentence);
    }
    cue = exception.hit;
  } else {
    const attitude = nearest(attitudes, { start: w, end: w + 1 });
    if (attitude) {
      stance = attitude.stance;
      cue = attitude.hit;
      holder = holderOf(ctx, attitude.hit, label.sentence);
    }
    if (stance === 'supports' && exceptions.length > 0) stance = 'conditional';
    if (condition) {
      stance = 'conditional';
      cue ??= condition;
    }
    if (!cue && unit.code && unit.modality !== 'negated') {
      const implied = ctx.matcher.stanceForCameo(unit.code);
      if (implied) stance = implied.stance;
    }
  }
  if (unit.kind !== 'sentence') holder ??= unit.actor;
  if (!holder) return null;
  const span = cue ? { start: ctx.view.words[cue.start]!.start, end: ctx.view.words[cue.end - 1]!.end } : label;
  return { issue: label.issue, actor: holder, stance, ref: unit.ref, quote: unit.kind === 'quote', start: span.start, end: span.end };
}

function attitudeOf(ctx: DocContext, hit: Hit<Payload>): Stance {
  const p = hit.payload as Payload & { kind: 'attitude' };
  for (let w = hit.start - 1, stop = windowStart(ctx, hit.start, ctx.matcher.cues.discourse.negationWindow); w >= stop; w--) {
    if (ctx.marks.negator[w]) return p.negated;
  }
  return p.stance;
}

/** An exception's object runs to the end of its clause, at most `limit` words. */
function exceptionScopeEnd(ctx: DocContext, from: number, limit: number): number {
  let w = from;
  while (w < ctx.view.words.length && w < from + limit && ctx.view.words[w]!.sentence === ctx.view.words[from]?.sentence) {
    if (ctx.marks.boundary[w]) break;
    w++;
  }
  return w;
}

function nearest(attitudes: Attitude[], span: { start: number; end: number }): Attitude | undefined {
  let best: Attitude | undefined;
  for (const a of attitudes) if (!best || gap(a.hit, span) < gap(best.hit, span)) best = a;
  return best;
}

/** The country of the entity named just before an attitude cue ("Russia accepts"), if any. */
function holderOf(ctx: DocContext, cue: Hit<Payload>, sentence: number): string | null {
  const mentions = ctx.mentions[sentence] ?? [];
  for (let w = cue.start - 1, stop = windowStart(ctx, cue.start, ctx.matcher.cues.stance.holderWindow); w >= stop; w--) {
    const word = ctx.view.words[w]!;
    const mention = mentions.find((m) => m.start <= word.start && word.end <= m.end);
    if (mention) return countryOf(ctx, mention.entity);
  }
  return null;
}
