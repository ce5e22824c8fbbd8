// Pairs quotation marks into quoted spans. Only double marks delimit statements (" “ ” « » „);
// single marks are quotes inside quotes or apostrophes and never close a double mark. A quote
// whose paragraph ends before its closing mark continues when the next paragraph opens with a
// mark (the wire convention for a quotation running over several paragraphs).
import type { Span } from '../types.js';

export interface QuotedSpan extends Span {
  /** Offset of the opening mark; `start` is one past it. */
  open: number;
  /** Offset of the closing mark, or the paragraph end when the quote is never closed. */
  close: number;
  closed: boolean;
  /** Index of the first and last paragraph the quote covers. */
  firstParagraph: number;
  lastParagraph: number;
}

const STRAIGHT = 0x22; // "
const LEFT = 0x201c; // “
const RIGHT = 0x201d; // ”
const LOW = 0x201e; // „
const GUILLEMET_OPEN = 0xab; // «
const GUILLEMET_CLOSE = 0xbb; // »
const MARKS = /["“”„«»]/g;

function isOpener(code: number): boolean {
  return code === LEFT || code === GUILLEMET_OPEN || code === LOW;
}

/** JavaScript's \s, by code (no string per character); NaN (outside the text) counts as space. */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  if (Number.isNaN(code)) return true;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Quoted spans of `text`, in order, given its paragraphs (sorted, non-overlapping). */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  // Offsets of every quotation mark, found in one pass; each paragraph walks its own.
  const marks: number[] = [];
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) marks.push(m.index);
  let next = 0;
  let carry: { open: number; first: number } | null = null;
  paragraphs.forEach((p, pi) => {
    let open: { pos: number; ch: number; first: number } | null = null;
    let i = p.start;
    while (i < p.end && isSpaceCode(text.charCodeAt(i))) i++;
    const firstMark = text.charCodeAt(i);
    if (carry && (firstMark === STRAIGHT || isOpener(firstMark))) {
      open = { pos: carry.open, ch: firstMark, first: carry.first };
      i++;
    } else if (carry) {
      out.push(unclosed(carry.open, carry.first, pi - 1, paragraphs));
    }
    carry = null;
    while (next < marks.length && marks[next]! < i) next++;
    for (; next < marks.length && marks[next]! < p.end; next++) {
      i = marks[next]!;
      const ch = text.charCodeAt(i);
      if (ch === STRAIGHT) {
        // A straight mark closes an open quote unless it clearly opens a new one (space before, word after).
        const opens = isSpaceCode(text.charCodeAt(i - 1)) && !isSpaceCode(text.charCodeAt(i + 1));
        if (open && !opens) {
          out.push(closedSpan(open.pos, i, open.first, pi, text));
          open = null;
        } else {
          open = { pos: i, ch, first: pi };
        }
      } else if (open && open.ch === LOW && ch === LEFT) {
        out.push(closedSpan(open.pos, i, open.first, pi, text));
        open = null;
      } else if (isOpener(ch)) {
        open = { pos: i, ch, first: pi };
      } else if (open && (ch === RIGHT || ch === GUILLEMET_CLOSE)) {
        out.push(closedSpan(open.pos, i, open.first, pi, text));
        open = null;
      }
    }
    if (open) carry = { open: open.pos, first: open.first };
  });
  const last = carry as { open: number; first: number } | null;
  if (last) out.push(unclosed(last.open, last.first, paragraphs.length - 1, paragraphs));
  return out;
}

function closedSpan(open: number, close: number, first: number, last: number, text: string): QuotedSpan {
  // French and some German styles pad the marks with spaces: « Nous partons ».
  let start = open + 1;
  let end = close;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { open, start, end, close, closed: true, firstParagraph: first, lastParagraph: last };
}

function unclosed(open: number, first: number, last: number, paragraphs: readonly Span[]): QuotedSpan {
  const end = paragraphs[last]!.end;
  return { open, start: open + 1, end, close: end, closed: false, firstParagraph: first, lastParagraph: last };
}
