import type { Doc } from '../doc.js';
import { normLower } from './phrases.js';

const OPEN_QUOTES = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSE_QUOTES = new Set(['\u201d', '\u00bb']);

/** Per-token facts the resolution steps share, computed once per document in one pass. */
export class TokenContext {
  readonly doc: Doc;
  /** Normalised token text (see normToken). */
  readonly norm: string[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** 1 for tokens inside a direct quotation (quote marks themselves are 0). */
  readonly inQuote: Uint8Array;
  /** 1 for tokens starting with an upper-case letter. */
  private readonly capitalized: Uint8Array;

  constructor(doc: Doc) {
    this.doc = doc;
    const n = doc.tokens.length;
    this.norm = doc.tokens.map((t) => normLower(t.lower));
    this.sentenceOf = new Int32Array(n);
    this.inQuote = new Uint8Array(n);
    this.capitalized = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const t = doc.tokens[i]!.text;
      const c = t.charCodeAt(0);
      this.capitalized[i] = (c >= 65 && c <= 90) || (c > 127 && t[0] !== t[0]!.toLowerCase()) ? 1 : 0;
    }
    let paragraph = -1;
    let open = false;
    doc.sentences.forEach((s, si) => {
      if (s.paragraph !== paragraph) {
        paragraph = s.paragraph;
        open = false;
      }
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        this.sentenceOf[i] = si;
        const t = doc.tokens[i]!.text;
        if (t === '"') open = !open;
        else if (OPEN_QUOTES.has(t)) open = true;
        else if (CLOSE_QUOTES.has(t)) open = false;
        else if (open) this.inQuote[i] = 1;
      }
    });
  }

  get length(): number {
    return this.norm.length;
  }

  pos(i: number): string {
    return this.doc.tokens[i]?.pos ?? '';
  }

  text(i: number): string {
    return this.doc.tokens[i]?.text ?? '';
  }

  /** First token of the sentence holding token i, and one past its last. */
  sentenceBounds(i: number): [number, number] {
    const s = this.doc.sentences[this.sentenceOf[i]!]!;
    return [s.tokenStart, s.tokenEnd];
  }

  paragraphOf(i: number): number {
    return this.doc.sentences[this.sentenceOf[i]!]?.paragraph ?? -1;
  }

  isCapitalized(i: number): boolean {
    return this.capitalized[i] === 1;
  }

  isPossessive(i: number): boolean {
    return this.norm[i] === "'s" || this.norm[i] === "'";
  }

  /** Character span of tokens [a, b). */
  span(a: number, b: number): { start: number; end: number } {
    return { start: this.doc.tokens[a]!.start, end: this.doc.tokens[b - 1]!.end };
  }

  /**
   * Whether the words [a, b) are the grammatical subject, approximated the way news prose
   * allows: a verb follows (adverbs such as "also" may intervene; `after` skips an appositive),
   * or a verb precedes after a comma or closing quote and the name closes the clause ("…," said Dmitriev.).
   */
  isSubject(a: number, b: number, after = b): boolean {
    const [, end] = this.sentenceBounds(a);
    let k = after;
    while (k < end && this.pos(k) === 'ADV') k++;
    const next = this.pos(k);
    if (next === 'VERB' || next === 'AUX') return true;
    // An inverted attribution follows a quotation or ends its clause with the name ("…," said Dmitriev on
    // Monday / …, said Dmitriev.); "…, met Zhao on Monday" has an object there, not a subject.
    const [start] = this.sentenceBounds(a);
    const closes = b >= end || this.pos(b) === 'PUNCT' || CLOSE_QUOTES.has(this.text(a - 2)) || this.text(a - 2) === '"';
    return closes && a - 2 >= start && this.pos(a - 1) === 'VERB' && this.pos(a - 2) === 'PUNCT';
  }
}
