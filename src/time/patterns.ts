import type { Token } from '../types.js';
import { isDigitCode } from '../text/chars.js';
import { readLexiconJson, WordSieve } from '../text/lexicon.js';
import type { TimeWords } from './words.js';

/** One rule of lexicon/time/expressions.json. */
export interface TimeRule {
  match: string;
  op: 'day' | 'period' | 'toDate' | 'restOf' | 'past' | 'coming' | 'weekday' | 'month' | 'year' | 'date';
  unit?: 'day' | 'week' | 'weekend' | 'month' | 'year';
  offset?: number | string;
  count?: number | string;
  direction?: 'tense' | 'past' | 'future';
}

const SLOTS = ['n', 'weekday', 'monthname', 'month', 'day', 'dayrange', 'year', 'isodate'] as const;
type Slot = (typeof SLOTS)[number];

/** What a match captured: months and days in text order (a range has two), the last unit word seen. */
export interface Captures {
  n?: number;
  weekday?: number;
  months: number[];
  days: number[];
  year?: number;
  unit?: 'week' | 'month' | 'year';
}

export interface PatternMatch {
  rule: TimeRule;
  /** Token range of the expression (context positions and edge punctuation excluded). */
  tokenStart: number;
  tokenEnd: number;
  captures: Captures;
}

interface Node {
  words: Map<string, Node>;
  slots: Array<[Slot, Node]>;
  /** Words the name slots (<n>, <weekday>, <monthname>, <month>) of this node accept. */
  slotWords: Set<string>;
  /** A <monthname> or <month> slot here also takes prefixed months ("mid-March"). */
  slotPrefixed: boolean;
  /** Rule ending here and how many leading positions are context only. */
  done?: { rule: TimeRule; context: number };
}

interface Best {
  match: PatternMatch | null;
}

