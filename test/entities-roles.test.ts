// Roles and the codes they give: roles tied to one country or organisation whatever the context, titles of
// several words, and roles named without their holder's name. Sentences written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityAnalyser, entityAt } from './entities-helpers.js';

const analyse = entityAnalyser('2026-03-02');

test('the Pope is the Vatican\'s whatever countries the sentence names', async () => {
  const doc = await analyse('Pope Leo called on Israel and Lebanon on Sunday to extend their truce, telling pilgrims that "dialogue is never wasted".');
  const pope = entityAt(doc, 'Leo');
  assert.equal(pope.actor, 'VATREL');
  assert.equal(pope.country, 'VAT');
  assert.equal(entityAt(doc, 'Israel').actor, 'ISR');
});

test('a supreme leader is Iran\'s unless the title names another country', async () => {
  const unnamed = await analyse('Iraq\'s prime minister flew home on Tuesday. Supreme Leader Hamid Rostami told pilgrims in Najaf that the region needed calm.');
  assert.equal(entityAt(unnamed, 'Hamid Rostami').actor, 'IRNGOV');
  const named = await analyse('North Korean supreme leader Pak Chol Su inspected a missile launch on Friday.');
  assert.equal(entityAt(named, 'Pak Chol Su').actor, 'PRKGOV');
});

test('a nationality, a role of two words and a name are one person of that nationality', async () => {
  const doc = await analyse('The Kremlin rejected the claim on Monday, a day after British Defence Secretary Alan Marsh accused Moscow of jamming satellite signals.');
  const marsh = entityAt(doc, 'Alan Marsh');
  assert.equal(marsh.actor, 'GBRGOV');
  assert.deepEqual(marsh.roles, ['British Defence Secretary']);
  assert.ok(!doc.entities.some((e) => e.name === 'British Defence'), 'no organisation made of the title\'s words');
  const india = await analyse('He spoke by phone with Indian External Affairs Minister Ravi Menon about shipping in the Red Sea.');
  assert.equal(entityAt(india, 'Ravi Menon').actor, 'INDGOV');
  const iaea = await analyse('IAEA Director General Lena Vogt said inspectors would return to the site within a week.');
  assert.equal(entityAt(iaea, 'Lena Vogt').actor, 'IGOUNOIAE');
});

test('a counterpart takes the country that qualifies it, before a name or set off by commas', async () => {
  const doc = await analyse('Foreign Minister Wang Yi met his Chilean counterpart Sofia Araya in Beijing on Thursday.');
  assert.equal(entityAt(doc, 'Sofia Araya').actor, 'CHLGOV');
  const apposed = await analyse('Armenia\'s foreign minister spoke first. His Georgian counterpart, Levan Beridze, said the border would stay open.');
  assert.equal(entityAt(apposed, 'Levan Beridze').actor, 'GEOGOV');
});

test('a role with its country and no name is a person of that country\'s government', async () => {
  const doc = await analyse('The US Secretary of State arrived in Cairo on Monday for talks on the ceasefire.');
  const secretary = doc.entities.find((e) => e.actor === 'USAGOV');
  assert.ok(secretary, `no USAGOV entity among ${doc.entities.map((e) => e.name).join(', ')}`);
  assert.equal(secretary.type, 'PERSON');
  assert.ok(doc.text.slice(secretary.mentions[0]!.start, secretary.mentions[0]!.end).includes('Secretary of State'));
  assert.ok(!doc.entities.some((e) => e.actor === null && e.name.includes('Secretary')), 'no uncoded organisation for the title');
});

test('possessive and indefinite role phrases without names are people with codes', async () => {
  const doc = await analyse('Ghana\'s interior minister said on Tuesday that a senior Togolese police officer had been detained near the border.');
  assert.equal(entityAt(doc, 'Ghana\'s interior minister').actor, 'GHAGOV');
  assert.equal(entityAt(doc, 'senior Togolese police officer').actor, 'TGOCOP');
  const un = await analyse('Russia\'s UN ambassador said he had not seen the draft.');
  assert.equal(entityAt(un, 'Russia\'s UN ambassador').actor, 'RUSGOV');
});

