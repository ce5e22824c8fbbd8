import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { finishArticle } from './article.js';
import { parseFeed } from './feed.js';
import { fetchSource, fetchText } from './fetch.js';
import { detectFormat, isGzip, looksBinary } from './format.js';
import { readHtmlPage } from './html.js';
import { jsonlLineLimit, readJsonlLines } from './jsonl.js';
import { lineBatches } from './lines.js';
import { readTextLines, textLineLimit } from './records.js';
import { InputError, peek, readAll, type Source } from './source.js';
import {
  resolveReadOptions, skip, type ReadOptions, type ReadResult, type ResolvedReadOptions,
} from './types.js';

const SNIFF_BYTES = 8192;
const URL_INPUT = /^https?:\/\//i;

/**
 * Articles from files, directories (recursive, in sorted order), `-` (stdin) and http(s) URLs,
 * in input order, streamed: a multi-gigabyte JSONL or record file is never held in memory.
 * Whatever cannot be read becomes a Skip naming the input and record, and reading goes on.
 */
export async function* readInputs(inputs: string[], options: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const opts = resolveReadOptions(options);
  for (const input of inputs) {
    if (input === '-') {
      const stdin = opts.stdin ?? (process.stdin as AsyncIterable<Uint8Array>);
      yield* readGuarded({ name: '<stdin>', formatHint: '', url: null, contentType: null, bytes: stdin }, opts);
    } else if (URL_INPUT.test(input)) {
      yield* readUrl(input, opts);
    } else {
      yield* readPath(input, opts, new Set());
    }
  }
}

async function* readUrl(url: string, opts: ResolvedReadOptions): AsyncGenerator<ReadResult> {
  let source: Source;
  try {
    source = await fetchSource(url, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxDocumentBytes });
  } catch (err) {
    yield failed(url, err);
    return;
  }
  yield* readGuarded(source, opts);
}

async function* readPath(path: string, opts: ResolvedReadOptions, seenDirs: Set<string>): AsyncGenerator<ReadResult> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    yield skip(path, 'unreadable', code === 'ENOENT' ? 'no such file or directory' : (err as Error).message);
    return;
  }
  if (info.isDirectory()) {
    // A symlink loop would otherwise recurse forever.
    const real = await realpath(path);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let names: string[];
    try {
      names = await readdir(path);
    } catch (err) {
      yield skip(path, 'unreadable', (err as Error).message);
      return;
    }
    // Code-point order, not locale order, so every machine reads a directory the same way.
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      if (!name.startsWith('.')) yield* readPath(join(path, name), opts, seenDirs);
    }
    return;
  }
  const source: Source = {
    name: path,
    formatHint: path,
    url: null,
    contentType: null,
    bytes: createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
  yield* readGuarded(source, opts);
}

function failed(origin: string, err: unknown): ReadResult {
  if (err instanceof InputError) return skip(origin, err.category, err.message);
  return skip(origin, 'unreadable', (err as Error).message ?? String(err));
}

/** Reads one source; a failure part-way (a broken gzip stream, a timeout) skips the rest of it. */
async function* readGuarded(source: Source, opts: ResolvedReadOptions): AsyncGenerator<ReadResult> {
  let produced = false;
  try {
    for await (const result of readSource(source, opts)) {
      produced = true;
      yield result;
    }
  } catch (err) {
    yield failed(source.name, err);
    return;
  }
  if (!produced) yield skip(source.name, 'empty', 'no article text (the input is blank)');
}

async function* readSource(source: Source, opts: ResolvedReadOptions): AsyncGenerator<ReadResult> {
  const { head, bytes } = await peek(source.bytes, SNIFF_BYTES);
  if (head.length === 0) {
    yield skip(source.name, 'empty', 'file is empty');
    return;
  }
  if (isGzip(head)) {
    const gunzip = Readable.from(bytes).pipe(createGunzip());
    const inner = (async function* () {
      try {
        for await (const chunk of gunzip) yield chunk as Uint8Array;
      } catch (err) {
        throw new InputError('unreadable', `not a valid gzip stream: ${(err as Error).message}`);
      }
    })();
    yield* readSource({ ...source, formatHint: source.formatHint.replace(/\.gz$/i, ''), bytes: inner }, opts);
    return;
  }
  if (looksBinary(head)) {
    yield skip(source.name, 'binary', 'binary file, not text (parley reads UTF-8 text)');
    return;
  }
  const format = detectFormat(source.formatHint, source.contentType, new TextDecoder().decode(head));
  switch (format) {
    case 'jsonl':
      yield* readJsonlLines(source.name, lineBatches(bytes, jsonlLineLimit(opts.maxBytes)), opts);
      return;
    case 'text':
      yield* readTextLines(source.name, lineBatches(bytes, textLineLimit(opts.maxBytes)), opts);
      return;
    case 'html': {
      const html = await decodeDocument(source, bytes, opts);
      const page = readHtmlPage(html, source.url);
      yield finishArticle({ ...page, origin: source.name }, opts);
      return;
    }
    case 'feed':
      yield* readFeedItems(source, await decodeDocument(source, bytes, opts), opts);
  }
}

/** A whole HTML page or feed as text: UTF-8, or the charset the document declares. */
async function decodeDocument(source: Source, bytes: AsyncIterable<Uint8Array>, opts: ResolvedReadOptions): Promise<string> {
  const data = await readAll(bytes, opts.maxDocumentBytes, source.name);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const declared =
      /charset=["']?([\w-]+)/i.exec(source.contentType ?? '')?.[1] ??
      /<meta[^>]{0,200}charset=["']?([\w-]+)/i.exec(new TextDecoder().decode(data.subarray(0, 4096)))?.[1] ??
      /<\?xml[^>]{0,100}encoding=["']([\w-]+)/i.exec(new TextDecoder().decode(data.subarray(0, 200)))?.[1];
    if (declared && !/^utf-?8$/i.test(declared)) {
      try {
        return new TextDecoder(declared).decode(data);
      } catch {
        // An unknown charset label: report the bytes as invalid below.
      }
    }
    throw new InputError('invalid UTF-8', 'invalid UTF-8 (and no other charset declared)');
  }
}

async function* readFeedItems(source: Source, xml: string, opts: ResolvedReadOptions): AsyncGenerator<ReadResult> {
  const feed = parseFeed(xml);
  if (!feed) {
    yield skip(source.name, 'unreadable', 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root element)');
    return;
  }
  if (feed.items.length === 0) {
    yield skip(source.name, 'empty', 'feed has no items');
    return;
  }
  for (const item of feed.items) {
    const origin = `${source.name} (item ${item.index})`;
    if (item.rawDate && !item.date) {
      yield skip(origin, 'bad date', `item date '${item.rawDate}' is not a date`);
      continue;
    }
    let { text, title, date } = item;
    let site = feed.title;
    if (opts.fetchItems && item.link) {
      try {
        const page = readHtmlPage(await fetchText(item.link, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxDocumentBytes }), item.link);
        text = page.text || text;
        title ??= page.title;
        date ??= page.date;
        site = page.source ?? site;
      } catch (err) {
        yield failed(`${origin} (${item.link})`, err);
        continue;
      }
    }
    yield finishArticle({ id: item.id, date, title, source: site, url: item.link, text, origin }, opts);
  }
}
