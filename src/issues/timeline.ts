import type { IssueSummary, PartialDate, Stance } from '../types.js';
import { overall } from './summarize.js';

/**
 * Pure functions that combine per-article issue results over time, for the corpus store, the CLI
 * and the API: what was said and done about an issue per period, who was involved, how each
 * actor's stance moved, and the running progress index. They never read the text again.
 */

/** One article's issue results. An Analysis fits as it is. */
export interface IssueTimelineItem {
  id: string;
  date: PartialDate | null;
  issues: IssueSummary[];
}

export type Granularity = 'day' | 'week' | 'month';

/** What one article says about one issue. */
export interface IssueOccurrence {
  article: string;
  date: PartialDate | null;
  label: string;
  quotes: number;
  events: number;
  progress: number;
  stances: IssueSummary['stances'];
  actors: string[];
}

export interface StancePoint {
  article: string;
  date: PartialDate | null;
  stance: Stance;
}

export interface StanceChange {
  from: Stance;
  to: Stance;
  article: string;
  date: PartialDate | null;
}

/** One actor's stance on one issue, article by article. */
export interface StanceHistory {
  actor: string;
  points: StancePoint[];
  /** The latest stance taken (neutral mentions do not replace it); neutral if none was taken. */
  current: Stance;
  /** Each time a taken stance differs from the one before it. */
  changes: StanceChange[];
}

/** The running progress index after each article. */
export interface ProgressPoint {
  article: string;
  date: PartialDate | null;
  delta: number;
  index: number;
}

export interface TimelineBucket {
  /** "2025-04-04", "2025-W14", "2025-04"; a date coarser than the granularity keeps its own form; "undated". */
  period: string;
  articles: number;
  quotes: number;
  events: number;
  progress: number;
  /** Running progress index at the end of the period. */
  index: number;
  actors: string[];
  /** Each actor's stance over the period's articles, combined as within one article. */
  stances: Array<{ actor: string; stance: Stance }>;
}

export interface IssueTimeline {
  id: string;
  label: string;
  articles: number;
  quotes: number;
  events: number;
  first: PartialDate | null;
  last: PartialDate | null;
  actors: Array<{ actor: string; articles: number }>;
  buckets: TimelineBucket[];
  stances: StanceHistory[];
  progress: ProgressPoint[];
}

/** Items in time order: by date, undated last, input order among equals. */
export function orderItems<T extends IssueTimelineItem>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => compareDates(a.item.date, b.item.date) || a.i - b.i)
    .map(({ item }) => item);
}

/** Where an issue occurs, in time order. */
export function issueOccurrences(items: readonly IssueTimelineItem[], issueId: string): IssueOccurrence[] {
  const out: IssueOccurrence[] = [];
  for (const item of orderItems(items)) {
    const summary = item.issues.find((s) => s.id === issueId);
    if (!summary) continue;
    out.push({
      article: item.id,
      date: item.date,
      label: summary.label,
      quotes: summary.quotes.length,
      events: summary.events.length,
      progress: summary.progress,
      stances: summary.stances,
      actors: actorsOf(summary),
    });
  }
  return out;
}

/** Each actor's stance on an issue over time, with reversals. */
export function stanceHistory(items: readonly IssueTimelineItem[], issueId: string): StanceHistory[] {
  const byActor = new Map<string, StancePoint[]>();
  for (const occurrence of issueOccurrences(items, issueId)) {
    for (const s of occurrence.stances) {
      const points = byActor.get(s.actor) ?? [];
      points.push({ article: occurrence.article, date: occurrence.date, stance: s.stance });
      byActor.set(s.actor, points);
    }
  }
  return [...byActor.entries()].map(([actor, points]) => {
    const changes: StanceChange[] = [];
    let current: Stance = 'neutral';
    for (const p of points) {
      if (p.stance === 'neutral') continue;
      if (current !== 'neutral' && p.stance !== current) changes.push({ from: current, to: p.stance, article: p.article, date: p.date });
      current = p.stance;
    }
    return { actor, points, current, changes };
  });
}

/** The running progress index of an issue: the sum of its progress signals, article by article. */
export function progressIndex(items: readonly IssueTimelineItem[], issueId: string): ProgressPoint[] {
  let index = 0;
  return issueOccurrences(items, issueId).map((o) => {
    index += o.progress;
    return { article: o.article, date: o.date, delta: o.progress, index };
  });
}

