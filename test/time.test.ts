import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import { dateOfSentence, resolveTimeAt } from '../src/time/query.js';
import type { PartialDate, TimeExpression } from '../src/types.js';
import { SHARED_ABSENT, seedPath } from './helpers.js';

const pipeline = await Pipeline.create({ only: ['segment', 'time'] });

function run(text: string, date: PartialDate | null): Doc {
  return pipeline.run({ id: 't', date, title: null, source: null, url: null, text, boilerplate: [] });
}

function times(text: string, date: PartialDate | null): Record<string, Pick<TimeExpression, 'value' | 'from' | 'to'>> {
  const out: Record<string, Pick<TimeExpression, 'value' | 'from' | 'to'>> = {};
  const doc = run(text, date);
  for (const t of doc.times) {
    assert.equal(doc.text.slice(t.start, t.end), t.text);
    out[t.text] = { value: t.value, ...(t.from ? { from: t.from } : {}), ...(t.to ? { to: t.to } : {}) };
  }
  return out;
}

const FRIDAY = '2025-04-04';

test('a bare weekday: past verb → previous, future verb → next', () => {
  assert.deepEqual(times('The envoy said Thursday that the talks went well.', FRIDAY), { Thursday: { value: '2025-04-03' } });
  assert.deepEqual(times('The ministers will meet Thursday in Geneva.', FRIDAY), { Thursday: { value: '2025-04-10' } });
  assert.deepEqual(times('On Tuesday, the delegations are expected to sign the accord.', FRIDAY), { Tuesday: { value: '2025-04-08' } });
  assert.deepEqual(times('The talks resume Monday in Geneva.', FRIDAY), { Monday: { value: '2025-04-07' } });
  assert.deepEqual(times('He was in Geneva on Tuesday.', FRIDAY), { Tuesday: { value: '2025-04-01' } });
  assert.deepEqual(times('He met them last Friday and will see them next Friday.', FRIDAY), {
    'last Friday': { value: '2025-03-28' }, 'next Friday': { value: '2025-04-11' },
  });
});

test('deictic days, weeks, months and ranges', () => {
  assert.deepEqual(times('He arrived yesterday and leaves today. Aides met last week and earlier this month.', FRIDAY), {
    yesterday: { value: '2025-04-03' },
    today: { value: '2025-04-04' },
    'last week': { value: null, from: '2025-03-24', to: '2025-03-30' },
    'earlier this month': { value: null, from: '2025-04-01', to: '2025-04-03' },
  });
  assert.deepEqual(times('Exports grew over the past two days. Three days ago prices fell; last month they rose.', FRIDAY), {
    'the past two days': { value: null, from: '2025-04-03', to: '2025-04-04' },
    'Three days ago': { value: '2025-04-01' },
    'last month': { value: '2025-03' },
  });
  assert.deepEqual(times('Envoys met last weekend and will meet again in mid-May.', FRIDAY), {
    'last weekend': { value: null, from: '2025-03-29', to: '2025-03-30' }, 'mid-May': { value: '2025-05' },
  });
});

test('months, years and calendar dates', () => {
  assert.deepEqual(times('Prices rose in March and fell in 2024. The pact was signed on March 3 and expires on May 10, 2026.', FRIDAY), {
    March: { value: '2025-03' }, 2024: { value: '2024' }, 'March 3': { value: '2025-03-03' }, 'May 10, 2026': { value: '2026-05-10' },
  });
  assert.deepEqual(times('Prices fell in May. Elections are due in June.', FRIDAY), { May: { value: '2024-05' }, June: { value: '2025-06' } });
  assert.deepEqual(times('The report was dated 2025-03-28.', FRIDAY), { '2025-03-28': { value: '2025-03-28' } });
  assert.deepEqual(times('Talks ran from March 3 to March 5 and trade fell between 2022 and 2024.', FRIDAY), {
    'March 3 to March 5': { value: null, from: '2025-03-03', to: '2025-03-05' }, 2022: { value: '2022' }, 2024: { value: '2024' },
  });
});

