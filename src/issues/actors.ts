import type { Entity } from '../types.js';

/** CAMEO actor codes that name an organisation, not a country: kept whole ("IGOUNO"). */
const NON_STATE = /^(?:IGO|NGO|MNC|IMG|UIS)/;

/** The country-level actor a stance or statement is credited to: "RUSGOV" → "RUS". */
export function actorCountry(code: string | null | undefined): string | null {
  if (!code) return null;
  return NON_STATE.test(code) ? code : code.slice(0, 3);
}

/** The country-level actor of an entity: its country, else the country part of its actor code. */
export function entityCountry(entity: Entity | undefined): string | null {
  if (!entity) return null;
  return entity.country ?? actorCountry(entity.actor);
}
