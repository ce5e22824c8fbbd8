export { Doc } from './doc.js';
export { Pipeline, toAnalysis, type Stage, type PipelineOptions } from './pipeline.js';
export type * from './types.js';
