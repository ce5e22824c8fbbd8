// Plain-text renderings shared by the corpus commands: aligned tables, sparklines, CSV fields.

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(headers: string[], rows: Array<Array<string | number | null>>): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === 'number'));
  const line = (r: string[]): string =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/**
 * Table rows with each run of three or more empty periods folded into one "…" row, so a long
 * quiet stretch does not push the activity off the screen (sparklines keep every period).
 */
export function foldEmpty<T>(items: T[], isEmpty: (x: T) => boolean, row: (x: T) => Array<string | number | null>, width: number): Array<Array<string | number | null>> {
  const out: Array<Array<string | number | null>> = [];
  for (let i = 0; i < items.length; ) {
    let j = i;
    while (j < items.length && isEmpty(items[j]!)) j++;
    if (j - i >= 3) {
      out.push([`… ${j - i} empty`, ...new Array<null>(width - 1).fill(null)]);
      i = j;
    } else {
      out.push(row(items[i]!));
      i++;
    }
  }
  return out;
}

const BARS = '▁▂▃▄▅▆▇█';

/** One character per value, scaled to the largest; zero is a blank-looking lowest bar. */
export function sparkline(values: number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (max === 0 || v <= 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.floor((v / max) * (BARS.length - 1)))]))
    .join('');
}

/** One CSV record (RFC 4180): fields with a comma, quote or line break are quoted. */
export function csvRow(values: Array<string | number | boolean | null | undefined>): string {
  return (
    values
      .map((v) => {
        const s = v === null || v === undefined ? '' : String(v);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

/** A field of a tab-separated export: tabs and line breaks inside a value become spaces. */
export function tsvField(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' ');
}

/** Seconds as m:ss or h:mm:ss. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
