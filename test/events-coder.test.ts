// Unit tests of the event coder on sentences segmented by the real segment and time stages,
// with the entity layer set by hand so that each test isolates one coder behaviour.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../src/doc.js';
import { CodeTable } from '../src/events/codes.js';
import { EventCoder } from '../src/events/coder.js';
import { countryOf, parseGold, score } from '../src/events/evaluate.js';
import { inflections } from '../src/events/patterns.js';
import { loadEventLexicons } from '../src/events/stage.js';
import { Pipeline } from '../src/pipeline.js';
import type { Entity, EntityType, PoliticalEvent, Quote } from '../src/types.js';

const lexicons = loadEventLexicons();
const coder = new EventCoder(lexicons);
const pre = await Pipeline.create({ only: ['segment', 'time'] });

type Name = [surface: string, actor: string | null, type: EntityType];

/** A Doc of `text` with an entity for every occurrence of each listed name. */
function docWith(text: string, names: Name[], date = '2025-03-12'): Doc {
  const doc = pre.run({ id: 't', date, title: null, source: null, url: null, boilerplate: [], text });
  const entities: Entity[] = [];
  names.forEach(([surface, actor, type], i) => {
    const mentions: Entity['mentions'] = [];
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      mentions.push({ start: at, end: at + surface.length, kind: 'name' });
    }
    assert.ok(mentions.length, `test text lacks "${surface}"`);
    entities.push({ id: `e${i + 1}`, name: surface, type, actor, country: actor ? actor.slice(0, 3) : null, roles: [], aliases: [], gender: null, mentions });
  });
  doc.entities = entities;
  doc.mentions = entities.flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e.id }))).sort((a, b) => a.start - b.start);
  return doc;
}

function code(text: string, names: Name[], quotes: Quote[] = []): PoliticalEvent[] {
  const doc = docWith(text, names);
  doc.quotes = quotes;
  return coder.code(doc);
}

/** "root src→tgt modality" for compact assertions. */
function brief(e: PoliticalEvent): string {
  return `${e.code.slice(0, 2)} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)} ${e.modality}`;
}

const RUS: Name = ['Russia', 'RUS', 'GPE'];
const UKR: Name = ['Ukraine', 'UKR', 'GPE'];

test('code table: every pattern resolves to a CAMEO code and a PLOVER type; all roots and types covered', () => {
  const table = new CodeTable(lexicons.codes);
  assert.equal(table.ploverTypes.size, 16);
  const roots = new Set<string>();
  const plover = new Set<string>();
  for (const e of lexicons.patterns.entries) {
    const info = table.get(e.code);
    assert.ok(info, `unknown code ${e.code}`);
    roots.add(e.code.slice(0, 2));
    plover.add(e.plover ?? info.plover!);
  }
  assert.equal(roots.size, 20, `roots: ${[...roots].sort().join(' ')}`);
  assert.deepEqual([...plover].sort(), [...table.ploverTypes].sort());
  assert.equal(table.get('0871')!.plover, 'RETREAT');
  assert.equal(table.get('0871')!.ploverMode, 'ceasefire');
  assert.equal(table.get('163')!.goldstein, -8);
  assert.equal(table.get('051')!.quad, 1);
});

test('bad pattern data is refused with the entry named', () => {
  const bad = { ...lexicons, patterns: { ...lexicons.patterns, entries: [{ code: '999', kind: 'verb' as const, patterns: ['meet'] }] } };
  assert.throws(() => new EventCoder(bad), /entry 0 \(code 999\)/);
  const dropped = { ...lexicons, patterns: { ...lexicons.patterns, entries: [{ code: '010', kind: 'verb' as const, patterns: ['say'] }] } };
  assert.throws(() => new EventCoder(dropped), /no PLOVER type/);
});

test('inflections cover regular verb and noun forms', () => {
  const forms = inflections('ban', {});
  for (const f of ['ban', 'bans', 'banned', 'banning']) assert.ok(forms.includes(f), f);
  assert.ok(inflections('apply', {}).includes('applies'));
  assert.ok(inflections('impose', {}).includes('imposed'));
  assert.ok(inflections('meet', { meet: ['met'] }).includes('met'));
});

test('active verb: subject is the source, object the target', () => {
  const ev = code('Russia attacked Ukraine overnight.', [RUS, UKR]);
  assert.deepEqual(ev.map(brief), ['19 RUS→UKR asserted']);
  assert.equal(ev[0]!.plover, 'ASSAULT');
  assert.equal(ev[0]!.date, '2025-03-12');
});

test('passive verb: the by-agent is the source, the subject the target', () => {
  const ev = code('Two Russian diplomats were expelled by Norway on Thursday.', [['Russian', 'RUS', 'NORP'], ['Norway', 'NOR', 'GPE']]);
  assert.deepEqual(ev.map(brief), ['16 NOR→RUS asserted']);
  assert.equal(ev[0]!.date, '2025-03-06', 'the time layer dates "on Thursday"');
});

test('passive with the noun first: "sanctions were imposed on X by Y"', () => {
  const ev = code('Sanctions were imposed on Belarus by the European Union.', [['Belarus', 'BLR', 'GPE'], ['European Union', 'IGOEUREEC', 'ORG']]);
  assert.deepEqual(ev.map(brief), ['16 IGO→BLR asserted']);
});

