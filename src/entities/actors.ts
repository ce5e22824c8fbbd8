import type { Draft, RoleInfo } from './draft.js';
import type { ActorLexicon } from './lexicon.js';
import { phraseTokens } from './phrases.js';
import { roleFromOffice } from './roles.js';

/**
 * Final actor codes, countries, lexicon roles and genders. Roles found in the text win; the
 * leaders lexicon fills in what the text leaves out, for the office held on the article's date
 * (someone out of office is coded ELI, CAMEO's code for former officials and elites).
 */
export function assignActors(drafts: readonly Draft[], lex: ActorLexicon, date: string | null): void {
  const persons = drafts.filter((d) => d.type === 'PERSON');
  for (const d of persons) codePerson(d, lex, date);
  for (const d of drafts) {
    if (d.type === 'PERSON' || d.fixedActor) continue;
    if (d.sector !== null) codeGroup(d, lex, persons);
    else codeOtherOrg(d, lex);
  }
}

function codePerson(d: Draft, lex: ActorLexicon, date: string | null): void {
  const leader = lex.leaders.find(d.nameTokens.join(' '));
  const standing = leader ? lex.leaders.standing(leader, date) : null;
  // A surname alone, or a name the text writes all in lower case ("barack obama"), gives the listed name.
  if (leader && (d.nameTokens.length === 1 || d.names.every((n) => n === n.toLowerCase()))) d.fixedName = leader.name;
  if (leader && !d.gender) d.gender = leader.gender;
  const officeRole = standing ? roleFromOffice(lex, standing.office.role, standing.office.actor, standing.former) : null;
  // A past role in the text ("former mayor of the capital") does not hide the office the lexicon says is held now.
  const current = standing !== null && !standing.former;
  const textRole = d.roles.find((r) => (r.sector !== null || r.orgActor !== null || r.country !== null) && !(r.former && current));
  if (officeRole) for (const c of officeRole.classes) d.classes.add(c);
  for (const r of d.roles) for (const c of r.classes) d.classes.add(c);
  if (!textRole) {
    if (!officeRole || !standing) return;
    d.roles.push(officeRole);
    d.country = officeRole.country;
    const actor = standing.office.actor;
    d.fixedActor = standing.former ? (officeRole.country ? officeRole.country + 'ELI' : null) : actor;
    return;
  }
  const officeCountry = officeRole?.country ?? null;
  d.country = textRole.country ?? officeCountry;
  d.fixedActor = actorOfRole(textRole, d.country);
}

/** The code a role gives its holder of the given country: an IGO's own code, else country + sector (ELI when former). */
export function actorOfRole(role: RoleInfo, country: string | null): string | null {
  if (role.orgActor?.startsWith('IGO') && !role.former) return role.orgActor;
  const sector = role.former ? 'ELI' : role.sector ?? (role.orgActor ? role.orgActor.slice(3) : null);
  return country ? country + (sector ?? '') : null;
}

function codeGroup(d: Draft, lex: ActorLexicon, persons: readonly Draft[]): void {
  if (!d.country && d.qualifierPerson) {
    const tokens = phraseTokens(d.qualifierPerson).filter((t) => t !== "'s");
    const person = persons.find((p) => endsWith(p.nameTokens, tokens));
    const leader = lex.leaders.find(tokens.join(' '));
    const office = leader?.offices.find((o) => !o.actor.startsWith('IGO'));
    d.country = person?.country ?? (office ? office.actor.slice(0, 3) : null);
  }
  d.fixedActor = d.country ? d.country + d.sector : null;
}

/** An organisation the lexicons do not list: a country and a sector word in its own name. */
function codeOtherOrg(d: Draft, lex: ActorLexicon): void {
  if (d.type !== 'ORG') return;
  const name = d.names[0]!;
  const words = name.split(/\s+/);
  let country: string | null = null;
  for (let i = 0; i < words.length && !country; i++) {
    const place = lex.places.lookup(words[i]!) ?? lex.places.lookup(words.slice(i, i + 2).join(' '));
    if (place && place.kind !== 'region') country = place.code;
  }
  const tokens = phraseTokens(name);
  let sector: string | null = null;
  for (let i = 0; i < tokens.length && !sector; i++) sector = lex.institutions.longestAt(tokens, i)?.value ?? null;
  d.country = country;
  d.fixedActor = country && sector ? country + sector : null;
}

export function endsWith(whole: readonly string[], tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.length > whole.length) return false;
  const off = whole.length - tail.length;
  for (let i = 0; i < tail.length; i++) if (whole[off + i] !== tail[i]) return false;
  return true;
}
