import type { Doc } from '../doc.js';
import type { Entity, Mention, MentionKind, NameSpan } from '../types.js';
import { actorOfRole, assignActors, endsWith } from './actors.js';
import { findAnaphors, SalienceResolver, type Anaphor, type HistoryMention } from './anaphora.js';
import { TokenContext } from './context.js';
import { addName, newDraft, type Draft, type DraftMention } from './draft.js';
import { findGroupPhrases, type GroupPhrase } from './groups.js';
import type { Leader } from './leaders.js';
import type { ActorLexicon, Gender } from './lexicon.js';
import { MISCASED_PLACE, NameItemIndex, prepareNames, type NameItem, type RoleOnly } from './names.js';
import { isSortedSpans, mergeSpans, sortByKey } from './order.js';
import { normToken } from './phrases.js';
import { findRolePhrases } from './role-phrases.js';
import { appositiveAfter, titleBefore } from './roles.js';

/**
 * Who is who in one article: clusters the tagger's names, group phrases, descriptions and
 * pronouns into entities with roles, genders and actor codes. Linear in the tokens apart from
 * small windows (titles, appositives, salience over the last sentences).
 */
export function resolveEntities(doc: Doc, names: readonly NameSpan[], lex: ActorLexicon): { entities: Entity[]; mentions: Mention[] } {
  if (doc.tokens.length === 0) return { entities: [], mentions: [] };
  return new Resolver(doc, lex).run(names);
}

interface CountryCue {
  tok: number;
  /** A city, a place after a locative ("in Beirut") or the qualifier of a plural group ("Chinese leaders"): says little of whose side a person is on. */
  weak: boolean;
  code: string;
  paragraph: number;
  subject: boolean;
  quoted: boolean;
  /**
   * For a country attached to a person: qualifying a role noun ("the US commander", "Russia's envoy"), the
   * first token of the name that role phrase introduces, -1 when it introduces none; after a name and "of"
   * ("Anna Kovic of Moldova"), that name's first token; null for any other cue.
   */
  holder: number | null;
}

/** How many words may stand between a description and the comma before an apposed name ("in Iraq"). */
const APPOSED_COMPLEMENT = 6;

/** How far after a role noun the name it introduces may start ("the US commander in Iraq, General David Petraeus"). */
const HOLDER_WINDOW = 10;

/** Kinds of merge key: a listed organisation, another name, a city, a country or region, a group phrase, a role without a name. */
type DraftKind = 'org' | 'name' | 'city' | 'place' | 'group' | 'role';

class Resolver {
  private readonly ctx: TokenContext;
  private readonly drafts: Draft[] = [];
  /** Drafts by merge key, one table per kind of key (the Draft's key is kind:id). */
  private readonly byKey: Record<DraftKind, Map<string, Draft>> = { org: new Map(), name: new Map(), city: new Map(), place: new Map(), group: new Map(), role: new Map() };
  /** Tokens already part of a mention, a title or an appositive. */
  private readonly taken: Uint8Array;
  /** Person drafts by the last of their name tokens and by their leader, as candidates for findPerson (checked again there). */
  private readonly personsByLast = new Map<string, Draft[]>();
  private readonly personsByLeader = new Map<Leader, Draft[]>();
  /** Registration order of the drafts: ties in findPerson go to the earlier one. */
  private readonly order = new Map<Draft, number>();
  /** The leader a name's tokens name, by the tokens array (drafts share them and never change one in place). */
  private readonly leaderMemo = new Map<readonly string[], Leader | undefined>();
  private readonly nameTokensMemo = new Map<string, string[]>();
  /** Initials of organisation drafts' first names, for acronyms. */
  private readonly initialsOf = new Map<Draft, string>();

  constructor(
    private readonly doc: Doc,
    private readonly lex: ActorLexicon,
  ) {
    this.ctx = new TokenContext(doc, lex);
    this.taken = new Uint8Array(doc.tokens.length);
  }

