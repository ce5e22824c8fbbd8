/**
 * Event-side actor codes for entities the entity layer found but left uncoded
 * (lexicon/events/actor-fallbacks.json): non-state groups ("Boko Haram" → NGAREB) and
 * sub-national places ("Alaska" → USA). Only consulted when the entity has neither an actor
 * code nor a country, so the entity layer's own coding always wins.
 */
import type { Entity } from '../types.js';

export interface ActorFallbackLexicon {
  actors: Record<string, string>;
  places: Record<string, string>;
}

export interface FallbackCode {
  code: string;
  /** A place stands for its country as a location, never as a party. */
  place: boolean;
}

const CODE = /^[A-Z]{3}[A-Z0-9]*$/;

export class ActorFallbacks {
  private readonly byName = new Map<string, FallbackCode>();

  constructor(lex: ActorFallbackLexicon, file = 'actor-fallbacks.json') {
    for (const [table, place] of [[lex.actors, false], [lex.places, true]] as const) {
      for (const [name, code] of Object.entries(table)) {
        if (!CODE.test(code)) throw new Error(`${file}: "${name}": bad actor code "${code}"`);
        this.byName.set(name.toLowerCase(), { code, place });
      }
    }
  }

  /** The fallback code of an uncoded entity, by its name or any alias; null when coded or unknown. */
  lookup(e: Entity): FallbackCode | null {
    if (e.actor || e.country) return null;
    const hit = this.byName.get(e.name.toLowerCase());
    if (hit) return hit;
    for (const a of e.aliases) {
      const h = this.byName.get(a.toLowerCase());
      if (h) return h;
    }
    return null;
  }
}
