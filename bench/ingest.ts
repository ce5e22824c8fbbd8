// `npm run bench:ingest`: ingest throughput, memory, database size and query times on a generated
// corpus (bench/corpus-gen.ts), plus the near-duplicate threshold check and a timeline over a
// large synthetic event table.
//
//   npm run bench:ingest -- [--articles 100000] [--workers 1,2] [--events 1000000] [--seed 7] [--keep]
//                           [--stages none|segment,entities,…]   (default: the whole pipeline)
//
// Each ingest runs in a child process so its peak RSS is its own.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { minhash, NEAR_DUPLICATE_JACCARD, similarity } from '../src/corpus/fingerprint.js';
import { ingest, type IngestProgress } from '../src/corpus/ingest.js';
import { prepareArticle } from '../src/corpus/prepare.js';
import { SqliteStore } from '../src/corpus/sqlite-store.js';
import { readInputs } from '../src/ingest/read.js';
import type { Analysis, PoliticalEvent } from '../src/types.js';
import { rng } from '../src/random.js';
import { generateCorpus, writeCorpus } from './corpus-gen.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    workers: { type: 'string', default: '1,2' },
    events: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '7' },
    child: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** Comma-separated pipeline stages to run ('none' for the corpus layer alone); default all. */
    stages: { type: 'string' },
    corpus: { type: 'string' },
    db: { type: 'string' },
  },
});

function fileSize(path: string): number {
  let total = 0;
  for (const p of [path, `${path}-wal`]) {
    try {
      total += statSync(p).size;
    } catch {
      // no WAL left after a clean close
    }
  }
  return total;
}

/** Median wall time of `fn` over `runs` runs, in milliseconds. */
function timeIt(fn: () => unknown, runs = 21): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;

/** A fixed CPU-bound loop, timed, so figures from a busy machine can be read in context. */
function cpuCalibration(): string {
  const t = performance.now();
  let x = 0;
  for (let k = 0; k < 1e7; k++) x += k % 7;
  const ms = (performance.now() - t).toFixed(0);
  return `CPU check: a fixed 1e7-step loop took ${ms} ms (checksum ${x % 10}); higher means a busier machine`;
}

/** Child mode: one ingest, results as one JSON line on stdout. */
async function child(): Promise<void> {
  const store = SqliteStore.open(values.db!);
  const only = values.stages === undefined ? undefined : values.stages.split(',');
  const c0 = process.cpuUsage();
  const result = await ingest(store, readInputs([values.corpus!]), { workers: Number(values.workers), pipeline: only ? { only } : {} });
  const c = process.cpuUsage(c0);
  store.close();
  process.stdout.write(
    JSON.stringify({
      ...result, cpuMs: (c.user + c.system) / 1000, maxRssBytes: process.resourceUsage().maxRSS * 1024, dbBytes: fileSize(values.db!),
    }) + '\n',
  );
}

/** How well the threshold separates planted reprints from distinct articles of the corpus. */
function dedupFigures(count: number, seed: number): string {
  const items = [...generateCorpus(Math.min(count, 20_000), { seed })];
  const sigs = new Map(items.map((i) => [i.record.id, minhash(i.record.text)]));
  const near = items
    .filter((i) => i.kind === 'near')
    .map((i) => similarity(sigs.get(i.record.id)!, sigs.get(i.of!)!))
    .sort((a, b) => a - b);
  const originals = items.filter((i) => i.kind === 'original');
  const random = rng(seed + 1);
  const distinct: number[] = [];
  for (let k = 0; k < 200_000 && originals.length > 1; k++) {
    const a = originals[Math.floor(random() * originals.length)]!;
    const b = originals[Math.floor(random() * originals.length)]!;
    if (a !== b) distinct.push(similarity(sigs.get(a.record.id)!, sigs.get(b.record.id)!));
  }
  distinct.sort((a, b) => a - b);
  const q = (xs: number[], f: number): string => (xs.length ? xs[Math.min(xs.length - 1, Math.floor(xs.length * f))]!.toFixed(3) : '-');
  const missed = near.filter((s) => s < NEAR_DUPLICATE_JACCARD).length;
  const false_ = distinct.filter((s) => s >= NEAR_DUPLICATE_JACCARD).length;
  return [
    `near-duplicate threshold: estimated Jaccard >= ${NEAR_DUPLICATE_JACCARD} (MinHash, 128 values, word 3-shingles)`,
    `  planted reprints (${near.length}): min ${q(near, 0)}, 5th pct ${q(near, 0.05)}, median ${q(near, 0.5)}; below threshold: ${missed}`,
    `  distinct pairs (${distinct.length} sampled): max ${q(distinct, 1)}, 99.9th pct ${q(distinct, 0.999)}, median ${q(distinct, 0.5)}; at or above threshold: ${false_}`,
  ].join('\n');
}

