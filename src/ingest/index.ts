// Public surface of ingest: what commands and the corpus call.
export { readInputs } from './read.js';
export { isSkip, skip, resolveReadOptions, DEFAULT_MAX_BYTES } from './types.js';
export type { ReadOptions, ReadResult, Skip, SkipCategory } from './types.js';
export { IngestTally } from './tally.js';
export { contentId } from './ids.js';
export { markBoilerplate, loadBoilerplateRules } from './boilerplate.js';
export { parsePartialDate, parseLooseDate } from './dates.js';
export { parseDateLine } from './records.js';
