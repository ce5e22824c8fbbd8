import type { Stage } from '../pipeline.js';
import { Segmenter } from './segment.js';

/** The segment stage: fills doc.paragraphs, doc.sentences and doc.tokens (with POS and lemmas). */
export function segmentStage(): Stage {
  const segmenter = new Segmenter();
  return {
    name: 'segment',
    run(doc) {
      const seg = segmenter.segment(doc.text, doc.article.boilerplate);
      doc.paragraphs = seg.paragraphs;
      doc.sentences = seg.sentences;
      doc.tokens = seg.tokens;
    },
  };
}
