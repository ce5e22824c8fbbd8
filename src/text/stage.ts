import type { Stage } from '../pipeline.js';

/** Placeholder until the segment layer lands: adds nothing, invents nothing. */
export function segmentStage(): Stage {
  return { name: 'segment', run: () => {} };
}
