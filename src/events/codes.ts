/** The CAMEO code table (lexicon/events/cameo.json, built by build-codes.ts from published facts). */
import type { CodeEntry, PloverType } from './build-codes.js';

export interface CodeTableFile {
  codes: Record<string, CodeEntry>;
  plover: Record<string, PloverType>;
}

export class CodeTable {
  private readonly codes: Map<string, CodeEntry>;
  readonly ploverTypes: Set<string>;

  constructor(file: CodeTableFile) {
    this.codes = new Map(Object.entries(file.codes));
    this.ploverTypes = new Set(Object.keys(file.plover));
  }

  /** The entry for a code, or for its nearest listed parent ("0871" → "087" → "08"). */
  get(code: string): CodeEntry | undefined {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const e = this.codes.get(c);
      if (e) return e;
    }
    return undefined;
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }
}
