import assert from 'node:assert/strict';
import { test } from 'node:test';
import { datelineLength } from '../src/text/dateline.js';

test('datelines: place, optional parts and agency, then a dash or colon', () => {
  const line = (text: string) => text.slice(0, datelineLength(text));
  assert.equal(line('ABUJA, Jan 20 (Reuters) - Gunmen abducted 45 students.'), 'ABUJA, Jan 20 (Reuters) - ');
  assert.equal(line('GAZA CITY, Palestinian Territories: Two men were killed.'), 'GAZA CITY, Palestinian Territories: ');
  assert.equal(line('LYON: Interpol said it would send a team.'), 'LYON: ');
  assert.equal(line('PESHAWAR, Pakistan, Jan 31 (AP) — A bomb exploded.'), 'PESHAWAR, Pakistan, Jan 31 (AP) — ');
  assert.equal(line('Nairobi (AFP) - Kenya said on Monday.'), 'Nairobi (AFP) - ');
});

test('no dateline: running text, an acronym before a dash, a title-case place without agency', () => {
  for (const text of ['NATO - the alliance met.', 'US President Trump said so.', 'Russia and the US met in Riyadh.', 'Nairobi - the capital - was calm.', 'The EU said: we will act.']) {
    assert.equal(datelineLength(text), 0, text);
  }
});
