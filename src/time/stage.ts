import type { Stage } from '../pipeline.js';
import { TimeFinder } from './expressions.js';

/** The time stage: fills doc.times with every date expression, resolved against the article date. */
export function timeStage(): Stage {
  const finder = new TimeFinder();
  return {
    name: 'time',
    run(doc) {
      doc.times = finder.find(doc);
    },
  };
}