/** The period a date falls in; a date coarser than the granularity keeps its own form. */
export function periodOf(date: PartialDate | null, granularity: Granularity): string {
  if (!date) return 'undated';
  if (granularity === 'month') return date.slice(0, 7);
  if (granularity === 'day' || date.length < 10) return date;
  return isoWeek(date);
}

/** One issue's timeline across articles, or null when no article mentions it. */
export function issueTimeline(
  items: readonly IssueTimelineItem[], issueId: string, options: { granularity?: Granularity } = {},
): IssueTimeline | null {
  const occurrences = issueOccurrences(items, issueId);
  if (occurrences.length === 0) return null;
  const granularity = options.granularity ?? 'day';
  const buckets = new Map<string, TimelineBucket>();
  const bucketStances = new Map<TimelineBucket, Map<string, Stance[]>>();
  const actorArticles = new Map<string, number>();
  let index = 0;
  for (const o of occurrences) {
    const period = periodOf(o.date, granularity);
    let bucket = buckets.get(period);
    if (!bucket) {
      bucket = { period, articles: 0, quotes: 0, events: 0, progress: 0, index: 0, actors: [], stances: [] };
      buckets.set(period, bucket);
      bucketStances.set(bucket, new Map());
    }
    index += o.progress;
    bucket.articles++;
    bucket.quotes += o.quotes;
    bucket.events += o.events;
    bucket.progress += o.progress;
    bucket.index = index;
    for (const actor of o.actors) {
      if (!bucket.actors.includes(actor)) bucket.actors.push(actor);
      actorArticles.set(actor, (actorArticles.get(actor) ?? 0) + 1);
    }
    const stances = bucketStances.get(bucket)!;
    for (const s of o.stances) stances.set(s.actor, [...(stances.get(s.actor) ?? []), s.stance]);
  }
  for (const [bucket, stances] of bucketStances) {
    bucket.stances = [...stances.entries()].map(([actor, list]) => ({ actor, stance: overall(list) }));
  }
  const dated = occurrences.filter((o) => o.date !== null);
  return {
    id: issueId,
    label: occurrences[occurrences.length - 1]!.label,
    articles: occurrences.length,
    quotes: occurrences.reduce((n, o) => n + o.quotes, 0),
    events: occurrences.reduce((n, o) => n + o.events, 0),
    first: dated[0]?.date ?? null,
    last: dated[dated.length - 1]?.date ?? null,
    actors: [...actorArticles.entries()]
      .map(([actor, articles]) => ({ actor, articles }))
      .sort((a, b) => b.articles - a.articles || a.actor.localeCompare(b.actor)),
    buckets: [...buckets.values()],
    stances: stanceHistory(items, issueId),
    progress: progressIndex(items, issueId),
  };
}

/** Timelines of every issue the items mention, most-covered first. */
export function issueTimelines(items: readonly IssueTimelineItem[], options: { granularity?: Granularity } = {}): IssueTimeline[] {
  const ids = new Set(items.flatMap((item) => item.issues.map((s) => s.id)));
  return [...ids]
    .map((id) => issueTimeline(items, id, options)!)
    .sort((a, b) => b.articles - a.articles || b.quotes + b.events - (a.quotes + a.events) || a.id.localeCompare(b.id));
}

/** Actors of a summary: its `actors` field when the issue layer filled it, else its stance holders. */
function actorsOf(summary: IssueSummary): string[] {
  const listed = (summary as IssueSummary & { actors?: unknown }).actors;
  const actors = Array.isArray(listed) ? listed.filter((a): a is string => typeof a === 'string') : [];
  for (const s of summary.stances) if (!actors.includes(s.actor)) actors.push(s.actor);
  return actors;
}

/** Dates compare as strings ("2025-04" sorts before "2025-04-01"); undated sorts last. */
function compareDates(a: PartialDate | null, b: PartialDate | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** ISO 8601 week of a day: "2025-W14". */
function isoWeek(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = date.getUTCFullYear();
  // The week's Thursday decides its year; its day of that year decides the week number.
  const week = 1 + Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
