import type { Stage } from '../pipeline.js';
import { loadQuotesLexicon } from './lexicon.js';
import { findStatements } from './statements.js';

/** The quotes stage: every statement of the article with its speaker, cue, channels and date (doc.quotes). */
export function quotesStage(): Stage {
  const lex = loadQuotesLexicon();
  return {
    name: 'quotes',
    run(doc) {
      doc.quotes = findStatements(doc, lex);
    },
  };
}
