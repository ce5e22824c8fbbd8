import type {
  Article, Entity, IssueSummary, Mention, NameSpan, Paragraph, PoliticalEvent, Quote, Sentence,
  TimeExpression, Token,
} from './types.js';

/**
 * A Doc owns one article's text and collects the annotation layers the pipeline stages add.
 * Layers hold offsets into `text`, never copies of it (spaCy's model).
 */
export class Doc {
  readonly article: Article;
  readonly text: string;
  paragraphs: Paragraph[] = [];
  sentences: Sentence[] = [];
  tokens: Token[] = [];
  /** Typed name spans from the tagger and gazetteers, before resolution. */
  names: NameSpan[] = [];
  entities: Entity[] = [];
  /** Every resolved mention (names, descriptions, pronouns), sorted by start. */
  mentions: Mention[] = [];
  times: TimeExpression[] = [];
  quotes: Quote[] = [];
  events: PoliticalEvent[] = [];
  issues: IssueSummary[] = [];

  constructor(article: Article) {
    this.article = article;
    this.text = article.text;
  }

  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  /** Tokens of one sentence. */
  sentenceTokens(sentence: Sentence): Token[] {
    return this.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
  }

  /** Index of the sentence containing `offset`, or -1. Binary search: sentences are sorted. */
  sentenceAt(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  private entityIndex: { of: Entity[]; byId: Map<string, Entity> } | null = null;

  /** The entity with this id, if any. Indexed once per entity list: quotes and events ask per item. */
  entity(id: string | null | undefined): Entity | undefined {
    if (!id) return undefined;
    if (this.entityIndex?.of !== this.entities) {
      this.entityIndex = { of: this.entities, byId: new Map(this.entities.map((e) => [e.id, e])) };
    }
    return this.entityIndex.byId.get(id);
  }

  /** True when the span lies inside a boilerplate region marked at ingest. */
  inBoilerplate(span: { start: number; end: number }): boolean {
    return this.article.boilerplate.some((b) => span.start >= b.start && span.end <= b.end);
  }
}
