import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bandKeys, contentHash, minhash, NEAR_DUPLICATE_JACCARD, similarity } from '../src/corpus/fingerprint.js';
import { ftsQuery } from '../src/corpus/fts.js';
import { prepareArticle } from '../src/corpus/prepare.js';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { meetingCorpus, tableDigests } from './corpus-fixtures.js';

describe('fingerprints', () => {
  it('content hash ignores layout and case but not words', () => {
    assert.equal(contentHash('Talks resumed.\n\nIn Riyadh'), contentHash('talks  resumed. in riyadh'));
    assert.notEqual(contentHash('Talks resumed in Riyadh'), contentHash('Talks stalled in Riyadh'));
  });

  it('a reprint is similar enough to be a near-duplicate, another story on the topic is not', () => {
    const [a1, a2, a3] = meetingCorpus();
    const reprint = `By a staff reporter. ${a2!.text.replace('No date was set', 'No date has been set')}`;
    assert.ok(similarity(minhash(a2!.text), minhash(reprint)) >= NEAR_DUPLICATE_JACCARD);
    assert.ok(similarity(minhash(a1!.text), minhash(a3!.text)) < NEAR_DUPLICATE_JACCARD);
    // Similar signatures share an LSH band, so the store finds the original by index.
    const shared = bandKeys(minhash(a2!.text)).filter((k) => bandKeys(minhash(reprint)).includes(k));
    assert.ok(shared.length >= 1);
  });

  it('search text becomes a safe FTS5 query', () => {
    assert.equal(ftsQuery('direct flights'), '"direct" "flights"');
    assert.equal(ftsQuery('"security guarantees" NATO*'), '"security guarantees" "NATO"*');
    assert.equal(ftsQuery('U.S.-Russia AND ('), '"U S Russia" "AND"');
    assert.equal(ftsQuery('  ** '), null);
  });
});

