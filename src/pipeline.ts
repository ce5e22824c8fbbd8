import { Doc } from './doc.js';
import type { Analysis, Article } from './types.js';

/** One named pipeline component: it reads the layers before it and adds its own. */
export interface Stage {
  readonly name: string;
  run(doc: Doc): void;
}

export interface PipelineOptions {
  /** Path of a user issue taxonomy that replaces or extends the default one. */
  issuesFile?: string;
  /** Stage names to run; all by default. */
  only?: string[];
}

export type StageFactory = (options: PipelineOptions) => Promise<Stage>;

/**
 * The stages in order. Each is loaded lazily so a command that needs only some of them
 * (or none, like `parley stats`) does not pay for loading models and lexicons.
 */
export const STAGE_FACTORIES: ReadonlyArray<readonly [string, StageFactory]> = [
  ['segment', async () => (await import('./text/stage.js')).segmentStage()],
  ['entities', async () => (await import('./entities/stage.js')).entitiesStage()],
  ['time', async () => (await import('./time/stage.js')).timeStage()],
  ['quotes', async () => (await import('./quotes/stage.js')).quotesStage()],
  ['events', async () => (await import('./events/stage.js')).eventsStage()],
  ['issues', async (o) => (await import('./issues/stage.js')).issuesStage(o)],
];

export class Pipeline {
  readonly stages: Stage[];
  /** Milliseconds spent in each stage since creation, for benchmarks. */
  readonly timings = new Map<string, number>();

  private constructor(stages: Stage[]) {
    this.stages = stages;
  }

  static async create(options: PipelineOptions = {}): Promise<Pipeline> {
    const wanted = STAGE_FACTORIES.filter(([name]) => !options.only || options.only.includes(name));
    const stages = await Promise.all(wanted.map(([, make]) => make(options)));
    return new Pipeline(stages);
  }

  run(article: Article): Doc {
    const doc = new Doc(article);
    for (const stage of this.stages) {
      const t0 = performance.now();
      stage.run(doc);
      this.timings.set(stage.name, (this.timings.get(stage.name) ?? 0) + performance.now() - t0);
    }
    return doc;
  }

  analyze(article: Article): Analysis {
    return toAnalysis(this.run(article));
  }
}

/** The analysis contract of DESIGN.md, built from a finished Doc. */
export function toAnalysis(doc: Doc): Analysis {
  const a = doc.article;
  return {
    id: a.id,
    date: a.date,
    title: a.title,
    source: a.source,
    url: a.url,
    text: a.text,
    entities: doc.entities,
    quotes: doc.quotes,
    events: doc.events,
    issues: doc.issues,
    boilerplate: a.boilerplate,
  };
}