  run(names: readonly NameSpan[]): { entities: Entity[]; mentions: Mention[] } {
    const items = prepareNames(this.ctx, this.lex, names);
    // Roles named without a holder's name are placed once every person is coded (addRoleHolder).
    const roleItems = items.filter((it) => it.role);
    const consumed = new Set<NameItem>(roleItems);
    const isPerson = new Set(items.filter((it) => !it.role && this.looksLikePerson(it)));
    const personRoles = new Map<NameItem, ReturnType<Resolver['rolesAround']>>();
    const index = new NameItemIndex(items);
    for (const it of isPerson) {
      const found = this.rolesAround(it, index);
      personRoles.set(it, found);
      for (const c of found.consumed) consumed.add(c);
    }
    const phrases = findGroupPhrases(this.ctx, this.lex, items.filter((it) => !consumed.has(it)));
    for (const p of phrases) for (const c of p.consumed) consumed.add(c);
    const blocked = this.taken.slice();
    for (const p of phrases) blocked.fill(1, p.tokenStart, p.tokenEnd);
    const rolePhrases = findRolePhrases(this.ctx, this.lex, items.filter((it) => !consumed.has(it)), blocked);
    for (const c of rolePhrases.consumed) consumed.add(c);
    roleItems.push(...rolePhrases.items);
    const cues = this.countryCues(items, phrases, [...isPerson]);

    const byStart = sortByKey<{ at: number; item?: NameItem; phrase?: GroupPhrase }>([
      ...items.filter((it) => !consumed.has(it)).map((item) => ({ at: item.tokenStart, item })),
      ...phrases.map((phrase) => ({ at: phrase.tokenStart, phrase })),
    ], (x) => x.at, this.ctx.length);
    for (const x of byStart) {
      if (x.phrase) this.addPhrase(x.phrase, cues);
      else if (x.item && isPerson.has(x.item)) this.addPerson(x.item, personRoles.get(x.item)!);
      else if (x.item) this.addName(x.item);
    }
    for (const d of this.drafts) if (d.type === 'PERSON' && !d.gender) d.gender = this.genderOfName(d);
    assignActors(this.drafts, this.lex, this.doc.article.date);
    this.placeRolesInContext(cues);
    for (const it of roleItems) this.addRoleHolder(it.role!, it.tokenStart, it.tokenEnd);
    this.resolveAnaphors();
    return this.finish();
  }

  // ---- names ----------------------------------------------------------------

  private looksLikePerson(it: NameItem): boolean {
    if (it.type === 'PERSON') return !this.placeNotPerson(it);
    if (this.lex.places.lookup(it.text) || this.lex.orgs.get(it.text)) return false;
    if (this.lex.leaders.find(it.text)) return true;
    // An unlisted name right after a person's title ("Envoy Xyz") is a person whatever the tagger said.
    return it.type !== 'NORP' && titleBefore(this.ctx, this.lex, it.tokenStart, it.tokenEnd).role !== null
      && this.lex.firstNames.has(this.ctx.norm[it.tokenStart]!);
  }

  /**
   * A single word the tagger took for a person that is a listed country or city ("Zamfara", "Kigali"), is no
   * first name ("Chad", "Georgia") and has no title or honorific before it: the place.
   */
  private placeNotPerson(it: NameItem): boolean {
    if (it.tokenEnd - it.tokenStart !== 1 || this.lex.firstNames.has(this.ctx.norm[it.tokenStart]!)) return false;
    const place = this.lex.places.lookup(it.text);
    if (!place || place.kind === 'demonym' || this.lex.leaders.find(it.text)) return false;
    const title = titleBefore(this.ctx, this.lex, it.tokenStart, it.tokenEnd);
    return title.role === null && title.gender === null;
  }

  /** Title and appositive of a person mention; names inside the title are not mentions of their own. */
  private rolesAround(it: NameItem, items: NameItemIndex) {
    const title = titleBefore(this.ctx, this.lex, it.tokenStart, it.tokenEnd);
    const appositive = appositiveAfter(this.ctx, this.lex, it.tokenEnd);
    const consumed: NameItem[] = [];
    if (title.role) {
      const { tokenStart: a, tokenEnd: b } = title.role;
      this.take(a, b);
      // Countries and organisations in a title ("US President", "NATO Secretary General") are
      // mentions of their own; other names there are the tagger mistaking title words for names.
      for (const other of items.overlapping(a, b)) {
        if (other === it || other.tokenStart < a || other.tokenEnd > b) continue;
        if (!this.lex.places.lookup(other.text) && !this.lex.orgs.get(other.text)) consumed.push(other);
      }
    }
    if (appositive) this.take(appositive.tokenStart, appositive.tokenEnd);
    return { title, appositive, consumed };
  }

