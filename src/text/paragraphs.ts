import type { Span } from '../types.js';
import { isSpaceCode } from './chars.js';
import { readLexiconJson } from './lexicon.js';

const BULLETS = new Set(readLexiconJson<{ bullets: string[] }>('text', 'tokenizer.json').bullets);

/** Characters that end a line when the text puts one paragraph on each line. */
const LINE_FINAL = new Set(['.', '!', '?', '"', '”', '’', '»', ':', ')', '…']);

/**
 * Paragraph spans of text[start, end), trimmed of surrounding whitespace. Blank lines always
 * separate paragraphs. Inside a block, single newlines separate paragraphs when most of its
 * lines end like a paragraph ends; otherwise they are hard wraps inside one paragraph. A line
 * that opens with a bullet mark ("* ", "• ") begins a list item, which is a paragraph.
 */
export function paragraphSpans(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let block: Span[] = [];
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && !isLineBreak(text.charCodeAt(j))) j++;
    const line = trimmed(text, i, j);
    if (line && isBulleted(text, line)) flush();
    if (line) block.push(line);
    else flush();
    if (j < end && text.charCodeAt(j) === 13 && j + 1 < end && text.charCodeAt(j + 1) === 10) j++;
    if (j < end && text.charCodeAt(j) === 0x2029) flush();
    i = j + 1;
  }
  flush();
  return out;

  function flush(): void {
    if (block.length === 0) return;
    if (block.length > 1 && linePerParagraph(text, block)) out.push(...block);
    else out.push({ start: block[0]!.start, end: block[block.length - 1]!.end });
    block = [];
  }
}

function isBulleted(text: string, line: Span): boolean {
  return line.end - line.start > 2 && BULLETS.has(text[line.start]!) && isSpaceCode(text.charCodeAt(line.start + 1));
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0x85;
}

function trimmed(text: string, i: number, j: number): Span | null {
  while (i < j && isSpaceCode(text.charCodeAt(i))) i++;
  while (j > i && isSpaceCode(text.charCodeAt(j - 1))) j--;
  return i < j ? { start: i, end: j } : null;
}

function linePerParagraph(text: string, lines: Span[]): boolean {
  let ending = 0;
  for (let k = 0; k < lines.length - 1; k++) if (LINE_FINAL.has(text[lines[k]!.end - 1]!)) ending++;
  return ending * 2 >= lines.length - 1;
}
