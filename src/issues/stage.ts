import type { PipelineOptions, Stage } from '../pipeline.js';
import { analyzeIssues } from './analyze.js';
import { loadCueLexicons } from './cues.js';
import { loadDefaultTaxonomy } from './default-taxonomy.js';
import { IssueMatcher } from './matcher.js';

/**
 * The issues stage: labels statements and events with the issues of the taxonomy (the default one,
 * extended or replaced by `options.issuesFile`) and fills doc.issues. A bad taxonomy file fails
 * here, at load time, with a TaxonomyError naming the file and entries. The validating loader
 * (and zod) is imported only when a user file is given: it would cost half the start-up budget.
 */
export async function issuesStage(options: PipelineOptions): Promise<Stage> {
  const taxonomy = options.issuesFile ? (await import('./taxonomy.js')).loadTaxonomy(options.issuesFile) : loadDefaultTaxonomy();
  const matcher = new IssueMatcher(taxonomy, loadCueLexicons());
  return {
    name: 'issues',
    run(doc) {
      doc.issues = analyzeIssues(doc, matcher);
    },
  };
}
