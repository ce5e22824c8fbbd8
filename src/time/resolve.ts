import type { PartialDate } from '../types.js';
import {
  addUnits, dayOf, lastDayOfMonth, partialOf, rangeOf, unitAround, weekdayOf, ymd,
  type DayRange, type Unit,
} from './calendar.js';
import type { Captures, TimeRule } from './patterns.js';

/** Tense of the verb governing an expression; a present-tense verb with a date states a schedule. */
export type Tense = 'past' | 'present' | 'future' | null;

type Relative = (anchor: number) => DayRange;

/**
 * How to compute an expression's days: absolute ones ignore the anchor day, relative ones are
 * computed from it.
 */
export type Resolver = { absolute: DayRange } | { relative: Relative };

export interface Resolution {
  value: PartialDate | null;
  from?: PartialDate;
  to?: PartialDate;
}

/**
 * Resolve against an anchor that may be a day, a month, a year or unknown: a relative
 * expression is computed from the first and the last day the anchor may be, and the result
 * is the whole span between them. A day results only when the anchor pins one down; a span
 * that is not exactly a day, a month or a year has a null value and its first and last day.
 */
export function resolveAt(resolver: Resolver, anchor: PartialDate | null): Resolution {
  let range: DayRange;
  if ('absolute' in resolver) {
    range = resolver.absolute;
  } else {
    const a = anchorRange(anchor);
    if (!a) return { value: null };
    const first = resolver.relative(a.from);
    const last = a.from === a.to ? first : resolver.relative(a.to);
    range = { from: Math.min(first.from, last.from), to: Math.max(first.to, last.to) };
  }
  const value = partialOf(range);
  return value !== null ? { value } : { value: null, from: dayString(range.from), to: dayString(range.to) };
}

/** The last anchor read and its days: the expressions of an article share its date, parsed once. */
let lastAnchor: PartialDate | null | undefined;
let lastAnchorRange: DayRange | null = null;

function anchorRange(anchor: PartialDate | null): DayRange | null {
  if (anchor !== lastAnchor) {
    lastAnchorRange = rangeOf(anchor);
    lastAnchor = anchor;
  }
  return lastAnchorRange;
}

function dayString(day: number): PartialDate {
  return partialOf({ from: day, to: day })!;
}

/** The resolver of a rule match; `tense` chooses the direction of bare weekdays, months and dates. */
export function ruleResolver(rule: TimeRule, captures: Captures, tense: Tense): Resolver | null {
  const n = captures.n;
  const amount = (v: number | string | undefined, fallback: number): number | null => {
    if (v === undefined) return fallback;
    if (typeof v === 'number') return v;
    if (n === undefined) return null;
    return v.startsWith('-') ? -n : n;
  };
  const unit: Unit = rule.unit ?? captures.unit ?? 'day';
  const offset = amount(rule.offset, 0);
  const count = amount(rule.count, 1);
  if (offset === null || count === null) return null;
  switch (rule.op) {
    case 'day':
      return { relative: (d) => point(d + offset) };
    case 'period':
      return { relative: (d) => unitAround(d, unit, offset) };
    case 'toDate':
      return { relative: (d) => ({ from: unitAround(d, unit, 0).from, to: Math.max(unitAround(d, unit, 0).from, d - 1) }) };
    case 'restOf':
      return { relative: (d) => ({ from: Math.min(d + 1, unitAround(d, unit, 0).to), to: unitAround(d, unit, 0).to }) };
    case 'past':
      return { relative: (d) => ({ from: addUnits(d, unit, -count) + 1, to: d }) };
    case 'coming':
      return { relative: (d) => ({ from: d + 1, to: addUnits(d, unit, count) }) };
    case 'weekday': {
      const w = captures.weekday;
      if (w === undefined) return null;
      const dir = direction(rule.direction, tense);
      return { relative: (d) => point(nearestWeekday(d, w, dir)) };
    }
    case 'month': {
      const m = captures.months[0];
      if (m === undefined) return null;
      const dir = direction(rule.direction, tense);
      return { relative: (d) => nearestMonth(d, m, dir) };
    }
    case 'year':
      return captures.year === undefined ? null : { absolute: { from: dayOf(captures.year, 1, 1), to: dayOf(captures.year, 12, 31) } };
    case 'date':
      return dateResolver(captures, tense);
  }
}

