import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { detectFormat } from '../src/ingest/format.js';
import { contentId } from '../src/ingest/ids.js';
import { lineBatches, type Line } from '../src/ingest/lines.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';
import { collect, example, fixture, tempDir } from './ingest-helpers.js';

test('record format: the reference article is one dated record with its paragraphs', async (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const { articles, skips } = await collect([seedPath]);
  assert.deepEqual(skips, []);
  assert.equal(articles.length, 1);
  const a = articles[0]!;
  assert.equal(a.date, '2025-04-04');
  assert.ok(a.text.startsWith('Russia and the US made "three steps forward"'), a.text.slice(0, 60));
  assert.ok(a.text.endsWith('to participate in the negotiations.'));
  // Paragraphs are kept: blank-line separated exactly as in the file.
  const paragraphs = a.text.split('\n\n');
  assert.ok(paragraphs.length >= 20, `only ${paragraphs.length} paragraphs`);
  assert.ok(paragraphs[1]!.startsWith('"You know, indeed'));
  const raw = readFileSync(seedPath, 'utf8');
  assert.ok(raw.includes(a.text), 'text is a verbatim slice of the file');
  assert.deepEqual(a.boilerplate, [], 'a clean wire story has no boilerplate');
  assert.match(a.id, /^[0-9a-f]{16}$/);
});

test('record format: several records in one file, each with its own date and origin line', async () => {
  const { articles, skips } = await collect([example('records', 'russia-us-talks-2025.txt')]);
  assert.deepEqual(skips, []);
  assert.deepEqual(articles.map((a) => a.date), ['2025-03-12', '2025-03-27', '2025-04-15']);
  assert.ok(articles[1]!.text.startsWith('The Kremlin said Thursday'));
  assert.ok(!articles[0]!.text.includes(' date 2025'), 'a record stops at the next date line');
  assert.match(articles[0]!.origin!, /russia-us-talks-2025\.txt:1 \(record 1\)$/);
  assert.match(articles[1]!.origin!, /:\d+ \(record 2\)$/);
});

test('record format: one record a line, optional leading space, month and year precision', async () => {
  const perLine = await collect([example('records', 'wire-briefs-one-per-line.txt')]);
  assert.deepEqual(perLine.articles.map((a) => a.date), ['2025-05-19', '2025-06-02']);
  assert.ok(perLine.articles.every((a) => !a.text.includes('\n')));

  const { articles, skips } = await collect([fixture('records-mixed.txt')]);
  assert.deepEqual(articles.map((a) => a.date), ['2025-04', '2025', '2025-02-28']);
  assert.equal(articles[0]!.text, 'A record without the leading space and with month precision.\nIt runs over two lines.');
  assert.equal(skips.length, 1);
  assert.equal(skips[0]!.category, 'bad date');
  assert.match(skips[0]!.origin, /records-mixed\.txt:6 \(record 3\)/);
  assert.match(skips[0]!.reason, /'2025-13-40' is not a date/);
});

test('plain text: one article, undated unless --date gives a date; a later date line does not split it', async () => {
  const file = fixture('plain-undated.txt');
  const undated = await collect([file]);
  assert.equal(undated.articles.length, 1);
  assert.equal(undated.articles[0]!.date, null);
  assert.ok(undated.articles[0]!.text.includes('\ndate 2025-01-01 this line sits inside'));
  const dated = await collect([file], { date: '2025-02-03' });
  assert.equal(dated.articles[0]!.date, '2025-02-03');
  assert.equal(dated.articles[0]!.text, undated.articles[0]!.text);
  assert.notEqual(dated.articles[0]!.id, undated.articles[0]!.id, 'the date is part of the content id');
});

