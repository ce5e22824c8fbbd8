import type * as Q from '../corpus/queries.js';
import type { Store } from '../corpus/store.js';
import type { Pipeline } from '../pipeline.js';
import { articleFromBody } from './api.js';
import { HttpError, validate } from './router.js';
import * as S from './schemas.js';
import * as V from './ui/views.js';

export interface PageRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  clientIp: string;
  body: URLSearchParams | null;
}

export interface PageDeps {
  store: Store;
  pipeline: () => Promise<Pipeline>;
  maxAnalyzeBytes: number;
}

/** Query parameters without the empty ones a submitted form leaves behind. */
function filled(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params].filter(([, v]) => v !== ''));
}

/** The last day of a timeline bucket, so clicking a bar lists exactly that period's events. */
function bucketEnd(period: string, by: string): string {
  if (by !== 'week') return period;
  const d = new Date(`${period}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

function bucketEvents(store: Store, result: Q.TimelineResult, bucket: string, allModalities: boolean): Q.Page<Q.EventRow> {
  const range = { from: bucket, to: bucketEnd(bucket, result.by), allModalities, limit: 200 };
  const a = result.a.codes[0]!;
  const b = result.b?.codes[0];
  if (!b) return store.events({ ...range, actor: a });
  const ab = store.events({ ...range, actor: a, target: b });
  const ba = store.events({ ...range, actor: b, target: a });
  const items = [...ab.items, ...ba.items].sort((x, y) => (x.day ?? '').localeCompare(y.day ?? '') || x.id - y.id);
  return { items, total: ab.total + ba.total, limit: range.limit, offset: 0 };
}

export function pageRoutes(deps: PageDeps): { render(req: PageRequest): Promise<string | null> } {
  const { store } = deps;
  return {
    async render(req) {
      const { path, query } = req;
      const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
      if (req.method === 'POST' && path !== '/analyze') throw new HttpError(405, `method POST not allowed on ${path}`);
      if (path === '/') {
        const q = validate(S.articleList, filled(query), 'query parameter');
        return V.articlesView(store.articles(q), query, store.stats());
      }
      if (segments[0] === 'articles' && segments.length === 2) {
        const stored = store.article(segments[1]!);
        if (!stored) throw new HttpError(404, `article '${segments[1]}' not found`);
        return V.articleView(stored);
      }
      if (path === '/entities') {
        return V.entitiesView(store.entities(validate(S.entityList, filled(query), 'query parameter')), query);
      }
      if (segments[0] === 'entities' && segments.length === 2) {
        const detail = store.entity(segments[1]!, validate(S.entityDetail, filled(query), 'query parameter'));
        if (!detail) throw new HttpError(404, `entity '${segments[1]}' not found`);
        return V.entityView(detail, segments[1]!);
      }
      if (path === '/timeline') {
        const params = filled(query);
        if (!params.a) return V.timelineView(query, null, null, null);
        const q = validate(S.timelineQuery, params, 'query parameter');
        try {
          const result = store.timeline(q);
          const bucket = params.bucket ? validate(S.partialDate, params.bucket, 'bucket') : null;
          const events = bucket ? bucketEvents(store, result, bucket, !!q.allModalities) : null;
          return V.timelineView(query, result, events, null);
        } catch (err) {
          if (err instanceof HttpError) throw err;
          return V.timelineView(query, null, null, err instanceof Error ? err.message : String(err));
        }
      }
      if (path === '/issues') {
        const q = validate(S.issueList, filled(query), 'query parameter');
        const list = store.issues(q);
        const details = new Map<string, Q.IssueDetail>();
        for (const i of list.items) {
          if (!i.statements && !i.events) continue;
          const d = store.issue(i.id, { by: 'week', limit: 1 });
          if (d) details.set(i.id, d);
        }
        return V.issuesView(list, details, query);
      }
      if (segments[0] === 'issues' && segments.length === 2) {
        const d = store.issue(segments[1]!, validate(S.issueDetail, filled(query), 'query parameter'));
        if (!d) throw new HttpError(404, `issue '${segments[1]}' not found`);
        return V.issueView(d, query);
      }
      if (path === '/search') {
        const params = filled(query);
        if (!params.text) return V.searchView(query, null);
        const q = validate(S.statementList.extend({ type: S.quoteType.or(S.articleKind).optional() }), params, 'query parameter');
        return V.searchView(query, store.search({ ...q, text: q.text! }));
      }
      if (path === '/analyze') {
        const form = { text: req.body?.get('text') ?? '', url: req.body?.get('url') ?? '', date: req.body?.get('date') ?? '' };
        if (req.method !== 'POST') return V.analyzeView(form, null, null);
        try {
          const body = validate(S.analyzeBody, filled(req.body ?? new URLSearchParams()), 'form field');
          const analysis = (await deps.pipeline()).analyze(await articleFromBody(body, deps.maxAnalyzeBytes));
          return V.analyzeView(form, analysis, null);
        } catch (err) {
          if (!(err instanceof HttpError)) throw err;
          return V.analyzeView(form, null, err.message);
        }
      }
      return null;
    },
  };
}
