import type { Stage } from '../pipeline.js';

/** Placeholder until the events layer lands: adds nothing, invents nothing. */
export function eventsStage(): Stage {
  return { name: 'events', run: () => {} };
}
