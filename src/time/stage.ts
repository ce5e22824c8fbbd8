import type { Stage } from '../pipeline.js';

/** Placeholder until the time layer lands: adds nothing, invents nothing. */
export function timeStage(): Stage {
  return { name: 'time', run: () => {} };
}