  private addPerson(it: NameItem, found: ReturnType<Resolver['rolesAround']>): void {
    const tokens = this.nameTokens(it.text);
    let draft = this.findPerson(tokens);
    if (!draft) {
      draft = newDraft('PERSON', 'person:' + tokens.join(' '), it.text);
      draft.nameTokens = tokens;
      this.register(draft);
    } else {
      addName(draft, it.text);
      if (tokens.length > draft.nameTokens.length) {
        draft.nameTokens = tokens;
        this.indexPerson(draft);
      }
    }
    const rolesBefore = draft.roles.length;
    if (found.title.role) {
      draft.roles.push(found.title.role.role);
      if (found.title.role.apposed) this.mention(draft, found.title.role.tokenStart, found.title.role.tokenEnd, 'description', false);
    }
    if (found.title.gender) draft.gender ??= found.title.gender;
    // "Kenya's Faith Kipyegon": with no role, the country whose possessive the name follows is the person's.
    if (!found.title.role && !draft.country) draft.country = this.possessorCountry(it.tokenStart);
    const after = found.appositive?.after;
    for (const [a, b] of it.pieces) this.mention(draft, a, b, 'name', this.ctx.isSubject(a, it.tokenEnd, after ?? it.tokenEnd));
    if (found.appositive) {
      draft.roles.push(found.appositive.role);
      this.mention(draft, found.appositive.tokenStart, found.appositive.tokenEnd, 'description', false);
    }
    // Earlier roles gave their gender when they were added: only the new ones can.
    for (let k = rolesBefore; k < draft.roles.length; k++) if (draft.roles[k]!.gender) draft.gender ??= draft.roles[k]!.gender;
  }

  /** The country (not a city or region) of a possessive ending right before token `start` ("Kenya's"), or null. */
  private possessorCountry(start: number): string | null {
    const { ctx, lex } = this;
    const k = start - 1;
    const floor = ctx.sentenceStart(start);
    if (k <= floor || !ctx.isPossessive(k)) return null;
    for (let len = Math.min(3, k - floor); len >= 1; len--) {
      if (!ctx.isCapitalized(k - len)) continue;
      const place = lex.places.lookup(ctx.slice(k - len, k));
      if (place) return place.kind === 'country' || place.kind === 'demonym' ? place.code : null;
    }
    return null;
  }

  /**
   * The person a (partial) name refers to: same name, one is the other's surname part, or the
   * leaders lexicon takes both for one person ("Lai" and "Lai Ching-te"). Most recent wins.
   */
  private findPerson(tokens: readonly string[]): Draft | null {
    let best: Draft | null = null;
    let bestAt = -1;
    const leader = this.leaderOf(tokens);
    // Both surname matches need the same last token; a lexicon match needs the same leader.
    const byLast = tokens.length > 0 ? this.personsByLast.get(tokens[tokens.length - 1]!) : undefined;
    const byLeader = leader !== undefined ? this.personsByLeader.get(leader) : undefined;
    for (const candidates of [byLast, byLeader]) {
      if (!candidates) continue;
      for (const d of candidates) {
        const sameLeader = leader !== undefined && this.leaderOf(d.nameTokens) === leader;
        if (!sameLeader && !endsWith(d.nameTokens, tokens) && !endsWith(tokens, d.nameTokens)) continue;
        const last = d.mentions[d.mentions.length - 1]?.tokenStart ?? -1;
        if (last > bestAt || (last === bestAt && best !== null && this.order.get(d)! < this.order.get(best)!)) {
          best = d;
          bestAt = last;
        }
      }
    }
    return best;
  }

  private leaderOf(tokens: readonly string[]): Leader | undefined {
    if (this.leaderMemo.has(tokens)) return this.leaderMemo.get(tokens);
    const leader = this.lex.leaders.find(tokens.join(' '));
    this.leaderMemo.set(tokens, leader);
    return leader;
  }

  /** Files a person draft under its current last name token and leader (stale entries are harmless: findPerson checks). */
  private indexPerson(d: Draft): void {
    const add = <K>(map: Map<K, Draft[]>, key: K): void => {
      const list = map.get(key);
      if (!list) map.set(key, [d]);
      else if (!list.includes(d)) list.push(d);
    };
    if (d.nameTokens.length > 0) add(this.personsByLast, d.nameTokens[d.nameTokens.length - 1]!);
    const leader = this.leaderOf(d.nameTokens);
    if (leader !== undefined) add(this.personsByLeader, leader);
  }

