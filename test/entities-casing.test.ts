// Names written in the wrong case ("President obama", "iSrael") on sentences written for these
// tests, the two of the GSR dev set that showed the defect, and ordinary words that must stay words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { loadActorLexicon } from '../src/entities/lexicon.js';
import type { Entity } from '../src/types.js';
import { repoPath } from './helpers.js';
import { entityAnalyser, entityAt } from './entities-helpers.js';

const analyse = entityAnalyser('2015-06-18');

/** Entities with a mention touching the first occurrence of `surface`. */
function entitiesOn(doc: Doc, surface: string): Entity[] {
  const start = doc.text.indexOf(surface);
  assert.ok(start >= 0, `"${surface}" is not in the text`);
  const end = start + surface.length;
  return doc.entities.filter((x) => x.mentions.some((m) => m.start < end && m.end > start));
}

test('a leader named in lower case after a title is that leader, with the usual code', async () => {
  const doc = await analyse('President obama expressed sorrow for the horrific shootings in South Carolina');
  const obama = entityAt(doc, 'obama');
  assert.equal(obama.name, 'Barack Obama');
  assert.equal(obama.type, 'PERSON');
  assert.equal(obama.actor, 'USAGOV');
  const cased = await analyse('President Obama expressed sorrow for the horrific shootings in South Carolina');
  assert.deepEqual({ ...entityAt(cased, 'Obama'), aliases: [], mentions: [] }, { ...obama, aliases: [], mentions: [] });
});

test('a country written with capitals inside is that country', async () => {
  const doc = await analyse('The US Secretary of state wants to help iSrael');
  const israel = entityAt(doc, 'iSrael');
  assert.equal(israel.name, 'Israel');
  assert.equal(israel.actor, 'ISR');
  const flipped = await analyse('Shelling resumed near the frontier with rUSSIA overnight, local officials said.');
  assert.equal(entityAt(flipped, 'rUSSIA').actor, 'RUS');
});

test('all lower-case wire copy: titles, leaders, capitals, countries, demonyms', async () => {
  const doc = await analyse('chancellor merkel told reporters in berlin on tuesday that germany would send more aid to ukraine.');
  assert.equal(entityAt(doc, 'merkel').actor, 'DEUGOV');
  const berlin = entityAt(doc, 'berlin');
  assert.equal(berlin.name, 'Berlin');
  assert.equal(berlin.country, 'DEU');
  assert.equal(entityAt(doc, 'germany').actor, 'DEU');
  assert.equal(entityAt(doc, 'ukraine').actor, 'UKR');
  const mixed = await analyse('Prime Minister netanyahu met the jordanian foreign minister in amman on Sunday.');
  assert.equal(entityAt(mixed, 'netanyahu').actor, 'ISRGOV');
  assert.equal(entityAt(mixed, 'jordanian').actor, 'JOR');
  assert.equal(entityAt(mixed, 'amman').country, 'JOR');
  const honorific = await analyse('mr putin said on friday that russian troops would stay in the region.');
  assert.equal(entityAt(honorific, 'putin').actor, 'RUSGOV');
  assert.equal(entityAt(honorific, 'russian troops').actor, 'RUSMIL');
});

test('a leader\'s full name in lower case needs no title', async () => {
  const doc = await analyse('barack obama and vladimir putin will meet in zurich next week to discuss trade.');
  const obama = entityAt(doc, 'barack obama');
  assert.equal(obama.name, 'Barack Obama');
  assert.equal(obama.actor, 'USAGOV');
  assert.equal(entityAt(doc, 'vladimir putin').actor, 'RUSGOV');
  assert.equal(entityAt(doc, 'zurich').country, 'CHE');
});

test('place names of several words are read in lower case too', async () => {
  const doc = await analyse('Officials in the united states and south korea said on Monday that talks with pyongyang had stalled.');
  assert.equal(entityAt(doc, 'united states').actor, 'USA');
  assert.equal(entityAt(doc, 'south korea').actor, 'KOR');
  assert.equal(entityAt(doc, 'pyongyang').country, 'PRK');
});

test('place names that are ordinary words in lower case, hashtags and handles stay words', async () => {
  for (const text of [
    'turkey and chad were on the menu',
    'She kept the plates in the china cabinet.',
    'The bakery sold a jordan almond with every coffee.',
    'Workers polish the guinea fowl cages and fit a new tyre to the van.',
    'Guests were served swiss cheese on a pleasant island in the lake.',
    'Follow #ukraine and @israel for updates.',
  ]) {
    const doc = await analyse(text);
    const places = doc.entities.filter((e) => e.type === 'GPE' || e.type === 'NORP' || e.type === 'LOC');
    assert.deepEqual(places.map((e) => e.name), [], text);
  }
});

test('a word after a title is a leader only when it can be a name', async () => {
  const doc = await analyse('The prime minister may resign soon, and the foreign secretary cleverly avoided the question.', '2023-06-01');
  assert.deepEqual(doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.name), []);
  // Without a title a lower-case surname is an ordinary word.
  const plain = await analyse('The bush caught fire near the road.');
  assert.deepEqual(entitiesOn(plain, 'bush'), []);
});

test('every entry of common-words.json is the lower-case form of a listed place', () => {
  const lex = loadActorLexicon();
  const file = JSON.parse(readFileSync(repoPath('lexicon', 'actors', 'common-words.json'), 'utf8')) as { words: string[] };
  for (const w of file.words) assert.ok(lex.places.lookup(w) ?? lex.places.longestAt(w.split(' '), 0), `"${w}" names no listed place`);
});
