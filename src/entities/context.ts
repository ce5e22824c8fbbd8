import type { Doc } from '../doc.js';
import type { ActorLexicon } from './lexicon.js';
import { normLower } from './phrases.js';
import { datelineLength } from '../text/dateline.js';
import { firstWordsOf, STARTS } from './first-words.js';

/** Tables whose names are looked for at capitalised words only (leaders, organisations, places). */
const LISTED = STARTS.leader | STARTS.org | STARTS.place;
const GROUPS = STARTS.institution | STARTS.group;
const ANAPHORS = STARTS.pronoun | STARTS.the;
/** Tables whose names are also looked for at words not capitalised, as written in the wrong case. */
const MISCASED = STARTS.leader | STARTS.place | STARTS.placeWord;

/** How far into a sentence a dateline may reach (characters). */
const DATELINE_REACH = 120;

const OPEN_QUOTES = new Set(['\u201c', '\u00ab', '\u201e']);
const CLOSE_QUOTES = new Set(['\u201d', '\u00bb']);

/** Per-token facts the resolution steps share, computed once per document in one pass. */
export class TokenContext {
  readonly doc: Doc;
  /** Normalised token text (see normToken). */
  readonly norm: string[];
  /** Lexicon tables a phrase may start at each token in (STARTS bits). */
  readonly starts: Uint16Array;
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  /** 1 for tokens inside a direct quotation (quote marks themselves are 0). */
  readonly inQuote: Uint8Array;
  /** 1 for tokens starting with an upper-case letter. */
  private readonly capitalized: Uint8Array;
  /** Capitalised tokens where a leader's, organisation's or place's name of the lexicon may start, in order. */
  readonly listedStarts: number[];
  /** Tokens not capitalised where a leader's or place's name of the lexicon may start ("iSrael", "President obama"), in order. */
  readonly miscasedStarts: number[];
  /** Tokens where a group or institution noun may start, in order. */
  readonly groupStarts: number[];
  /** Tokens where a role noun may start, in order. */
  readonly roleStarts: number[];
  /** Pronouns and definite articles, in order. */
  readonly anaphorStarts: number[];

