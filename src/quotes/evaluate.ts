// Runs the pipeline up to the quotes stage over the development set and scores it.
import { Pipeline } from '../pipeline.js';
import type { Quote } from '../types.js';
import { loadDevSet, type GoldArticle } from './devset.js';
import { lexiconDir, loadQuotesLexicon } from './lexicon.js';
import { scoreQuotes, type Score } from './score.js';
import { quotesStage } from './stage.js';
import { dirname, join } from 'node:path';

export interface DevSetRun {
  score: Score;
  articles: Array<{ gold: GoldArticle; predicted: Quote[] }>;
  /** Characters per second through the quotes stage alone (warm, one core). */
  charsPerSecond: number;
}

/** The development set's directory in this checkout ('articles'), or its held-out part ('heldout'). */
export function devSetDir(part: 'articles' | 'heldout' = 'articles'): string {
  return join(dirname(lexiconDir()), 'test', 'fixtures', 'quotes', part);
}

/** Passes over the set when timing the quotes stage; the fastest (warm) pass is reported. */
const TIMING_PASSES = 20;

export async function evaluateDevSet(dir = devSetDir()): Promise<DevSetRun> {
  const set = loadDevSet(dir);
  const pipeline = await Pipeline.create({ only: ['segment', 'entities', 'time'] });
  const stage = quotesStage();
  const docs = set.map((gold) => pipeline.run(gold.article));
  let ms = Infinity;
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const t0 = performance.now();
    for (const doc of docs) stage.run(doc);
    ms = Math.min(ms, performance.now() - t0);
  }
  const lex = loadQuotesLexicon();
  const articles = set.map((gold, i) => ({ gold, predicted: docs[i]!.quotes }));
  const chars = set.reduce((n, g) => n + g.article.text.length, 0);
  const score = scoreQuotes(
    articles.map((a) => ({ gold: a.gold.quotes, predicted: a.predicted, text: a.gold.article.text })),
    (name) => lex.outletCanonical.get(name.toLowerCase()) ?? name,
  );
  return { score, articles, charsPerSecond: ms > 0 && ms < Infinity ? (chars / ms) * 1000 : 0 };
}
