import type { Token } from '../types.js';
import type { TimeWords } from './words.js';
import type { Tense } from './resolve.js';

const GROUP_POS = new Set(['AUX', 'VERB', 'PART', 'ADV']);
const BACK = 6;
const AHEAD = 8;

export interface VerbContext {
  tense: Tense;
  /** The verb group is a reporting verb ("said Thursday"). */
  speech: boolean;
}

/**
 * Tense of the verb group governing a time expression at tokens[start, end): the nearest group
 * before it in the same clause (with the words up to the expression), else the first after it.
 * Future when the group holds a future word (will, would, scheduled…); past when it holds a past
 * auxiliary or a past-form verb (a verb whose lemma differs from it and that is not an -s or
 * -ing form); present when it holds a present-tense verb.
 */
export function verbContext(tokens: Token[], start: number, end: number, from: number, to: number, words: TimeWords): VerbContext {
  let group: Token[] = [];
  for (let i = start - 1; i >= Math.max(from, start - BACK); i--) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT') break;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      let a = i;
      while (a > from && GROUP_POS.has(tokens[a - 1]!.pos)) a--;
      // Words between the verb and the expression count too: "are due in June".
      group = tokens.slice(a, start);
      break;
    }
  }
  if (group.length === 0) {
    for (let i = end; i < Math.min(to, end + AHEAD); i++) {
      const t = tokens[i]!;
      if (t.pos === 'VERB' || t.pos === 'AUX') {
        let b = i + 1;
        while (b < to && GROUP_POS.has(tokens[b]!.pos)) b++;
        group = tokens.slice(i, b);
        break;
      }
    }
  }
  let tense: Tense = null;
  if (group.some((t) => words.future.has(t.lower))) tense = 'future';
  else if (group.some((t) => words.pastAuxiliaries.has(t.lower) || isPastForm(t))) tense = 'past';
  else if (group.some(isPresentForm)) tense = 'present';
  return { tense, speech: group.some((t) => t.pos === 'VERB' && words.speech.has(t.lemma)) };
}

/** A present-tense verb or auxiliary ("resume", "resumes", "is"); with a date it is a schedule. */
function isPresentForm(t: Token): boolean {
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  if (t.lower.endsWith('ing')) return false;
  return t.lemma === t.lower || t.lower.endsWith('s') || t.lemma === 'be';
}

function isPastForm(t: Token): boolean {
  if (t.pos !== 'VERB') return false;
  if (t.lower.endsWith('ed')) return true;
  return t.lemma !== t.lower && !t.lower.endsWith('s') && !t.lower.endsWith('ing');
}
