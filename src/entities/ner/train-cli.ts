import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { readConll, type LabelledDoc } from './conll.js';
import { loadGazetteer } from './gazetteer.js';
import { writeModelCard } from './model-card.js';
import { DEFAULT_DEV, DEFAULT_MODEL, DEFAULT_TRAIN, GAZETTEER_DIR } from './paths.js';
import { trainNer } from './train.js';

const HELP = `usage: train-cli [--train FILE]... [--dev FILE] [--out models/ner.bin] [--epochs N] [--runs N] [--seed N] [--gazetteers DIR]
Trains the entity tagger on CoNLL-format files and writes the weights and a model card (.md beside them).
--gazetteers trains with other name lists (for experiments: the tagger reads lexicon/gazetteers at run time).`;

function main(): void {
  const { values } = parseArgs({
    options: {
      train: { type: 'string', multiple: true },
      dev: { type: 'string' },
      out: { type: 'string', default: DEFAULT_MODEL },
      epochs: { type: 'string', default: '12' },
      'min-count': { type: 'string', default: '1' },
      prune: { type: 'string', default: '0.05' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      gazetteers: { type: 'string', default: GAZETTEER_DIR },
      'no-dev': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const trainFiles = values.train ?? [DEFAULT_TRAIN];
  const devFile = values['no-dev'] ? null : (values.dev ?? DEFAULT_DEV);
  const train: LabelledDoc[] = trainFiles.flatMap((f) => readConll(f));
  const dev = devFile ? readConll(devFile) : null;
  const gazetteer = loadGazetteer(values.gazetteers!);
  const result = trainNer(train, dev, {
    gazetteer,
    epochs: Number(values.epochs),
    minCount: Number(values['min-count']),
    pruneBelow: Number(values.prune),
    trainedOn: trainFiles.map((f) => basename(f)),
    seed: Number(values.seed),
    runs: Number(values.runs),
    log: (line) => console.error(line),
  });
  const out = values.out!;
  const bytes = result.model.save(out);
  const card = join(dirname(out), basename(out).replace(/\.bin$/, '') + '.md');
  writeFileSync(card, writeModelCard({ result, runs: Number(values.runs), trainFiles, devFile, bytes, weightFile: basename(out) }));
  console.log(`wrote ${out} (${(bytes / 1e6).toFixed(1)} MB, ${result.model.size} feature rows) and ${card} in ${result.seconds.toFixed(1)} s`);
  if (result.dev) console.log(result.dev.format());
}

try {
  main();
} catch (e) {
  console.error(`train-cli: ${(e as Error).message}`);
  process.exitCode = 1;
}
