import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { writeCorpus } from '../bench/corpus-gen.js';
import { GDELT_COLUMNS } from '../src/corpus/exports.js';
import { prepareArticle } from '../src/corpus/prepare.js';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { meetingCorpus, tableDigests } from './corpus-fixtures.js';
import { repoPath } from './helpers.js';

// The corpus commands end to end, spawned as a user runs them: from dist/ after `npm test`'s
// build, or from the TypeScript sources under tsx during development.
const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const CLI = fromSource
  ? ['--import', 'tsx', repoPath('src', 'cli', 'main.ts')]
  : [repoPath('dist', 'src', 'cli', 'main.js')];

function parley(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', cwd: repoPath(), timeout: 300_000 });
}

function ok(r: SpawnSyncReturns<string>): string {
  assert.equal(r.status, 0, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('parley ingest', () => {
  it('ingests the examples; a second run changes nothing; copies show as duplicates', () => {
    const db = join(dir, 'examples.db');
    const first = parley('ingest', repoPath('examples'), '--db', db, '--workers', '1');
    assert.match(first.stderr, /stored/);
    const digest = tableDigests(db);
    const stats = JSON.parse(ok(parley('stats', '--db', db, '--format', 'json'))) as { articles: { total: number; originals: number; nearDuplicates: number } };
    assert.ok(stats.articles.originals >= 5, `originals: ${stats.articles.originals}`);
    // examples/records holds a reprint of a story in examples/jsonl.
    assert.ok(stats.articles.nearDuplicates >= 1, 'the reprint is linked to its original');

    const again = parley('ingest', repoPath('examples'), '--db', db, '--workers', '1');
    assert.match(again.stderr, /0 stored/);
    assert.deepEqual(tableDigests(db), digest);

    // The same story under a new id and outlet is a duplicate, and counts do not move.
    const one = JSON.parse(readFileSync(repoPath('examples', 'jsonl', 'wire-2025.jsonl'), 'utf8').split('\n')[0]!) as Record<string, string>;
    const copy = join(dir, 'copy.jsonl');
    writeFileSync(copy, JSON.stringify({ ...one, id: 'syndicated-copy', source: 'Other Outlet' }) + '\n');
    ok(parley('ingest', copy, '--db', db, '--quiet'));
    const withCopy = JSON.parse(ok(parley('stats', '--db', db, '--format', 'json'))) as { articles: { total: number; exactDuplicates: number; originals: number }; events: number; statements: number };
    assert.equal(withCopy.articles.total, stats.articles.total + 1);
    assert.equal(withCopy.articles.originals, stats.articles.originals);
    assert.ok(withCopy.articles.exactDuplicates >= 1);
    const article = JSON.parse(ok(parley('export', '--format', 'jsonl', '--db', db)).split('\n').find((l) => l.includes('"syndicated-copy"'))!) as { duplicateOf: string };
    assert.equal(article.duplicateOf, one.id);
  });

  it('two worker threads store exactly what the main thread alone stores', () => {
    const single = join(dir, 'main-thread.db');
    const threads = join(dir, 'two-threads.db');
    ok(parley('ingest', repoPath('examples'), '--db', single, '--workers', '0', '--batch', '4', '--quiet'));
    ok(parley('ingest', repoPath('examples'), '--db', threads, '--workers', '2', '--batch', '4', '--quiet'));
    assert.deepEqual(tableDigests(threads), tableDigests(single));
  });

  it('killed with SIGKILL mid-way, a re-run completes to the same database as a clean run', async () => {
    const corpus = join(dir, 'gen.jsonl');
    await writeCorpus(corpus, 200, { seed: 11 });
    const clean = join(dir, 'clean.db');
    ok(parley('ingest', corpus, '--db', clean, '--workers', '1', '--batch', '8', '--quiet'));

    const killed = join(dir, 'killed.db');
    const child = spawn(process.execPath, [...CLI, 'ingest', corpus, '--db', killed, '--workers', '1', '--batch', '8', '--quiet'], { cwd: repoPath(), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, signal) => r(signal)));
    let stored = 0;
    for (let tries = 0; tries < 3000 && child.exitCode === null; tries++) {
      await new Promise((r) => setTimeout(r, 20));
      try {
        const db = new BetterSqlite3(killed, { readonly: true, fileMustExist: true });
        try {
          stored = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
        } finally {
          db.close();
        }
      } catch {
        continue; // not created yet, or schema not there yet
      }
      if (stored >= 20) break;
    }
    child.kill('SIGKILL');
    const signal = await exited;
    assert.equal(signal, 'SIGKILL', 'the ingest was still running when killed');
    assert.ok(stored >= 20 && stored < 200, `killed after ${stored} articles`);

    const rerun = parley('ingest', corpus, '--db', killed, '--workers', '1', '--batch', '8');
    assert.match(rerun.stderr, /already stored/);
    assert.deepEqual(tableDigests(killed), tableDigests(clean));
  });

  it('a read-only database is a clear error and stays untouched', () => {
    const db = join(dir, 'readonly.db');
    copyFileSync(join(dir, 'clean.db'), db);
    chmodSync(db, 0o444);
    const snapshot = readFileSync(db);
    const r = parley('ingest', repoPath('examples'), '--db', db);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /read-only/);
    assert.deepEqual(readFileSync(db), snapshot);
  });

  it('bad command lines are usage errors', () => {
    assert.equal(parley('ingest', '--db', join(dir, 'x.db')).status, 2);
    assert.equal(parley('ingest', 'examples', '--workers', 'many').status, 2);
    const missing = parley('stats', '--db', join(dir, 'nope.db'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no such database/);
  });
});

describe('corpus queries from the command line', () => {
  let db: string;
  before(() => {
    db = join(dir, 'meeting.db');
    const store = SqliteStore.open(db);
    store.write(meetingCorpus().map(prepareArticle));
    store.close();
  });

  it('search: ranked hits with snippets, filters', () => {
    const text = ok(parley('search', 'direct', 'flights', '--db', db));
    assert.match(text, /Kirill Dmitriev \(direct\)/);
    assert.match(text, /\[direct\] \[flights\]/);
    const json = JSON.parse(ok(parley('search', 'airlines', '--issue', 'sanctions', '--type', 'indirect', '--format', 'json', '--db', db))) as { items: Array<{ article: string }> };
    assert.deepEqual(json.items.map((h) => h.article), ['paper-b-7']);
    assert.match(ok(parley('search', 'zeppelin', '--db', db)), /no matches/);
  });

  it('timeline: table, csv and json, asserted-only unless asked', () => {
    const table = ok(parley('timeline', 'RUS', 'USA', '--by', 'week', '--db', db));
    assert.match(table, /RUS ↔ USA, by week, asserted events/);
    assert.match(table, /2025-03-31\s+1\s+1\s+0\s+0\s+0\s+1\s+1/);
    const csv = ok(parley('timeline', 'RUS', 'USA', '--format', 'csv', '--db', db)).trim().split('\r\n');
    assert.equal(csv[0], 'period,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,asserted,negated,hypothetical,intended,ongoing');
    assert.equal(csv[1], '2025-04-03,1,1,0,0,0,1,1,1,0,0,1,0');
    const all = JSON.parse(ok(parley('timeline', 'Kirill Dmitriev', '--by', 'month', '--all-modalities', '--format', 'json', '--db', db))) as { buckets: Array<{ events: number }> };
    assert.equal(all.buckets[0]!.events, 3);
    const unknown = parley('timeline', 'Atlantis', '--db', db);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no actor code known for 'Atlantis'/);
  });

  it('entity: roles, actor history, statements and events', () => {
    const text = ok(parley('entity', 'Dmitriev', '--db', db));
    assert.match(text, /^Kirill Dmitriev {2}\(PERSON/);
    assert.match(text, /head of the Russian Direct Investment Fund {2}\(2025-04-04 – 2025-04-10, 2 articles\)/);
    assert.match(text, /RUSGOV {2}\(2025-04-03 – 2025-04-03, 1 articles\)/);
    assert.match(text, /statements \(4\)/);
    assert.match(text, /events as source \(2\)/);
    assert.equal(parley('entity', 'Nobody', '--db', db).status, 1);
  });

  it('stats, issues and issue', () => {
    assert.match(ok(parley('stats', '--db', db)), /articles {6}5 {2}\(3 originals, 1 duplicates, 1 near-duplicates\)/);
    const issues = ok(parley('issues', '--db', db));
    assert.match(issues, /direct-flights\s+Direct flights\s+3\s+3\s+1\s+0/);
    const issue = ok(parley('issue', 'direct-flights', '--by', 'week', '--db', db));
    assert.match(issue, /RUS {6}now opposes \(since 2025-04-10\):  2025-04-03 supports → 2025-04-04 conditional → 2025-04-10 opposes/);
    assert.match(issue, /2025-04-07\s+1\s+1\s+0\s+-1\s+0/);
    const json = JSON.parse(ok(parley('issue', 'direct-flights', '--by', 'day', '--format', 'json', '--db', db))) as { buckets: Array<{ runningProgress: number }> };
    assert.deepEqual(json.buckets.map((b) => b.runningProgress).at(-1), 0);
    assert.equal(parley('issue', 'nothing-like-it', '--db', db).status, 1);
  });

  it('export: gdelt, plover, jsonl and csv tables', () => {
    const gdelt = ok(parley('export', '--format', 'gdelt', '--db', db)).trim().split('\n').map((l) => l.split('\t'));
    assert.equal(gdelt.length, 2, 'asserted merged events only');
    for (const row of gdelt) assert.equal(row.length, GDELT_COLUMNS.length);
    const meeting = gdelt.find((r) => r[GDELT_COLUMNS.indexOf('EventRootCode')] === '04')!;
    const col = (name: (typeof GDELT_COLUMNS)[number]): string => meeting[GDELT_COLUMNS.indexOf(name)]!;
    assert.equal(col('SQLDATE'), '20250403');
    assert.equal(col('Actor1Code'), 'RUSGOV');
    assert.equal(col('Actor1Name'), 'Kirill Dmitriev');
    assert.equal(col('Actor1CountryCode'), 'RUS');
    assert.equal(col('Actor1Type1Code'), 'GOV');
    assert.equal(col('NumArticles'), '2');
    assert.equal(col('NumSources'), '2');
    assert.equal(col('IsRootEvent'), '1');
    assert.equal(col('ActionGeo_FullName'), 'Washington');
    assert.equal(col('SOURCEURL'), 'https://example.org/wire-a-1');
    const header = ok(parley('export', '--format', 'gdelt', '--header', '--all-modalities', '--db', db)).split('\n');
    assert.equal(header[0], GDELT_COLUMNS.join('\t'));
    assert.equal(header.filter((l) => l).length, 4);

    const plover = ok(parley('export', '--format', 'plover', '--db', db)).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(plover.map((p) => p.event_type).sort(), ['ACCUSE', 'CONSULT']);
    assert.equal(plover.find((p) => p.event_type === 'CONSULT')!.actor_country, 'RUS');

    const jsonl = ok(parley('export', '--format', 'jsonl', '--db', db)).trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
    assert.equal(jsonl.length, 5);
    assert.equal(jsonl[0]!.text, meetingCorpus()[0]!.text);

    const quotes = ok(parley('export', '--format', 'csv', '--what', 'quotes', '--db', db)).split('\r\n');
    assert.equal(quotes[0], 'id,article,date,type,speaker,speaker_entity,cue,issues,start,end,text');
    assert.equal(quotes.filter((l) => l).length, 5);
    const entities = ok(parley('export', '--format', 'csv', '--what', 'entities', '--db', db));
    assert.match(entities, /Kirill Dmitriev,PERSON,RUS,RUSBUS,/);
    const out = join(dir, 'events.csv');
    ok(parley('export', '--format', 'csv', '--out', out, '--db', db));
    assert.match(readFileSync(out, 'utf8'), /^id,date,source,source_name/);
    assert.equal(parley('export', '--db', db).status, 2, '--format is required');
  });
});
