import type { Stage } from '../pipeline.js';

/** Placeholder until the quotes layer lands: adds nothing, invents nothing. */
export function quotesStage(): Stage {
  return { name: 'quotes', run: () => {} };
}
