import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { createApp } from '../src/server/app.js';
import { buildExampleCorpus, startServer } from './server-fixture.js';

let db: string;
let base: string;
let close: () => Promise<void>;

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path);
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

async function post(path: string, body: unknown, target = base): Promise<{ status: number; body: any }> {
  const res = await fetch(target + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

before(async () => {
  db = buildExampleCorpus();
  ({ base, close } = await startServer(db));
});
after(() => close());

describe('API lists are paged and filtered', () => {
  test('stats count the stored examples', async () => {
    const { status, body } = await get('/api/stats');
    assert.equal(status, 200);
    assert.ok(body.articles.originals >= 12, `originals: ${body.articles.originals}`);
    assert.ok(body.statements > 0 && body.events > 0);
  });

  test('articles: limit/offset page through the list without overlap', async () => {
    const first = (await get('/api/articles?limit=3&offset=0')).body;
    const second = (await get('/api/articles?limit=3&offset=3')).body;
    assert.equal(first.items.length, 3);
    assert.equal(first.limit, 3);
    assert.ok(first.total >= 12);
    const ids = new Set(first.items.map((a: { id: string }) => a.id));
    for (const a of second.items) assert.ok(!ids.has(a.id));
  });

  test('one article carries all its annotation layers, with offsets into its text', async () => {
    const list = (await get('/api/articles?limit=100')).body.items as Array<{ id: string; statements: number }>;
    const withQuotes = list.find((a) => a.statements > 0)!;
    const { status, body } = await get(`/api/articles/${encodeURIComponent(withQuotes.id)}`);
    assert.equal(status, 200);
    const a = body.analysis;
    for (const layer of ['entities', 'quotes', 'events', 'issues']) assert.ok(Array.isArray(a[layer]), layer);
    for (const q of a.quotes) assert.ok(q.start >= 0 && q.end <= a.text.length && q.start < q.end);
  });

  test('statements filter by type and search by text', async () => {
    const direct = (await get('/api/statements?type=direct&limit=20')).body;
    assert.ok(direct.items.length > 0);
    for (const s of direct.items) assert.equal(s.type, 'direct');
    const hits = (await get('/api/statements?text=ceasefire')).body;
    assert.ok(hits.items.length > 0);
    assert.ok(hits.items.every((h: { kind: string }) => h.kind === 'statement'), 'statements only, no article text');
    assert.ok(hits.items.every((h: { snippet: string }) => /ceasefire/i.test(h.snippet)));
  });

  test('entities list, and one entity by name with its statements', async () => {
    const people = (await get('/api/entities?type=PERSON&limit=100')).body;
    assert.ok(people.items.length > 0);
    for (const e of people.items) assert.equal(e.type, 'PERSON');
    const speaker = (await get('/api/statements?limit=1')).body.items[0];
    const one = await get(`/api/entities/${encodeURIComponent(speaker.speaker.name)}`);
    assert.equal(one.status, 200);
    assert.ok(one.body.statements.total > 0);
  });

  test('events filter by actor prefix and code family', async () => {
    const all = (await get('/api/events?allModalities=true&limit=1000')).body;
    assert.ok(all.items.length > 0);
    const sample = all.items.find((v: { source: string | null }) => v.source)!;
    const prefix = sample.source.slice(0, 3);
    const byActor = (await get(`/api/events?actor=${prefix}&allModalities=true&limit=1000`)).body;
    assert.ok(byActor.items.every((v: { source: string | null; target: string | null }) => v.source?.startsWith(prefix) || v.target?.startsWith(prefix)));
    const byCode = (await get(`/api/events?code=${sample.root}&allModalities=true&limit=1000`)).body;
    assert.ok(byCode.items.length > 0 && byCode.items.every((v: { root: string }) => v.root === sample.root));
  });

  test('events filter by quad class and modality; the default leaves out what did not happen', async () => {
    const all = (await get('/api/events?allModalities=true&limit=1000')).body.items as Array<{ quad: number; modality: string }>;
    const quad = all[0]!.quad;
    const byQuad = (await get(`/api/events?quad=${quad}&allModalities=true&limit=1000`)).body.items as typeof all;
    assert.equal(byQuad.length, all.filter((v) => v.quad === quad).length);
    const other = all.find((v) => v.modality !== 'asserted');
    assert.ok(other, 'the examples hold an event that did not (yet) happen');
    const byModality = (await get(`/api/events?modality=${other.modality}&limit=1000`)).body.items as typeof all;
    assert.equal(byModality.length, all.filter((v) => v.modality === other.modality).length);
    const asserted = (await get('/api/events?limit=1000')).body.items as typeof all;
    assert.ok(asserted.every((v) => v.modality === 'asserted'));
  });

  test('statements filter by the outlet that relayed them', async () => {
    const all = (await get('/api/statements?limit=1000')).body.items as Array<{ via: Array<{ name: string; kind: string }> }>;
    const relayed = all.find((s) => s.via.some((v) => v.kind === 'outlet'))!;
    const outlet = relayed.via.find((v) => v.kind === 'outlet')!.name;
    const filtered = (await get(`/api/statements?outlet=${encodeURIComponent(outlet.toLowerCase())}&limit=1000`)).body.items as typeof all;
    assert.equal(filtered.length, all.filter((s) => s.via.some((v) => v.name === outlet)).length);
    assert.ok(filtered.length > 0);
  });

  test('timeline buckets count events between two actors', async () => {
    const { status, body } = await get('/api/timeline?a=RUS&b=USA&by=month&allModalities=true');
    assert.equal(status, 200);
    const total = body.buckets.reduce((s: number, b: { events: number }) => s + b.events, 0);
    assert.ok(total > 0, 'Russia–US events in the examples');
    for (const b of body.buckets) assert.equal(b.events, b.quad1 + b.quad2 + b.quad3 + b.quad4);
  });

  test('issues list and one issue with its timeline and stances', async () => {
    const list = (await get('/api/issues?limit=100')).body;
    const busy = list.items.find((i: { statements: number }) => i.statements > 0);
    assert.ok(busy, 'some issue has statements');
    const one = await get(`/api/issues/${busy.id}?by=week`);
    assert.equal(one.status, 200);
    assert.equal(one.body.by, 'week');
    assert.ok(one.body.statementList.items.length > 0);
  });
});

describe('API rejects bad requests with a message that says what is wrong', () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/articles?limit=0', /limit/],
    ['/api/articles?limit=abc', /limit/],
    ['/api/articles?offset=-1', /offset/],
    ['/api/articles?from=2025-13-01', /from/],
    ['/api/articles?to=2025-02-30', /to: not a calendar date/],
    ['/api/statements?type=shouted', /type/],
    ['/api/events?quad=7', /quad/],
    ['/api/events?code=4x', /code/],
    ['/api/timeline', /a/],
    ['/api/timeline?a=RUS&by=year', /by/],
    ['/api/entities?actor=rus', /actor/],
  ];
  for (const [path, field] of cases) {
    test(path, async () => {
      const { status, body } = await get(path);
      assert.equal(status, 400);
      assert.match(body.error, field);
      assert.doesNotMatch(body.error, /at .*\.js:\d+/, 'no stack trace');
    });
  }

  test('unknown things are 404 and wrong methods 405', async () => {
    assert.equal((await get('/api/articles/no-such-article')).status, 404);
    assert.equal((await get('/api/entities/Nobody%20Atall')).status, 404);
    assert.equal((await get('/api/issues/no-such-issue')).status, 404);
    assert.equal((await get('/api/nothing-here')).status, 404);
    assert.equal((await post('/api/stats', {})).status, 405);
  });
});