const UNIT_WORDS = new Map<string, 'week' | 'month' | 'year'>([['week', 'week'], ['month', 'month'], ['year', 'year']]);
/** Where every walk starts; captures are copied on write, never changed in place. */
const NO_CAPTURES: Captures = { n: undefined, weekday: undefined, months: [], days: [], year: undefined, unit: undefined };
const DAY = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const DAY_RANGE = /^(\d{1,2})-(\d{1,2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The expression rules compiled into one token trie; matching is one short walk per start token. */
export class TimePatterns {
  private readonly root: Node = newNode();
  /** Words that may open a match: the root's words and what its name slots accept. */
  private readonly openers: Set<string>;
  private readonly openerSieve: WordSieve;

  constructor(private readonly words: TimeWords) {
    const file = readLexiconJson<{ rules: TimeRule[] }>('time', 'expressions.json');
    for (const rule of file.rules) this.add(rule);
    this.indexSlots(this.root, new Set());
    this.openers = new Set([...this.root.words.keys(), ...this.root.slotWords]);
    this.openerSieve = new WordSieve(this.openers);
  }

  /** Give each node the words its name slots accept, so most tokens skip the slots without a capture. */
  private indexSlots(node: Node, seen: Set<Node>): void {
    if (seen.has(node)) return;
    seen.add(node);
    const named: Partial<Record<Slot, Iterable<string>>> = {
      n: this.words.numbers.keys(), weekday: this.words.weekdays.keys(), monthname: this.words.months.keys(), month: this.words.monthForms.keys(),
    };
    for (const [slot] of node.slots) for (const w of named[slot] ?? []) node.slotWords.add(w);
    node.slotPrefixed = node.slots.some(([s]) => s === 'monthname' || s === 'month');
    for (const child of node.words.values()) this.indexSlots(child, seen);
    for (const [, child] of node.slots) this.indexSlots(child, seen);
  }

  /**
   * Whether a slot of `node` may take the token: a cheap superset of what `capture` accepts
   * (digit slots take only digit-initial tokens, name slots their words or a prefixed month).
   */
  private slotsMayTake(node: Node, tok: Token): boolean {
    return node.slots.length > 0 && (this.slotShape(node, tok) || node.slotWords.has(tok.lower));
  }

  /** A digit-initial token, or a prefixed month where a month slot waits. */
  private slotShape(node: Node, tok: Token): boolean {
    return isDigitCode(tok.text.charCodeAt(0)) || (node.slotPrefixed && this.words.prefixedMonth(tok.lower) !== undefined);
  }

  private add(rule: TimeRule): void {
    const positions = rule.match.trim().split(/\s+/).map((p) => {
      const optional = p.endsWith('?') && p.length > 1;
      const body = optional ? p.slice(0, -1) : p;
      const context = body.startsWith('[') && body.endsWith(']');
      return { optional, context, alts: (context ? body.slice(1, -1) : body).split('|') };
    });
    const context = positions.filter((p) => p.context).length;
    if (positions.some((p, i) => p.context && i >= context)) {
      throw new Error(`lexicon time/expressions.json: rule "${rule.match}": [context] positions must come first`);
    }
    let frontier: Node[] = [this.root];
    for (const p of positions) {
      const next: Node[] = [];
      for (const node of frontier) {
        for (const alt of p.alts) next.push(this.edge(node, alt, rule));
      }
      frontier = p.optional ? [...frontier, ...next] : next;
    }
    for (const node of frontier) if (!node.done) node.done = { rule, context };
  }

  private edge(node: Node, alt: string, rule: TimeRule): Node {
    if (alt.startsWith('<')) {
      const slot = SLOTS.find((s) => alt === `<${s}>`);
      if (!slot) throw new Error(`lexicon time/expressions.json: rule "${rule.match}": unknown slot ${alt}`);
      const found = node.slots.find(([s]) => s === slot);
      if (found) return found[1];
      const child = newNode();
      node.slots.push([slot, child]);
      return child;
    }
    const key = alt.toLowerCase();
    let child = node.words.get(key);
    if (!child) node.words.set(key, (child = newNode()));
    return child;
  }

  /** Longest non-overlapping matches in tokens[from, to), left to right. */
  match(tokens: Token[], from: number, to: number): PatternMatch[] {
    const out: PatternMatch[] = [];
    const best: Best = { match: null };
    let i = from;
    while (i < to) {
      const tok = tokens[i]!;
      // Most tokens open no match: rejected before any walk, most of them without a look-up.
      const opens = (this.openerSieve.mayHave(tok.lower) && this.openers.has(tok.lower)) ||
        (this.root.slots.length > 0 && this.slotShape(this.root, tok));
      const m = opens ? this.longestAt(tokens, i, to, best) : null;
      if (m && !(m.rule.op === 'month' && m.tokenEnd - m.tokenStart === 1 && besideName(tokens, m.tokenStart, from, to))) {
        out.push(trimmed(m, tokens));
        i = m.tokenEnd;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The longest match starting at token i, found with `best` (reused across calls). */
  private longestAt(tokens: Token[], i: number, to: number, best: Best): PatternMatch | null {
    best.match = null;
    this.walk(this.root, tokens, i, i, to, NO_CAPTURES, best);
    return best.match;
  }

  /** Depth-first over the trie from token i; patterns are a few tokens long, so this is short. */
  private walk(node: Node, tokens: Token[], start: number, i: number, to: number, captures: Captures, best: Best): void {
    if (node.done && (!best.match || i > best.match.tokenEnd)) {
      best.match = { rule: node.done.rule, tokenStart: start + node.done.context, tokenEnd: i, captures };
    }
    if (i >= to) return;
    const tok = tokens[i]!;
    const child = node.words.get(tok.lower);
    if (child) {
      const unit = UNIT_WORDS.get(tok.lower);
      this.walk(child, tokens, start, i + 1, to, unit ? withCapture(captures, 'unit', unit) : captures, best);
    }
    if (!this.slotsMayTake(node, tok)) return;
    for (const [slot, next] of node.slots) {
      const captured = this.capture(slot, tok, captures);
      if (captured) this.walk(next, tokens, start, i + 1, to, captured, best);
    }
  }

  /** The captures extended with what `slot` reads from the token, or null when it does not fit. */
  private capture(slot: Slot, tok: Token, c: Captures): Captures | null {
    // Every token is tried against the slots that start rules: reject cheaply before any regex.
    const digit = isDigitCode(tok.text.charCodeAt(0));
    if (!digit && slot !== 'n' && slot !== 'weekday' && slot !== 'monthname' && slot !== 'month') return null;
    const capital = tok.text[0]! !== tok.lower[0]!;
    let m: RegExpExecArray | null;
    switch (slot) {
      case 'n': {
        const n = digit ? (/^\d{1,3}$/.test(tok.text) ? Number(tok.text) : undefined) : this.words.numbers.get(tok.lower);
        return n === undefined ? null : withCapture(c, 'n', n);
      }
      case 'weekday': {
        const w = capital ? this.words.weekdays.get(tok.lower) : undefined;
        return w === undefined ? null : withCapture(c, 'weekday', w);
      }
      case 'monthname':
      case 'month': {
        const names = slot === 'month' ? this.words.monthForms : this.words.months;
        const month = (capital ? names.get(tok.lower) : undefined) ?? this.words.prefixedMonth(tok.lower);
        return month === undefined ? null : withCapture(c, 'months', [...c.months, month]);
      }
      case 'day':
        return (m = DAY.exec(tok.text)) && validDay(m[1]!) ? withCapture(c, 'days', [...c.days, Number(m[1])]) : null;
      case 'dayrange':
        return (m = DAY_RANGE.exec(tok.text)) && validDay(m[1]!) && validDay(m[2]!)
          ? withCapture(c, 'days', [...c.days, Number(m[1]), Number(m[2])]) : null;
      case 'year': {
        const y = /^\d{4}$/.test(tok.text) ? Number(tok.text) : 0;
        return y >= 1900 && y <= 2100 ? withCapture(c, 'year', y) : null;
      }
      case 'isodate':
        return (m = ISO_DATE.exec(tok.text)) && Number(m[2]) >= 1 && Number(m[2]) <= 12 && validDay(m[3]!)
          ? withCapture(withCapture(withCapture(c, 'year', Number(m[1])), 'months', [Number(m[2])]), 'days', [Number(m[3])]) : null;
    }
  }
}

/** A copy of the captures with one field set; every copy has all fields, so the walk sees one object shape. */
function withCapture<K extends keyof Captures>(c: Captures, key: K, value: Captures[K]): Captures {
  const copy: Captures = { n: c.n, weekday: c.weekday, months: c.months, days: c.days, year: c.year, unit: c.unit };
  copy[key] = value;
  return copy;
}

function validDay(d: string): boolean {
  const n = Number(d);
  return n >= 1 && n <= 31;
}

/** The match without punctuation at its edges ("March 3," → "March 3"). */
function trimmed(m: PatternMatch, tokens: Token[]): PatternMatch {
  let a = m.tokenStart;
  let b = m.tokenEnd;
  while (a < b && tokens[a]!.pos === 'PUNCT') a++;
  while (b > a && tokens[b - 1]!.pos === 'PUNCT') b--;
  return a === m.tokenStart && b === m.tokenEnd ? m : { ...m, tokenStart: a, tokenEnd: b };
}

/** A lone month name next to a proper noun is part of a name: "Theresa May", "June Carter". */
function besideName(tokens: Token[], i: number, from: number, to: number): boolean {
  return (i > from && tokens[i - 1]!.pos === 'PROPN') || (i + 1 < to && tokens[i + 1]!.pos === 'PROPN');
}

function newNode(): Node {
  return { words: new Map(), slots: [], slotWords: new Set(), slotPrefixed: false };
}
