import { readConll } from './src/entities/ner/conll.js';
let t = performance.now();
const { tagTokens } = await import('./src/text/pos.js');
console.log('load', performance.now() - t);
const docs = readConll('/work/shared/data/conll2003/dev.txt');
t = performance.now();
let n = 0;
for (const d of docs.slice(0, 60)) for (const s of d.sentences) { tagTokens(s.words); n += s.words.length; }
console.log(n, 'tokens', (n / ((performance.now() - t) / 1000)).toFixed(0), 'tok/s');
