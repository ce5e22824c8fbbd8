import { duration } from './format.js';
import type { IngestProgress } from './ingest.js';

// How `parley ingest` shows its progress: a bar redrawn in place on a terminal, and a plain line
// every few seconds when stderr is a file or a pipe (logs stay readable).

const BAR_WIDTH = 24;
const PLAIN_EVERY_MS = 5000;

export interface ProgressView {
  update(p: IngestProgress): void;
  /** Clears the bar so the summary starts on a clean line. */
  done(): void;
}

function counts(p: IngestProgress): string {
  const dup = p.duplicates + p.nearDuplicates;
  return `${p.stored} stored, ${dup} duplicate${dup === 1 ? '' : 's'}, ${p.exists} already stored, ${p.skipped} skipped`;
}

function eta(p: IngestProgress): string {
  if (p.fraction === null || p.fraction <= 0) return 'ETA ?';
  const left = ((1 - p.fraction) / p.fraction) * (p.elapsedMs / 1000);
  return `ETA ${duration(left)}`;
}

export function progressView(stream: NodeJS.WriteStream): ProgressView {
  if (stream.isTTY) {
    let drawn = false;
    return {
      update(p) {
        const f = p.fraction ?? 0;
        const filled = Math.round(f * BAR_WIDTH);
        const bar = p.fraction === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(f * 100)}% `;
        const line = `${bar}${p.read} articles  ${p.rate.toFixed(0)}/s  ${eta(p)}  ${counts(p)}`;
        stream.write(`\r\x1b[K${line.slice(0, Math.max(20, (stream.columns ?? 120) - 1))}`);
        drawn = true;
      },
      done() {
        if (drawn) stream.write('\r\x1b[K');
      },
    };
  }
  let last = 0;
  return {
    update(p) {
      if (p.elapsedMs - last < PLAIN_EVERY_MS) return;
      last = p.elapsedMs;
      const pct = p.fraction === null ? '' : ` (${Math.floor(p.fraction * 100)}%, ${eta(p)})`;
      stream.write(`parley ingest: ${p.read} articles read${pct}, ${p.rate.toFixed(0)}/s: ${counts(p)}\n`);
    },
    done() {},
  };
}
