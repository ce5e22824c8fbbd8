import { readConll } from './src/entities/ner/conll.js';
import { loadGazetteer } from './src/entities/ner/gazetteer.js';
import { FeatureExtractor } from './src/entities/ner/features.js';
import { NerModel } from './src/entities/ner/model.js';
const fx = new FeatureExtractor(loadGazetteer('lexicon/gazetteers'));
const m = NerModel.load('models/ner.bin');
let keys = 0, toks = 0, hits = 0, ctx = 0;
for (const d of readConll('/work/shared/data/conll2003/dev.txt')) {
  const f = fx.docFeatures(d.sentences.map((s) => s.words), false);
  keys += f.keys.length; toks += f.offsets.length - 1;
  for (const k of f.keys) if (m.row(k) >= 0) hits++;
  for (const t of f.contextOf) if (t >= 0) ctx++;
}
console.log('keys/token', keys / toks, 'hit rate', hits / keys, 'ctx tokens', ctx / toks);
