import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { IngestTally } from '../src/ingest/tally.js';
import { collect, fixture, tempDir } from './ingest-helpers.js';

test('empty and blank files are skipped with a message naming the file', async () => {
  const { articles, skips } = await collect([fixture('bad', 'empty.txt'), fixture('bad', 'blank.txt'), fixture('plain-undated.txt')]);
  assert.equal(articles.length, 1, 'the good file after them is still read');
  assert.deepEqual(skips.map((s) => [s.origin, s.category]), [
    [fixture('bad', 'empty.txt'), 'empty'],
    [fixture('bad', 'blank.txt'), 'empty'],
  ]);
  assert.match(skips[0]!.reason, /empty/);
});

test('a binary file is skipped as binary', async () => {
  const dir = tempDir();
  const file = join(dir, 'photo.txt');
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  const { skips } = await collect([file]);
  assert.deepEqual(skips.map((s) => [s.origin, s.category]), [[file, 'binary']]);
  assert.match(skips[0]!.reason, /binary/);
});

test('invalid UTF-8 skips only the record or line that holds it', async () => {
  const dir = tempDir();
  const records = join(dir, 'records.txt');
  writeFileSync(records, Buffer.concat([
    Buffer.from(' date 2025-01-01 Good first record.\n date 2025-01-02 Broken '),
    Buffer.from([0xc3, 0x28, 0xff]),
    Buffer.from(' record.\nwith a second line.\n date 2025-01-03 Good third record.\n'),
  ]));
  const r = await collect([records]);
  assert.deepEqual(r.articles.map((a) => a.date), ['2025-01-01', '2025-01-03']);
  assert.deepEqual(r.skips.map((s) => [s.origin, s.category, s.reason]), [
    [`${records}:2 (record 2)`, 'invalid UTF-8', 'invalid UTF-8 at line 2'],
  ]);

  const jsonl = join(dir, 'items.jsonl');
  writeFileSync(jsonl, Buffer.concat([
    Buffer.from('{"id":"a","text":"fine"}\n{"id":"b","text":"bad '),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from('"}\n{"id":"c","text":"fine too"}\n'),
  ]));
  const j = await collect([jsonl]);
  assert.deepEqual(j.articles.map((a) => a.id), ['a', 'c']);
  assert.deepEqual(j.skips.map((s) => [s.origin, s.category]), [[`${jsonl}:2`, 'invalid UTF-8']]);

  const page = join(dir, 'page.html');
  writeFileSync(page, Buffer.concat([Buffer.from('<html><body><p>caf'), Buffer.from([0xe9]), Buffer.from('</p></body></html>')]));
  assert.deepEqual((await collect([page])).skips.map((s) => s.category), ['invalid UTF-8']);
  const latin = join(dir, 'latin1.html');
  writeFileSync(latin, Buffer.concat([
    Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Talks in the caf'),
    Buffer.from([0xe9]),
    Buffer.from(' ended.</p></body></html>'),
  ]));
  assert.equal((await collect([latin])).articles[0]!.text, 'Talks in the café ended.', 'a declared charset is honoured');
});

test('malformed JSONL lines, bad dates and missing text are named by line; good lines still read', async () => {
  const file = fixture('bad', 'mixed.jsonl');
  const { articles, skips } = await collect([file]);
  assert.deepEqual(articles.map((a) => [a.id, a.date]), [['ok-1', '2025-03-01'], ['ok-2', '2025-03-05']]);
  assert.deepEqual(skips.map((s) => [s.origin, s.category]), [
    [`${file}:2`, 'malformed JSON'],
    [`${file}:3`, 'missing text'],
    [`${file}:4`, 'bad date'],
    [`${file}:6`, 'malformed JSON'],
  ]);
  assert.match(skips[2]!.reason, /"March the third" is not a date/);
  assert.match(skips[3]!.reason, /not a JSON object/);
});

