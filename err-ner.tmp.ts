import { readConll } from './src/entities/ner/conll.js';
import { loadNerTagger } from './src/entities/ner/index.js';
import { spansOf } from './src/entities/ner/scoring.js';
const ner = loadNerTagger(process.argv[2]);
const cnt = new Map<string, number>();
const ex: string[] = [];
for (const d of readConll('/work/shared/data/conll2003/dev.txt')) {
  const pred = ner.tagSentences(d.sentences.map((s) => s.words));
  d.sentences.forEach((s, i) => {
    const g = spansOf(s.labels), p = spansOf(pred[i]!);
    const key = (x: any) => `${x.start}:${x.end}`;
    const gm = new Map(g.map((x) => [key(x), x.type])), pm = new Map(p.map((x) => [key(x), x.type]));
    for (const x of g) {
      const pt = pm.get(key(x));
      const w = s.words.slice(x.start, x.end).join(' ');
      if (pt === x.type) continue;
      const kind = pt ? `type ${x.type}->${pt}` : `miss/bound ${x.type}`;
      cnt.set(kind, (cnt.get(kind) ?? 0) + 1);
      ex.push(`${kind}\t${w}\t| ${s.words.slice(Math.max(0, x.start - 4), x.end + 4).join(' ')} || pred: ${p.filter(y => y.end > x.start && y.start < x.end).map(y => y.type + ':' + s.words.slice(y.start, y.end).join(' ')).join(', ')}`);
    }
    for (const x of p) if (!gm.has(key(x))) { const kind = `spurious ${x.type}`; if (!g.some(y => y.end > x.start && y.start < x.end)) { cnt.set(kind, (cnt.get(kind) ?? 0) + 1); ex.push(`${kind}\t${s.words.slice(x.start, x.end).join(' ')}\t| ${s.words.slice(Math.max(0, x.start - 4), x.end + 4).join(' ')}`); } }
  });
}
for (const e of ex) console.error(e);
console.log([...cnt].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${v}\t${k}`).join('\n'));
