import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';

/**
 * wink-eng-lite-web-model assembled with a faster core loader. The package's own loader
 * (dist/read-core-model.js) keeps the 3 MB core JSON in the require cache, deep-copies it
 * through JSON.stringify/parse and decodes its base64 arrays byte by byte: about half of
 * parley's start-up. This loader parses the file once and decodes with Buffer; the model it
 * builds holds the same values, so tagging is unchanged. The other parts (sbd, pos, ner,
 * negation, sentiment, features, lemmatiser) are the package's own modules.
 */
const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model/dist/';

/** layout entry: [mask, bits, shift, kind (0 = listed values), extra-feature flag]. */
type Layout = Record<string, number[]>;

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

interface CoreModel {
  packing: { layout: Layout; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

function words32(base64: string | Uint32Array): Uint32Array {
  const bytes = Buffer.from(base64 as string, 'base64');
  // A fresh, 4-aligned buffer: Buffer may hand out a slice of its shared pool.
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

function indexList(list: string[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/** The same structure as the package's load-core-model.js returns. */
function loadCore(): CoreModel {
  const path = require.resolve(PACKAGE + 'languages/cur/models/eng-core-web-model.json');
  const model = JSON.parse(readFileSync(path, 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = words32(model.lexicon);
  model.xpansions = words32(model.xpansions);
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) features[f]!.hash = indexList(features[f]!.list);
  features.lexeme.hash = indexList(features.lexeme.list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

const part = (name: string): unknown => require(PACKAGE + name);

/** The model object winkNLP() takes, as the package's dist/model.js builds it. */
export function winkEnglishModel(): Model {
  const addons = Object.create(null) as Record<string, unknown>;
  addons['stem'] = part('porter-stemmer.js');
  addons['lemmatize'] = part('lemmatize.js');
  addons['readabilityStats'] = part('readability-stats.js');
  addons['wordVectors'] = undefined;
  const model = Object.create(null) as Record<string, unknown>;
  model['core'] = loadCore;
  model['sbd'] = part('load-sbd-model.js');
  model['pos'] = part('load-pos-model.js');
  model['ner'] = part('load-ner-model.js');
  model['negation'] = part('load-negation-model.js');
  model['sa'] = part('load-sa-model.js');
  model['metaCER'] = part('load-cer-meta-model.js');
  model['featureFn'] = part('feature.js');
  model['addons'] = addons;
  return model as unknown as Model;
}
