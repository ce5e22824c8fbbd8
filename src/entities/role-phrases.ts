import { actorOfRole } from './actors.js';
import type { TokenContext } from './context.js';
import type { ActorLexicon } from './lexicon.js';
import { NameItemIndex, type NameItem } from './names.js';
import { titleBefore } from './roles.js';

/** Role phrases found outside the names: the items standing for them, and the name items inside them (their qualifiers). */
export interface RolePhrases {
  items: NameItem[];
  consumed: NameItem[];
}

/**
 * Roles named with a country or organisation but no holder's name: "Rwanda's information minister said",
 * "a senior Guyanese police officer", "met his Brazilian counterpart". One pass over the tokens where a role noun may
 * start, outside the tokens already taken by titles and appositives. A definite description naming a country ("the
 * Russian envoy") is left to anaphora, which looks for the person named before; a role before a name is a title.
 */
export function findRolePhrases(ctx: TokenContext, lex: ActorLexicon, items: readonly NameItem[], taken: Uint8Array): RolePhrases {
  const index = new NameItemIndex(items);
  const out: RolePhrases = { items: [], consumed: [] };
  let from = 0;
  for (const i of ctx.roleStarts) {
    if (i < from || taken[i]) continue;
    const end = ctx.sentenceEnd(i);
    const head = lex.roles.longestAt(ctx.norm, i, end);
    if (!head || index.overlapping(head.start, head.end).length > 0) continue;
    // A noun or name after the role: a modifier ("minister level") or the holder's name (a title).
    const next = head.end < end ? ctx.pos(head.end) : '';
    if (next === 'NOUN' || next === 'PROPN' || next === 'NUM' || ctx.isPossessive(head.end)) continue;
    const find = titleBefore(ctx, lex, head.end, head.end).role;
    if (!find || find.apposed || (!find.role.orgActor && !(find.role.country && find.role.sector))) continue;
    // A role that gives no code ("former European Council president") leaves its qualifier a mention of its own.
    if (!actorOfRole(find.role, find.role.country)) continue;
    const a = find.tokenStart;
    // The title may already hold the article ("The US" is a listed name of the country). An organisation's role
    // ("the UN chief") is not left to anaphora, which reads countries only: addRoleHolder looks for its holder.
    const definite = ctx.norm[a] === 'the' || (a > 0 && ctx.norm[a - 1] === 'the');
    if (definite && !find.role.orgActor) continue;
    let free = true;
    for (let k = a; k < head.end && free; k++) free = taken[k] === 0;
    const inside = index.overlapping(a, head.end);
    if (!free || inside.some((it) => it.tokenStart < a || it.role)) continue;
    const pieces: Array<[number, number]> = [[a, head.end]];
    out.items.push({
      type: 'PERSON', tokenStart: a, tokenEnd: head.end, pieces, text: ctx.slice(a, head.end), source: 'role-phrase',
      role: { find, head: ctx.norm.slice(head.start, head.end).join(' ') },
    });
    out.consumed.push(...inside);
    from = head.end;
  }
  return out;
}
