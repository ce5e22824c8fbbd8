// Normal forms the corpus merges on: names (entities across articles), days (roll-ups) and
// locations (events across articles).

const LEADING_ARTICLE = /^the\s+/;

/** "The Kremlin", "the  kremlin" and "Kremlin" are one key; diacritics and punctuation do not count. */
export function normName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The date when it names a full day, else null (a month or a year cannot go in a daily roll-up). */
export function dayOf(date: string | null | undefined): string | null {
  return date && DAY.test(date) ? date : null;
}

/** The day `delta` days from `day` (UTC calendar arithmetic). */
export function addDays(day: string, delta: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Monday of the ISO week containing `day`. */
export function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(day, -back);
}

/** The bucket a day falls in for a timeline grouped by day, ISO week (its Monday) or month. */
export function bucketOf(day: string, by: 'day' | 'week' | 'month'): string {
  if (by === 'day') return day;
  if (by === 'week') return weekOf(day);
  return day.slice(0, 7);
}

/** Location key for merging events: '' for none. */
export function normLocation(location: string | null | undefined): string {
  return location ? normName(location) : '';
}
