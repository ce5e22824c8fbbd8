import type { PartialDate } from '../types.js';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "Tue, 04 Mar 2025 14:30:00 +0300" (RSS) and "4 March 2025": the day as the source wrote it.
const DAY_MONTH_YEAR = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b/;
// "March 4, 2025"
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): PartialDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A date as records and JSONL give it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real calendar day),
 * or an ISO timestamp reduced to its day. Null when the string is not such a date.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const s = value.trim();
  const stamp = ISO_TIMESTAMP.exec(s);
  const m = PARTIAL_DATE.exec(stamp ? stamp[1]! : s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return m[1]!;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return `${m[1]}-${m[2]}`;
  return ymd(year, month, Number(m[3]));
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * A publication date from page metadata or a feed, which come in many shapes. The day is taken
 * as the source wrote it (no shift to UTC), so a story dated late evening keeps its own day.
 */
export function parseLooseDate(value: string): PartialDate | null {
  const s = value.trim();
  if (!s) return null;
  const strict = parsePartialDate(s);
  if (strict) return strict;
  const dmy = DAY_MONTH_YEAR.exec(s);
  if (dmy && monthNumber(dmy[2]!) > 0) return ymd(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  const mdy = MONTH_DAY_YEAR.exec(s);
  if (mdy && monthNumber(mdy[1]!) > 0) return ymd(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}
