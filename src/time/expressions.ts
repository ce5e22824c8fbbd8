import type { Doc } from '../doc.js';
import type { PartialDate, Sentence, TimeExpression } from '../types.js';
import { TimePatterns } from './patterns.js';
import { resolveAt, ruleResolver, type Resolver } from './resolve.js';
import { verbContext } from './tense.js';
import { TimeWords } from './words.js';

/** A time expression with how it was found and what it was resolved against. */
export interface TimeMention extends TimeExpression {
  /** The lexicon pattern (lexicon/time/expressions.json) that matched. */
  rule: string;
  /** "article": resolved against the article date; "statement": against the date the sentence's reporting verb gives. */
  anchor: 'article' | 'statement' | 'none';
}

/** Resolvers of the expressions found, so a later stage can re-anchor one (see resolveTimeAt). */
export const resolvers = new WeakMap<TimeExpression, Resolver>();

/** Finds and resolves the date expressions of a Doc's sentences. */
export class TimeFinder {
  private readonly words = new TimeWords();
  private readonly patterns = new TimePatterns(this.words);

  find(doc: Doc): TimeMention[] {
    const out: TimeMention[] = [];
    for (const s of doc.sentences) out.push(...this.inSentence(doc, s));
    return out;
  }

  private inSentence(doc: Doc, s: Sentence): TimeMention[] {
    const tokens = doc.tokens;
    // The verb tense around an expression decides bare weekdays, months and dates.
    const found = this.patterns.match(tokens, s.tokenStart, s.tokenEnd).map((m) => {
      const ctx = verbContext(tokens, m.tokenStart, m.tokenEnd, s.tokenStart, s.tokenEnd, this.words);
      return { m, ctx, resolver: ruleResolver(m.rule, m.captures, ctx.tense) };
    });
    const articleDate = doc.article.date;
    // A day given to a reporting verb ("said Thursday") anchors the sentence's other relative dates.
    let statement: PartialDate | null = null;
    for (const f of found) {
      if (!f.ctx.speech || !f.resolver) continue;
      const r = resolveAt(f.resolver, articleDate);
      if (r.value !== null && r.value.length === 10) {
        statement = r.value;
        break;
      }
    }
    const out: TimeMention[] = [];
    for (const { m, ctx, resolver } of found) {
      const start = tokens[m.tokenStart]!.start;
      const end = tokens[m.tokenEnd - 1]!.end;
      const useStatement = statement !== null && !ctx.speech && resolver !== null && 'relative' in resolver;
      const r = resolver ? resolveAt(resolver, useStatement ? statement : articleDate) : { value: null };
      const anchor = !resolver || 'absolute' in resolver ? 'none' : useStatement ? 'statement' : 'article';
      const text = doc.text.slice(start, end);
      // Written out rather than spread (same fields, same order): this runs for every expression.
      const mention: TimeMention = r.from === undefined && r.to === undefined
        ? { start, end, text, value: r.value, rule: m.rule.match, anchor }
        : { start, end, text, value: r.value, from: r.from, to: r.to, rule: m.rule.match, anchor };
      if (resolver) resolvers.set(mention, resolver);
      out.push(mention);
    }
    return out;
  }
}
