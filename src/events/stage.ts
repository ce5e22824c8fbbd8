import type { Stage } from '../pipeline.js';
import { readLexiconJson } from '../text/lexicon.js';
import type { AccusationLexicon } from './accusations.js';
import type { RolesLexicon } from './actors.js';
import type { CodeTableFile } from './codes.js';
import { EventCoder, type CoderLexicons } from './coder.js';
import type { IntentLexicon } from './intent.js';
import type { ModalityLexicon } from './modality.js';
import type { PatternLexicon } from './patterns.js';

/** The event lexicons under lexicon/events/, read once. */
export function loadEventLexicons(): CoderLexicons {
  return {
    codes: readLexiconJson<CodeTableFile>('events', 'cameo.json'),
    patterns: readLexiconJson<PatternLexicon>('events', 'patterns.json'),
    modality: readLexiconJson<ModalityLexicon>('events', 'modality.json'),
    roles: readLexiconJson<RolesLexicon>('events', 'roles.json'),
    intent: readLexiconJson<IntentLexicon>('events', 'intent-codes.json'),
    accusations: readLexiconJson<AccusationLexicon>('events', 'accusations.json'),
  };
}

/** CAMEO/PLOVER events with actors, modality, date, location and evidence (issue 5). */
export function eventsStage(coder: EventCoder = new EventCoder(loadEventLexicons())): Stage {
  return {
    name: 'events',
    run: (doc) => {
      doc.events = coder.code(doc);
    },
  };
}
