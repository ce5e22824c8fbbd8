import { readLexiconJson } from '../text/lexicon.js';

interface WordsFile {
  weekdays: Record<string, number>;
  months: Record<string, number>;
  monthAbbreviations: Record<string, number>;
  monthPrefixes: string[];
  numbers: Record<string, number>;
  future: string[];
  pastAuxiliaries: string[];
  speech: string[];
}

/** lexicon/time/words.json compiled into Maps and Sets. */
export class TimeWords {
  readonly weekdays: Map<string, number>;
  /** Month names. */
  readonly months: Map<string, number>;
  /** Month names and abbreviations ("jan.", "sept"). */
  readonly monthForms: Map<string, number>;
  readonly monthPrefixes: string[];
  readonly numbers: Map<string, number>;
  readonly future: Set<string>;
  readonly pastAuxiliaries: Set<string>;
  readonly speech: Set<string>;

  constructor() {
    const f = readLexiconJson<WordsFile>('time', 'words.json');
    this.weekdays = new Map(Object.entries(f.weekdays));
    this.months = new Map(Object.entries(f.months));
    this.monthForms = new Map([...this.months, ...Object.entries(f.monthAbbreviations)]);
    this.monthPrefixes = f.monthPrefixes;
    this.numbers = new Map(Object.entries(f.numbers));
    this.future = new Set(f.future);
    this.pastAuxiliaries = new Set(f.pastAuxiliaries);
    this.speech = new Set(f.speech);
  }

  /** The month of a lower-cased token such as "mid-march", or undefined. */
  prefixedMonth(lower: string): number | undefined {
    // Comparing first characters rejects most words without a string operation.
    const first = lower.charCodeAt(0);
    for (const p of this.monthPrefixes) if (p.charCodeAt(0) === first && lower.startsWith(p)) return this.months.get(lower.slice(p.length));
    return undefined;
  }
}
