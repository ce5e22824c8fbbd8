import { writeFileSync } from 'node:fs';
import { readConll } from './src/entities/ner/conll.js';
const { tagTokens } = await import('./src/text/pos.js');
for (const name of ['train', 'dev']) {
  const docs = readConll(`/work/shared/data/conll2003/${name}.txt`);
  const out = docs.map((d) => d.sentences.map((s) => tagTokens(s.words).pos));
  writeFileSync(`/tmp/pos-${name}.json`, JSON.stringify(out));
  console.log(name, 'done');
}
