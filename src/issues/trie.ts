import type { Word } from './words.js';

/** One phrase occurrence: words [start, end) of the word view, and what the phrase stands for. */
export interface Hit<P> {
  start: number;
  end: number;
  payload: P;
}

interface Node<P> {
  next: Map<number, Node<P>>;
  payloads: P[];
}

/**
 * A trie of lexicon phrases keyed by word stem ids, compiled once when a stage loads. One left-to-right
 * pass finds every phrase in the text: work is bounded by words × longest phrase, whatever the
 * number of phrases. Phrases never cross a sentence boundary.
 */
export class PhraseTrie<P> {
  private readonly root: Node<P> = { next: new Map(), payloads: [] };
  /** The root's children indexed by key id: the look-up made for nearly every word. */
  private readonly first: Array<Node<P> | undefined> = [];

  add(keys: number[], payload: P): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), payloads: [] };
        node.next.set(key, child);
        if (node === this.root) this.first[key] = child;
      }
      node = child;
    }
    node.payloads.push(payload);
  }

  /** Every phrase occurrence in `words`, in order of start. */
  scan(words: Word[]): Hit<P>[] {
    const hits: Hit<P>[] = [];
    for (let i = 0; i < words.length; i++) {
      // The root step of walk(), inlined: most words have no key, or none that starts a phrase.
      let previous: Node<P> | undefined;
      for (const key of words[i]!.keys) {
        const child = this.first[key];
        if (!child || child === previous) continue;
        previous = child;
        for (const payload of child.payloads) hits.push({ start: i, end: i + 1, payload });
        if (child.next.size > 0) this.walk(words, i, i + 1, child, hits);
      }
    }
    return hits;
  }

  private walk(words: Word[], start: number, at: number, node: Node<P>, hits: Hit<P>[]): void {
    const word = words[at];
    if (!word || word.sentence !== words[start]!.sentence) return;
    let previous: Node<P> | undefined;
    for (const key of word.keys) {
      const child = node.next.get(key);
      if (!child || child === previous) continue;
      previous = child;
      for (const payload of child.payloads) hits.push({ start, end: at + 1, payload });
      if (child.next.size > 0) this.walk(words, start, at + 1, child, hits);
    }
  }
}
