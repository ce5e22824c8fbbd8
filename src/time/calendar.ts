import type { PartialDate } from '../types.js';

// Days are integers counted from 1970-01-01 (UTC), so date arithmetic is integer arithmetic.

/** An inclusive range of days. */
export interface DayRange {
  from: number;
  to: number;
}

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year';

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** [year, month 1-12, day 1-31] of a day number. */
export function ymd(day: number): [number, number, number] {
  const d = new Date(day * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function lastDayOfMonth(year: number, month: number): number {
  return dayOf(year, month + 1, 1) - 1;
}

/** The days a partial date covers: one day, a month, or a year; null when malformed. */
export function rangeOf(date: PartialDate | null | undefined): DayRange | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = dayOf(y, Number(m[2]), Number(m[3]));
    return { from: d, to: d };
  }
  if (m[2]) return { from: dayOf(y, Number(m[2]), 1), to: lastDayOfMonth(y, Number(m[2])) };
  return { from: dayOf(y, 1, 1), to: dayOf(y, 12, 31) };
}

export function formatDay(day: number): string {
  const [y, m, d] = ymd(day);
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** The partial date a range is exactly (a day, a whole month, a whole year), or null. */
export function partialOf(r: DayRange): PartialDate | null {
  if (r.from === r.to) return formatDay(r.from);
  const [y, m, d] = ymd(r.from);
  if (d !== 1) return null;
  if (r.to === lastDayOfMonth(y, m)) return `${String(y).padStart(4, '0')}-${pad(m)}`;
  if (m === 1 && r.to === dayOf(y, 12, 31)) return String(y).padStart(4, '0');
  return null;
}

/** The calendar unit (Monday-first week, its weekend, month, year) containing day, moved by `offset` units. */
export function unitAround(day: number, unit: Unit, offset: number): DayRange {
  if (unit === 'day') return { from: day + offset, to: day + offset };
  if (unit === 'week' || unit === 'weekend') {
    const monday = day - ((weekdayOf(day) + 6) % 7) + 7 * offset;
    return unit === 'week' ? { from: monday, to: monday + 6 } : { from: monday + 5, to: monday + 6 };
  }
  const [y, m] = ymd(day);
  if (unit === 'month') {
    const first = new Date(Date.UTC(y, m - 1 + offset, 1));
    const fy = first.getUTCFullYear();
    const fm = first.getUTCMonth() + 1;
    return { from: dayOf(fy, fm, 1), to: lastDayOfMonth(fy, fm) };
  }
  return { from: dayOf(y + offset, 1, 1), to: dayOf(y + offset, 12, 31) };
}

/** day moved by n units (months and years clamp to the month's last day). */
export function addUnits(day: number, unit: Unit, n: number): number {
  if (unit === 'day') return day + n;
  if (unit === 'week' || unit === 'weekend') return day + 7 * n;
  const [y, m, d] = ymd(day);
  const months = unit === 'month' ? n : 12 * n;
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const fy = first.getUTCFullYear();
  const fm = first.getUTCMonth() + 1;
  return Math.min(dayOf(fy, fm, d), lastDayOfMonth(fy, fm));
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