test('a definite role description is the person named before with that role, else a person of its own', async () => {
  const named = await analyse('Chilean President Marta Rojas arrived in Lima on Monday. The Chilean president said her government backed the plan.');
  const rojas = entityAt(named, 'Marta Rojas');
  assert.ok(rojas.mentions.some((m) => named.text.slice(m.start, m.end) === 'The Chilean president'));
  const unnamed = await analyse('The Chilean president said his government would reopen the consulate in La Paz.');
  const president = entityAt(unnamed, 'The Chilean president');
  assert.equal(president.actor, 'CHLGOV');
  assert.ok(president.mentions.some((m) => unnamed.text.slice(m.start, m.end) === 'his'));
  const apposed = await analyse('The Kenyan commander in Somalia, General Peter Ochieng, met clan elders on Friday.');
  const general = entityAt(apposed, 'Peter Ochieng');
  assert.ok(general.mentions.some((m) => apposed.text.slice(m.start, m.end) === 'The Kenyan commander'));
  assert.equal(apposed.entities.filter((e) => e.type === 'PERSON').length, 1);
});

test('a former role in the text does not hide the office the lexicon says is held on the date', async () => {
  const doc = await analyse('Claudia Sheinbaum, a former mayor of the capital, met business leaders on Monday.', '2025-06-02');
  assert.equal(entityAt(doc, 'Claudia Sheinbaum').actor, 'MEXGOV');
});

test('a country in a possessive before a name without a role gives the person that country', async () => {
  const doc = await analyse('Uganda\'s Joshua Kiprono won the 10,000 metres ahead of Norway\'s Erik Lund.');
  assert.equal(entityAt(doc, 'Joshua Kiprono').country, 'UGA');
  assert.equal(entityAt(doc, 'Erik Lund').country, 'NOR');
});

test('outlets, armed groups and their members carry their listed codes', async () => {
  const doc = await analyse('Islamic State militants attacked an army post, the group\'s Amaq news agency said, while state news agency KCNA and the state news agency SPA reported on other matters.');
  assert.equal(entityAt(doc, 'Islamic State militants').actor, 'IMGMUSISI');
  assert.equal(entityAt(doc, 'Amaq').actor, 'IMGMUSISI');
  assert.equal(entityAt(doc, 'KCNA').actor, 'PRKMED');
  assert.equal(entityAt(doc, 'SPA').actor, 'SAUMED');
  const myanmar = await analyse('Fighting between the Myanmar army and the Arakan Army spread to two more townships.');
  assert.equal(entityAt(myanmar, 'Arakan Army').actor, 'MMRREB');
});

test('a court qualified by a country is that country\'s judiciary', async () => {
  const doc = await analyse('A Moroccan court sentenced two activists to prison on Wednesday.');
  assert.equal(entityAt(doc, 'Moroccan court').actor, 'MARJUD');
});

test('a country coordinated before a group\'s qualifier shares the group noun', async () => {
  const doc = await analyse('Thai and Cambodian troops exchanged artillery fire along the border overnight, while U.N. monitors stayed in their base.');
  assert.equal(entityAt(doc, 'Thai').actor, 'THAMIL');
  assert.equal(entityAt(doc, 'Cambodian troops').actor, 'KHMMIL');
  assert.equal(entityAt(doc, 'U.N. monitors').actor, 'IGOUNO');
});

test('a country named in several words before a title is the holder\'s country; common demonyms code their country', async () => {
  const doc = await analyse("Papua New Guinea's Prime Minister Tom Kavali met the Kyrgyz president and an Uzbek envoy in Port Moresby.");
  assert.equal(entityAt(doc, 'Tom Kavali').country, 'PNG');
  assert.equal(entityAt(doc, 'Kyrgyz').country, 'KGZ');
  assert.equal(entityAt(doc, 'Uzbek envoy').country, 'UZB');
});