/** A store of synthetic analyses with `events` events, to time the timeline on the roll-up. */
function syntheticEvents(path: string, events: number, seed: number): { writeSeconds: number; articles: number } {
  const random = rng(seed);
  const actors = ['RUSGOV', 'USAGOV', 'UKRGOV', 'CHNGOV', 'TURGOV', 'IRNGOV', 'ISRMIL', 'EGYGOV', 'QATGOV', 'FRAGOV', 'DEUGOV', 'GBRGOV', 'INDGOV', 'PAKMIL', 'JPNGOV', 'KORGOV'];
  const codes: Array<[string, number, number]> = [['040', 1, 1], ['043', 1, 2.8], ['057', 2, 8], ['111', 3, -2], ['112', 3, -2], ['130', 3, -4.4], ['172', 4, -5], ['190', 4, -10]];
  const modalities: PoliticalEvent['modality'][] = ['asserted', 'asserted', 'asserted', 'negated', 'hypothetical', 'intended'];
  const perArticle = 10;
  const store = SqliteStore.open(path);
  const t = performance.now();
  let batch: ReturnType<typeof prepareArticle>[] = [];
  const articles = Math.ceil(events / perArticle);
  for (let i = 0; i < articles; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const text = `Synthetic report ${i} ${Math.floor(random() * 1e9)} ${Math.floor(random() * 1e9)} ${Math.floor(random() * 1e9)}`;
    const evs: PoliticalEvent[] = Array.from({ length: perArticle }, (_, k) => {
      const [code, quad, goldstein] = codes[Math.floor(random() * codes.length)]!;
      const s = actors[Math.floor(random() * actors.length)]!;
      let tgt = actors[Math.floor(random() * actors.length)]!;
      if (tgt === s) tgt = actors[(actors.indexOf(s) + 1) % actors.length]!;
      return {
        id: `v${k}`, code, plover: 'CONSULT', source: { actor: s, entity: null }, target: { actor: tgt, entity: null },
        goldstein, quad, modality: modalities[Math.floor(random() * modalities.length)]!, date: day,
        location: `place ${Math.floor(random() * 1e6)}`, start: 0, end: 9, quote: null, rule: 'synthetic',
      };
    });
    const a: Analysis = { id: `syn-${i}`, date: day, title: null, source: `src-${i % 50}`, url: null, text, entities: [], quotes: [], events: evs, issues: [], boilerplate: [] };
    batch.push(prepareArticle(a));
    if (batch.length >= 1000) {
      store.write(batch);
      batch = [];
    }
  }
  store.write(batch);
  store.close();
  return { writeSeconds: (performance.now() - t) / 1000, articles };
}

