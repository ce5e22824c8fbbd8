import { readConll } from './src/entities/ner/conll.js';
import { loadNerTagger } from './src/entities/ner/index.js';
const api = loadNerTagger();
const docs = readConll('/work/shared/data/conll2003/dev.txt').map((d) => d.sentences.map((s) => s.words));
for (let i = 0; i < 15; i++) for (const d of docs) api.tagSentences(d);
