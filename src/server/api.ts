import type { Store } from '../corpus/store.js';
import { finishArticle } from '../ingest/article.js';
import { isSkip, readInputs, resolveReadOptions } from '../ingest/index.js';
import type { Pipeline } from '../pipeline.js';
import type { Article } from '../types.js';
import { HttpError, route, type ApiRoute } from './router.js';
import * as S from './schemas.js';

export interface ApiDeps {
  store: Store;
  /** The analysis pipeline, created on first use: most requests never need it. */
  pipeline: () => Promise<Pipeline>;
  /** Largest article accepted by POST /api/analyze, in bytes. */
  maxAnalyzeBytes: number;
}

function found<T>(value: T | null, what: string): T {
  if (value === null) throw new HttpError(404, `${what} not found`);
  return value;
}

/** The article a POST /api/analyze body describes: pasted text, or the first article at a URL. */
async function articleFromBody(body: { text?: string; url?: string; date?: string; title?: string }, maxBytes: number): Promise<Article> {
  const options = { date: body.date ?? null, maxBytes, timeoutMs: 10_000, maxDocumentBytes: 4 * maxBytes };
  if (body.text !== undefined) {
    const fields = { text: body.text, date: body.date ?? null, title: body.title ?? null, origin: 'request body' };
    const result = finishArticle(fields, resolveReadOptions(options));
    if (isSkip(result)) throw new HttpError(400, `${result.origin}: ${result.reason}`);
    return result;
  }
  for await (const result of readInputs([body.url!], options)) {
    if (isSkip(result)) throw new HttpError(422, `${result.origin}: ${result.reason}`);
    return result;
  }
  throw new HttpError(422, `${body.url}: no article found there`);
}

export function apiRoutes(deps: ApiDeps): ApiRoute[] {
  const { store } = deps;
  return [
    route({ method: 'GET', path: '/api/stats', tag: 'corpus', summary: 'What is in the corpus', handler: () => store.stats() }),
    route({
      method: 'GET', path: '/api/articles', tag: 'articles', summary: 'Articles, latest first', query: S.articleList,
      handler: ({ query }) => store.articles(query),
    }),
    route({
      method: 'GET', path: '/api/articles/{id}', tag: 'articles', summary: 'One article with all its annotation layers',
      params: S.idParam, handler: ({ params }) => found(store.article(params.id), `article '${params.id}'`),
    }),
    route({
      method: 'GET', path: '/api/statements', tag: 'statements', summary: 'Statements, filtered; with `text`, ranked full-text search',
      query: S.statementList,
      handler: ({ query }) => {
        const { text, ...filters } = query;
        if (text) return store.search({ ...filters, text, statementsOnly: true });
        return store.statements(filters);
      },
    }),
    route({
      method: 'GET', path: '/api/entities', tag: 'entities', summary: 'Entities across the corpus, most reported first',
      query: S.entityList, handler: ({ query }) => store.entities(query),
    }),
    route({
      method: 'GET', path: '/api/entities/{id}', tag: 'entities', summary: 'One entity (by id, name or alias): roles over time, statements, events',
      params: S.idParam, query: S.entityDetail,
      handler: ({ params, query }) => found(store.entity(params.id, query), `entity '${params.id}'`),
    }),
    route({
      method: 'GET', path: '/api/events', tag: 'events', summary: 'Events merged across reports, filtered', query: S.eventList,
      handler: ({ query }) => store.events(query),
    }),
    route({
      method: 'GET', path: '/api/timeline', tag: 'events', summary: 'Event counts by quad class and mean Goldstein per period',
      query: S.timelineQuery,
      handler: ({ query }) => {
        try {
          return store.timeline(query);
        } catch (err) {
          throw new HttpError(400, err instanceof Error ? err.message : String(err));
        }
      },
    }),
    route({
      method: 'GET', path: '/api/issues', tag: 'issues', summary: 'Issues with their statements, events and progress',
      query: S.issueList, handler: ({ query }) => store.issues(query),
    }),
    route({
      method: 'GET', path: '/api/issues/{id}', tag: 'issues', summary: 'One issue: timeline, running progress, actors and stances',
      params: S.idParam, query: S.issueDetail,
      handler: ({ params, query }) => found(store.issue(params.id, query), `issue '${params.id}'`),
    }),
    route({
      method: 'POST', path: '/api/analyze', tag: 'analysis', summary: 'Analyse pasted text or a URL without storing it (size- and rate-limited)',
      body: S.analyzeBody,
      handler: async ({ body }) => (await deps.pipeline()).analyze(await articleFromBody(body, deps.maxAnalyzeBytes)),
    }),
  ];
}

export { articleFromBody };