test('a date that is not a calendar day is refused, in records, JSONL and feeds', async () => {
  const dir = tempDir();
  const records = join(dir, 'r.txt');
  writeFileSync(records, ' date 2025-02-29 Not a leap year.\n date 2024-02-29 A leap year.\n');
  const r = await collect([records]);
  assert.deepEqual(r.articles.map((a) => a.date), ['2024-02-29']);
  assert.deepEqual(r.skips.map((s) => s.category), ['bad date']);
  const feed = join(dir, 'f.xml');
  writeFileSync(feed, '<rss version="2.0"><channel><title>F</title><item><title>A</title><pubDate>someday soon</pubDate>' +
    '<description>Text.</description></item><item><title>B</title><description>Undated text.</description></item></channel></rss>');
  const f = await collect([feed]);
  assert.deepEqual(f.skips.map((s) => [s.origin, s.category]), [[`${feed} (item 1)`, 'bad date']]);
  assert.deepEqual(f.articles.map((a) => [a.title, a.date]), [['B', null]]);
});

test('articles over the size limit are skipped, the rest read, in every streamed format', async () => {
  const dir = tempDir();
  const big = 'word '.repeat(400);
  const records = join(dir, 'r.txt');
  writeFileSync(records, ` date 2025-01-01 Small.\n date 2025-01-02 ${big}\n${big}\n date 2025-01-03 Small again.\n`);
  const r = await collect([records], { maxBytes: 1000 });
  assert.deepEqual(r.articles.map((a) => a.date), ['2025-01-01', '2025-01-03']);
  assert.deepEqual(r.skips.map((s) => [s.origin, s.category]), [[`${records}:2 (record 2)`, 'over size limit']]);
  assert.match(r.skips[0]!.reason, /above the 1000-byte limit \(--max-bytes\)/);

  const jsonl = join(dir, 'j.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ id: 'big', text: big })}\n${JSON.stringify({ id: 'huge', text: big.repeat(10) })}\n{"id":"ok","text":"fits"}\n`);
  const j = await collect([jsonl], { maxBytes: 1000 });
  assert.deepEqual(j.articles.map((a) => a.id), ['ok']);
  assert.deepEqual(j.skips.map((s) => [s.origin, s.category]), [[`${jsonl}:1`, 'over size limit'], [`${jsonl}:2`, 'over size limit']]);

  const plain = join(dir, 'p.txt');
  writeFileSync(plain, big.repeat(3));
  assert.deepEqual((await collect([plain], { maxBytes: 1000 })).skips.map((s) => s.category), ['over size limit']);
});

test('a record with a date but no text, a missing path and a corrupt gzip are each reported', async () => {
  const dir = tempDir();
  const gz = join(dir, 'broken.txt.gz');
  writeFileSync(gz, gzipSync(' date 2025-01-01 Some text.\n').subarray(0, 20));
  const missing = join(dir, 'nope.txt');
  const { articles, skips } = await collect([fixture('bad', 'date-without-text.txt'), missing, gz, fixture('plain-undated.txt')]);
  assert.equal(articles.length, 1);
  assert.deepEqual(skips.map((s) => [s.origin, s.category]), [
    [`${fixture('bad', 'date-without-text.txt')}:1 (record 1)`, 'missing text'],
    [missing, 'unreadable'],
    [gz, 'unreadable'],
  ]);
  assert.match(skips[1]!.reason, /no such file/);
  assert.match(skips[2]!.reason, /gzip/);
});

test('the tally counts, names each skip and summarises reasons; exit code non-zero on skips', async () => {
  const lines: string[] = [];
  const tally = new IngestTally((l) => lines.push(l));
  assert.equal(tally.exitCode, 0);
  const { articles, skips } = await collect([fixture('bad')]);
  tally.analysed = articles.length;
  for (const s of skips) tally.skip(s);
  assert.equal(tally.summary(), '2 analysed, 7 skipped (2 empty, 2 missing text, 2 malformed JSON, 1 bad date)');
  assert.equal(tally.exitCode, 1);
  assert.equal(lines.length, 7);
  assert.ok(lines.every((l) => l.startsWith('parley: skipped ') && l.endsWith('\n')));
});
