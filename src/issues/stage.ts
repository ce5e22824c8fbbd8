import type { PipelineOptions, Stage } from '../pipeline.js';

/** Placeholder until the issues layer lands: adds nothing, invents nothing. */
export function issuesStage(_options: PipelineOptions): Stage {
  return { name: 'issues', run: () => {} };
}
