// Runs the pipeline up to the quotes stage over the development set and scores it.
import { Pipeline } from '../pipeline.js';
import type { Quote } from '../types.js';
import { loadDevSet, type GoldArticle } from './devset.js';
import { lexiconDir, loadQuotesLexicon } from './lexicon.js';
import { scoreQuotes, type Score } from './score.js';
import { dirname, join } from 'node:path';

export interface DevSetRun {
  score: Score;
  articles: Array<{ gold: GoldArticle; predicted: Quote[] }>;
  /** Characters per second over the quotes stage alone. */
  charsPerSecond: number;
}

/** The development set's directory in this checkout. */
export function devSetDir(): string {
  return join(dirname(lexiconDir()), 'test', 'fixtures', 'quotes', 'articles');
}

export async function evaluateDevSet(dir = devSetDir()): Promise<DevSetRun> {
  const set = loadDevSet(dir);
  const pipeline = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes'] });
  const lex = loadQuotesLexicon();
  const articles = set.map((gold) => ({ gold, predicted: pipeline.run(gold.article).quotes }));
  const chars = set.reduce((n, g) => n + g.article.text.length, 0);
  const ms = pipeline.timings.get('quotes') ?? 0;
  const score = scoreQuotes(
    articles.map((a) => ({ gold: a.gold.quotes, predicted: a.predicted, text: a.gold.article.text })),
    (name) => lex.outletCanonical.get(name.toLowerCase()) ?? name,
  );
  return { score, articles, charsPerSecond: ms > 0 ? (chars / ms) * 1000 : 0 };
}
