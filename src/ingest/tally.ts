import type { Skip, SkipCategory } from './types.js';

/**
 * Counts what a command read and skipped, prints each skip as it happens and a summary at the
 * end, so that nothing is dropped silently.
 */
export class IngestTally {
  analysed = 0;
  skipped = 0;
  private readonly reasons = new Map<SkipCategory, number>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly command = 'parley',
  ) {}

  skip(s: Skip): void {
    this.skipped++;
    this.reasons.set(s.category, (this.reasons.get(s.category) ?? 0) + 1);
    this.write(`${this.command}: skipped ${s.origin}: ${s.reason}\n`);
  }

  /** "12 analysed, 3 skipped (2 malformed JSON, 1 bad date)" */
  summary(verb = 'analysed'): string {
    const reasons = [...this.reasons].map(([category, n]) => `${n} ${category}`).join(', ');
    return `${this.analysed} ${verb}, ${this.skipped} skipped${reasons ? ` (${reasons})` : ''}`;
  }

  /** Exit status: non-zero whenever anything was skipped. */
  get exitCode(): number {
    return this.skipped > 0 ? 1 : 0;
  }
}
