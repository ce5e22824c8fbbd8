// Wire datelines and dates among names: a month in a dateline or with a day is no name, a weekday is not part of a
// name, and the place a story was filed from says nothing about anyone's side. Sentences written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { entityAnalyser } from './entities-helpers.js';

const analyse = entityAnalyser('2026-02-10');

function names(doc: Doc): string[] {
  return doc.entities.flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => doc.text.slice(m.start, m.end)));
}

test('a month abbreviation in a dateline is no entity, and the dateline\'s place and agency still are', async () => {
  for (const text of [
    'MOSCOW, Feb 9 (Reuters) - The Kremlin said on Monday it had not been told of the new sanctions.',
    'ABUJA, Jan 20 (Reuters) - Nigeria closed two border crossings with Niger on Tuesday.',
    'PESHAWAR, Pakistan, Jan 31 (AP) — Police said a bomb damaged a bridge outside the city on Saturday.',
    'SEOUL, Dec 4 (Reuters) - South Korea summoned a Japanese diplomat on Thursday.',
  ]) {
    const doc = await analyse(text);
    const found = names(doc);
    for (const month of ['Feb', 'Jan', 'Jan 31', 'Dec']) assert.ok(!found.includes(month), `"${month}" taken for a name in: ${text} (${found.join(', ')})`);
    const agency = doc.entities.find((e) => e.type === 'ORG' && /MED$/.test(e.actor ?? ''));
    assert.ok(agency, `no agency in: ${text}`);
  }
});

test('a month with a day is a date anywhere, but a lone month word outside a dateline may be a name', async () => {
  const doc = await analyse('Talks will resume on March 3, Prime Minister Theresa May said.');
  const found = names(doc);
  assert.ok(!found.includes('March 3'));
  assert.ok(found.includes('Theresa May'), found.join(', '));
});

test('a weekday after a name is the date of the news, not part of the name', async () => {
  const doc = await analyse('Syrian President Bashar Assad Tuesday received a delegation from Baghdad.', '2008-08-05');
  const assad = doc.entities.find((e) => e.type === 'PERSON');
  assert.equal(assad?.name, 'Bashar Assad');
  assert.equal(assad?.actor, 'SYRGOV');
});

test('the country of a dateline is no evidence of a person\'s side', async () => {
  const doc = await analyse('QUETTA, Pakistan, Jan 12 (AP) — Colonel Imran Qadir of the border force said the crossing had reopened.');
  const colonel = doc.entities.find((e) => e.name === 'Imran Qadir');
  assert.ok(colonel);
  assert.equal(colonel.actor, null);
  const stated = await analyse('QUETTA, Pakistan, Jan 12 (AP) — Pakistan\'s army said on Monday that Colonel Imran Qadir had been wounded.');
  assert.equal(stated.entities.find((e) => e.name === 'Imran Qadir')?.actor, 'PAKMIL');
});

test('a listed place the tagger takes for a person is the place, unless it is a first name or follows a title', async () => {
  const doc = await analyse('France rejected the claims made in Kigali on Wednesday, officials said.');
  const kigali = doc.entities.find((e) => e.mentions.some((m) => doc.text.slice(m.start, m.end) === 'Kigali'));
  assert.ok(kigali);
  assert.equal(kigali.type, 'GPE');
  assert.equal(kigali.actor, 'RWA');
});
