import { extname } from 'node:path';

/** How an input is read: streamed lines (records or plain text, JSONL), or parsed whole (HTML, feeds). */
export type InputFormat = 'text' | 'jsonl' | 'html' | 'feed';

const BY_EXTENSION: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
  '.rdf': 'feed',
  '.txt': 'text',
  '.text': 'text',
};

const FEED_ROOT = /<(?:rss|feed|rdf:RDF)[\s>]/;
const HTML_START = /^(?:<!--[^]*?-->\s*)*<(?:!doctype html|html|head|body)[\s>]/i;

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** NUL bytes do not occur in UTF-8 text (UTF-16 text has them too; parley reads UTF-8). */
export function looksBinary(head: Uint8Array): boolean {
  return head.includes(0);
}

/**
 * The format of an input from its first bytes, its content type and its name. Unmistakable
 * content (a feed's root element, an HTML document) wins over the name; then the extension;
 * then a guess from the first character.
 */
export function detectFormat(hint: string, contentType: string | null, headText: string): InputFormat {
  const start = headText.replace(/^\uFEFF/, '').trimStart();
  const ext = extname(hint).toLowerCase();
  const type = (contentType ?? '').toLowerCase();
  if (start.startsWith('<') && FEED_ROOT.test(start) && !HTML_START.test(start.replace(/^<\?xml[^>]*>\s*/, ''))) {
    return 'feed';
  }
  if (HTML_START.test(start.replace(/^<\?xml[^>]*>\s*/, ''))) return 'html';
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  if (/(rss|atom)\+xml|\/xml/.test(type)) return 'feed';
  if (type.includes('html')) return 'html';
  if (type.includes('ndjson') || type.includes('jsonl') || start.startsWith('{')) return 'jsonl';
  return 'text';
}
