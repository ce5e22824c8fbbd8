import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { KeyTable, pruneRows, quantiseRows, readWeightFile, writeWeightFile } from '../src/weights.js';

test('a key table finds the row of every key, −1 for others, and can be adopted by another view', () => {
  const keys = Uint32Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 0);
  const built = KeyTable.build(keys);
  keys.forEach((k, r) => assert.equal(built.row(k), r));
  assert.equal(built.row(12345), -1);
  const adopted = new KeyTable(built.table);
  assert.equal(adopted.row(keys[4321]!), 4321);
  assert.throws(() => KeyTable.build(keys, new Int32Array(8)), /key table of 8 slots for 5000 keys/);
});

test('rows quantise to int8 within half a step and prune by their largest weight', () => {
  const weights = Float32Array.from([0.5, -1.0, 0.25, 0.001, -0.002, 0.0005]);
  const { q, scales } = quantiseRows(weights, 3);
  for (let i = 0; i < weights.length; i++) {
    const s = scales[Math.floor(i / 3)]!;
    assert.ok(Math.abs(q[i]! * s - weights[i]!) <= s / 2 + 1e-9);
  }
  assert.equal(q[1], -127);
  const pruned = pruneRows([7, 9], weights, 3, 0.01);
  assert.deepEqual([...pruned.keys], [7]);
  assert.deepEqual([...pruned.weights], [...weights.subarray(0, 3)]);
});

test('a weight file round-trips and a wrong or cut file is refused by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-weights-'));
  try {
    const path = join(dir, 'w.bin');
    const format = { magic: 0x54534554, version: 2, kind: 'test', width: 3 };
    const file = { meta: { note: 'ours' }, keys: Uint32Array.from([3, 1]), scales: Float32Array.from([0.5, 2]), q: Int8Array.from([1, -2, 3, 4, 5, -6]) };
    writeWeightFile(path, format, file);
    const back = readWeightFile<{ note: string }>(path, format);
    assert.deepEqual(back.meta, file.meta);
    assert.deepEqual([...back.keys], [3, 1]);
    assert.deepEqual([...back.scales], [0.5, 2]);
    assert.deepEqual([...back.q], [1, -2, 3, 4, 5, -6]);
    assert.throws(() => readWeightFile(path, { ...format, magic: 1 }), /w\.bin: not a parley test weight file/);
    assert.throws(() => readWeightFile(path, { ...format, version: 3 }), /version 2, expected 3/);
    writeFileSync(path, Buffer.from(readFileSync(path).subarray(0, -1)));
    assert.throws(() => readWeightFile(path, format), /truncated/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
