import { readFileSync } from 'node:fs';
import { Pipeline } from '../src/pipeline.js';
const p = await Pipeline.create({ only: ['segment', 'entities', 'time', 'quotes'] });
const text = readFileSync('/work/shared/seeds/000_ae97ed81ad305771.txt', 'utf8').replace(/^ date \S+ /, '');
const doc = p.run({ id: 'x', date: '2025-04-04', title: null, source: null, url: null, boilerplate: [], text });
console.log(JSON.stringify(doc.quotes.slice(0, 2), null, 0));
