import { readConll } from './src/entities/ner/conll.js';
import { loadGazetteer } from './src/entities/ner/gazetteer.js';
import { NerModel } from './src/entities/ner/model.js';
import { FeatureExtractor } from './src/entities/ner/features.js';
import { Tagger } from './src/entities/ner/tagger.js';
import { bilouToIob } from './src/entities/ner/labels.js';
import { harmonizeTypes } from './src/entities/ner/consistency.js';
import { Scorer } from './src/entities/ner/scoring.js';
const model = NerModel.load(process.argv[2]!);
const gaz = loadGazetteer(process.argv[3] ?? 'lexicon/gazetteers');
const tagger = new Tagger(model, new FeatureExtractor(gaz));
const a = new Scorer(), b = new Scorer();
for (const d of readConll('/work/shared/data/conll2003/dev.txt')) {
  const words = d.sentences.map((s) => s.words);
  const labels = tagger.tagDocument(words).map((l) => bilouToIob(l));
  d.sentences.forEach((s, i) => a.add(s.labels, labels[i]!));
  harmonizeTypes(words, labels);
  d.sentences.forEach((s, i) => b.add(s.labels, labels[i]!));
}
console.log(a.format()); console.log(b.format());
