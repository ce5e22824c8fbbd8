import { readFileSync } from 'node:fs';
import { runText } from './devdoc.js';
const arg = process.argv[2]!;
const text = arg.startsWith('/') ? readFileSync(arg, 'utf8').replace(/^ date \S+ /, '') : arg;
const doc = await runText(text);
for (const e of doc.events) console.log(e.code, e.plover, e.source.actor, '->', e.target.actor, e.modality, e.date, e.location, e.quote, '|', e.rule, '|', doc.slice(e));
