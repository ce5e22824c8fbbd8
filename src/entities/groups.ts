import type { TokenContext } from './context.js';
import type { ActorLexicon } from './lexicon.js';
import { MISCASED_PLACE, NameItemIndex, type NameItem } from './names.js';
import { cleanRoleText } from './roles.js';

/** A collective actor named by a qualifier and a group or institution noun ("Russian businesses"). */
export interface GroupPhrase {
  tokenStart: number;
  tokenEnd: number;
  /** Lower-case head noun(s) ("administration", "foreign ministry"). */
  head: string;
  sector: string;
  /** Country or CAMEO region code the qualifier gives; null until the context gives one. */
  country: string | null;
  /** Actor code of a listed organisation qualifying it ("UN troops" → IGOUNO). */
  orgActor: string | null;
  /** Surname of the person qualifying it ("Trump" in "the Trump administration"). */
  qualifierPerson: string | null;
  /** No qualifier: a proper-name institution ("the Foreign Ministry") whose country the context gives. */
  contextual: boolean;
  plural: boolean;
  name: string;
  /** Name items inside the phrase (the qualifier), which are not mentions of their own. */
  consumed: NameItem[];
}

/**
 * Finds group and institution phrases over the tokens in one left-to-right pass. A qualifier is
 * a country, demonym, region or city ("Russian", "US", "European"), or a person ("Trump", "Trump's");
 * lower-case adjectives may stand between it and the noun ("Russian senior officials").
 */
export function findGroupPhrases(ctx: TokenContext, lex: ActorLexicon, items: readonly NameItem[]): GroupPhrase[] {
  const index = new NameItemIndex(items);
  const out: GroupPhrase[] = [];
  let from = 0;
  for (const i of ctx.groupStarts) {
    if (i < from) continue;
    const inst = lex.institutions.longestAt(ctx.norm, i);
    const group = lex.groups.longestAt(ctx.norm, i);
    const m = inst && (!group || inst.end >= group.end) ? inst : group;
    if (!m) continue;
    const plural = m !== inst;
    const floor = ctx.sentenceStart(i);
    const sentEnd = ctx.sentenceEnd(i);
    const next = m.end < sentEnd ? ctx.pos(m.end) : '';
    // "business cooperation", "government officials": the noun modifies another one, unless
    // that one is a role ("the Foreign Ministry spokeswoman"): the institution is still named.
    if ((next === 'NOUN' || next === 'PROPN') && !lex.roles.longestAt(ctx.norm, m.end, sentEnd)) continue;
    const inside = index.lastCovering(m.end - 1);
    if (inside && inside.tokenEnd > m.end) continue;

    // A name around the noun ("Commerce Ministry") is the institution's own name: without a
    // qualifier inside it ("Russian Foreign Ministry"), the qualifier comes before that name.
    const headStart = inside && inside.tokenStart < m.start ? inside.tokenStart : m.start;
    const q = qualifierBefore(ctx, lex, m.start, floor, index)
      ?? (headStart < m.start ? qualifierBefore(ctx, lex, headStart, floor, index) : null);
    let start = q ? q.start : -1;
    const contextual = !q;
    if (contextual) {
      // Without a qualifier only a named institution ("the Foreign Ministry") is an actor;
      // a listed organisation ("the State Department") is left to the organisations lexicon.
      // Lower-case, only a specific institution of two words or more ("the foreign ministry").
      const specific = ctx.isCapitalized(headStart) || m.end - m.start > 1;
      if (plural || !specific || headStart === floor) continue;
      if (lex.orgs.get(ctx.slice(headStart, m.end))) continue;
      start = headStart;
    }
    const consumed = index.overlapping(start, m.end);
    // "Indian and Pakistani troops": a country coordinated before the qualifier shares the noun.
    const partner = q?.country ? coordinatedPlace(ctx, lex, start, floor, index) : null;
    if (partner) {
      out.push({
        tokenStart: partner.tokenStart, tokenEnd: partner.tokenEnd, head: ctx.norm.slice(m.start, m.end).join(' '), sector: m.value,
        country: partner.country, orgActor: null, qualifierPerson: null, contextual: false, plural,
        name: cleanRoleText(`${partner.text} ${ctx.slice(m.start, m.end)}`), consumed: [partner.item],
      });
    }
    out.push({
      tokenStart: start, tokenEnd: m.end, head: ctx.norm.slice(m.start, m.end).join(' '), sector: m.value,
      country: q?.country ?? null, orgActor: q?.orgActor ?? null, qualifierPerson: q?.person ?? null, contextual, plural,
      name: cleanRoleText(ctx.slice(start, m.end)), consumed,
    });
    from = m.end;
  }
  return out;
}

interface Qualifier {
  start: number;
  country: string | null;
  orgActor: string | null;
  person: string | null;
}

/** A country, region, city, listed organisation or person qualifying the noun phrase that starts at `headStart`. */
function qualifierBefore(ctx: TokenContext, lex: ActorLexicon, headStart: number, floor: number,
  items: NameItemIndex): Qualifier | null {
  let q = headStart - 1;
  while (q >= floor && ctx.pos(q) === 'ADJ' && !ctx.isCapitalized(q) && !miscasedPlaceEndsAt(items, q)) q--;
  const qEnd = q >= floor && ctx.isPossessive(q) ? q - 1 : q;
  if (qEnd < floor || !(ctx.isCapitalized(qEnd) || miscasedPlaceEndsAt(items, qEnd))) return null;
  const qItem = items.lastEndingAt(qEnd);
  const start = qItem ? qItem.tokenStart : qEnd;
  const text = qItem ? qItem.text : ctx.text(qEnd);
  const place = lex.places.lookup(text);
  if (place) return { start, country: place.code, orgActor: null, person: null };
  // Before the leaders: "UN troops" are the UN's, whatever surname "Un" might be.
  const org = lex.orgs.get(text);
  if (org) return { start, country: org.country, orgActor: org.actor, person: null };
  const person = (qItem && qItem.type === 'PERSON') || lex.leaders.find(text) || (qItem?.type === 'MISC' && !lex.orgs.get(text));
  return person ? { start, country: null, orgActor: null, person: text } : null;
}

/** A country or demonym item ending right before "and"/"or"/"," at `start` ("Indian" in "Indian and Pakistani troops"). */
function coordinatedPlace(ctx: TokenContext, lex: ActorLexicon, start: number, floor: number, items: NameItemIndex):
  { tokenStart: number; tokenEnd: number; country: string; text: string; item: NameItem } | null {
  const c = start - 1;
  if (c - 1 < floor || !COORDINATORS.has(ctx.norm[c]!)) return null;
  const item = items.lastEndingAt(c - 1);
  if (!item) return null;
  const place = lex.places.lookup(item.text);
  if (!place || place.kind === 'city' || lex.places.isRegion(place.code)) return null;
  return { tokenStart: item.tokenStart, tokenEnd: item.tokenEnd, country: place.code, text: item.text, item };
}

const COORDINATORS = new Set(['and', 'or', ',']);

/** A place name written in the wrong case ends at token k ("russian" of "russian troops"). */
function miscasedPlaceEndsAt(items: NameItemIndex, k: number): boolean {
  return items.lastEndingAt(k)?.source === MISCASED_PLACE;
}
