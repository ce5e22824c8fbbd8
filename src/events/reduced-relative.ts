/**
 * "a member of the movement jailed a year ago", "the civilians imprisoned … were released":
 * a participle right after a noun, with no object of its own, inside a clause that has its own
 * verb, describes the noun; it reports no new act. The clause-verb look-ups are answered from
 * per-sentence tables built on first need, so many matches in one long sentence cost one pass.
 */
import type { Token } from '../types.js';
import { clauseVerb, type PatternMatch } from './patterns.js';

export class ReducedRelatives {
  /** First token of the sentence that is (or, mis-tagged, looks like) a verb; sEnd when none. */
  private firstVerb = -1;
  /** verbAhead[j - sStart]: whether scanning on from token j meets the clause's own verb before a comma or relative word. */
  private verbAhead: Uint8Array | null = null;

  /** `timeStarts`: offsets where time expressions begin. */
  constructor(
    private readonly tokens: Token[],
    private readonly sStart: number,
    private readonly sEnd: number,
    private readonly timeStarts: Set<number>,
    private readonly relatives: Set<string>,
  ) {}

  /** Whether the match is a participle describing the noun before it. */
  describes(m: PatternMatch): boolean {
    if (m.pattern.entry.kind !== 'verb') return false;
    const { tokens } = this;
    const i = m.tokens[0]!;
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // After a common noun only: a name before the verb is its subject ("Japan apologised to …").
    if (!prev || !next || !/(ed|en)$/.test(t.lower) || prev.pos !== 'NOUN') return false;
    // An object follows ("forces attacked the town"), unless the noun phrase is a time ("jailed a year ago").
    if (!this.timeStarts.has(next.start) && next.pos !== 'ADP' && next.pos !== 'ADV' && !(next.pos === 'SCONJ' && next.lower !== 'that')) return false;
    // An earlier verb of the clause (taggers sometimes call a past tense like "rescued" a noun).
    if (this.earliestVerb() < i - 1) return true;
    // The clause's own verb follows before any comma: "the civilians imprisoned … were released".
    return i + 1 < this.sEnd && this.verbsAhead()[i + 1 - this.sStart] === 1;
  }

  private earliestVerb(): number {
    if (this.firstVerb >= 0) return this.firstVerb;
    const { tokens } = this;
    let j = this.sStart;
    for (; j < this.sEnd; j++) {
      const u = tokens[j]!;
      if (u.pos === 'VERB' || (u.pos === 'NOUN' && u.lower.endsWith('ed') && tokens[j - 1]?.pos === 'NOUN')) break;
    }
    this.firstVerb = j;
    return j;
  }

  private verbsAhead(): Uint8Array {
    if (this.verbAhead) return this.verbAhead;
    const { tokens, sStart } = this;
    const ahead = new Uint8Array(this.sEnd - sStart);
    let found = 0;
    for (let j = this.sEnd - 1; j >= sStart; j--) {
      const t = tokens[j]!;
      if (t.pos === 'PUNCT' || this.relatives.has(t.lower)) found = 0;
      else if (t.pos === 'AUX') found = 1;
      // An infinitive or gerund is the participle's complement ("called on Turkey to withdraw"); a participle before a noun is an adjective ("the planned reform").
      else if (clauseVerb(tokens, j)) found = 1;
      ahead[j - sStart] = found;
    }
    this.verbAhead = ahead;
    return ahead;
  }
}
