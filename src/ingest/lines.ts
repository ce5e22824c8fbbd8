/** One line of a byte stream, decoded as strict UTF-8. */
export interface Line {
  /** 1-based line number. */
  no: number;
  /** The line without its terminator (`\n` or `\r\n`); a prefix only when `truncated`. */
  text: string;
  /** Length in bytes, terminator excluded. */
  bytes: number;
  /** The bytes were not valid UTF-8 (`text` is then a lenient decoding, for messages only). */
  invalid: boolean;
  /** The line was longer than the limit; its bytes were counted but not kept. */
  truncated: boolean;
}

const NEWLINE = 0x0a;
const BOM = '\uFEFF';
const CR = 0x0d;
/** Bytes of an over-long line kept so callers can still see how it starts. */
const PREFIX_BYTES = 256;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

function decode(bytes: Uint8Array): { text: string; invalid: boolean } {
  try {
    return { text: strict.decode(bytes), invalid: false };
  } catch {
    return { text: lenient.decode(bytes), invalid: true };
  }
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Splits a byte stream into lines without holding more than one line (up to `maxLineBytes`) in
 * memory, so a multi-gigabyte file streams. Lines come in batches, one per chunk, because a
 * generator step per line costs more than the line's work. A leading UTF-8 BOM is dropped.
 */
export async function* lineBatches(
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<Line[]> {
  let no = 0;
  let pending: Uint8Array[] = [];
  let kept = 0;
  let total = 0;

  // Past the limit the rest of a line is counted, not stored.
  const keep = (part: Uint8Array): void => {
    total += part.length;
    if (kept > maxLineBytes || part.length === 0) return;
    const room = maxLineBytes + 1 - kept;
    const stored = part.length > room ? part.subarray(0, room) : part;
    pending.push(stored);
    kept += stored.length;
  };

  const finish = (): Line => {
    no += 1;
    const truncated = total > maxLineBytes;
    let bytes = concat(pending, kept);
    let length = total;
    if (truncated) bytes = bytes.subarray(0, PREFIX_BYTES);
    else if (length > 0 && bytes[length - 1] === CR) bytes = bytes.subarray(0, --length);
    pending = [];
    kept = 0;
    total = 0;
    if (truncated) return { no, text: lenient.decode(bytes), bytes: length, invalid: false, truncated };
    const { text, invalid } = decode(bytes);
    if (no === 1 && text.startsWith(BOM)) return { no, text: text.slice(1), bytes: length - 3, invalid, truncated };
    return { no, text, bytes: length, invalid, truncated };
  };

  for await (const chunk of chunks) {
    const batch: Line[] = [];
    let start = 0;
    for (let i = chunk.indexOf(NEWLINE); i !== -1; i = chunk.indexOf(NEWLINE, start)) {
      keep(chunk.subarray(start, i));
      batch.push(finish());
      start = i + 1;
    }
    if (start < chunk.length) keep(chunk.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (total > 0) yield [finish()];
}
