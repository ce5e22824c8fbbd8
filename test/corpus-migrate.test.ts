import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/corpus/schema.js';
import { SqliteStore } from '../src/corpus/sqlite-store.js';

/** A schema-v1 database whose only content is country roll-up rows, as v1 wrote them. */
function v1Database(path: string): void {
  const db = new BetterSqlite3(path);
  db.exec(MIGRATIONS[0]!);
  db.pragma('user_version = 1');
  const row = db.prepare(
    'INSERT INTO rollup_country_day (source3, target3, day, modality, events, quad1, quad2, quad3, quad4, goldstein_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  row.run('RUS', 'USA', '2025-04-01', 'asserted', 2, 2, 0, 0, 0, 2.8);
  row.run('RUS', 'USA', '2025-04-01', 'negated', 1, 0, 0, 1, 0, -2);
  row.run('USA', 'RUS', '2025-04-20', 'asserted', 1, 0, 0, 0, 1, -10);
  row.run('RUS', 'RUS', '2025-05-02', 'intended', 1, 0, 1, 0, 0, 8);
  row.run('UKR', 'USA', '2025-05-03', 'asserted', 1, 1, 0, 0, 0, 1);
  db.close();
}

describe('schema migration 2 (wide country roll-ups)', () => {
  let dir: string;
  let path: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
    path = join(dir, 'v1.db');
    v1Database(path);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a read-only open of an old database asks for an upgrade instead of failing in a query', () => {
    assert.throws(() => SqliteStore.open(path, { readonly: true }), /schema version 1 is older .*run `parley ingest` on it once/);
  });

  it('upgrades a v1 database in place, with the same timelines', () => {
    SqliteStore.open(path).close();
    const store = SqliteStore.open(path, { readonly: true });
    try {
      assert.equal(store.db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      const days = store.timeline({ a: 'RUS', b: 'USA', by: 'day', from: '2025-04-01', to: '2025-04-20' }).buckets;
      assert.equal(days.length, 20);
      assert.deepEqual(days[0], {
        period: '2025-04-01', events: 2, quad1: 2, quad2: 0, quad3: 0, quad4: 0, goldsteinSum: 2.8, goldsteinMean: 1.4,
        modalities: { asserted: 2, negated: 1 },
      });
      assert.deepEqual(days[19]!.modalities, { asserted: 1 });
      const months = store.timeline({ a: 'RUS', by: 'month', allModalities: true }).buckets;
      assert.deepEqual(months.map((b) => [b.period, b.events, b.goldsteinSum]), [['2025-04', 4, -9.2], ['2025-05', 1, 8]]);
      assert.deepEqual(months[1]!.modalities, { intended: 1 });
      // A range that cuts a month reads days; by month over whole months reads the monthly rows.
      const cut = store.timeline({ a: 'USA', by: 'month', from: '2025-04-10' }).buckets;
      assert.deepEqual(cut.map((b) => [b.period, b.events]), [['2025-04', 1], ['2025-05', 1]]);
      const directed = store.timeline({ a: 'USA', b: 'RUS', by: 'month', directed: true, to: '2025-05' }).buckets;
      assert.deepEqual(directed.map((b) => [b.period, b.events, b.quad4]), [['2025-04', 1, 1], ['2025-05', 0, 0]]);
    } finally {
      store.close();
    }
  });
});
