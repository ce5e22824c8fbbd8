// Loader of the hand-annotated development set (test/fixtures/quotes/README.md): strips the
// inline `{KIND attr=value|content}` markup to plain article text and derives exact offsets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Channel, QuoteType } from '../types.js';

export interface GoldQuote {
  type: QuoteType;
  start: number;
  end: number;
  speaker: string;
  cue: string | null;
  via: Channel[];
}

export interface GoldArticle {
  article: Article;
  quotes: GoldQuote[];
}

const KINDS: Record<string, QuoteType> = { d: 'direct', m: 'mixed', i: 'indirect' };

/** Parse one annotated file's text. Throws an error naming the file and line on bad markup. */
export function parseAnnotated(source: string, name: string): GoldArticle {
  const header = /^ ?date (\d{4}(?:-\d{2}){0,2})\r?\n/.exec(source);
  if (!header) throw new Error(`${name}: first line must be 'date YYYY-MM-DD'`);
  const body = source.slice(header[0].length).replace(/\s+$/, '');
  const lineOf = (i: number) => source.slice(0, header[0].length + i).split('\n').length;
  let text = '';
  const quotes: GoldQuote[] = [];
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) {
      text += body.slice(i);
      break;
    }
    text += body.slice(i, open);
    const bar = body.indexOf('|', open);
    const close = body.indexOf('}', open);
    const nextOpen = body.indexOf('{', open + 1);
    if (bar < 0 || close < 0 || bar > close || (nextOpen >= 0 && nextOpen < close)) {
      throw new Error(`${name}:${lineOf(open)}: unbalanced or nested annotation`);
    }
    const head = body.slice(open + 1, bar);
    const kind = KINDS[head[0] ?? ''];
    if (!kind || head[1] !== ' ') throw new Error(`${name}:${lineOf(open)}: annotation must start with d, m or i and a space`);
    const attrs = parseAttributes(head.slice(2), `${name}:${lineOf(open)}`);
    if (!attrs.s) throw new Error(`${name}:${lineOf(open)}: annotation without speaker (s=)`);
    const content = body.slice(bar + 1, close);
    const start = text.length;
    text += content;
    quotes.push({ type: kind, start, end: text.length, speaker: attrs.s, cue: attrs.c ?? null, via: parseVia(attrs.v, `${name}:${lineOf(open)}`) });
    i = close + 1;
  }
  if (text.includes('}') || text.includes('|')) throw new Error(`${name}: stray '}' or '|' outside an annotation`);
  const article: Article = { id: name, date: header[1]!, title: null, source: null, url: null, text, boilerplate: [], origin: name };
  return { article, quotes };
}

function parseAttributes(s: string, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*([a-z]+)=(?:"([^"]*)"|(\S+))/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(s))) {
    out[m[1]!] = m[2] ?? m[3]!;
    pos = re.lastIndex;
  }
  if (s.slice(pos).trim()) throw new Error(`${where}: cannot read attributes '${s}'`);
  return out;
}

function parseVia(v: string | undefined, where: string): Channel[] {
  if (!v) return [];
  return v.split(';').map((part) => {
    const [k, name] = [part.slice(0, 2), part.slice(2)];
    if ((k !== 'o:' && k !== 's:') || !name) throw new Error(`${where}: bad channel '${part}'`);
    return { name, kind: k === 'o:' ? 'outlet' : 'setting' };
  });
}

/** Every annotated article of a directory, sorted by file name. */
export function loadDevSet(dir: string): GoldArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseAnnotated(readFileSync(join(dir, f), 'utf8'), f));
}
