import { loadGazetteer } from './src/entities/ner/gazetteer.js';
import { NerModel } from './src/entities/ner/model.js';
let t = performance.now();
const g = loadGazetteer('lexicon/gazetteers'); console.log('gaz', (performance.now() - t).toFixed(1)); t = performance.now();
const m = NerModel.load('models/ner.bin'); console.log('model', (performance.now() - t).toFixed(1), m.size, g.categories.length);
