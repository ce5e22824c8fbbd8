// Shared by the entity test files: the segment + entities pipeline and a look-up of the entity on a surface form.
import assert from 'node:assert/strict';
import type { Doc } from '../src/doc.js';
import { Pipeline } from '../src/pipeline.js';
import type { Entity } from '../src/types.js';

const pipeline = Pipeline.create({ only: ['segment', 'entities'] });

/** An analyser through the entity layer, with `defaultDate` as the article date unless one is given. */
export function entityAnalyser(defaultDate: string | null): (text: string, date?: string | null) => Promise<Doc> {
  return async (text, date = defaultDate) => (await pipeline).run({ id: 'test', date, title: null, source: null, url: null, text, boilerplate: [] });
}

/** The entity with a mention exactly on the first occurrence of `surface` at or after `from`. */
export function entityAt(doc: Doc, surface: string, from = 0): Entity {
  const start = doc.text.indexOf(surface, from);
  assert.ok(start >= 0, `"${surface}" is not in the text`);
  const e = doc.entities.find((x) => x.mentions.some((m) => m.start === start && m.end === start + surface.length));
  const seen = doc.entities.map((x) => `${x.name} [${x.mentions.map((m) => doc.text.slice(m.start, m.end)).join('|')}]`);
  assert.ok(e, `no entity mentioned as "${surface}" among ${seen.join(', ')}`);
  return e;
}
