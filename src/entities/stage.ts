import type { Stage } from '../pipeline.js';

/** Placeholder until the entities layer lands: adds nothing, invents nothing. */
export function entitiesStage(): Stage {
  return { name: 'entities', run: () => {} };
}