test('JSONL: own ids, optional fields, text byte for byte, blank lines ignored', async () => {
  const dir = tempDir();
  const records = [
    { id: 'a1', date: '2025-01-02', text: '  Leading spaces, “curly quotes”, emoji 🇺🇦 and\r\nCRLF kept.  ', title: 'T', source: 'S', url: 'https://x.example/1' },
    { id: 42, date: null, text: 'Numeric id.' },
    { date: '2025-07', text: 'No id: hashed.' },
  ];
  const file = join(dir, 'items.ndjson');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n\n') + '\n');
  const { articles, skips } = await collect([file]);
  assert.deepEqual(skips, []);
  assert.equal(articles.length, 3);
  assert.equal(articles[0]!.text, records[0]!.text);
  assert.deepEqual([articles[0]!.id, articles[0]!.title, articles[0]!.source, articles[0]!.url], ['a1', 'T', 'S', 'https://x.example/1']);
  assert.equal(articles[1]!.id, '42');
  assert.equal(articles[1]!.date, null);
  assert.equal(articles[2]!.id, contentId('No id: hashed.', '2025-07'));
  assert.equal(articles[2]!.origin, `${file}:5`);

  const wire = await collect([example('jsonl', 'wire-2025.jsonl')]);
  const lines = readFileSync(example('jsonl', 'wire-2025.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; id: string });
  assert.deepEqual(wire.articles.map((a) => a.text), lines.map((l) => l.text));
  assert.deepEqual(wire.articles.map((a) => a.id), lines.map((l) => l.id));
});

test('HTML: Readability main text, metadata from meta tags, boilerplate marked not removed', async () => {
  const { articles, skips } = await collect([example('html', 'doha-ceasefire-deal.html')]);
  assert.deepEqual(skips, []);
  const a = articles[0]!;
  assert.equal(a.title, 'Mediators announce Gaza ceasefire and hostage deal after Doha talks');
  assert.equal(a.source, 'Example Daily');
  assert.equal(a.date, '2025-01-16');
  assert.equal(a.url, 'https://daily.example.com/world/2025/01/16/doha-ceasefire-deal');
  assert.ok(a.text.startsWith('DOHA, Jan 16 - Qatar announced'), a.text.slice(0, 40));
  assert.ok(!a.text.includes('Home'), 'the navigation menu is not article text');
  assert.ok(a.text.includes('\n\n"The first phase will last 42 days'), 'paragraphs survive');
  const marked = a.boilerplate.map((b) => a.text.slice(b.start, b.end)).join(' | ');
  assert.match(marked, /Share this article/);

  const meta = await collect([fixture('page-meta-only.html')]);
  const m = meta.articles[0]!;
  assert.equal(m.date, '2025-02-11');
  assert.equal(m.title, 'Envoys meet in Vienna');
  assert.equal(m.source, 'Vienna Example Post');
  assert.equal(m.text, 'VIENNA - Envoys from both countries met in Vienna on Tuesday.\nThe meeting lasted an hour.');
});

test('RSS 2.0: one article per item, HTML turned to text, guid as id, channel as source', async () => {
  const { articles, skips } = await collect([example('feeds', 'diplomacy-rss.xml')]);
  assert.deepEqual(skips, []);
  assert.deepEqual(articles.map((a) => a.id), ['example-wire-2025-02-05-sudan', 'example-wire-2025-03-03-london']);
  assert.deepEqual(articles.map((a) => a.date), ['2025-02-05', '2025-03-03']);
  assert.ok(articles.every((a) => a.source === 'Example Wire: Diplomacy'));
  assert.equal(articles[0]!.url, 'https://example.org/wire/2025/02/05/sudan-aid-corridors');
  assert.ok(articles[0]!.text.startsWith("JEDDAH, Feb 5 - Sudan's army"), 'content:encoded preferred over description');
  assert.ok(!/<p>|<\/p>/.test(articles[1]!.text));
  assert.equal(articles[1]!.text.split('\n\n').length, 6);
});

test('Atom: entries with escaped HTML content, published date, alternate link', async () => {
  const { articles } = await collect([example('feeds', 'trade-atom.xml')]);
  assert.equal(articles.length, 2);
  assert.equal(articles[0]!.date, '2025-04-03');
  assert.equal(articles[0]!.title, 'EU vows firm response to sweeping US tariffs');
  assert.equal(articles[0]!.url, 'https://trade.example.net/2025/04/03/eu-response');
  assert.ok(articles[0]!.text.includes('"We are prepared to defend our interests'), 'entities decoded');
  assert.equal(articles[1]!.date, '2025-07-27', 'the day as the feed wrote it, not shifted to UTC');
});

test('directories are read recursively in sorted order, hidden files left out', async () => {
  const { articles, skips } = await collect([fixture('nested')]);
  assert.deepEqual(skips, []);
  assert.deepEqual(articles.map((a) => a.date), ['2025-01-10', '2025-01-12', '2025-01-11']);
  const all = await collect([example()]);
  assert.deepEqual(all.skips, []);
  assert.equal(all.articles.length, 16);
  const again = await collect([example()]);
  assert.deepEqual(again.articles.map((a) => a.id), all.articles.map((a) => a.id), 'same order and ids on a re-run');
});

test('.gz of any format is read through, its format taken from the name inside', async () => {
  const { articles } = await collect([example('archive', 'iran-nato-briefs.txt.gz')]);
  assert.deepEqual(articles.map((a) => a.date), ['2025-06-25', '2025-08-28']);
  const dir = tempDir();
  const file = join(dir, 'feed.xml.gz');
  writeFileSync(file, gzipSync(readFileSync(example('feeds', 'trade-atom.xml'))));
  const feed = await collect([file]);
  assert.equal(feed.articles.length, 2);
  const jsonl = join(dir, 'items.jsonl.gz');
  writeFileSync(jsonl, gzipSync('{"id":"z","text":"Zipped."}\n'));
  assert.equal((await collect([jsonl])).articles[0]!.id, 'z');
});

test('stdin: - reads a stream, format found from its content', async () => {
  const stdin = Readable.from([Buffer.from(' date 2025-03-0'), Buffer.from('9 From stdin.\n date 2025-03-10 Second.\n')]);
  const { articles } = await collect(['-'], { stdin });
  assert.deepEqual(articles.map((a) => [a.date, a.text, a.origin]), [
    ['2025-03-09', 'From stdin.', '<stdin>:1 (record 1)'],
    ['2025-03-10', 'Second.', '<stdin>:2 (record 2)'],
  ]);
  const jsonl = await collect(['-'], { stdin: Readable.from([Buffer.from('{"id":"s","text":"x"}\n')]) });
  assert.equal(jsonl.articles[0]!.id, 's');
});

test('ids are stable: same content, same id, in any file; different date or text, different id', async () => {
  const dir = tempDir();
  const body = ' date 2025-04-01 The same story, filed twice.\n';
  writeFileSync(join(dir, 'one.txt'), body);
  writeFileSync(join(dir, 'two.txt'), `${body} date 2025-04-02 The same story, filed twice.\n`);
  const { articles } = await collect([dir]);
  assert.equal(articles[0]!.id, articles[1]!.id);
  assert.notEqual(articles[1]!.id, articles[2]!.id);
  assert.equal(articles[0]!.id, contentId('The same story, filed twice.', '2025-04-01'));
  assert.equal(contentId('x', null), contentId('x', null));
  assert.notEqual(contentId('x', null), contentId('y', null));
});

async function linesOf(chunks: Uint8Array[], max = 1000): Promise<Line[]> {
  const out: Line[] = [];
  for await (const batch of lineBatches(Readable.from(chunks), max)) out.push(...batch);
  return out;
}

test('line splitting is independent of chunk boundaries and bounded in memory', async () => {
  const bytes = Buffer.from('\uFEFFfirst 🇺🇦 line\r\nsecond\n\nlast without newline', 'utf8');
  const whole = await linesOf([bytes]);
  const bytewise = await linesOf([...bytes].map((b) => Uint8Array.of(b)));
  assert.deepEqual(bytewise, whole);
  assert.deepEqual(whole.map((l) => l.text), ['first 🇺🇦 line', 'second', '', 'last without newline']);
  assert.ok(whole.every((l) => !l.invalid && !l.truncated));

  const long = await linesOf([Buffer.from(`start ${'x'.repeat(5000)}\nnext\n`)], 100);
  assert.equal(long[0]!.truncated, true);
  assert.equal(long[0]!.bytes, 5006);
  assert.ok(long[0]!.text.startsWith('start x') && long[0]!.text.length <= 256);
  assert.equal(long[1]!.text, 'next');
});

function serve(routes: Record<string, (res: import('node:http').ServerResponse) => void>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) route(res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    });
  });
}

