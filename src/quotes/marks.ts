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

const OPENERS = new Set(['“', '«', '„']);

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/** Quoted spans of `text`, in order, given its paragraphs (sorted, non-overlapping). */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carry: { open: number; first: number } | null = null;
  paragraphs.forEach((p, pi) => {
    let open: { pos: number; ch: string; first: number } | null = null;
    let i = p.start;
    while (i < p.end && isSpace(text[i])) i++;
    const firstMark = text[i];
    if (carry && (firstMark === '"' || (firstMark !== undefined && OPENERS.has(firstMark)))) {
      open = { pos: carry.open, ch: firstMark === '"' ? '"' : firstMark, first: carry.first };
      i++;
    } else if (carry) {
      out.push(unclosed(carry.open, carry.first, pi - 1, paragraphs));
    }
    carry = null;
    for (; i < p.end; i++) {
      const ch = text[i]!;
      if (ch === '"') {
        // A straight mark closes an open quote unless it clearly opens a new one (space before, word after).
        const opens = isSpace(text[i - 1]) && !isSpace(text[i + 1]);
        if (open && !opens) {
          out.push(closedSpan(open.pos, i, open.first, pi, text));
          open = null;
        } else {
          open = { pos: i, ch, first: pi };
        }
      } else if (open && open.ch === '„' && ch === '“') {
        out.push(closedSpan(open.pos, i, open.first, pi, text));
        open = null;
      } else if (OPENERS.has(ch)) {
        open = { pos: i, ch, first: pi };
      } else if (open && (ch === '”' || ch === '»')) {
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
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { open, start, end, close, closed: true, firstParagraph: first, lastParagraph: last };
}

function unclosed(open: number, first: number, last: number, paragraphs: readonly Span[]): QuotedSpan {
  const end = paragraphs[last]!.end;
  return { open, start: open + 1, end, close: end, closed: false, firstParagraph: first, lastParagraph: last };
}