  private nameTokens(text: string): string[] {
    let tokens = this.nameTokensMemo.get(text);
    if (!tokens) {
      tokens = nameTokens(text);
      this.nameTokensMemo.set(text, tokens);
    }
    return tokens;
  }

  private addName(it: NameItem): void {
    const lex = this.lex;
    const parts = this.hyphenParts(it);
    if (parts) {
      for (const p of parts) this.addPlace(p.text, p.start, p.end, it);
      return;
    }
    const org = lex.orgs.get(it.text);
    if (org) {
      const d = this.draftFor('org', org.name, 'ORG', it.text);
      d.fixedName = org.name;
      d.fixedActor = org.actor;
      d.country = org.country;
      for (const c of org.is) d.classes.add(c);
      this.mentionItem(d, it);
      return;
    }
    if (this.addPlace(it.text, -1, -1, it)) return;
    const tokens = this.nameTokens(it.text);
    const person = it.type !== 'NORP' ? this.findPerson(tokens) : null;
    if (person && tokens.length <= person.nameTokens.length) {
      addName(person, it.text);
      this.mentionItem(person, it);
      return;
    }
    const d = this.draftFor('name', this.acronymOwner(it.text) ?? tokens.join(' '), it.type, it.text);
    this.mentionItem(d, it);
  }

  /** Adds a place mention (country, demonym, city, region); false when the text is no place. */
  private addPlace(text: string, start: number, end: number, it: NameItem): boolean {
    const place = this.lex.places.lookup(text);
    if (!place) return false;
    const region = this.lex.places.isRegion(place.code);
    const type = region ? 'LOC' : 'GPE';
    const d = place.kind === 'city' ? this.draftFor('city', normToken(text), type, text) : this.draftFor('place', place.code, type, text);
    d.fixedName ??= place.kind !== 'city' ? (this.lex.places.nameOf(place.code) ?? text) : it.source === MISCASED_PLACE ? place.listed : text;
    d.fixedActor = place.code;
    d.country = region ? null : place.code;
    if (start < 0) this.mentionItem(d, it);
    else this.mentionChars(d, it, start, end);
    return true;
  }

  /** "Russian-American" names two countries: one mention each. */
  private hyphenParts(it: NameItem): Array<{ text: string; start: number; end: number }> | null {
    if (it.pieces.length !== 1 || it.tokenEnd - it.tokenStart !== 1 || !it.text.includes('-')) return null;
    const base = this.doc.tokens[it.tokenStart]!.start;
    const parts: Array<{ text: string; start: number; end: number }> = [];
    let offset = 0;
    for (const text of it.text.split('-')) {
      if (!this.lex.places.lookup(text)) return null;
      parts.push({ text, start: base + offset, end: base + offset + text.length });
      offset += text.length + 1;
    }
    return parts.length > 1 ? parts : null;
  }

  /** Key of an earlier organisation whose initials an acronym spells ("OSCE" after its full name). */
  private acronymOwner(text: string): string | null {
    if (!/^[A-Z]{2,6}$/.test(text)) return null;
    for (const d of this.drafts) {
      if (d.type !== 'ORG') continue;
      let initials = this.initialsOf.get(d);
      if (initials === undefined) {
        initials = d.names[0]!.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
        this.initialsOf.set(d, initials);
      }
      if (initials === text) return d.key.slice('name:'.length);
    }
    return null;
  }

  /**
   * A role named without its holder's name ("the US Secretary of State said"): the person already named with that
   * role and country, or else a person of its own, known by the role and coded from it (USAGOV).
   */
  private addRoleHolder({ find, head }: RoleOnly, a: number, b: number): Draft {
    const role = find.role;
    const subject = this.ctx.isSubject(a, b);
    const holder = this.drafts.find((d) => d.type === 'PERSON' && d.classes.has(head) && d.mentions[0]!.tokenStart < a
      && (role.orgActor ? d.fixedActor === role.orgActor : d.country === role.country));
    if (holder) {
      this.mention(holder, a, b, 'description', subject);
      return holder;
    }
    const d = this.draftFor('role', `${role.orgActor ?? role.country}|${head}`, 'PERSON', role.text);
    if (d.roles.length === 0) {
      d.roles.push(role);
      for (const c of role.classes) d.classes.add(c);
      d.gender = role.gender;
      d.country = role.country;
      d.fixedActor = actorOfRole(role, role.country);
    }
    this.mention(d, a, b, 'description', subject);
    return d;
  }

