import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  issueTimeline, issueTimelines, orderItems, periodOf, progressIndex, stanceHistory, type IssueTimelineItem,
} from '../src/issues/timeline.js';
import { Pipeline, toAnalysis } from '../src/pipeline.js';
import type { IssueSummary, Stance } from '../src/types.js';
import { fixtureArticle } from './issues-helpers.js';

function summary(id: string, progress: number, stances: Array<[string, Stance]>, quotes = 1): IssueSummary {
  return { id, label: id, quotes: Array.from({ length: quotes }, (_, i) => `q${i + 1}`), events: [], progress,
    stances: stances.map(([actor, stance]) => ({ actor, stance })) };
}

test('stance reversal across two articles: Turkey opposes, then supports, NATO membership for Sweden', async () => {
  const pipeline = await Pipeline.create();
  // Given out of order on purpose: the timeline orders by date.
  const items = [
    toAnalysis(pipeline.run(fixtureArticle('turkey-nato-july.txt', '2023-07-11'))),
    toAnalysis(pipeline.run(fixtureArticle('turkey-nato-june.txt', '2023-06-05'))),
  ];
  const turkey = stanceHistory(items, 'nato-membership').find((h) => h.actor === 'TUR');
  assert.ok(turkey, 'Turkey has a stance on NATO membership');
  assert.deepEqual(turkey.points.map((p) => p.stance), ['opposes', 'supports']);
  assert.deepEqual(turkey.changes.map((c) => [c.from, c.to, c.date]), [['opposes', 'supports', '2023-07-11']]);
  assert.equal(turkey.current, 'supports');
  const timeline = issueTimeline(items, 'nato-membership', { granularity: 'month' });
  assert.deepEqual(timeline?.buckets.map((b) => [b.period, b.stances.find((s) => s.actor === 'TUR')?.stance]),
    [['2023-06', 'opposes'], ['2023-07', 'supports']]);
  assert.ok(timeline?.actors.some((a) => a.actor === 'TUR' && a.articles === 2));
});

test('periods: day, ISO week and month; coarser dates keep their own form', () => {
  assert.equal(periodOf('2025-04-04', 'day'), '2025-04-04');
  assert.equal(periodOf('2025-04-04', 'week'), '2025-W14');
  assert.equal(periodOf('2024-12-30', 'week'), '2025-W01');
  assert.equal(periodOf('2021-01-03', 'week'), '2020-W53');
  assert.equal(periodOf('2025-04-04', 'month'), '2025-04');
  assert.equal(periodOf('2025-04', 'day'), '2025-04');
  assert.equal(periodOf(null, 'week'), 'undated');
});

test('running progress index, buckets and ordering with undated articles last', () => {
  const items: IssueTimelineItem[] = [
    { id: 'c', date: null, issues: [summary('ceasefire', -1, [['UKR', 'opposes']])] },
    { id: 'b', date: '2025-03-20', issues: [summary('ceasefire', -1, []), summary('sanctions', 0, [['USA', 'supports']])] },
    { id: 'a', date: '2025-03-18', issues: [summary('ceasefire', 1, [['RUS', 'conditional'], ['UKR', 'supports']], 2)] },
  ];
  assert.deepEqual(orderItems(items).map((i) => i.id), ['a', 'b', 'c']);
  assert.deepEqual(progressIndex(items, 'ceasefire').map((p) => [p.article, p.delta, p.index]), [['a', 1, 1], ['b', -1, 0], ['c', -1, -1]]);
  const timeline = issueTimeline(items, 'ceasefire', { granularity: 'week' })!;
  assert.deepEqual(timeline.buckets.map((b) => [b.period, b.articles, b.quotes, b.progress, b.index]),
    [['2025-W12', 2, 3, 0, 0], ['undated', 1, 1, -1, -1]]);
  assert.deepEqual(timeline.buckets[0]!.stances, [{ actor: 'RUS', stance: 'conditional' }, { actor: 'UKR', stance: 'supports' }]);
  assert.equal(timeline.first, '2025-03-18');
  assert.equal(timeline.last, '2025-03-20');
  const ukraine = timeline.stances.find((s) => s.actor === 'UKR')!;
  assert.deepEqual(ukraine.changes.map((c) => [c.from, c.to]), [['supports', 'opposes']]);
  assert.deepEqual(issueTimelines(items).map((t) => t.id), ['ceasefire', 'sanctions']);
  assert.equal(issueTimeline(items, 'arctic'), null);
});

test('neutral mentions do not count as a change of stance', () => {
  const items: IssueTimelineItem[] = [
    { id: 'a', date: '2025-01-01', issues: [summary('tariffs', 0, [['CHN', 'opposes']])] },
    { id: 'b', date: '2025-01-02', issues: [summary('tariffs', 0, [['CHN', 'neutral']])] },
    { id: 'c', date: '2025-01-03', issues: [summary('tariffs', 0, [['CHN', 'opposes']])] },
  ];
  const china = stanceHistory(items, 'tariffs')[0]!;
  assert.equal(china.points.length, 3);
  assert.deepEqual(china.changes, []);
  assert.equal(china.current, 'opposes');
});