  constructor(doc: Doc, lex: ActorLexicon) {
    this.doc = doc;
    const tokens = doc.tokens;
    const n = tokens.length;
    const firstWords = firstWordsOf(lex);
    // Locals in the loops: the fields are assigned once, below.
    const normOf: string[] = [];
    const startsOf = new Uint16Array(n);
    const capitalized = new Uint8Array(n);
    const listed: number[] = [];
    const miscased: number[] = [];
    const groups: number[] = [];
    const roles: number[] = [];
    const anaphors: number[] = [];
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      const norm = normLower(tok.lower);
      normOf.push(norm);
      const starts = firstWords.of(norm);
      startsOf[i] = starts;
      if ((starts & GROUPS) !== 0) groups.push(i);
      if ((starts & STARTS.role) !== 0) roles.push(i);
      if ((starts & ANAPHORS) !== 0) anaphors.push(i);
      const t = tok.text;
      const c = t.charCodeAt(0);
      if ((c >= 65 && c <= 90) || (c > 127 && t[0] !== t[0]!.toLowerCase())) {
        capitalized[i] = 1;
        if ((starts & LISTED) !== 0) listed.push(i);
      } else if ((starts & MISCASED) !== 0) {
        miscased.push(i);
      }
    }
    this.norm = normOf;
    this.starts = startsOf;
    this.capitalized = capitalized;
    this.listedStarts = listed;
    this.miscasedStarts = miscased;
    this.groupStarts = groups;
    this.roleStarts = roles;
    this.anaphorStarts = anaphors;
    const sentenceOf = new Int32Array(n);
    const inQuote = new Uint8Array(n);
    let paragraph = -1;
    let open = false;
    const sentences = doc.sentences;
    for (let si = 0; si < sentences.length; si++) {
      const s = sentences[si]!;
      if (s.paragraph !== paragraph) {
        paragraph = s.paragraph;
        open = false;
      }
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        sentenceOf[i] = si;
        const t = tokens[i]!.text;
        if (t.length === 1 && t.charCodeAt(0) > 33) {
          if (t === '"') open = !open;
          else if (OPEN_QUOTES.has(t)) open = true;
          else if (CLOSE_QUOTES.has(t)) open = false;
          else if (open) inQuote[i] = 1;
        } else if (open) inQuote[i] = 1;
      }
    }
    this.sentenceOf = sentenceOf;
    this.inQuote = inQuote;
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

  /** First token of the sentence holding token i. */
  sentenceStart(i: number): number {
    return this.doc.sentences[this.sentenceOf[i]!]!.tokenStart;
  }

  /** One past the last token of the sentence holding token i. */
  sentenceEnd(i: number): number {
    return this.doc.sentences[this.sentenceOf[i]!]!.tokenEnd;
  }

  private datelineEnds: Int32Array | null = null;

  /**
   * Whether token i lies in a wire dateline opening its sentence ("ABUJA, Jan 20 (Reuters) - "): where the story was
   * filed and by whom, not part of what it reports. Computed per sentence on first use.
   */
  inDateline(i: number): boolean {
    const si = this.sentenceOf[i]!;
    if (!this.datelineEnds) this.datelineEnds = new Int32Array(this.doc.sentences.length).fill(-1);
    let end = this.datelineEnds[si]!;
    if (end < 0) {
      const s = this.doc.sentences[si]!;
      const tokens = this.doc.tokens;
      const from = tokens[s.tokenStart]?.start ?? 0;
      const upTo = Math.min(tokens[s.tokenEnd - 1]?.end ?? from, from + DATELINE_REACH);
      const chars = datelineLength(this.doc.text.slice(from, upTo));
      end = s.tokenStart;
      while (chars > 0 && end < s.tokenEnd && tokens[end]!.end <= from + chars) end++;
      this.datelineEnds[si] = end;
    }
    return i < end;
  }

  paragraphOf(i: number): number {
    return this.doc.sentences[this.sentenceOf[i]!]?.paragraph ?? -1;
  }

  isCapitalized(i: number): boolean {
    return this.capitalized[i] === 1;
  }

  isPossessive(i: number): boolean {
    const w = this.norm[i];
    return w === "'s" || w === "'";
  }

  /** Character span of tokens [a, b). */
  span(a: number, b: number): { start: number; end: number } {
    return { start: this.doc.tokens[a]!.start, end: this.doc.tokens[b - 1]!.end };
  }

  /** The text of tokens [a, b), as written. */
  slice(a: number, b: number): string {
    return this.doc.text.slice(this.doc.tokens[a]!.start, this.doc.tokens[b - 1]!.end);
  }

  /**
   * Whether the words [a, b) are the grammatical subject, approximated the way news prose
   * allows: a verb follows (adverbs such as "also" may intervene; `after` skips an appositive),
   * or a verb precedes after a comma or closing quote and the name closes the clause ("…," said Dmitriev.).
   */
  isSubject(a: number, b: number, after = b): boolean {
    const s = this.doc.sentences[this.sentenceOf[a]!]!;
    const end = s.tokenEnd;
    let k = after;
    while (k < end && this.pos(k) === 'ADV') k++;
    const next = this.pos(k);
    if (next === 'VERB' || next === 'AUX') return true;
    // An inverted attribution follows a quotation or ends its clause with the name ("…," said Dmitriev on
    // Monday / …, said Dmitriev.); "…, met Zhao on Monday" has an object there, not a subject.
    const closes = b >= end || this.pos(b) === 'PUNCT' || CLOSE_QUOTES.has(this.text(a - 2)) || this.text(a - 2) === '"';
    return closes && a - 2 >= s.tokenStart && this.pos(a - 1) === 'VERB' && this.pos(a - 2) === 'PUNCT';
  }
}
