import type { PartialDate } from '../types.js';
import { finishArticle, overSize } from './article.js';
import { parsePartialDate } from './dates.js';
import type { Line } from './lines.js';
import { skip, type ReadResult, type ResolvedReadOptions } from './types.js';

/**
 * A record starts at a line beginning with `date` (after optional blanks) and a date token;
 * the token is taken loosely (digits and separators) so that a wrong date is reported, not
 * silently read as text.
 */
const DATE_LINE = /^[ \t]*date[ \t]+(\d[\w./:+-]*)(?:[ \t]+|$)/;

/** Kept past the size limit so a record just over it is measured exactly, not guessed. */
const SLACK_BYTES = 64 * 1024;

/** Longest line kept in memory when reading text: anything longer is over the article limit anyway. */
export function textLineLimit(maxBytes: number): number {
  return maxBytes + SLACK_BYTES;
}

export function parseDateLine(line: string): { token: string; rest: string } | null {
  const m = DATE_LINE.exec(line);
  return m ? { token: m[1]!, rest: line.slice(m[0].length) } : null;
}

/** One record being collected line by line. */
class RecordBuffer {
  readonly lines: string[] = [];
  bytes = 0;
  over = false;
  invalidLine = 0;

  constructor(
    readonly origin: string,
    readonly dateToken: string | null,
    first: string | null,
    private readonly limit: number,
  ) {
    if (first !== null) this.add(first, Buffer.byteLength(first));
  }

  addLine(line: Line): void {
    if (line.invalid && !this.invalidLine) this.invalidLine = line.no;
    if (line.truncated) this.over = true;
    this.add(line.text, line.bytes);
  }

  private add(text: string, bytes: number): void {
    this.bytes += bytes + 1;
    if (this.bytes > this.limit) this.over = true;
    if (!this.over) this.lines.push(text);
  }
}

function finishRecord(buf: RecordBuffer, recordMode: boolean, options: ResolvedReadOptions): ReadResult {
  let date: PartialDate | null = null;
  if (buf.dateToken !== null) {
    date = parsePartialDate(buf.dateToken);
    if (!date) {
      return skip(buf.origin, 'bad date', `date '${buf.dateToken}' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
    }
  }
  if (buf.invalidLine) return skip(buf.origin, 'invalid UTF-8', `invalid UTF-8 at line ${buf.invalidLine}`);
  if (buf.over) return overSize(buf.origin, buf.bytes, options.maxBytes);
  const text = buf.lines.join('\n').trim();
  if (!text) {
    return skip(buf.origin, 'missing text', recordMode ? 'record has a date line but no text' : 'no article text');
  }
  return finishArticle({ date, text, origin: buf.origin }, options);
}

/**
 * Text input: the record format when the first non-blank line is a date line (one article per
 * record, any number of records, each streamed), otherwise one plain-text article.
 * Text keeps its paragraphs; only blanks around the whole text are dropped.
 */
export async function* readTextLines(
  name: string,
  batches: AsyncIterable<Line[]>,
  options: ResolvedReadOptions,
): AsyncGenerator<ReadResult> {
  const limit = textLineLimit(options.maxBytes);
  let recordMode: boolean | null = null;
  let records = 0;
  let buf: RecordBuffer | null = null;
  for await (const batch of batches) {
    for (const line of batch) {
      const dated = parseDateLine(line.text);
      if (recordMode === null) {
        if (line.text.trim() === '' && !line.invalid && !line.truncated) continue;
        recordMode = dated !== null;
        if (!recordMode) buf = new RecordBuffer(name, null, null, limit);
      }
      if (recordMode && dated) {
        if (buf) yield finishRecord(buf, true, options);
        records++;
        buf = new RecordBuffer(`${name}:${line.no} (record ${records})`, dated.token, dated.rest, limit);
        if (line.invalid) buf.invalidLine = line.no;
        if (line.truncated) buf.over = true;
      } else {
        buf!.addLine(line);
      }
    }
  }
  if (buf) yield finishRecord(buf, recordMode === true, options);
}