test('http(s) inputs: pages and feeds fetched, with status, timeout and size limit reported', async () => {
  const page = readFileSync(example('html', 'doha-ceasefire-deal.html'));
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><item><title>Item</title>` +
    `<link>PAGE</link><pubDate>Thu, 16 Jan 2025 10:00:00 +0000</pubDate><description>Short summary only.</description></item></channel></rss>`;
  let base = '';
  const { server, base: b } = await serve({
    '/page': (res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page);
    },
    '/feed': (res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(feed.replace('PAGE', `${base}/page`));
    },
    '/big': (res) => res.end(Buffer.alloc(4096, 'a')),
    '/slow': (res) => {
      res.write('<html>');
      setTimeout(() => res.end('</html>'), 2000).unref();
    },
  });
  base = b;
  try {
    const fetched = await collect([`${base}/page`]);
    assert.equal(fetched.articles[0]!.title, 'Mediators announce Gaza ceasefire and hostage deal after Doha talks');
    assert.equal(fetched.articles[0]!.url, `${base}/page`);

    const summary = await collect([`${base}/feed`]);
    assert.equal(summary.articles[0]!.text, 'Short summary only.', 'item pages are not fetched unless asked');
    const full = await collect([`${base}/feed`], { fetchItems: true });
    assert.ok(full.articles[0]!.text.startsWith('DOHA, Jan 16'), 'with fetchItems the item page gives the text');
    assert.equal(full.articles[0]!.title, 'Item');

    const bad = await collect([`${base}/missing`, `${base}/big`, `${base}/slow`], { maxDocumentBytes: 1000, timeoutMs: 200 });
    assert.deepEqual(bad.skips.map((s) => [s.origin, s.category]), [
      [`${base}/missing`, 'fetch failed'],
      [`${base}/big`, 'over size limit'],
      [`${base}/slow`, 'fetch failed'],
    ]);
    assert.match(bad.skips[0]!.reason, /HTTP 404/);
    assert.match(bad.skips[2]!.reason, /timed out after 200 ms/);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('format is found from content first (feed root, HTML document), then extension, then first character', async () => {
  assert.equal(detectFormat('saved.txt', null, '<?xml version="1.0"?>\n<rss version="2.0"><channel>'), 'feed');
  assert.equal(detectFormat('page', null, '<!-- saved -->\n<!DOCTYPE html><html>'), 'html');
  assert.equal(detectFormat('dump.json', null, '{"id": 1}'), 'jsonl');
  assert.equal(detectFormat('', 'application/atom+xml', '<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(detectFormat('', null, '{"text": "piped"}'), 'jsonl');
  assert.equal(detectFormat('notes.txt', null, '<b>Note</b> talks resumed.'), 'text');

  const dir = tempDir();
  const rdf = join(dir, 'rss1.rdf');
  writeFileSync(rdf, '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ' +
    'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>RDF Wire</title></channel>' +
    '<item rdf:about="https://x.example/a"><title>A</title><link>https://x.example/a</link><dc:date>2025-03-04</dc:date>' +
    '<description>Envoys met in Oslo.</description></item></rdf:RDF>');
  const { articles } = await collect([rdf]);
  assert.deepEqual(articles.map((a) => [a.id, a.date, a.source, a.text]), [['https://x.example/a', '2025-03-04', 'RDF Wire', 'Envoys met in Oslo.']]);
});
