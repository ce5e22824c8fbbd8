/**
 * Parenthetical insertions inside a name phrase: "(Russian) President (Vladimir) Putin".
 * A bracketed nationality or given name followed by a capitalised word is read without its
 * brackets ("Russian President Vladimir Putin"), the way the newswire the model learnt from
 * would have written it. Other brackets, like the country in results tables
 * ("Ludwig (Germany) Telekom"), are left alone.
 */
export interface Unwrapped {
  words: string[];
  /** Index in the original sentence of each kept word. */
  source: number[];
}

const capitalised = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);

export function unwrapInsertions(words: readonly string[], insertable: (word: string) => boolean): Unwrapped | null {
  const isInsertion = (i: number): boolean =>
    words[i] === '(' && words[i + 2] === ')' && capitalised(words[i + 1]) && capitalised(words[i + 3]) && insertable(words[i + 1]!);
  let found = false;
  for (let i = 0; i + 3 < words.length; i++) {
    if (isInsertion(i)) {
      found = true;
      break;
    }
  }
  if (!found) return null;
  const out: Unwrapped = { words: [], source: [] };
  for (let i = 0; i < words.length; i++) {
    if (isInsertion(i)) {
      out.words.push(words[i + 1]!);
      out.source.push(i + 1);
      i += 2;
      continue;
    }
    out.words.push(words[i]!);
    out.source.push(i);
  }
  return out;
}

/**
 * Labels of the original sentence from those of its unwrapped reading: dropped brackets inside
 * a name continue it (I-), others are O.
 */
export function rewrapLabels(original: number, unwrapped: Unwrapped, labels: readonly string[]): string[] {
  const out = new Array<string>(original).fill('O');
  const kept = new Set(unwrapped.source);
  unwrapped.source.forEach((src, k) => (out[src] = labels[k]!));
  // Label of the next kept word after each position, found in one backward pass.
  const nextLabel = new Array<string | undefined>(original);
  for (let i = original - 1, label: string | undefined; i >= 0; i--) {
    nextLabel[i] = label;
    if (kept.has(i)) label = out[i];
  }
  for (let i = 0; i < original; i++) {
    if (kept.has(i)) continue;
    const prev = out[i - 1];
    const next = nextLabel[i];
    if (prev && prev !== 'O' && next && next.startsWith('I-') && next.slice(2) === prev.slice(2)) out[i] = next;
  }
  // A name that starts inside the brackets starts at the opening bracket: "(Vladimir) Putin".
  for (let i = 0; i + 2 < original; i++) {
    const opens = !kept.has(i) && kept.has(i + 1) && !kept.has(i + 2);
    if (opens && out[i + 1]!.startsWith('B-') && out[i + 2]!.startsWith('I-')) {
      out[i] = out[i + 1]!;
      out[i + 1] = 'I-' + out[i]!.slice(2);
    }
  }
  return out;
}
