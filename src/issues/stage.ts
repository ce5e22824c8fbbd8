import type { PipelineOptions, Stage } from '../pipeline.js';
import { analyzeIssues } from './analyze.js';
import { loadCueLexicons } from './cues.js';
import { IssueMatcher } from './matcher.js';
import { loadTaxonomy } from './taxonomy.js';

/**
 * The issues stage: labels statements and events with the issues of the taxonomy (the default one,
 * extended or replaced by `options.issuesFile`) and fills doc.issues. A bad taxonomy file fails
 * here, at load time, with a TaxonomyError naming the file and entries.
 */
export function issuesStage(options: PipelineOptions): Stage {
  const matcher = new IssueMatcher(loadTaxonomy(options.issuesFile), loadCueLexicons());
  return {
    name: 'issues',
    run(doc) {
      doc.issues = analyzeIssues(doc, matcher);
    },
  };
}