test('nominal patterns: modifier source, prepositional target, standing state', () => {
  assert.deepEqual(code('US sanctions on Cuba have been in place since 1962.', [['US', 'USA', 'GPE'], ['Cuba', 'CUB', 'GPE']]).map(brief), ['16 USA→CUB ongoing']);
  const fronted = code('Currently subject to US sanctions, the Venezuelan minister travelled to Iran.', [['US', 'USA', 'GPE'], ['the Venezuelan minister', 'VENGOV', 'PERSON'], ['Iran', 'IRN', 'GPE']]);
  assert.ok(fronted.map(brief).includes('16 USA→VEN ongoing'), fronted.map(brief).join(', '));
  assert.deepEqual(code('The talks between Serbia and Kosovo resumed in Brussels.', [['Serbia', 'SRB', 'GPE'], ['Kosovo', 'XKX', 'GPE'], ['Brussels', 'BEL', 'GPE']]).map(brief),
    ['04 SRB→XKX asserted', '04 XKX→SRB asserted']);
});

test('compound actors: one event per pair; mutual events both ways; "both sides"', () => {
  const met = code('France, Germany and Italy met in Rome.', [['France', 'FRA', 'GPE'], ['Germany', 'DEU', 'GPE'], ['Italy', 'ITA', 'GPE'], ['Rome', 'ITA', 'GPE']]);
  assert.equal(met.length, 6);
  assert.ok(met.every((e) => e.location === 'Rome'));
  const condemned = code('Chile and Peru condemned the attack on the embassy.', [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']]);
  assert.deepEqual(condemned.map(brief), ['11 CHL→--- asserted', '11 PER→--- asserted']);
  const both = code('India and Pakistan held talks on Monday, and both sides agreed to a ceasefire.', [['India', 'IND', 'GPE'], ['Pakistan', 'PAK', 'GPE']]);
  assert.deepEqual(both.map(brief), ['04 IND→PAK asserted', '04 PAK→IND asserted', '08 IND→PAK asserted', '08 PAK→IND asserted']);
  // A comma alone does not coordinate: "on Fox News, Dmitriev praised …" has one source.
  const praised = code('In an interview on Fox News, Dmitriev praised Trump.', [['Fox News', 'USAMED', 'ORG'], ['Dmitriev', 'RUSGOV', 'PERSON'], ['Trump', 'USAGOV', 'PERSON']]);
  assert.deepEqual(praised.map(brief), ['05 RUS→USA asserted']);
});

test('modality: negated, hypothetical, intended, ongoing', () => {
  const m = (text: string, names: Name[]) => code(text, names).map((e) => e.modality);
  assert.deepEqual(m('Russia did not meet the Ukrainian delegation.', [RUS, ['Ukrainian', 'UKR', 'NORP']]), ['negated']);
  assert.deepEqual(m('China refused to condemn Russia.', [['China', 'CHN', 'GPE'], RUS]), ['negated']);
  assert.deepEqual(m('Japan would lift its sanctions on Russia if a peace deal is reached.', [['Japan', 'JPN', 'GPE'], RUS]), ['hypothetical']);
  assert.deepEqual(m('With the exception of NATO membership, Russia accepts security guarantees for Ukraine.', [['NATO', 'IGOWSTNAT', 'ORG'], RUS, UKR]), ['hypothetical']);
  assert.deepEqual(m('Britain plans to send more troops to Estonia.', [['Britain', 'GBR', 'GPE'], ['Estonia', 'EST', 'GPE']]), ['intended']);
  assert.deepEqual(m('Efforts are underway to restore flights between Russia and Ukraine.', [RUS, UKR]), ['intended', 'intended']);
  assert.deepEqual(m('Cuba remains under a US embargo.', [['Cuba', 'CUB', 'GPE'], ['US', 'USA', 'GPE']]), ['ongoing']);
  // "agree to" + noun is an agreement made, not an intention.
  assert.deepEqual(m('Israel and Lebanon agreed to a ceasefire.', [['Israel', 'ISR', 'GPE'], ['Lebanon', 'LBN', 'GPE']]), ['asserted', 'asserted']);
  // "not only" is no negation.
  assert.deepEqual(m('Turkey has not only criticised Sweden but also threatened it.', [['Turkey', 'TUR', 'GPE'], ['Sweden', 'SWE', 'GPE']]).slice(0, 1), ['asserted']);
});

test('complements: one accusation, not an attack; a factive decision stands', () => {
  assert.deepEqual(code('Ukraine accused Russia of violating the ceasefire.', [UKR, RUS]).map(brief), ['11 UKR→RUS asserted']);
  const decision = code('Dmitriev lauded Trump\u2019s decision to impose tariffs.', [['Dmitriev', 'RUSGOV', 'PERSON'], ['Trump', 'USAGOV', 'PERSON']]);
  assert.deepEqual(decision.map(brief), ['05 RUS→USA asserted', '16 USA→--- asserted']);
  assert.deepEqual(code('India pledged to deepen its partnership with Vietnam.', [['India', 'IND', 'GPE'], ['Vietnam', 'VNM', 'GPE']]).map((e) => e.code), ['031']);
});

test('statements: first person stands for the speaker; quote id and statement date', () => {
  const text = '"I have held meetings here in Washington with the State Department," Dmitriev said.';
  const quote: Quote = {
    id: 'q1', type: 'direct', start: 1, end: text.indexOf(',"'), speaker: { entity: 'e1', name: 'Dmitriev', start: text.indexOf('Dmitriev'), end: text.indexOf('Dmitriev') + 8 },
    cue: null, via: [], date: '2025-04-03', rule: 'test', confidence: 1,
  };
  const ev = code(text, [['Dmitriev', 'RUSGOV', 'PERSON'], ['Washington', 'USA', 'GPE'], ['State Department', 'USAGOV', 'ORG']], [quote]);
  assert.equal(ev.length, 1);
  assert.equal(brief(ev[0]!), '04 RUS→USA asserted');
  assert.equal(ev[0]!.source.actor, 'RUSGOV');
  assert.equal(ev[0]!.target.actor, 'USAGOV');
  assert.equal(ev[0]!.location, 'Washington');
  assert.equal(ev[0]!.quote, 'q1');
  assert.equal(ev[0]!.date, '2025-04-03');
  assert.equal(text.slice(ev[0]!.start, ev[0]!.end), 'I have held meetings here in Washington with the State Department');
});

test('no event for sentences without a political act', () => {
  const cases: Array<[string, Name[]]> = [
    ['The Russian economy grew by 2 percent last year.', [['Russian', 'RUS', 'NORP']]],
    ['There will be many more important meetings.', []],
    ['Oil prices rose on Monday amid concerns about supply in Ukraine.', [UKR]],
    ['A member of the Hamas movement jailed a year ago spoke to reporters in Gaza.', [['Hamas', 'PSEREB', 'ORG'], ['Gaza', 'PSE', 'GPE']]],
    ['Mexico City hosted a film festival this week.', [['Mexico City', 'MEX', 'GPE']]],
  ];
  for (const [text, names] of cases) assert.deepEqual(code(text, names).map(brief), [], text);
});

test('scoring: multiset root and triple matching, no-event sentences', () => {
  const gold = parseGold(JSON.stringify({ id: 'g', text: 'x', date: null, events: [{ code: '190', source_actor: 'RUSMIL', target_actor: 'UKR' }] }), 'inline');
  const mk = (code: string, src: string | null, tgt: string | null): PoliticalEvent => ({
    id: 'v', code, plover: 'ASSAULT', source: { actor: src, entity: null }, target: { actor: tgt, entity: null },
    goldstein: 0, quad: 4, modality: 'asserted', date: null, location: null, quote: null, rule: 't', start: 0, end: 1,
  });
  const none = parseGold('{"id":"n","text":"y","no_events":true,"events":[]}', 'inline');
  const s = score([{ gold, events: [mk('194', 'RUS', 'UKR'), mk('111', 'RUS', 'UKR')] }, { gold: none, events: [mk('040', 'USA', null)] }]);
  assert.equal(s.root.tp, 1);
  assert.equal(s.triple.tp, 1);
  assert.equal(s.root.recall, 1);
  assert.equal(s.root.precision, 1 / 3);
  assert.equal(s.noEventSentencesWithEvents, 1);
  assert.throws(() => parseGold('{"text":"z","events":[{"code":"ab"}]}', 'file.jsonl:3'), /file\.jsonl:3: event 0: bad CAMEO code/);
});

test('announced refusals are rejections (12x); a plain negated fact keeps its code, negated', () => {
  const ev = (text: string, names: Name[]) => code(text, names).map((e) => `${e.code} ${e.modality}`);
  const ROK: Name = ['South Korea', 'KOR', 'GPE'];
  const PRK: Name = ['North Korea', 'PRK', 'GPE'];
  assert.deepEqual(ev('North Korea refused to hold talks with South Korea.', [PRK, ROK]), ['125 asserted']);
  assert.deepEqual(ev('Seoul said it would not provide aid to North Korea.', [['Seoul', 'KOR', 'GPE'], PRK]), ['121 asserted']);
  assert.deepEqual(ev('North Korea did not release the South Korean fishermen.', [PRK, ['South Korean', 'KOR', 'NORP']]).map((x) => x.slice(0, 2) + x.slice(-8)), ['08 negated']);
  // A refused act with no rejection code stays what it is, negated.
  assert.deepEqual(ev('China refused to condemn Russia.', [['China', 'CHN', 'GPE'], RUS]).map((x) => x.slice(0, 2) + ' ' + x.split(' ')[1]), ['11 negated']);
});

test('groups and sub-national places: the entity layer (lexicon/actors) codes them for the coder', async () => {
  const full = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes', 'events'] });
  const brief2 = (text: string) => full.run({ id: 't', date: '2025-03-12', title: null, source: null, url: null, boilerplate: [], text }).events
    .map((e) => `${e.code.slice(0, 2)} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`);
  assert.deepEqual(brief2('Al-Shabaab fighters attacked an army base in Puntland.'), ['19 SOM→SOM']);
  assert.deepEqual(brief2('Ukrainian drones struck a fuel depot in Belgorod.'), ['19 UKR→RUS']);
});

test('unnamed state agents stand for the country the sentence places the action in', () => {
  const brief2 = (e: PoliticalEvent) => `${e.code.slice(0, 2)} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`;
  assert.deepEqual(code('In Niger, the government expelled the French ambassador.', [['Niger', 'NER', 'GPE'], ['French', 'FRA', 'NORP']]).map(brief2), ['16 NER→FRA']);
  assert.deepEqual(code('Thousands of protesters rallied against the government in Belgrade.', [['Belgrade', 'SRB', 'GPE']]).map(brief2), ['14 SRB→SRB']);
  // With no place, "the government" stays unnamed: no event.
  assert.deepEqual(code('The government expelled the ambassador.', []).map(brief2), []);
});

test('no act: non-actor subjects, other senses, open questions, noun modifiers', () => {
  const codes = (text: string, names: Name[]) => code(text, names).map((e) => e.code);
  assert.deepEqual(codes('The storm killed thirty people in the Philippines.', [['Philippines', 'PHL', 'GPE']]), []);
  assert.deepEqual(codes('Germany and France met their emissions targets.', [['Germany', 'DEU', 'GPE'], ['France', 'FRA', 'GPE']]), []);
  assert.deepEqual(codes('Germany and France met in Paris.', [['Germany', 'DEU', 'GPE'], ['France', 'FRA', 'GPE'], ['Paris', 'FRA', 'GPE']]).map((c) => c.slice(0, 2)), ['04', '04']);
  assert.deepEqual(codes('The debate over whether to send troops to Haiti divided Kenya.', [['Haiti', 'HTI', 'GPE'], ['Kenya', 'KEN', 'GPE']]), []);
  assert.deepEqual(codes('French riot police clashed with protesters.', [['French', 'FRA', 'NORP']]).map((c) => c.slice(0, 2)), ['17']);
});

test('domestic dissent: the place of a protest stands for its unnamed source', () => {
  const brief2 = (e: PoliticalEvent) => `${e.code.slice(0, 2)} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`;
  assert.deepEqual(code('Thousands protested in Nairobi against the Kenyan government.', [['Nairobi', 'KEN', 'GPE'], ['Kenyan', 'KEN', 'NORP']]).map(brief2), ['14 KEN→KEN']);
  assert.deepEqual(code('Nurses went on strike in Lagos.', [['Lagos', 'NGA', 'GPE']]).map(brief2), ['14 NGA→---']);
});

test('reciprocal talks give both directions; refused talks only one', () => {
  const GRC: Name = ['Greek', 'GRC', 'NORP'];
  const CYP: Name = ['Cypriot', 'CYP', 'NORP'];
  assert.deepEqual(code('The Greek prime minister held talks with the Cypriot president.', [GRC, CYP]).map(brief), ['04 GRC→CYP asserted', '04 CYP→GRC asserted']);
  assert.deepEqual(code('The Greek prime minister refused to hold talks with the Cypriot president.', [GRC, CYP]).map(brief), ['12 GRC→CYP asserted']);
});

test('an uncoded object leaves the place to name the target; a capitalised name is no act', () => {
  assert.deepEqual(code('Rebels attacked a convoy carrying civilians in Burkina Faso.', [['Burkina Faso', 'BFA', 'GPE']]).map(brief), ['19 ---→BFA asserted']);
  assert.deepEqual(code('Protesters in Paris waved Free Tibet banners.', [['Paris', 'FRA', 'GPE'], ['Tibet', null, 'GPE']]).map((e) => e.code.slice(0, 2)), []);
});

test('announced intentions: the intent code (03/13), modality intended, the act kept in `act`', () => {
  const full = (text: string, names: Name[], quotes: Quote[] = []) =>
    code(text, names, quotes).map((e) => `${e.code} ${(e as { act?: string }).act ?? '-'} ${e.modality}`);
  const ARM: Name = ['Armenia', 'ARM', 'GPE'];
  assert.deepEqual(full('Iran promised to free two French tourists.', [['Iran', 'IRN', 'GPE'], ['French', 'FRA', 'NORP']]), ['0353 0841 intended']);
  assert.deepEqual(full('Australia plans to impose sanctions on Armenia.', [['Australia', 'AUS', 'GPE'], ARM]), ['1312 163 intended']);
  // A narrated schedule or preparation is no expression of intent: the act's own code.
  assert.deepEqual(full('The Chilean president will visit Armenia next month.', [['Chilean', 'CHL', 'NORP'], ARM]), ['042 - intended']);
  assert.deepEqual(full('Australia is preparing to impose sanctions on Armenia.', [['Australia', 'AUS', 'GPE'], ARM]), ['163 - intended']);
  // The same future in the actor's own statement is one.
  const text = 'Canada will ease sanctions on Armenia, the foreign minister said.';
  const said: Quote = {
    id: 'q1', type: 'indirect', start: 0, end: text.indexOf(','), speaker: { entity: 'e1', name: 'Canada', start: 0, end: 6 },
    cue: { start: text.indexOf('said'), end: text.indexOf('said') + 4, lemma: 'say' }, via: [], date: null, rule: 'test', confidence: 1,
  };
  assert.deepEqual(full(text, [['Canada', 'CAN', 'GPE'], ARM], [said]), ['0354 085 intended']);
  // An intention no one is named to hold is not recorded.
  assert.deepEqual(full('Plans are underway to send aid to Armenia.', [ARM]), []);
});

test('accusations: "claimed/said that Y attacked Z" is the speaker\u2019s accusation, standing for the attack; a trailing "said" only sources it', () => {
  const text = 'Armenia claimed that Azerbaijan had attacked its border posts.';
  const names: Name[] = [['Armenia', 'ARM', 'GPE'], ['Azerbaijan', 'AZE', 'GPE']];
  const quote = (lemma: string): Quote => ({
    id: 'q1', type: 'indirect', start: text.indexOf('Azerbaijan'), end: text.length - 1, speaker: { entity: 'e1', name: 'Armenia', start: 0, end: 7 },
    cue: { start: 8, end: 15, lemma }, via: [], date: null, rule: 'test', confidence: 1,
  });
  const claimed = code(text, names, [quote('claim')]);
  assert.deepEqual(claimed.map((e) => `${e.code} ${e.source.actor}→${e.target.actor} ${e.quote ?? '-'}`), ['112 ARM→AZE -']);
  assert.deepEqual(code(text.replace('claimed', 'said   '), names, [quote('say')]).map((e) => e.code), ['112']);
  // "…, Armenia said": the speaker follows the statement, which it only sources.
  const trailing = 'Azerbaijan had attacked its border posts, Armenia said.';
  const trailingQuote: Quote = {
    ...quote('say'), start: 0, end: trailing.indexOf(','),
    speaker: { entity: 'e1', name: 'Armenia', start: trailing.indexOf('Armenia'), end: trailing.indexOf('Armenia') + 7 },
    cue: { start: trailing.indexOf('said'), end: trailing.indexOf('said') + 4, lemma: 'say' },
  };
  assert.deepEqual(code(trailing, names, [trailingQuote]).map((e) => `${e.code} ${e.source.actor}`), ['190 AZE']);
  // The speaker's own attack, claimed: responsibility (015) — "it" opening the statement is the speaker.
  const own = 'Armenia claimed that it had attacked Azerbaijan.';
  const ownQuote: Quote = { ...quote('claim'), start: own.indexOf('it had'), end: own.length - 1 };
  assert.deepEqual(code(own, names, [ownQuote]).map((e) => `${e.code} ${e.source.actor}→${e.target.actor}`), ['015 ARM→AZE']);
  // "alleged that" with no statement found: the accusation pattern's that-clause is its content.
  const alleged = code('India alleged that Pakistan had shelled Indian villages.', [['India', 'IND', 'GPE'], ['Pakistan', 'PAK', 'GPE'], ['Indian', 'IND', 'NORP']]);
  assert.deepEqual(alleged.map((e) => `${e.code.slice(0, 2)} ${e.source.actor}→${e.target.actor}`), ['11 IND→PAK']);
  // "accused X of attacking Y" stays one accusation; "demanded that" keeps its content inside.
  assert.deepEqual(code('Guatemala demanded that Belize withdraw its soldiers.', [['Guatemala', 'GTM', 'GPE'], ['Belize', 'BLZ', 'GPE']]).map((e) => e.code.slice(0, 2)), ['10']);
});

test('participles used as adjectives are no acts: "lists of detained citizens", "the banned party", "Sanctioned tankers"', () => {
  const brief2 = (e: PoliticalEvent) => `${e.code} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`;
  const US: Name = ['United States', 'USA', 'GPE'];
  assert.deepEqual(code('Russia and the United States exchanged lists of detained citizens in Istanbul.', [RUS, US, ['Istanbul', 'TUR', 'GPE']]).map(brief2), []);
  assert.deepEqual(code('Sanctioned Russian tankers sailed through the Baltic Sea.', [['Russian', 'RUS', 'NORP']]).map(brief2), []);
  assert.deepEqual(code('The expelled Russian diplomats left Oslo on Friday.', [['Russian', 'RUS', 'NORP'], ['Oslo', 'NOR', 'GPE']]).map(brief2), []);
  // The verb itself still acts: "Norway expelled Russian diplomats".
  assert.deepEqual(code('Norway expelled two Russian diplomats on Friday.', [['Norway', 'NOR', 'GPE'], ['Russian', 'RUS', 'NORP']]).map(brief2), ['161 NOR→RUS']);
});

test('discussing: the object is the topic, the partner follows "with" (both directions) or shares the subject', () => {
  const IRN: Name = ['Iran', 'IRN', 'GPE'];
  const SAU: Name = ['Saudi Arabia', 'SAU', 'GPE'];
  const YEM: Name = ['Yemen', 'YEM', 'GPE'];
  assert.deepEqual(code('Iran and Saudi Arabia discussed Yemen on Tuesday.', [IRN, SAU, YEM]).map(brief), ['04 IRN→SAU asserted', '04 SAU→IRN asserted']);
  assert.deepEqual(code('Iran discussed Yemen with Saudi Arabia on Tuesday.', [IRN, SAU, YEM]).map(brief), ['04 IRN→SAU asserted', '04 SAU→IRN asserted']);
  // No partner named: no consultation; nor is an interviewer one.
  assert.deepEqual(code('Iran discussed Yemen at a cabinet meeting.', [IRN, YEM]).map(brief), []);
  assert.deepEqual(code('Iran discussed Yemen in an interview with the BBC.', [IRN, YEM, ['BBC', 'GBRMED', 'ORG']]).map(brief), []);
});

test('a visit needs a visitor: "the wounded were flown to Kyiv" is no visit', () => {
  assert.deepEqual(code('The wounded soldiers were flown to a hospital in Kyiv.', [['Kyiv', 'UKR', 'GPE']]).map(brief), []);
  assert.deepEqual(code('The Polish president flew to Kyiv on Monday.', [['Polish', 'POL', 'NORP'], ['Kyiv', 'UKR', 'GPE']]).map(brief), ['04 POL→UKR asserted']);
});

test('a reduced passive takes its by-agent as source; a coordinated clause\u2019s subject is no object', () => {
  const QAT: Name = ['Qatar', 'QAT', 'GPE'];
  const HMS: Name = ['Hamas', 'PSEREB', 'ORG'];
  const ISR: Name = ['Israel', 'ISR', 'GPE'];
  const got = code('Under the deal brokered by Qatar, Hamas freed 20 hostages and Israel released 2,000 prisoners.', [QAT, HMS, ISR]).map(brief);
  assert.deepEqual(got, ['04 QAT→PSE asserted', '08 PSE→--- asserted', '08 ISR→--- asserted']);
  // "by phone" names no actor: an active verb.
  assert.deepEqual(code('The German chancellor spoke by phone with the French president.', [['German', 'DEU', 'NORP'], ['French', 'FRA', 'NORP']]).map(brief), ['04 DEU→FRA asserted', '04 FRA→DEU asserted']);
  // A coordinated object stays one: "attacked Ukraine and Belarus".
  assert.deepEqual(code('Russia attacked Ukraine and Belarus.', [RUS, UKR, ['Belarus', 'BLR', 'GPE']]).map(brief), ['19 RUS→UKR asserted', '19 RUS→BLR asserted']);
});

test('a denied hostile act is a denial of responsibility (016); declining to say is declining comment (011), at no one', () => {
  const full = (e: PoliticalEvent) => `${e.code} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)} ${e.modality}`;
  assert.deepEqual(code('Russian officials have repeatedly denied targeting civilians.', [['Russian', 'RUSGOV', 'NORP']]).map(full), ['016 RUS→--- asserted']);
  assert.deepEqual(code('Israel denied that its troops had fired on the convoy.', [['Israel', 'ISR', 'GPE']]).map(full), ['016 ISR→--- asserted']);
  // A denied favour is no denial of responsibility.
  assert.ok(!code('The United States denied a visa to the Iranian foreign minister.', [['United States', 'USA', 'GPE'], ['Iranian', 'IRN', 'NORP']]).some((e) => e.code === '016'));
  assert.deepEqual(code('The Kremlin declined to confirm the report about Ukraine.', [['Kremlin', 'RUSGOV', 'ORG'], UKR]).map(full), ['011 RUS→--- asserted']);
});

test('coercion of an uncoded object at no other place stays within the agent\u2019s country', () => {
  assert.deepEqual(code('Indonesian police detained 12 suspected militants.', [['Indonesian police', 'IDNCOP', 'ORG']]).map(brief), ['17 IDN→IDN asserted']);
  // A coded object or another place decides instead; killing is no internal coercion.
  assert.deepEqual(code('Russian troops detained two Ukrainian civilians.', [['Russian troops', 'RUSMIL', 'ORG'], ['Ukrainian', 'UKR', 'NORP']]).map(brief), ['17 RUS→UKR asserted']);
  assert.deepEqual(code('Russian troops detained two men in Kherson.', [['Russian troops', 'RUSMIL', 'ORG'], ['Kherson', 'UKR', 'GPE']]).map(brief), ['17 RUS→UKR asserted']);
  assert.deepEqual(code('Russian troops killed two men.', [['Russian troops', 'RUSMIL', 'ORG']]).map(brief), ['19 RUS→--- asserted']);
});

test('acts done to people: released persons are 0841, a people noun meets "needs: target", a statement released is no event', () => {
  const codes = (text: string, names: Name[]) => code(text, names).map((e) => `${e.code} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`);
  assert.deepEqual(codes('Two aid workers were freed by Mali on Sunday.', [['Mali', 'MLI', 'GPE']]), ['0841 MLI→---']);
  assert.deepEqual(codes('Azerbaijan freed four Armenian soldiers.', [['Azerbaijan', 'AZE', 'GPE'], ['Armenian', 'ARM', 'NORP']]), ['0841 AZE→ARM']);
  assert.deepEqual(codes('Azerbaijan released a statement on Tuesday.', [['Azerbaijan', 'AZE', 'GPE']]), []);
});

test('a counted noun phrase with a participle and no object is passive: "12 Georgian soldiers killed in …" are the target', () => {
  assert.deepEqual(code('There were 12 Georgian soldiers killed in Abkhazia on Monday.', [['Georgian soldiers', 'GEOMIL', 'NORP'], ['Abkhazia', null, 'GPE']]).map(brief), ['19 ---→GEO asserted']);
  assert.deepEqual(code('Two Georgian gunmen killed three policemen.', [['Georgian', 'GEO', 'NORP']]).map(brief), ['19 GEO→--- asserted']);
});

test('force with demonstrators on one side: theirs is violent protest (145), force on them violent repression (175); a clash goes both ways', () => {
  const codes = (text: string, names: Name[]) => code(text, names).map((e) => `${e.code} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`);
  assert.deepEqual(codes('A Serbian protester smashed the windows of the Kosovo mission.', [['Serbian', 'SRB', 'NORP'], ['Kosovo', 'XKX', 'GPE']]).map((c) => c.slice(0, 3)), ['145']);
  assert.deepEqual(codes('Chilean police clashed with students in Santiago.', [['Chilean police', 'CHLCOP', 'ORG'], ['Santiago', 'CHL', 'GPE']]), ['190 CHL→CHL', '190 CHL→CHL']);
  assert.deepEqual(codes('Chilean police clashed with protesters in Santiago.', [['Chilean police', 'CHLCOP', 'ORG'], ['Santiago', 'CHL', 'GPE']]), ['175 CHL→CHL', '145 CHL→CHL']);
  assert.deepEqual(codes('Rioters clashed with police in the Chilean city of Valparaiso.', [['Chilean', 'CHL', 'NORP']]).map((c) => c.slice(0, 3)), ['145']);
  assert.deepEqual(codes('Indian troops clashed with Chinese soldiers.', [['Indian troops', 'INDMIL', 'NORP'], ['Chinese soldiers', 'CHNMIL', 'NORP']]), ['190 IND→CHN', '190 CHN→IND']);
});

test('a plural pronoun for coordinated speakers stands for each of them', () => {
  const text = 'Brazil and Argentina said they would expel the envoys.';
  const names: Name[] = [['Brazil', 'BRA', 'GPE'], ['Argentina', 'ARG', 'GPE']];
  const quote: Quote = {
    id: 'q1', type: 'indirect', start: text.indexOf('they'), end: text.length - 1, speaker: { entity: 'e2', name: 'Argentina', start: 11, end: 20 },
    cue: { start: 21, end: 25, lemma: 'say' }, via: [], date: null, rule: 'test', confidence: 1,
  };
  assert.deepEqual(code(text, names, [quote]).map((e) => `${e.code} ${e.source.actor}`), ['1313 BRA', '1313 ARG']);
  // A single speaker's "they" stays that speaker.
  assert.deepEqual(code(text.replace('Brazil and ', 'Yesterday, '), [names[1]!], [{ ...quote, start: quote.start, speaker: { ...quote.speaker!, entity: 'e1' } }]).map((e) => e.source.actor), ['ARG']);
});

test('sanctions are aimed abroad: a place in the sanctioning country is no target', () => {
  assert.deepEqual(code('Japan announced asset freezes and bans on travel to Japan against three Iranian officials.', [['Japan', 'JPN', 'GPE'], ['Iranian', 'IRN', 'NORP']]).map(brief), ['16 JPN→IRN asserted']);
  assert.deepEqual(code('Japan imposed a travel ban on three Iranian officials.', [['Japan', 'JPN', 'GPE'], ['Iranian', 'IRN', 'NORP']]).map(brief), ['16 JPN→IRN asserted']);
});

test('ordering or calling for an investigation is a demand for one (101)', () => {
  assert.deepEqual(code('Kenya ordered an inquiry into the deaths.', [['Kenya', 'KEN', 'GPE']]).map((e) => e.code), ['101']);
  assert.deepEqual(code('Kenya opened an inquiry into the deaths.', [['Kenya', 'KEN', 'GPE']]).map((e) => e.code.slice(0, 2)), ['09']);
});

test('a dateline names no party: "ABUJA, Jan 20 (Reuters) - Gunmen abducted …"', () => {
  const names: Name[] = [['Reuters', 'GBRMED', 'ORG'], ['Nigeria', 'NGA', 'GPE']];
  assert.deepEqual(code('ABUJA, Jan 20 (Reuters) - Gunmen abducted 45 students in Nigeria.', names).map(brief), ['18 ---→NGA asserted']);
  // Outside a dateline the same outlet is a party ("Reuters filed a lawsuit against Nigeria").
  assert.deepEqual(code('Reuters filed a lawsuit against Nigeria.', names).map(brief), ['11 GBR→NGA asserted']);
});

test('one party per noun phrase: "Indonesian President X and Australian Prime Minister Y signed …" is a pair; an uncoded head takes its modifier’s code', () => {
  const pair = code('Indonesian President Lestari Wibowo and Australian Prime Minister Tom Hale signed a treaty.', [['Indonesian', 'IDN', 'NORP'], ['Lestari Wibowo', null, 'PERSON'], ['Australian', 'AUS', 'NORP'], ['Tom Hale', null, 'PERSON']]);
  assert.deepEqual(pair.map((e) => `${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`), ['IDN→AUS', 'AUS→IDN']);
  assert.equal(pair[0]!.source.start, 0);
  // A mention before a noun only modifies it: "Sweden's NATO membership bid" is Sweden's.
  assert.deepEqual(code("Turkey's parliament ratified Sweden's NATO membership bid.", [['Turkey', 'TUR', 'GPE'], ['Sweden', 'SWE', 'GPE'], ['NATO', 'IGOWSTNAT', 'ORG']]).map(brief), ['05 TUR→SWE asserted']);
});

test('a background noun event with no actor of its own is the setting, not an event; no object past a background preposition', () => {
  assert.deepEqual(code('In Chile, the government declared a curfew after the riots.', [['Chile', 'CHL', 'GPE']]).map((e) => e.code.slice(0, 2)), ['17']);
  assert.deepEqual(code('India and Japan agreed to deepen security ties amid China\u2019s growing assertiveness.', [['India', 'IND', 'GPE'], ['Japan', 'JPN', 'GPE'], ['China', 'CHN', 'GPE']]).map((e) => `${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`).sort(), ['IND→JPN', 'JPN→IND']);
});

test('an object-control verb’s object is the subject of the infinitive: "allowed inspectors from X to visit"', () => {
  const ev = code('Iran allowed inspectors from the IAEA to visit the Fordow site.', [['Iran', 'IRN', 'GPE'], ['IAEA', 'IGOUNOIAE', 'ORG']]);
  assert.deepEqual(ev.map((e) => `${e.code} ${e.source.actor}→${e.target.actor}`), ['0862 IRN→IGOUNOIAE']);
  assert.deepEqual(code('Iran wants to visit China.', [['Iran', 'IRN', 'GPE'], ['China', 'CHN', 'GPE']]).map((e) => countryOf(e.source.actor)), ['IRN']);
});

test('sport is no assault; unspecified force takes its code from the weapon heading the subject', () => {
  assert.deepEqual(code('Chile beat Peru 2-1 to reach the final.', [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']]), []);
  assert.deepEqual(code('Chilean police beat protesters in Santiago.', [['Chilean police', 'CHLCOP', 'ORG'], ['Santiago', 'CHL', 'GPE']]).map((e) => e.code), ['175']);
  assert.deepEqual(code('Israeli warplanes struck targets in Lebanon.', [['Israeli', 'ISR', 'NORP'], ['Lebanon', 'LBN', 'GPE']]).map((e) => e.code), ['195']);
  assert.deepEqual(code('Israeli troops struck targets in Lebanon.', [['Israeli', 'ISR', 'NORP'], ['Lebanon', 'LBN', 'GPE']]).map((e) => e.code), ['190']);
});

test('a denial with the act’s agent unnamed is the denier’s; a hostile act on a condition is a threat made', () => {
  assert.deepEqual(code('China denied that its vessels had fired on a Vietnamese boat.', [['China', 'CHN', 'GPE'], ['Vietnamese', 'VNM', 'NORP']]).map((e) => `${e.code} ${e.source.actor}`), ['016 CHN']);
  assert.deepEqual(code('The EU is ready to impose tariffs on Chinese steel if Beijing keeps subsidising its producers.', [['EU', 'IGOEUREEC', 'ORG'], ['Chinese', 'CHN', 'NORP'], ['Beijing', 'CHN', 'GPE']]).map((e) => `${e.code} ${e.modality}`), ['1312 intended']);
  assert.deepEqual(code('Canada would lift sanctions on Iran if the costs are shared.', [['Canada', 'CAN', 'GPE'], ['Iran', 'IRN', 'GPE']]).map((e) => e.modality), ['hypothetical']);
});

test('a condition inside an embedded clause leaves the act before it asserted', () => {
  const names: Name[] = [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']];
  assert.deepEqual(code('Chile and Peru signed a treaty that commits them to consult if either is attacked.', names).filter((e) => e.code === '057').map((e) => e.modality), ['asserted', 'asserted']);
  assert.deepEqual(code('Chile would sign a treaty with Peru if the talks succeed.', names).filter((e) => e.code === '057').map((e) => e.modality), ['hypothetical']);
});

test('pattern gaps cross time expressions and coordinated names; appeals and demands take the code of what they ask for', () => {
  const names: Name[] = [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE'], ['Bolivia', 'BOL', 'GPE']];
  assert.deepEqual(code('Chile urged Peru and Bolivia on Wednesday to exercise maximum restraint.', names).map((e) => `${e.code} ${e.target.actor}`), ['0256 PER', '0256 BOL']);
  assert.deepEqual(code('Chile demanded that Peru withdraw its troops from the border.', names.slice(0, 2)).map((e) => e.code), ['106']);
  assert.deepEqual(code('Chile called on Peru to release the detained fishermen.', names.slice(0, 2)).map((e) => e.code), ['0253']);
});

test('a noun event in the clause topic is not the subject’s act; a sentence opened by a non-agent gives its participle no actor', () => {
  const names: Name[] = [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']];
  assert.deepEqual(code('Chile and Peru traded accusations over an attack on a border post.', names).filter((e) => e.code.startsWith('19')), []);
  assert.deepEqual(code('A bus carrying pilgrims from Chile overturned in Peru, killing 28 people.', names), []);
  assert.deepEqual(code('A magnitude 6.8 earthquake struck off the coast of Chile.', names.slice(0, 1)), []);
});

test('coordinated verbs share their subject: "X urged Y … and demanded …"', () => {
  const ev = code('Chile urged the United Nations to act and demanded the withdrawal of Peruvian troops.', [['Chile', 'CHL', 'GPE'], ['United Nations', 'IGOUNO', 'ORG'], ['Peruvian troops', 'PERMIL', 'NORP']]);
  assert.deepEqual(ev.filter((e) => e.code === '106').map((e) => `${e.source.actor}→${e.target.actor}`), ['CHL→PERMIL']);
});

test('relative clauses: the antecedent is the subject, and what they tell is background', () => {
  const ev = code('Chilean troops shot dead five Peruvian soldiers who were trying to surrender.', [['Chilean troops', 'CHLMIL', 'NORP'], ['Peruvian soldiers', 'PERMIL', 'NORP']]);
  assert.deepEqual(ev.map((e) => `${e.code.slice(0, 2)} ${e.source.actor}→${e.target.actor}`), ['19 CHLMIL→PERMIL']);
});

test('characterisations are no events; threats take the code of what is threatened; killing an official is an assassination', () => {
  const names: Name[] = [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']];
  assert.deepEqual(code('Chile described the tariff as an attack on Peru.', names).filter((e) => e.code.startsWith('19')), []);
  assert.deepEqual(code('Chile threatened to launch a military operation against Peru.', names).map((e) => e.code), ['138']);
  assert.deepEqual(code('Gunmen shot dead the mayor of a town in Peru.', names.slice(1)).map((e) => e.code), ['186']);
});

test('a material act in progress told by the reporter is ongoing; told by a speaker before it, it is the act', () => {
  const names: Name[] = [['Chilean', 'CHL', 'NORP'], ['Peruvian', 'PER', 'NORP']];
  assert.deepEqual(code('Chilean and Peruvian troops were exchanging fire near the border.', names).map((e) => e.modality), ['ongoing', 'ongoing']);
});

test('a name followed by its verb after a comma ending a place phrase opens a new clause; a participle after a comma takes the speaker before it', () => {
  const ev = code('Chile condemned the attack across southern Peru, and Bolivia dispatched a rescue team to Tarija.', [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE'], ['Bolivia', 'BOL', 'GPE']]);
  assert.deepEqual(ev.filter((e) => e.code === '073').map((e) => e.source.actor), ['BOL']);
  const accused = code('Chilean and Peruvian troops exchanged fire overnight, the Chilean army said, accusing Peru of violating the truce.', [['Chilean army', 'CHLMIL', 'ORG'], ['Chilean', 'CHL', 'NORP'], ['Peruvian', 'PER', 'NORP'], ['Peru', 'PER', 'GPE']]);
  assert.deepEqual(accused.filter((e) => e.code.startsWith('11')).map((e) => `${e.source.actor}→${e.target.actor}`), ['CHLMIL→PER']);
  assert.deepEqual(accused.filter((e) => e.code === '193').map((e) => `${countryOf(e.source.actor)}→${countryOf(e.target.actor)}`), ['CHL→PER', 'PER→CHL']);
});

test('participle clauses act on the main clause’s object; reactions to a step target whoever took it; infinitives take their governing verb’s subject', () => {
  const names: Name[] = [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']];
  assert.deepEqual(code('Chile spoke by telephone with Peru on Monday, conveying condolences over the floods.', names).filter((e) => e.code === '018').map((e) => `${e.source.actor}→${e.target.actor}`), ['CHL→PER']);
  assert.deepEqual(code('Chile recalled its ambassador on Sunday, a move Peru denounced as reckless.', names).filter((e) => e.code.startsWith('11')).map((e) => `${e.source.actor}→${e.target.actor}`), ['PER→CHL']);
  assert.deepEqual(code("Chile's military rulers have again refused to release the detained Peruvian sailors.", [['Chile', 'CHL', 'GPE'], ['Peruvian', 'PER', 'NORP']]).map((e) => `${e.code} ${e.source.actor}`), ['1243 CHL']);
  assert.deepEqual(code('Typhoon Lorna killed at least 40 people in Chile.', names.slice(0, 1)), []);
});

test('the agent of a participle inside an adverbial phrase is no object: "swapped prisoners in an exchange brokered by X"', () => {
  const ev = code('Chile and Peru swapped 40 prisoners on Monday in an exchange brokered by Brazil.', [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE'], ['Brazil', 'BRA', 'GPE']]);
  assert.deepEqual(ev.filter((e) => e.code === '0841').map((e) => `${e.source.actor}→${e.target.actor}`), ['CHL→PER', 'PER→CHL']);
  // The author of what a verb acts on stays its object: "vetoed the resolution drafted by Peru".
  assert.deepEqual(code('Chile vetoed the resolution drafted by Peru.', [['Chile', 'CHL', 'GPE'], ['Peru', 'PER', 'GPE']]).map((e) => e.target.actor), ['PER']);
});
