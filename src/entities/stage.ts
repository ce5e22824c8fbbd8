import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import type { NameSpan } from '../types.js';
import { firstWordsOf } from './first-words.js';
import { loadActorLexicon, type ActorLexicon } from './lexicon.js';
import { loadNerTagger } from './ner/index.js';
import { resolveEntities } from './resolve.js';

/** Whatever finds the typed names of a segmented Doc (the trained tagger by default). */
export interface NameFinder {
  tagDoc(doc: Doc): NameSpan[];
}

export interface EntitiesStageOptions {
  names?: NameFinder;
  lexicon?: ActorLexicon;
}

/**
 * The entities stage: names from the tagger (doc.names), then who is who — entities with roles,
 * genders and actor codes (doc.entities) and every name, description and pronoun mention
 * resolved to them (doc.mentions). Model and lexicons load once, here.
 */
export function entitiesStage(options: EntitiesStageOptions = {}): Stage {
  const finder = options.names ?? loadNerTagger();
  const lexicon = options.lexicon ?? loadActorLexicon();
  firstWordsOf(lexicon);
  return {
    name: 'entities',
    run(doc) {
      doc.names = finder.tagDoc(doc);
      const { entities, mentions } = resolveEntities(doc, doc.names, lexicon);
      doc.entities = entities;
      doc.mentions = mentions;
    },
  };
}