test('calendar dates in wire-service forms; a missing year follows the tense', () => {
  assert.deepEqual(times('On Thursday, April 3, talks began. They met on 3 March 2024 and in March 2023.', FRIDAY), {
    'Thursday, April 3': { value: '2025-04-03' }, '3 March 2024': { value: '2024-03-03' }, 'March 2023': { value: '2023-03' },
  });
  assert.deepEqual(times('The summit runs June 10-12. Envoys met 10–12 March.', FRIDAY), {
    'June 10-12': { value: null, from: '2025-06-10', to: '2025-06-12' },
    '10–12 March': { value: null, from: '2025-03-10', to: '2025-03-12' },
  });
  assert.deepEqual(times('They will meet on May 10.', FRIDAY), { 'May 10': { value: '2025-05-10' } });
  assert.deepEqual(times('They met on May 10.', FRIDAY), { 'May 10': { value: '2024-05-10' } });
  assert.deepEqual(times('Analysts expect a deal by Jan. 15.', FRIDAY), { 'Jan. 15': { value: '2026-01-15' } });
});

test('a month name that is part of a personal name is not a date', () => {
  assert.deepEqual(times('Former prime minister Theresa May met June Carter in May.', FRIDAY), { May: { value: '2024-05' } });
});

test('an article with only a month, or no date, never gets an invented day', () => {
  assert.deepEqual(times('The envoy said Thursday that aides met yesterday, in March and in 2024.', '2025-04'), {
    Thursday: { value: null, from: '2025-03-27', to: '2025-04-24' },
    yesterday: { value: null, from: '2025-03-31', to: '2025-04-29' },
    March: { value: '2025-03' },
    2024: { value: '2024' },
  });
  assert.deepEqual(times('The envoy said Thursday that aides met yesterday, on March 3 and in 2024.', null), {
    Thursday: { value: null }, yesterday: { value: null }, 'March 3': { value: null }, 2024: { value: '2024' },
  });
});

test('a reporting verb with a day anchors the sentence, and dates can be re-anchored', () => {
  const doc = run('Talks made progress over the past two days, the envoy said Thursday. "We met today and yesterday," he said.', FRIDAY);
  const byText = new Map(doc.times.map((t) => [t.text, t]));
  assert.deepEqual(byText.get('the past two days')?.from, '2025-04-02');
  assert.deepEqual(byText.get('the past two days')?.to, '2025-04-03');
  assert.equal(byText.get('today')?.value, '2025-04-04');
  assert.equal(dateOfSentence(doc, 0), '2025-04-03');
  assert.equal(dateOfSentence(doc, 1), '2025-04-04');
  const quoted = doc.text.indexOf('We met');
  assert.equal(dateOfSentence(doc, 1, [{ start: quoted, end: doc.text.indexOf('," he') }]), null);
  assert.deepEqual(resolveTimeAt(byText.get('today')!, '2025-04-03'), { value: '2025-04-03' });
  assert.deepEqual(resolveTimeAt(byText.get('yesterday')!, '2025-04-03'), { value: '2025-04-02' });
  assert.equal(dateOfSentence(doc, 5), null);
});

test('reference article: said Thursday is 2025-04-03, and the quoted days resolve', (t) => {
  if (!seedPath) return t.skip(SHARED_ABSENT);
  const text = readFileSync(seedPath, 'utf8').replace(/^ date \d{4}-\d{2}-\d{2} /, '');
  const doc = run(text, FRIDAY);
  const thursday = doc.times.find((x) => x.text === 'Thursday');
  assert.equal(thursday?.value, '2025-04-03');
  assert.equal(dateOfSentence(doc, 0), '2025-04-03');
  const past = doc.times.find((x) => x.text === 'the past two days');
  assert.ok(past && past.value === null && past.from && past.to);
  assert.equal(doc.times.find((x) => x.text === 'yesterday')?.value, '2025-04-03');
  for (const x of doc.times) assert.equal(doc.text.slice(x.start, x.end), x.text);
});