describe('POST /api/analyze', () => {
  test('analyses pasted text without storing it', async () => {
    const before = (await get('/api/stats')).body.articles.total;
    const text = 'ANKARA, May 5 - Turkish Foreign Minister Deniz Aksoy met her Greek counterpart in Ankara on Monday. "We agreed to keep talking," Aksoy told reporters.';
    const { status, body } = await post('/api/analyze', { text, date: '2025-05-06' });
    assert.equal(status, 200);
    assert.equal(body.text, text);
    assert.ok(body.quotes.some((q: { start: number; end: number }) => text.slice(q.start, q.end).includes('agreed to keep talking')));
    assert.equal((await get('/api/stats')).body.articles.total, before);
  });

  test('refuses a body that is not JSON, has neither text nor url, or is too large', async () => {
    assert.equal((await post('/api/analyze', '{not json')).status, 400);
    const neither = await post('/api/analyze', { date: '2025-01-01' });
    assert.equal(neither.status, 400);
    assert.match(neither.body.error, /text or url/);
    const huge = await post('/api/analyze', { text: 'word '.repeat(300_000) });
    assert.ok(huge.status === 413 || huge.status === 400, `status ${huge.status}`);
  });

  test('is rate-limited per client', async () => {
    const store = SqliteStore.open(db, { readonly: true });
    const server = createApp({ store, analyzePerMinute: 2 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post('/api/analyze', { text: 'Short text, nothing more.' }, target)).status);
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    }
  });
});

test('the OpenAPI document describes every endpoint with its parameters', async () => {
  const { body } = await get('/api/openapi.json');
  assert.equal(body.openapi, '3.1.0');
  for (const path of ['/api/articles', '/api/articles/{id}', '/api/statements', '/api/entities', '/api/entities/{id}', '/api/events', '/api/timeline', '/api/issues', '/api/issues/{id}', '/api/stats', '/api/analyze']) {
    assert.ok(body.paths[path], path);
  }
  const names = body.paths['/api/events'].get.parameters.map((p: { name: string }) => p.name);
  for (const n of ['limit', 'offset', 'actor', 'code', 'quad', 'modality', 'from', 'to']) assert.ok(names.includes(n), n);
  assert.ok(body.paths['/api/analyze'].post.requestBody);
});