/**
 * A calendar date or date range from its captured months, days and year. The last month and day
 * default to the first ("June 10-12"); without a year each end is the nearest occurrence in the
 * tense's direction (or simply the nearest); without a day it is the whole month.
 */
function dateResolver(c: Captures, tense: Tense): Resolver | null {
  const firstMonth = c.months[0];
  if (firstMonth === undefined) return null;
  const ends: Array<[number, number | undefined]> = [
    [firstMonth, c.days[0]],
    [c.months[c.months.length - 1]!, c.days[c.days.length - 1]],
  ];
  const year = c.year;
  if (year !== undefined) {
    const [[m1, d1], [m2, d2]] = ends as [[number, number | undefined], [number, number | undefined]];
    return { absolute: { from: dayOf(year, m1, d1 ?? 1), to: d2 === undefined ? lastDayOfMonth(year, m2) : dayOf(year, m2, d2) } };
  }
  const [first, last] = ends.map(([m, d]): Relative => (d === undefined
    ? (a) => nearestMonth(a, m, direction(undefined, tense))
    : (a) => point(nearestMonthDay(a, m, d, tense)))) as [Relative, Relative];
  return { relative: (a) => ({ from: first(a).from, to: Math.max(first(a).from, last(a).to) }) };
}

type Direction = 'past' | 'future' | 'pastOrThis' | 'futureOrThis';

/** Explicit direction of a rule ("last", "next"), else the tense's, else the past (news reports it). */
function direction(explicit: TimeRule['direction'], tense: Tense): Direction {
  if (explicit === 'past') return 'past';
  if (explicit === 'future') return 'future';
  return tense === 'future' || tense === 'present' ? 'futureOrThis' : 'pastOrThis';
}

function point(d: number): DayRange {
  return { from: d, to: d };
}

function nearestWeekday(d: number, w: number, dir: Direction): number {
  const back = (weekdayOf(d) - w + 7) % 7;
  const ahead = (w - weekdayOf(d) + 7) % 7;
  switch (dir) {
    case 'pastOrThis': return d - back;
    case 'past': return d - (back === 0 ? 7 : back);
    case 'futureOrThis': return d + ahead;
    case 'future': return d + (ahead === 0 ? 7 : ahead);
  }
}

function nearestMonth(d: number, m: number, dir: Direction): DayRange {
  const [y, cm] = ymd(d);
  let year = y;
  if (dir === 'pastOrThis' && m > cm) year = y - 1;
  if (dir === 'past' && m >= cm) year = y - 1;
  if (dir === 'futureOrThis' && m < cm) year = y + 1;
  if (dir === 'future' && m <= cm) year = y + 1;
  return { from: dayOf(year, m, 1), to: lastDayOfMonth(year, m) };
}

/** Month m, day dd in the year that puts it nearest d: on or before d (past), on or after (future), or either. */
function nearestMonthDay(d: number, m: number, dd: number, tense: Tense): number {
  const [y] = ymd(d);
  const candidates = [y - 1, y, y + 1].map((yy) => dayOf(yy, m, Math.min(dd, lastDayOfMonth(yy, m) - dayOf(yy, m, 1) + 1)));
  if (tense === 'past') return candidates.filter((c) => c <= d).pop()!;
  if (tense === 'future' || tense === 'present') return candidates.find((c) => c >= d)!;
  return candidates.reduce((a, b) => (Math.abs(b - d) < Math.abs(a - d) ? b : a));
}