  // ---- group phrases --------------------------------------------------------

  private addPhrase(p: GroupPhrase, cues: readonly CountryCue[]): void {
    let country = p.country;
    if (p.contextual) country = this.contextCountry(p.tokenStart, cues, null);
    const qualifier = country ?? p.orgActor ?? p.qualifierPerson?.toLowerCase().replace(/['\u2019]s$/, '') ?? '';
    const d = this.draftFor('group', `${qualifier}|${p.head}`, 'ORG', p.name);
    d.sector = p.sector;

    // An international organisation's or an armed group's people ("UN troops", "Islamic State militants") act for it: its own code.
    if (p.orgActor && actsAsOne(p.orgActor)) d.fixedActor = p.orgActor;
    // A region ("European firms") gives the actor code (EURBUS) but is no country.
    if (country && this.lex.places.isRegion(country)) d.fixedActor = country + p.sector;
    else d.country = country;
    d.qualifierPerson = p.qualifierPerson;
    d.plural = p.plural;
    d.classes.add(p.head);
    d.classes.add(p.head.split(' ').pop()!);
    this.mention(d, p.tokenStart, p.tokenEnd, 'name', this.ctx.isSubject(p.tokenStart, p.tokenEnd));
  }

  /** Places named in the text, in order: the context that says whose "Foreign Ministry" it is. */
  private countryCues(items: readonly NameItem[], phrases: readonly GroupPhrase[], persons: readonly NameItem[]): CountryCue[] {
    const personStarts = new Set(persons.map((it) => it.tokenStart));
    const personEnds = new Map(persons.map((it) => [it.tokenEnd, it.tokenStart]));
    const cues: CountryCue[] = [];
    const push = (a: number, b: number, code: string, weak: boolean, holder: number | null): void => {
      // A dateline's place is where the story was filed, no evidence of anyone's side.
      weak ||= (a > 0 && this.lex.locatives.has(this.ctx.norm[a - 1]!)) || this.ctx.inDateline(a);
      cues.push({ tok: a, code, weak, paragraph: this.ctx.paragraphOf(a), subject: this.ctx.isSubject(a, b), quoted: this.ctx.inQuote[a] === 1, holder });
    };
    for (const it of items) {
      const place = this.lex.places.lookup(it.text);
      if (place && place.kind !== 'region') push(it.tokenStart, it.tokenEnd, place.code, place.kind === 'city',
        this.roleHolder(it.tokenEnd, personStarts) ?? (this.ctx.norm[it.tokenStart - 1] === 'of' ? personEnds.get(it.tokenStart - 1) ?? null : null));
    }
    for (const p of phrases) if (p.country && !this.lex.places.isRegion(p.country)) push(p.tokenStart, p.tokenEnd, p.country, p.plural, null);
    return cues.sort((a, b) => a.tok - b.tok);
  }

  /**
   * When a role noun follows a country ending before token b ("US commander", "Russia's special envoy",
   * "Chinese Foreign Ministry spokeswoman"): the first token of the person name the role phrase leads to
   * before any verb, or -1; null when no role noun follows.
   */
  private roleHolder(b: number, personStarts: ReadonlySet<number>): number | null {
    const { ctx, lex } = this;
    // The country's own sentence: b may already be the next one's first token, or past the text.
    const end = ctx.sentenceEnd(b - 1);
    let k = b;
    if (k < end && ctx.isPossessive(k)) k++;
    while (k < end && lex.roleModifiers.has(ctx.norm[k]!)) k++;
    k = lex.institutions.longestAt(ctx.norm, k, end)?.end ?? k;
    const role = lex.roles.longestAt(ctx.norm, k, end);
    if (!role) return null;
    for (let j = role.end; j < end && j < role.end + HOLDER_WINDOW; j++) {
      if (personStarts.has(j)) return j;
      if (ctx.pos(j) === 'VERB' || ctx.pos(j) === 'AUX') break;
    }
    return -1;
  }

  /**
   * The country the context gives an unqualified institution: among the countries named in its
   * paragraph (before it, or later in its sentence), the nearest — weight halved per sentence
   * back, doubled for a subject, cut for a quotation
   * ("Poland summoned the Belarusian ambassador, the Foreign Ministry said" is Poland's ministry),
   * plus a little for the article's most named countries (all there is when the paragraph names none).
   * For a person (`own`: the first tokens of its mentions) a country qualifying another's role is no evidence.
   */
  private contextCountry(tok: number, allCues: readonly CountryCue[], own: ReadonlySet<number> | null): string | null {
    const person = own !== null;
    // A person's side needs strong evidence in the paragraph itself: no weak cues, no article-wide prior;
    // "the US commander" tells the commander's side, not that of the president he met.
    const cues = own ? allCues.filter((c) => !c.weak && (c.holder === null || own.has(c.holder))) : allCues;
    const paragraph = this.ctx.paragraphOf(tok);
    const sentence = this.ctx.sentenceOf[tok]!;
    const scores = new Map<string, number>();
    for (const c of cues) {
      if (c.paragraph !== paragraph || (c.tok > tok && this.ctx.sentenceOf[c.tok] !== sentence)) continue;
      const sentences = sentence - this.ctx.sentenceOf[c.tok]!;
      const w = ((c.subject ? 2 : 1) * (c.quoted ? 0.3 : 1) * Math.pow(0.5, sentences)) / (1 + Math.abs(tok - c.tok) / 20);
      scores.set(c.code, (scores.get(c.code) ?? 0) + w);
    }
    // The article's most named countries weigh in a little, and decide alone when the paragraph names none.
    if (!person) {
      const { counts, most } = this.countsOf(cues);
      for (const [code, n] of counts) scores.set(code, (scores.get(code) ?? 0) + (0.3 * n) / most);
    }
    let best: string | null = null;
    for (const [code, score] of scores) if (!best || score > scores.get(best)!) best = code;
    return best;
  }

  private cueCounts: { cues: readonly CountryCue[]; counts: Map<string, number>; most: number } | null = null;

  /** How often each country is named among the cues (in first-named order), and the most; counted once per list. */
  private countsOf(cues: readonly CountryCue[]): { counts: Map<string, number>; most: number } {
    if (this.cueCounts?.cues !== cues) {
      const counts = new Map<string, number>();
      let most = 0;
      for (const c of cues) {
        const n = (counts.get(c.code) ?? 0) + 1;
        counts.set(c.code, n);
        most = Math.max(most, n);
      }
      this.cueCounts = { cues, counts, most };
    }
    return this.cueCounts;
  }

  /**
   * A person whose role gives a sector but no country, and whom no lexicon knows ("Deputy
   * Foreign Minister Pavel Orlov"), serves the country attached to the name ("Orlov of Russia", "the
   * Russian envoy, Pavel Orlov"), or else the country the context names, as an institution does.
   */
  private placeRolesInContext(cues: readonly CountryCue[]): void {
    const attached = cues.filter((c) => c.holder !== null && c.holder >= 0 && !c.weak);
    for (const d of this.drafts) {
      if (d.type !== 'PERSON' || d.fixedActor || d.country) continue;
      const role = d.roles.find((r) => r.source === 'text' && r.sector && !r.former);
      if (!role) continue;
      const own = new Set(d.mentions.map((m) => m.tokenStart));
      d.country = attached.find((c) => own.has(c.holder!))?.code ?? this.contextCountry(d.mentions[0]!.tokenStart, cues, own);
      if (d.country) d.fixedActor = d.country + role.sector;
    }
  }

  // ---- descriptions and pronouns ---------------------------------------------

  private resolveAnaphors(): void {
    const orgNouns = new Set<string>();
    for (const d of this.drafts) if (d.type !== 'PERSON') for (const c of d.classes) orgNouns.add(c);
    const anaphors = findAnaphors(this.ctx, this.lex, this.taken, orgNouns);
    const history: HistoryMention[] = [];
    for (const d of this.drafts) {
      for (const m of d.mentions) {
        history.push({ draft: d, tokenStart: m.tokenStart, subject: m.subject, inQuote: this.ctx.inQuote[m.tokenStart] === 1, kind: m.kind });
      }
    }
    const ordered = sortByKey(history, (m) => m.tokenStart, this.ctx.length);
    const salience = new SalienceResolver(this.ctx);
    let h = 0;
    for (const a of anaphors) {
      while (h < ordered.length && ordered[h]!.tokenStart < a.tokenStart) salience.add(ordered[h++]!);
      const resolved = a.plural ? this.pluralAntecedent(a) : salience.resolve(a, (d) => this.compatible(d, a));
      if (!resolved) {
        // "The Polish president said …" with no president named before: a person known by the role.
        const holder = this.unnamedHolder(a);
        if (holder) salience.add({ draft: holder, tokenStart: a.tokenStart, subject: this.ctx.isSubject(a.tokenStart, a.tokenEnd), inQuote: this.ctx.inQuote[a.tokenStart] === 1, kind: a.kind });
        continue;
      }
      const draft = resolved;
      const subject = this.ctx.isSubject(a.tokenStart, a.tokenEnd);
      this.mention(draft, a.tokenStart, a.tokenEnd, a.kind, subject);
      if (draft.type === 'PERSON' && a.gender) draft.gender ??= a.gender;
      salience.add({ draft, tokenStart: a.tokenStart, subject, inQuote: this.ctx.inQuote[a.tokenStart] === 1, kind: a.kind });
    }
  }

  /** The holder of a definite role description that names a country and that no one named before holds ("the Polish president"). */
  private unnamedHolder(a: Anaphor): Draft | null {
    if (a.kind !== 'description' || a.organisation || !a.country) return null;
    const find = titleBefore(this.ctx, this.lex, a.tokenEnd, a.tokenEnd).role;
    if (!find || find.apposed || !find.role.country || !find.role.sector) return null;
    const named = this.apposedPerson(a.tokenEnd, find.role.country);
    if (named) {
      this.mention(named, a.tokenStart, a.tokenEnd, 'description', this.ctx.isSubject(a.tokenStart, a.tokenEnd));
      return named;
    }
    return this.addRoleHolder({ find, head: a.head }, a.tokenStart, a.tokenEnd);
  }

  /**
   * The person whose name a comma sets after a description, a short complement between ("The US commander in Iraq,
   * General David Petraeus, held talks"): the description's referent, when of the same country or of none.
   */
  private apposedPerson(end: number, country: string): Draft | null {
    const { ctx } = this;
    const sentEnd = ctx.sentenceEnd(end);
    let k = end;
    while (k < sentEnd && k < end + APPOSED_COMPLEMENT && ctx.text(k) !== ',' && ctx.pos(k) !== 'VERB' && ctx.pos(k) !== 'AUX') k++;
    if (ctx.text(k) !== ',') return null;
    for (const d of this.drafts) {
      if (d.type !== 'PERSON' || (d.country !== null && d.country !== country)) continue;
      // The name, or the title before it ("General"), opens right after the comma.
      if (d.mentions.some((m) => m.kind === 'name' && m.tokenStart > k && m.tokenStart <= k + 3)) return d;
    }
    return null;
  }

  private compatible(d: Draft, a: Anaphor): boolean {
    if (a.kind === 'pronoun') return d.type === 'PERSON' && (!d.gender || !a.gender || d.gender === a.gender);
    if (a.organisation) return d.type !== 'PERSON' && d.classes.has(a.head);
    if (d.type !== 'PERSON' || !d.classes.has(a.head)) return false;
    return !a.country || d.country === a.country;
  }

  /**
   * "they"/"their" refer to a group only when the nearest plural noun before them (this
   * sentence or the previous) heads that group's mention; otherwise ("opportunities … if they
   * are deemed …") they are left alone.
   */
  private pluralAntecedent(a: Anaphor): Draft | null {
    const sentence = this.ctx.sentenceOf[a.tokenStart]!;
    const floor = this.doc.sentences[Math.max(0, sentence - 1)]!.tokenStart;
    for (let k = a.tokenStart - 1; k >= floor; k--) {
      const pos = this.ctx.pos(k);
      if (pos !== 'NOUN' && pos !== 'PROPN') continue;
      const word = this.ctx.norm[k]!;
      if (!word.endsWith('s') || word.endsWith('ss')) continue;
      return this.groupEndingAt().get(k + 1) ?? null;
    }
    return null;
  }

  private groupEnds: Map<number, Draft> | null = null;

  /** Group drafts by the token where one of their name mentions ends (built on first use). */
  private groupEndingAt(): Map<number, Draft> {
    if (!this.groupEnds) {
      this.groupEnds = new Map();
      for (const d of this.drafts) if (d.plural) for (const m of d.mentions) if (m.kind === 'name') this.groupEnds.set(m.tokenEnd, d);
    }
    return this.groupEnds;
  }

  // ---- bookkeeping -----------------------------------------------------------

  private genderOfName(d: Draft): Gender | null {
    const tokens = d.nameTokens;
    for (let i = 0; i < tokens.length; i++) {
      if (i === tokens.length - 1 && i > 0) break;
      const g = this.lex.firstNames.get(tokens[i]!);
      if (g) return g;
    }
    return null;
  }

  private draftFor(kind: DraftKind, id: string, type: Draft['type'], name: string): Draft {
    const ofKind = this.byKey[kind];
    const found = ofKind.get(id);
    if (found) {
      addName(found, name);
      return found;
    }
    const d = newDraft(type, `${kind}:${id}`, name);
    ofKind.set(id, d);
    this.register(d);
    return d;
  }

  private register(d: Draft): void {
    this.order.set(d, this.drafts.length);
    this.drafts.push(d);
    if (d.type === 'PERSON') this.indexPerson(d);
  }

  private take(a: number, b: number): void {
    this.taken.fill(1, a, b);
  }

  private mentionItem(d: Draft, it: NameItem): void {
    for (const [a, b] of it.pieces) this.mention(d, a, b, 'name', this.ctx.isSubject(a, it.tokenEnd));
  }

  private mentionChars(d: Draft, it: NameItem, start: number, end: number): void {
    this.take(it.tokenStart, it.tokenEnd);
    d.mentions.push({ tokenStart: it.tokenStart, tokenEnd: it.tokenEnd, start, end, kind: 'name', subject: false });
  }

  private mention(d: Draft, a: number, b: number, kind: MentionKind, subject: boolean): void {
    this.take(a, b);
    const { start, end } = this.ctx.span(a, b);
    d.mentions.push({ tokenStart: a, tokenEnd: b, start, end, kind, subject });
  }

  private finish(): { entities: Entity[]; mentions: Mention[] } {
    const live = this.drafts.filter((d) => d.mentions.length > 0);
    // Mostly in order already: sorted only when not.
    for (const d of live) if (!isSortedSpans(d.mentions)) d.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    if (live.some((d, i) => i > 0 && live[i - 1]!.mentions[0]!.start > d.mentions[0]!.start)) {
      live.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    }
    const entities: Entity[] = [];
    const perEntity: Mention[][] = [];
    for (let i = 0; i < live.length; i++) {
      const d = live[i]!;
      const id = `e${i + 1}`;
      const name = d.fixedName ?? longest(d.names);
      // Sorted by span, so repeats of a span are neighbours: the first of each is kept.
      const own: Entity['mentions'] = [];
      const mentions: Mention[] = [];
      let prev: DraftMention | null = null;
      for (const m of d.mentions) {
        if (prev && prev.start === m.start && prev.end === m.end) continue;
        prev = m;
        own.push({ start: m.start, end: m.end, kind: m.kind });
        mentions.push({ start: m.start, end: m.end, kind: m.kind, entity: id });
      }
      entities.push({
        id, name, type: d.type, actor: d.fixedActor, country: d.country,
        roles: distinctTexts(d.roles),
        aliases: d.names.filter((n) => n !== name),
        gender: d.type === 'PERSON' ? d.gender : null,
        mentions: own,
      });
      perEntity.push(mentions);
    }
    return { entities, mentions: mergeSpans(perEntity) };
  }
}

/** Codes of organisations whose members are coded as the organisation itself: IGOs and non-state armed groups. */
function actsAsOne(code: string): boolean {
  return code.startsWith('IGO') || code.startsWith('IMG') || code.endsWith('REB');
}

function nameTokens(text: string): string[] {
  return text.split(/\s+/).map(normToken).filter((t) => t !== "'s" && t !== '');
}

/** Role texts without repeats, in first-seen order. */
function distinctTexts(roles: readonly { text: string }[]): string[] {
  const out: string[] = [];
  for (const r of roles) if (!out.includes(r.text)) out.push(r.text);
  return out;
}

function longest(names: readonly string[]): string {
  if (names.length === 1) return names[0]!;
  let best = names[0] ?? '';
  for (const n of names) if (n.split(/\s+/).length > best.split(/\s+/).length) best = n;
  return best;
}
