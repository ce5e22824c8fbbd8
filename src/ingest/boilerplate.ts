import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { Span } from '../types.js';

interface PatternRule {
  name: string;
  pattern: string;
  flags?: string;
}

interface BlockRule extends Omit<PatternRule, 'pattern'> {
  header: string;
  maxItemWords: number;
  maxItems: number;
}

export interface BoilerplateLexicon {
  version: number;
  phrases: PatternRule[];
  lines: PatternRule[];
  blocks: BlockRule[];
  menus: { separators: string; minItems: number; maxItemWords: number; minShortLineRun: number };
}

/** The lexicon compiled once: regular expressions built, separators in a Set. */
export interface BoilerplateRules {
  phrases: RegExp[];
  lines: RegExp[];
  blocks: Array<{ header: RegExp; maxItemWords: number; maxItems: number }>;
  separators: Set<string>;
  /** Any separator, to reject the many lines that hold none before looking closer. */
  anySeparator: RegExp;
  menuMinItems: number;
  menuMaxItemWords: number;
  minShortLineRun: number;
}

interface LineSpan extends Span {
  text: string;
  words: number;
}

/** lexicon/ingest/boilerplate.json, found from the repository root (src/ under tsx, dist/src once built). */
export function defaultLexiconPath(): string {
  return packagePath('lexicon', 'ingest', 'boilerplate.json');
}

function compile(rule: { pattern: string; flags?: string; name: string }, global: boolean): RegExp {
  const flags = (rule.flags ?? '').replace(/[gy]/g, '') + (global ? 'g' : '');
  try {
    return new RegExp(rule.pattern, flags);
  } catch (err) {
    throw new Error(`boilerplate lexicon: rule '${rule.name}': ${(err as Error).message}`);
  }
}

export function compileBoilerplate(lexicon: BoilerplateLexicon): BoilerplateRules {
  return {
    phrases: lexicon.phrases.map((r) => compile(r, true)),
    lines: lexicon.lines.map((r) => compile(r, false)),
    blocks: lexicon.blocks.map((b) => ({
      header: compile({ name: b.name, pattern: b.header, flags: b.flags }, false),
      maxItemWords: b.maxItemWords,
      maxItems: b.maxItems,
    })),
    separators: new Set(lexicon.menus.separators),
    anySeparator: new RegExp(`[${lexicon.menus.separators.replace(/[\\\]^-]/g, '\\$&')}]`),
    menuMinItems: lexicon.menus.minItems,
    menuMaxItemWords: lexicon.menus.maxItemWords,
    minShortLineRun: lexicon.menus.minShortLineRun,
  };
}

export function loadBoilerplateRules(path: string = defaultLexiconPath()): BoilerplateRules {
  return compileBoilerplate(JSON.parse(readFileSync(path, 'utf8')) as BoilerplateLexicon);
}

let defaultRules: BoilerplateRules | null = null;

function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Non-blank lines with their trimmed spans. */
function textLines(text: string): LineSpan[] {
  const out: LineSpan[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let s = start;
    let e = end;
    while (s < e && text.charCodeAt(s) <= 32) s++;
    while (e > s && text.charCodeAt(e - 1) <= 32) e--;
    if (e > s) {
      const line = text.slice(s, e);
      out.push({ start: s, end: e, text: line, words: countWords(line) });
    }
    start = end + 1;
  }
  return out;
}

const SENTENCE_PUNCTUATION = /[.!?:;"“”,]/;

function isMenuBar(line: LineSpan, rules: BoilerplateRules): boolean {
  if (!rules.anySeparator.test(line.text)) return false;
  let items = 1;
  let words = 0;
  let inWord = false;
  // Every item is short, so the scan stops a few words into any line of prose.
  for (const ch of line.text) {
    if (rules.separators.has(ch)) {
      if (words === 0) return false;
      items++;
      words = 0;
      inWord = false;
      continue;
    }
    const space = ch === ' ' || ch === '\t';
    if (!space && !inWord && ++words > rules.menuMaxItemWords) return false;
    inWord = !space;
  }
  return items >= rules.menuMinItems && words > 0 && words <= rules.menuMaxItemWords;
}

function isMenuItem(line: LineSpan, rules: BoilerplateRules): boolean {
  const first = line.text[0]!;
  return line.words <= rules.menuMaxItemWords && !SENTENCE_PUNCTUATION.test(line.text) && first !== first.toLowerCase();
}

/**
 * Spans of site boilerplate in an article's text, sorted and merged. The text itself is not
 * touched: stages consult these spans (Doc.inBoilerplate) and skip what falls inside.
 */
export function markBoilerplate(text: string, rules?: BoilerplateRules): Span[] {
  const r = rules ?? (defaultRules ??= loadBoilerplateRules());
  const spans: Span[] = [];
  const lines = textLines(text);

  let run: LineSpan[] = [];
  const endRun = (): void => {
    if (run.length >= r.minShortLineRun) for (const l of run) spans.push({ start: l.start, end: l.end });
    run = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (r.lines.some((re) => re.test(line.text)) || isMenuBar(line, r)) spans.push({ start: line.start, end: line.end });
    if (isMenuItem(line, r)) run.push(line);
    else endRun();
    const block = r.blocks.find((b) => b.header.test(line.text));
    if (block) {
      let last = i;
      while (last + 1 < lines.length && last - i < block.maxItems) {
        const item = lines[last + 1]!;
        if (item.words > block.maxItemWords || /[.]$/.test(item.text)) break;
        last++;
      }
      if (last > i) spans.push({ start: line.start, end: lines[last]!.end });
    }
  }
  endRun();

  for (const re of r.phrases) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].trimEnd().length });
    }
  }
  return mergeSpans(text, spans);
}

/** Overlapping spans, and spans with only whitespace between them, become one. */
function mergeSpans(text: string, spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && (s.start <= last.end || text.slice(last.end, s.start).trim() === '')) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}