async function main(): Promise<void> {
  if (values.child) return child();
  const count = Number(values.articles);
  const seed = Number(values.seed);
  const workerCounts = values.workers!.split(',').filter((w) => w !== '').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const self = fileURLToPath(import.meta.url);
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const planted = await writeCorpus(corpus, count, { seed });
    console.log(cpuCalibration());
    console.log(`corpus: ${count} articles (${planted.original} originals, ${planted.exact} exact copies, ${planted.near} reprints), ${mb(statSync(corpus).size)}`);
    console.log(dedupFigures(count, seed));

    let lastDb = '';
    for (const w of workerCounts) {
      const db = join(dir, `ingest-${w}.db`);
      const t = performance.now();
      const stages = values.stages === undefined ? [] : ['--stages', values.stages];
      const run = spawnSync(process.execPath, [...process.execArgv, self, '--child', '--workers', String(w), '--corpus', corpus, '--db', db, ...stages], {
        encoding: 'utf8', maxBuffer: 1 << 26,
      });
      if (run.status !== 0) throw new Error(`ingest with ${w} workers failed: ${run.stderr}`);
      const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as IngestProgress & { cpuMs: number; maxRssBytes: number; dbBytes: number };
      const wall = (performance.now() - t) / 1000;
      const what = values.stages === undefined ? 'full pipeline' : `stages: ${values.stages}`;
      const written = r.stored + r.duplicates + r.nearDuplicates + r.exists;
      const afterStartup = (written * 1000) / (r.elapsedMs - r.startupMs);
      console.log(
        `ingest (${what}), ${w} worker${w === 1 ? '' : 's'}: ${r.rate.toFixed(0)} articles/s ` +
          `(${afterStartup.toFixed(0)}/s once the ${(r.startupMs / 1000).toFixed(1)} s start-up is done; ${wall.toFixed(1)} s wall incl. process start), ` +
          `${(r.cpuMs / written).toFixed(1)} ms CPU per article (all threads), ` +
          `peak RSS ${mb(r.maxRssBytes)}, database ${mb(r.dbBytes)}; stored ${r.stored}, duplicates ${r.duplicates}, ` +
          `near-duplicates ${r.nearDuplicates}, skipped ${r.skipped}`,
      );
      lastDb = db;
    }

    if (lastDb) {
      const store = SqliteStore.open(lastDb, { readonly: true });
      const s = store.stats();
      console.log(`queries on the ingested corpus (${s.articles.total} articles, ${s.statements} statements, ${s.events} merged events from ${s.eventReports} reports):`);
      for (const text of ['sanctions', 'direct flights', '"security guarantees"', 'ceasefire talks Doha']) {
        const hits = store.search({ text }).total;
        console.log(`  search ${JSON.stringify(text)}: ${timeIt(() => store.search({ text, limit: 20 })).toFixed(2)} ms median (${hits} matches)`);
      }
      for (const [a, b, by] of [['RUS', 'USA', 'day'], ['RUS', undefined, 'month'], ['CHN', 'USA', 'week']] as const) {
        try {
          const ms = timeIt(() => store.timeline({ a, b, by }));
          console.log(`  timeline ${a}${b ? ` ${b}` : ''} by ${by}: ${ms.toFixed(2)} ms median`);
        } catch (err) {
          console.log(`  timeline ${a}${b ? ` ${b}` : ''}: ${(err as Error).message}`);
        }
      }
      store.close();
    }

    const events = Number(values.events);
    if (events > 0) {
      const db = join(dir, 'events.db');
      const w = syntheticEvents(db, events, seed);
      const store = SqliteStore.open(db, { readonly: true });
      const s = store.stats();
      const rows = (store.db.prepare('SELECT count(*) FROM rollup_dyad_day').pluck().get() as number);
      console.log(`synthetic event table: ${s.eventReports} event reports → ${s.events} merged events over 10 years, ${rows} roll-up rows, written in ${w.writeSeconds.toFixed(1)} s, ${mb(fileSize(db))}`);
      for (const [a, b, by] of [['RUS', 'USA', 'day'], ['RUS', 'USA', 'month'], ['RUS', undefined, 'week']] as const) {
        const ms = timeIt(() => store.timeline({ a, b, by }));
        console.log(`  timeline ${a}${b ? ` ${b}` : ''} by ${by}: ${ms.toFixed(2)} ms median`);
      }
      store.close();
    }
    console.log(cpuCalibration());
  } finally {
    if (values.keep) console.log(`kept: ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
