import type { Paragraph, Sentence, Span, Token } from '../types.js';
import { Abbreviations } from './abbreviations.js';
import { isSpaceCode } from './chars.js';
import { paragraphSpans } from './paragraphs.js';
import { tagTokens } from './pos.js';
import { SentenceSplitter } from './sentences.js';
import { Tokenizer } from './tokenize.js';

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

/** Paragraphs, sentences and POS-tagged tokens of a text; boilerplate spans get none. */
export class Segmenter {
  private readonly tokenizer: Tokenizer;
  private readonly splitter: SentenceSplitter;

  constructor() {
    const abbreviations = new Abbreviations();
    this.tokenizer = new Tokenizer(abbreviations);
    this.splitter = new SentenceSplitter(abbreviations);
  }

  segment(text: string, boilerplate: Span[] = []): Segmentation {
    const paragraphs: Paragraph[] = [];
    const sentences: Sentence[] = [];
    const tokens: Token[] = [];
    const spans: Span[] = [];
    for (const region of outside(boilerplate, text.length)) {
      for (const p of paragraphSpans(text, region.start, region.end)) {
        const index = paragraphs.length;
        paragraphs.push({ start: p.start, end: p.end, index });
        const from = spans.length;
        this.tokenizer.tokenize(text, p.start, p.end, spans);
        for (const [a, b] of this.splitter.split(text, spans, from, spans.length)) {
          sentences.push({ start: spans[a]!.start, end: spans[b - 1]!.end, tokenStart: a, tokenEnd: b, paragraph: index });
          const words = new Array<string>(b - a);
          for (let k = a; k < b; k++) words[k - a] = text.slice(spans[k]!.start, spans[k]!.end);
          const tagged = tagTokens(words);
          for (let k = a; k < b; k++) {
            const { start, end } = spans[k]!;
            const word = words[k - a]!;
            tokens.push({
              start, end, text: word, lower: word.toLowerCase(),
              pos: tagged.pos[k - a]!, lemma: tagged.lemma[k - a]!,
              spaceBefore: start > 0 && isSpaceCode(text.charCodeAt(start - 1)),
            });
          }
        }
      }
    }
    return { paragraphs, sentences, tokens };
  }
}

/** The parts of [0, length) outside the (possibly overlapping, unsorted) boilerplate spans. */
function outside(boilerplate: Span[], length: number): Span[] {
  const sorted = [...boilerplate].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = 0;
  for (const b of sorted) {
    if (b.start > at) out.push({ start: at, end: Math.min(b.start, length) });
    at = Math.max(at, b.end);
  }
  if (at < length) out.push({ start: at, end: length });
  return out;
}
