import { readdirSync } from 'node:fs';
import { formatScores, readGoldFile, score } from '/work/main/src/events/evaluate.js';
import { runText } from './devdoc.js';
const files = process.argv.slice(2).length ? process.argv.slice(2) : ['/work/shared/data/events/petrarch2_gsr_validation.jsonl'];
const { sentences } = files.map(readGoldFile).reduce((a, b) => ({ sentences: [...a.sentences, ...b.sentences], problems: [] }));
const s = score(sentences.map((gold) => ({ gold, events: runText(gold.text, gold.date).events })));
console.log(formatScores('dev', s));
for (const e of s.errors) console.log('   ', e);