describe('SqliteStore', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const fill = (path: string): void => {
    const store = SqliteStore.open(path);
    try {
      store.write(meetingCorpus().map(prepareArticle));
    } finally {
      store.close();
    }
  };

  it('stores originals and links exact and near duplicates to them', () => {
    const path = join(dir, 'dups.db');
    const store = SqliteStore.open(path);
    const outcomes = store.write(meetingCorpus().map(prepareArticle));
    assert.deepEqual(outcomes.map((o) => o.status), ['stored', 'stored', 'stored', 'duplicate', 'near-duplicate']);
    assert.equal(outcomes[3]!.duplicateOf, 'wire-a-1');
    assert.equal(outcomes[4]!.duplicateOf, 'paper-b-7');
    const s = store.stats();
    assert.deepEqual(s.articles, { total: 5, originals: 3, exactDuplicates: 1, nearDuplicates: 1 });
    // Duplicates add no statements, events or entity mentions.
    assert.equal(s.statements, 4);
    assert.equal(s.eventReports, 4);
    const stored = store.article('wire-a-1')!;
    assert.deepEqual(stored.duplicates.map((d) => d.id), ['portal-c-1']);
    assert.equal(store.article('daily-d-3')!.duplicateOf, 'paper-b-7');
    store.close();
  });

  it('writing the same articles again changes nothing', () => {
    const path = join(dir, 'twice.db');
    fill(path);
    const first = tableDigests(path);
    const store = SqliteStore.open(path);
    const outcomes = store.write(meetingCorpus().map(prepareArticle));
    store.close();
    assert.ok(outcomes.every((o) => o.status === 'exists'));
    assert.deepEqual(tableDigests(path), first);
  });

  it('merges one entity across articles with aliases, roles and actor history', () => {
    const path = join(dir, 'entities.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const d = store.entity('Dmitriev')!;
    assert.equal(d.name, 'Kirill Dmitriev');
    assert.equal(d.articles, 3);
    assert.deepEqual(d.roles.map((r) => r.role).sort(), ['Russian envoy', 'head of the Russian Direct Investment Fund']);
    assert.deepEqual(d.actorHistory.map((a) => [a.actor, a.firstDay, a.lastDay]), [
      ['RUSGOV', '2025-04-03', '2025-04-03'],
      ['RUSBUS', '2025-04-04', '2025-04-10'],
    ]);
    assert.equal(d.statements.total, 4);
    assert.deepEqual(d.activity.map((a) => [a.day, a.statements, a.eventsAsSource]), [
      ['2025-04-03', 1, 2],
      ['2025-04-04', 2, 0],
      ['2025-04-10', 1, 1],
    ]);
    assert.equal(store.entities({ q: 'dmitriev' }).total, 1);
    store.close();
  });

  it('merges reports of one event: same dyad, code family, day window, place', () => {
    const path = join(dir, 'events.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const all = store.events({ allModalities: true, limit: 10 }).items;
    assert.equal(all.length, 3);
    const meeting = all.find((e) => e.root === '04' && e.modality === 'asserted')!;
    assert.equal(meeting.numArticles, 2);
    assert.equal(meeting.numSources, 2);
    assert.equal(meeting.numReports, 2);
    assert.equal(meeting.article, 'wire-a-1');
    // The planned second round is not asserted: left out by default.
    assert.equal(store.events().total, 2);
    store.close();
  });

  it('timeline counts merged asserted events, with the other modalities visible', () => {
    const path = join(dir, 'timeline.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const t = store.timeline({ a: 'RUS', b: 'USA' });
    const day = t.buckets.find((b) => b.period === '2025-04-03')!;
    assert.equal(day.events, 1);
    assert.equal(day.quad1, 1);
    assert.equal(day.goldsteinMean, 1);
    assert.deepEqual(day.modalities, { asserted: 1, intended: 1 });
    assert.equal(t.buckets.length, 8, 'days 3 to 10 April, gaps filled');
    assert.equal(t.buckets.at(-1)!.quad3, 1);
    const all = store.timeline({ a: 'RUS', b: 'USA', allModalities: true, by: 'month' });
    assert.deepEqual(all.buckets.map((b) => [b.period, b.events]), [['2025-04', 3]]);
    const byName = store.timeline({ a: 'Kirill Dmitriev', by: 'week' });
    assert.deepEqual(byName.a.codes, ['RUSBUS', 'RUSGOV']);
    assert.deepEqual(byName.buckets.map((b) => [b.period, b.events]), [['2025-03-31', 1], ['2025-04-07', 1]]);
    assert.throws(() => store.timeline({ a: 'Nobody Known' }), /no actor code known/);
    store.close();
  });

  it('searches statements and articles with snippets and filters', () => {
    const path = join(dir, 'search.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const hits = store.search({ text: 'direct flights' });
    assert.ok(hits.items.length >= 2);
    assert.ok(hits.items.some((h) => h.kind === 'statement' && h.snippet.includes('[direct] [flights]')));
    assert.ok(hits.items.every((h) => h.article !== 'portal-c-1'), 'duplicates are not indexed');
    const onlyIssue = store.search({ text: 'airlines', issue: 'sanctions', type: 'indirect' });
    assert.deepEqual(onlyIssue.items.map((h) => h.article), ['paper-b-7']);
    assert.equal(store.search({ text: 'flights', speaker: 'Dmitriev', from: '2025-04-05', type: 'direct' }).total, 1);
    store.close();
  });

  it('follows an issue: timeline, running progress, stance reversal', () => {
    const path = join(dir, 'issues.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const list = store.issues();
    assert.deepEqual(list.items.map((i) => [i.id, i.articles]), [['direct-flights', 3], ['sanctions', 1]]);
    const d = store.issue('direct-flights', { by: 'week' })!;
    assert.deepEqual(d.buckets.map((b) => [b.period, b.statements, b.progress, b.runningProgress]), [
      ['2025-03-31', 2, 1, 1],
      ['2025-04-07', 1, -1, 0],
    ]);
    const rus = d.actors.find((a) => a.actor === 'RUS')!;
    assert.deepEqual(rus.history.map((h) => h.stance), ['supports', 'conditional', 'opposes']);
    assert.equal(rus.current, 'opposes');
    assert.equal(d.speakers[0]!.name, 'Kirill Dmitriev');
    assert.equal(store.issue('no-such-issue'), null);
    store.close();
  });

  it('gives back the full analysis of a stored article', () => {
    const path = join(dir, 'roundtrip.db');
    fill(path);
    const store = SqliteStore.open(path, { readonly: true });
    const original = meetingCorpus()[0]!;
    assert.deepEqual(store.article('wire-a-1')!.analysis, original);
    assert.equal([...store.eachArticle()].length, 5);
    store.close();
  });

  it('a size limit reached mid-ingest is a clear error and keeps earlier batches', () => {
    const path = join(dir, 'full.db');
    const store = SqliteStore.open(path, { maxPages: 120 });
    const big = meetingCorpus()[0]!;
    let stored = 0;
    assert.throws(() => {
      for (let i = 0; i < 400; i++) {
        const text = `${big.text} Item ${i}: ${'filler words that vary '.repeat(40)}${i * 7919}`;
        store.write([prepareArticle({ ...big, id: `big-${i}`, text, quotes: [], events: [], issues: [] })]);
        stored++;
      }
    }, /full; every batch before this one is saved/);
    store.close();
    const reopened = SqliteStore.open(path, { readonly: true });
    assert.equal(reopened.stats().articles.total, stored);
    reopened.close();
  });

  it('refuses a read-only database file with a clear error', () => {
    const path = join(dir, 'ro.db');
    fill(path);
    chmodSync(path, 0o444);
    const snapshot = readFileSync(path);
    assert.throws(() => SqliteStore.open(path), /read-only/);
    assert.deepEqual(readFileSync(path), snapshot);
    assert.throws(() => SqliteStore.open(join(dir, 'missing', 'x.db')), /does not exist/);
    assert.throws(() => SqliteStore.open(join(dir, 'absent.db'), { readonly: true }), /no such database/);
  });
});
