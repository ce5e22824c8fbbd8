import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedMemo } from '../src/memo.js';
import { rng, shuffle } from '../src/random.js';

test('a bounded memo computes each key once, remembers misses, and empties itself past its limit', () => {
  const calls: string[] = [];
  const memo = new BoundedMemo<string, number>((k) => (calls.push(k), k === 'none' ? undefined : k.length), 2);
  assert.equal(memo.get('abc'), 3);
  assert.equal(memo.get('abc'), 3);
  assert.equal(memo.get('none'), undefined);
  assert.equal(memo.get('none'), undefined);
  assert.deepEqual(calls, ['abc', 'none']);
  memo.get('x');
  memo.get('yy');
  memo.get('abc');
  assert.deepEqual(calls, ['abc', 'none', 'x', 'yy', 'abc']);
});

test('shuffle permutes in place, reproducibly for a seed', () => {
  const a = Array.from({ length: 50 }, (_, i) => i);
  const b = [...a];
  shuffle(a, rng(3));
  shuffle(b, rng(3));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, Array.from({ length: 50 }, (_, i) => i));
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i));
});
