import { readConll } from './src/entities/ner/conll.js';
import { unwrapInsertions } from './src/entities/ner/insertions.js';
let n = 0;
for (const d of readConll('/work/shared/data/conll2003/dev.txt')) for (const s of d.sentences) { const u = unwrapInsertions(s.words, () => true); if (u) { n++; if (n < 15) console.log(s.words.map((w, i) => w + (s.labels[i] !== 'O' ? '/' + s.labels[i] : '')).join(' ').slice(0, 200)); } }
console.log(n);
