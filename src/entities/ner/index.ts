import type { Doc } from '../../doc.js';
import type { NameSpan } from '../../types.js';
import { harmonizeTypes } from './consistency.js';
import { FeatureExtractor } from './features.js';
import { rewrapLabels, unwrapInsertions } from './insertions.js';
import { loadGazetteer, type Gazetteer, type GazetteerCategory, type GazetteerMatch } from './gazetteer.js';
import { bilouToIob } from './labels.js';
import { NerModel, type NerModelArrays } from './model.js';
import { DEFAULT_MODEL, GAZETTEER_DIR } from './paths.js';
import { spansOf } from './scoring.js';
import { categoryType, parleyType } from './spans.js';
import { Tagger } from './tagger.js';

export type { Gazetteer, GazetteerCategory } from './gazetteer.js';
export type { NerModelArrays } from './model.js';

/** The trained named-entity tagger. */
export interface NerTagger {
  /** IOB2 labels (B-PER, I-ORG, O…) for one sentence, tagged as a document of its own. */
  tagWords(words: readonly string[], pos?: readonly string[]): string[];
  /** IOB2 labels for the sentences of one document (the document gives context to each). */
  tagSentences(sentences: readonly (readonly string[])[]): string[][];
  /** Typed name spans of a segmented Doc: the model's, then gazetteer names it missed. */
  tagDoc(doc: Doc): NameSpan[];
  /** The name lists the tagger uses (countries, outlets, IGOs…), for callers that need them. */
  readonly gazetteer: Gazetteer;
}

const loaded = new Map<string, NerTagger>();
const models = new Map<string, NerModel>();

/**
 * The weights of a model file, read once per path. With `shared` (on first load), they are
 * kept in shared memory: hand `arrays()` to worker threads, which pass them to useNerModel.
 */
export function loadNerModel(path: string = DEFAULT_MODEL, options: { shared?: boolean } = {}): NerModel {
  let model = models.get(path);
  if (!model) {
    model = NerModel.load(path, options);
    models.set(path, model);
  }
  return model;
}

/** Makes this thread's taggers for `path` use weights another thread loaded, instead of reading the file. */
export function useNerModel(arrays: NerModelArrays, path: string = DEFAULT_MODEL): void {
  if (!models.has(path)) models.set(path, NerModel.fromArrays(arrays));
}

/** Loads the weights once per path (default models/ner.bin) and the gazetteers. */
export function loadNerTagger(path: string = DEFAULT_MODEL): NerTagger {
  let tagger = loaded.get(path);
  if (!tagger) {
    tagger = createNerTagger(loadNerModel(path), loadGazetteer(GAZETTEER_DIR));
    loaded.set(path, tagger);
  }
  return tagger;
}

/** A tagger over given weights and gazetteer (a model trained in-process, or a custom list). */
export function createNerTagger(model: NerModel, gazetteer: Gazetteer): NerTagger {
  return new ParleyNerTagger(new Tagger(model, new FeatureExtractor(gazetteer)), gazetteer);
}

/** Maps typographic quotes and dashes to the ASCII forms of the newswire the model learnt from. */
function normalizeWord(w: string): string {
  let ascii = true;
  for (let i = 0; i < w.length && ascii; i++) ascii = w.charCodeAt(i) < 128;
  if (ascii) return w;
  return w.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').replace(/[\u2013\u2014]/g, '-');
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Words that may stand in brackets inside a name phrase: nationalities and given names. */
const INSERTABLE: ReadonlySet<GazetteerCategory> = new Set(['demonym', 'group', 'firstname']);

class ParleyNerTagger implements NerTagger {
  private readonly insertable: (word: string) => boolean;

  constructor(
    private readonly tagger: Tagger,
    readonly gazetteer: Gazetteer,
  ) {
    this.insertable = (word) => gazetteer.lookup(word).some((c) => INSERTABLE.has(c));
  }

  // Part-of-speech tags are accepted for API stability; the model does not use them (they did
  // not pay for their cost on CoNLL dev).
  tagWords(words: readonly string[], _pos?: readonly string[]): string[] {
    return this.tagSentences([words])[0]!;
  }

  tagSentences(sentences: readonly (readonly string[])[]): string[][] {
    return this.read(sentences).labels;
  }

  /**
   * IOB2 labels of each sentence, and the gazetteer matches the tagger found over it when it
   * read the sentence as written (null when it read it normalised or without insertions).
   */
  private read(sentences: readonly (readonly string[])[]): { labels: string[][]; matches: (GazetteerMatch[] | null)[] } {
    const words = sentences.map((s) => s.map(normalizeWord));
    const unwrapped = words.map((s) => unwrapInsertions(s, this.insertable));
    const read = words.map((s, i) => unwrapped[i]?.words ?? s);
    const tagged = this.tagger.tagDocument(read);
    const starts = tagged.sentenceStarts;
    const labels = read.map((_, i) => bilouToIob(tagged.labels, starts[i]!, starts[i + 1]!));
    harmonizeTypes(read, labels);
    return {
      labels: labels.map((l, i) => (unwrapped[i] ? rewrapLabels(words[i]!.length, unwrapped[i]!, l) : l)),
      matches: sentences.map((s, i) => (unwrapped[i] === null && sameWords(s, words[i]!) ? tagged.matches[i]! : null)),
    };
  }

  tagDoc(doc: Doc): NameSpan[] {
    const sentences = doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
    if (sentences.length === 0) return [];
    const { labels, matches } = this.read(sentences);
    const out: NameSpan[] = [];
    doc.sentences.forEach((sentence, si) => {
      const words = sentences[si]!;
      const spans = spansOf(labels[si]!);
      const taken = new Uint8Array(words.length);
      for (const s of spans) {
        taken.fill(1, s.start, s.end);
        out.push(this.nameSpan(doc, sentence.tokenStart, s.start, s.end, parleyType(s.type, words.slice(s.start, s.end), this.gazetteer), 'ner'));
      }
      const found = matches[si] ?? this.gazetteer.match(words, words.map((w) => w.toLowerCase()));
      for (const m of found) {
        if (taken.subarray(m.start, m.end).some((x) => x === 1)) continue;
        // A lone capitalised word opening a sentence ("Turkey", "House") is too often a common word.
        const single = m.end - m.start === 1;
        if (single && m.start === 0 && !/^[A-Z]{2,}$/.test(words[0]!)) continue;
        for (const c of m.categories) {
          const category = this.gazetteer.categories[c] as GazetteerCategory;
          const type = categoryType(category);
          if (!type) continue;
          out.push(this.nameSpan(doc, sentence.tokenStart, m.start, m.end, type, `gazetteer:${category}`));
          break;
        }
      }
    });
    return out.sort((a, b) => a.start - b.start);
  }

  private nameSpan(doc: Doc, base: number, start: number, end: number, type: NameSpan['type'], source: string): NameSpan {
    const first = doc.tokens[base + start]!;
    const last = doc.tokens[base + end - 1]!;
    return { start: first.start, end: last.end, type, tokenStart: base + start, tokenEnd: base + end, source };
  }
}
