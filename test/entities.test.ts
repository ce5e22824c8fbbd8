import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { ACTORS_DIR, loadActorLexicon } from '../src/entities/lexicon.js';
import { entityForSpan, mentionAt, mentionsIn } from '../src/entities/lookup.js';
import { Pipeline } from '../src/pipeline.js';
import type { Article, Entity } from '../src/types.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';

const pipeline = Pipeline.create({ only: ['segment', 'entities'] });

function article(text: string, date: string | null): Article {
  return { id: 'test', date, title: null, source: null, url: null, text, boilerplate: [] };
}

async function analyse(text: string, date: string | null = '2025-04-04'): Promise<Doc> {
  return (await pipeline).run(article(text, date));
}

function referenceDoc(path: string): Promise<Doc> {
  const raw = readFileSync(path, 'utf8');
  const header = /^\s*date (\d{4}-\d{2}-\d{2}) /.exec(raw);
  return analyse(header ? raw.slice(header[0].length) : raw, header?.[1] ?? null);
}

function byName(doc: Doc, name: string): Entity {
  const e = doc.entities.find((x) => x.name === name || x.aliases.includes(name));
  assert.ok(e, `no entity "${name}" among ${doc.entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** Every occurrence of `word` (whole word) in the text, as [start, end). */
function occurrences(text: string, word: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = new RegExp(`\\b${word}\\b`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + word.length]);
  return out;
}

function mentionTexts(doc: Doc, e: Entity, kind?: string): string[] {
  return e.mentions.filter((m) => !kind || m.kind === kind).map((m) => doc.text.slice(m.start, m.end));
}

test('reference article: Kirill Dmitriev with his role, actor and every name, description and pronoun', async (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const doc = await referenceDoc(seedPath);
  const d = byName(doc, 'Kirill Dmitriev');
  assert.equal(d.name, 'Kirill Dmitriev');
  assert.equal(d.type, 'PERSON');
  assert.equal(d.actor, 'RUSGOV');
  assert.equal(d.gender, 'male');
  assert.ok(d.roles.includes("Russia's special envoy for foreign investment and economic cooperation"), JSON.stringify(d.roles));
  const at = (start: number) => d.mentions.find((m) => m.start === start);
  for (const [start, end] of occurrences(doc.text, 'Dmitriev')) {
    const covering = d.mentions.find((m) => m.start <= start && m.end >= end);
    assert.equal(covering?.kind, 'name', `"Dmitriev" at ${start}`);
  }
  const official = doc.text.indexOf('The official');
  assert.deepEqual(at(official), { start: official, end: official + 'The official'.length, kind: 'description' });
  // Every he/He in the article is Dmitriev: he is the only man speaking.
  const pronouns = [...occurrences(doc.text, 'he'), ...occurrences(doc.text, 'He')];
  assert.equal(pronouns.length, 10);
  for (const [start] of pronouns) assert.equal(at(start)?.kind, 'pronoun', `"he" at ${start}`);
  // "According to his assessment, Trump seeks …, and his administration …": Dmitriev's, then Trump's.
  const [first, second] = occurrences(doc.text, 'his');
  assert.equal(entityForSpan(doc, { start: first![0], end: first![1] })?.name, 'Kirill Dmitriev');
  assert.equal(entityForSpan(doc, { start: second![0], end: second![1] })?.name, 'Donald Trump');
});

test('reference article: the other people, places and organisations with their actor codes', async (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const doc = await referenceDoc(seedPath);
  const expect: Array<[string, string, string | null]> = [
    ['Vladimir Putin', 'PERSON', 'RUSGOV'], ['Donald Trump', 'PERSON', 'USAGOV'], ['NATO', 'ORG', 'IGOWSTNAT'],
    ['Anadolu Agency', 'ORG', 'TURMED'], ['Fox News', 'ORG', 'USAMED'], ['Russia', 'GPE', 'RUS'], ['Ukraine', 'GPE', 'UKR'],
    ['US', 'GPE', 'USA'], ['Washington', 'GPE', 'USA'], ['Moscow', 'GPE', 'RUS'], ['Kyiv', 'GPE', 'UKR'],
    ['Trump administration', 'ORG', 'USAGOV'], ['Biden administration', 'ORG', 'USAGOV'], ['Russian embassy', 'ORG', 'RUSGOV'],
    ['Foreign Ministry', 'ORG', 'RUSGOV'], ['Russian businesses', 'ORG', 'RUSBUS'], ['American businesses', 'ORG', 'USABUS'],
    ['European firms', 'ORG', 'EURBUS'],
  ];
  for (const [name, type, actor] of expect) {
    const e = byName(doc, name);
    assert.equal(e.type, type, name);
    assert.equal(e.actor, actor, name);
  }
  const putin = byName(doc, 'Vladimir Putin');
  assert.deepEqual(mentionTexts(doc, putin), ['Vladimir', 'Putin']);
  assert.ok(putin.roles.includes('Russian President'));
  const trump = byName(doc, 'Donald Trump');
  assert.ok(trump.roles.includes('US President'));
  assert.equal(byName(doc, 'US').country, 'USA');
  // Each mention belongs to exactly one entity and doc.mentions is sorted.
  for (let i = 1; i < doc.mentions.length; i++) assert.ok(doc.mentions[i - 1]!.start <= doc.mentions[i]!.start);
  const total = doc.entities.reduce((n, e) => n + e.mentions.length, 0);
  assert.equal(doc.mentions.length, total);
});

test('reference article: later stages find speakers and actors through the lookup helpers', async (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const doc = await referenceDoc(seedPath);
  const start = doc.text.indexOf('The official');
  assert.equal(entityForSpan(doc, { start, end: start + 12 })?.name, 'Kirill Dmitriev');
  const sentence = doc.sentences[0]!;
  const inFirst = mentionsIn(doc, sentence).map((m) => doc.entity(m.entity)!.name);
  assert.ok(inFirst.includes('Kirill Dmitriev') && inFirst.includes('Russia') && inFirst.includes('United States'));
  // A span wider than a mention (the speaker phrase with its appositive) finds the name.
  const apposEnd = doc.text.indexOf(', said Thursday');
  assert.equal(entityForSpan(doc, { start: doc.text.indexOf('Kirill'), end: apposEnd })?.actor, 'RUSGOV');
  assert.equal(mentionAt(doc, 0, 1), undefined);
});

test('an appositive gives the role verbatim, the country and the sector', async () => {
  const text = "Maria Kovalenko, Ukraine's deputy foreign minister for European integration, said on Tuesday that accession "
    + 'talks would resume in June. Kovalenko added that she expected the first chapters to open before the summer.';
  const doc = await analyse(text, '2024-03-12');
  const k = byName(doc, 'Maria Kovalenko');
  assert.deepEqual(k.roles, ["Ukraine's deputy foreign minister for European integration"]);
  assert.equal(k.actor, 'UKRGOV');
  assert.equal(k.gender, 'female');
  assert.deepEqual(mentionTexts(doc, k), ['Maria Kovalenko', "Ukraine's deputy foreign minister for European integration", 'Kovalenko', 'she']);
  assert.deepEqual(k.mentions.map((m) => m.kind), ['name', 'description', 'name', 'pronoun']);
});

test('a bracketed title and first name make one person with the role', async () => {
  const doc = await analyse('The treaty was signed on behalf of (French) President (Emmanuel) Macron, officials said. '
    + 'Macron is expected to travel to Lisbon next week.', '2023-05-02');
  const m = byName(doc, 'Emmanuel Macron');
  assert.equal(m.type, 'PERSON');
  assert.deepEqual(m.roles, ['French President']);
  assert.equal(m.actor, 'FRAGOV');
  assert.deepEqual(mentionTexts(doc, m), ['Emmanuel', 'Macron', 'Macron']);
});

test('"the Foreign Ministry" belongs to the country the context names', async () => {
  const polish = await analyse('Poland summoned the Belarusian ambassador on Friday over repeated airspace violations, the Foreign Ministry said.');
  assert.equal(byName(polish, 'Foreign Ministry').actor, 'POLGOV');
  const russian = await analyse('Moscow and Washington agreed to restore embassy staffing. The talks were arranged by the Russian embassy '
    + 'and the Foreign Ministry.');
  assert.equal(byName(russian, 'Foreign Ministry').actor, 'RUSGOV');
  // No country in its paragraph: the article's most named country.
  const elsewhere = await analyse('Kenya and Kenya\'s neighbours met in Nairobi, where Kenya hosted the talks.\n\n'
    + 'The Foreign Ministry said a second round would follow.');
  assert.equal(byName(elsewhere, 'Foreign Ministry').actor, 'KENGOV');
});

test('a female pronoun skips a male antecedent', async () => {
  const doc = await analyse("Nikos Andreou, Greece's energy minister, met Elena Petrova in Sofia on Wednesday. "
    + 'She said the pipeline deal was close to completion.', '2024-06-19');
  const she = doc.text.indexOf('She');
  assert.equal(entityForSpan(doc, { start: she, end: she + 3 })?.name, 'Elena Petrova');
  assert.equal(byName(doc, 'Elena Petrova').gender, 'female');
  assert.equal(byName(doc, 'Nikos Andreou').gender, 'male');
  assert.equal(byName(doc, 'Nikos Andreou').actor, 'GRCGOV');
});

test('two people in one paragraph keep their own surnames, titles and pronouns', async () => {
  const text = 'Foreign Minister Sergei Lavrov met US Secretary of State Marco Rubio in Riyadh on Tuesday. '
    + 'Lavrov called the meeting useful, and Rubio said he would brief the White House.';
  const doc = await analyse(text, '2025-02-18');
  const lavrov = byName(doc, 'Sergei Lavrov');
  const rubio = byName(doc, 'Marco Rubio');
  assert.deepEqual(mentionTexts(doc, lavrov, 'name'), ['Sergei Lavrov', 'Lavrov']);
  assert.deepEqual(mentionTexts(doc, rubio, 'name'), ['Marco Rubio', 'Rubio']);
  assert.deepEqual(rubio.roles, ['US Secretary of State']);
  assert.equal(rubio.actor, 'USAGOV');
  // The title names no country: the leaders lexicon gives Russia.
  assert.equal(lavrov.actor, 'RUSGOV');
  assert.deepEqual(mentionTexts(doc, rubio, 'pronoun'), ['he']);
  assert.equal(byName(doc, 'White House').actor, 'USAGOV');
});

test('the leaders lexicon codes a name by the article date: 2019, 2022 and 2025', async () => {
  const text = 'Trump said on Monday that he would not meet Biden before the summer.';
  const at = async (date: string) => {
    const doc = await analyse(text, date);
    return [byName(doc, 'Donald Trump'), byName(doc, 'Joe Biden')] as const;
  };
  const [trump2019, biden2019] = await at('2019-06-01');
  assert.equal(trump2019.actor, 'USAGOV');
  assert.deepEqual(trump2019.roles, ['President of the United States']);
  assert.equal(biden2019.actor, 'USAELI');
  assert.deepEqual(biden2019.roles, ['former Vice President of the United States']);
  const [trump2022, biden2022] = await at('2022-05-01');
  assert.equal(trump2022.actor, 'USAELI');
  assert.equal(biden2022.actor, 'USAGOV');
  const [trump2025, biden2025] = await at('2025-04-04');
  assert.equal(trump2025.actor, 'USAGOV');
  assert.deepEqual(biden2025.roles, ['former President of the United States']);
});

test('groups and institutions with a country, region or leader get sector codes', async () => {
  const doc = await analyse('The Kremlin rejected the proposal on Friday. European firms and American businesses have left the '
    + 'Russian market, while Russian businesses remain cautious, the Trump administration said.', '2025-01-10');
  const codes = Object.fromEntries(doc.entities.map((e) => [e.name, e.actor]));
  assert.equal(codes['Kremlin'], 'RUSGOV');
  assert.equal(codes['European firms'], 'EURBUS');
  assert.equal(codes['American businesses'], 'USABUS');
  assert.equal(codes['Russian businesses'], 'RUSBUS');
  assert.equal(codes['Trump administration'], 'USAGOV');
  assert.equal(byName(doc, 'European firms').country, null);
});

test('a document without tokens gives no entities', async () => {
  const doc = await analyse('', null);
  assert.deepEqual(doc.entities, []);
  assert.deepEqual(doc.mentions, []);
});

test('organisations are referred back to by their description nouns; "Russian-American" names two countries', async () => {
  const doc = await analyse('NATO Secretary General Mark Rutte said on Tuesday that the alliance would hold an emergency meeting. '
    + 'Russian-American relations were not on the agenda.', '2025-02-11');
  const nato = byName(doc, 'NATO');
  assert.deepEqual(mentionTexts(doc, nato), ['NATO', 'the alliance']);
  assert.deepEqual(nato.mentions.map((m) => m.kind), ['name', 'description']);
  assert.equal(byName(doc, 'Mark Rutte').actor, 'IGOWSTNAT');
  assert.deepEqual(mentionTexts(doc, byName(doc, 'Russia')), ['Russian']);
  assert.deepEqual(mentionTexts(doc, byName(doc, 'United States')), ['American']);
});

test('a malformed actors lexicon is named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-actors-'));
  try {
    cpSync(ACTORS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'igos.json'), '{"organisations": []}');
    assert.throws(() => loadActorLexicon(dir), /igos\.json: malformed/);
    cpSync(ACTORS_DIR, dir, { recursive: true });
    const leaders = JSON.parse(readFileSync(join(dir, 'leaders.json'), 'utf8'));
    leaders.leaders[0].offices[0].from = 'January 2017';
    writeFileSync(join(dir, 'leaders.json'), JSON.stringify(leaders));
    assert.throws(() => loadActorLexicon(dir), /leaders\.json.*Donald Trump.*ISO dates/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
