import type { Database, Statement } from 'better-sqlite3';
import type { Analysis, Modality, QuoteType, Stance } from '../types.js';
import { stanceHistory } from '../issues/timeline.js';
import { ftsQuery } from './fts.js';
import { bucketOf, normName } from './normalize.js';
import { unpackAnalysis } from './prepare.js';

// The corpus's read side as plain functions over an open SQLite database. Every function is
// synchronous (better-sqlite3), takes a query object and returns plain JSON-ready data, so the CLI,
// the HTTP API and exports share one implementation. Lists are paged with `limit`/`offset` and
// report `total`. Event counts are asserted-only unless `allModalities` is set: a denied or
// hypothetical meeting did not happen.

type Row = Record<string, unknown>;

export interface Paging {
  /** Rows per page; default 50, at most 1000. */
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface DateRange {
  /** First day included (YYYY-MM-DD; a month or a year starts at its first day). */
  from?: string;
  /** Last day included (a month or a year runs to its end). */
  to?: string;
}

/** An upper bound that covers the whole month or year when only that is given. */
function throughEnd(to: string): string {
  if (to.length === 4) return `${to}-12-31`;
  if (to.length !== 7) return to;
  const [y, m] = to.split('-').map(Number) as [number, number];
  return `${to}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

function paging(p: Paging): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(p.limit ?? 50), 1), 1000);
  const offset = Math.max(Math.trunc(p.offset ?? 0), 0);
  return { limit, offset };
}

/** WHERE fragments and their bound values, built up clause by clause. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];
  add(clause: string, ...params: unknown[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  range(column: string, r: DateRange): this {
    if (r.from) this.add(`${column} >= ?`, r.from);
    if (r.to) this.add(`${column} <= ?`, throughEnd(r.to));
    return this;
  }
  get sql(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** A code prefix as a half-open range, so `RUS` matches RUS, RUSGOV, RUSMIL… through the index. */
function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\uffff`];
}

// ---- stats -------------------------------------------------------------------------------------

export interface CorpusStats {
  schemaVersion: number;
  articles: { total: number; originals: number; exactDuplicates: number; nearDuplicates: number };
  firstDay: string | null;
  lastDay: string | null;
  sources: Array<{ source: string; articles: number }>;
  entities: number;
  mentions: number;
  statements: number;
  eventReports: number;
  /** Events after merging reports of the same event across articles. */
  events: number;
  assertedEvents: number;
  issues: number;
}

export function stats(db: Database): CorpusStats {
  const one = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const dup = db
    .prepare(
      `SELECT count(*) AS total, sum(duplicate_kind IS NULL) AS originals,
              sum(duplicate_kind = 'exact') AS exact, sum(duplicate_kind = 'near') AS near,
              min(day) AS first, max(day) AS last FROM articles`,
    )
    .get() as Row;
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    articles: {
      total: Number(dup.total ?? 0),
      originals: Number(dup.originals ?? 0),
      exactDuplicates: Number(dup.exact ?? 0),
      nearDuplicates: Number(dup.near ?? 0),
    },
    firstDay: (dup.first as string | null) ?? null,
    lastDay: (dup.last as string | null) ?? null,
    sources: db
      .prepare(
        `SELECT source, count(*) AS articles FROM articles WHERE source IS NOT NULL AND duplicate_of IS NULL
         GROUP BY source ORDER BY articles DESC, source LIMIT 10`,
      )
      .all() as Array<{ source: string; articles: number }>,
    entities: one('SELECT count(*) FROM entities'),
    mentions: one('SELECT count(*) FROM mentions'),
    statements: one('SELECT count(*) FROM quotes'),
    eventReports: one('SELECT count(*) FROM event_reports'),
    events: one('SELECT count(*) FROM events'),
    assertedEvents: one("SELECT count(*) FROM events WHERE modality = 'asserted'"),
    issues: one('SELECT count(*) FROM issues'),
  };
}

// ---- articles ----------------------------------------------------------------------------------

export interface ArticleQuery extends Paging, DateRange {
  source?: string;
  /** Include duplicates and near-duplicates (default: originals only). */
  duplicates?: boolean;
}

export interface ArticleRow {
  id: string;
  date: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  duplicateOf: string | null;
  duplicateKind: 'exact' | 'near' | null;
  statements: number;
  events: number;
}

const ARTICLE_COLUMNS = `a.id AS id, a.date AS date, a.title AS title, a.source AS source, a.url AS url,
  d.id AS duplicateOf, a.duplicate_kind AS duplicateKind,
  (SELECT count(*) FROM quotes q WHERE q.article = a.rowid) AS statements,
  (SELECT count(*) FROM event_reports r WHERE r.article = a.rowid) AS events`;

export function articles(db: Database, q: ArticleQuery = {}): Page<ArticleRow> {
  const { limit, offset } = paging(q);
  const w = new Where().range('a.day', q);
  if (q.source) w.add('a.source = ?', q.source);
  if (!q.duplicates) w.add('a.duplicate_of IS NULL');
  const total = db.prepare(`SELECT count(*) FROM articles a ${w.sql}`).pluck().get(...w.params) as number;
  const items = db
    .prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of
       ${w.sql} ORDER BY a.day DESC, a.rowid DESC LIMIT ? OFFSET ?`,
    )
    .all(...w.params, limit, offset) as ArticleRow[];
  return { items, total, limit, offset };
}

export interface StoredArticle extends ArticleRow {
  analysis: Analysis;
  /** Articles recorded as duplicates or near-duplicates of this one. */
  duplicates: Array<{ id: string; kind: 'exact' | 'near'; similarity: number }>;
}

/** One article with its full analysis (the contract of DESIGN.md), or null. */
export function article(db: Database, id: string): StoredArticle | null {
  const row = db
    .prepare(
      `SELECT ${ARTICLE_COLUMNS}, a.rowid AS rowid, a.text AS text, a.analysis AS blob
       FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of WHERE a.id = ?`,
    )
    .get(id) as (ArticleRow & { rowid: number; text: string; blob: Buffer }) | undefined;
  if (!row) return null;
  const { rowid, text, blob, ...head } = row;
  const duplicates = db
    .prepare(
      'SELECT id, duplicate_kind AS kind, duplicate_similarity AS similarity FROM articles WHERE duplicate_of = ? ORDER BY rowid',
    )
    .all(rowid) as StoredArticle['duplicates'];
  return { ...head, analysis: unpackAnalysis(blob, text), duplicates };
}

// ---- statements --------------------------------------------------------------------------------

export interface StatementQuery extends Paging, DateRange {
  /** Speaker name (any known alias) or corpus entity id. */
  speaker?: string;
  issue?: string;
  type?: QuoteType;
  /** Only statements of this article id. */
  article?: string;
  /** Only statements relayed through this outlet or setting (its name, any case). */
  outlet?: string;
}

export interface StatementRow {
  id: number;
  article: string;
  articleTitle: string | null;
  type: QuoteType;
  text: string;
  speaker: { entity: number | null; name: string | null };
  cue: string | null;
  via: unknown[];
  date: string | null;
  day: string | null;
  start: number;
  end: number;
  issues: string[];
}

const STATEMENT_COLUMNS = `q.id AS id, a.id AS article, a.title AS articleTitle, q.type AS type, q.text AS text,
  q.speaker AS speakerEntity, coalesce(e.name, q.speaker_name) AS speakerName, q.cue AS cue, q.via AS via,
  q.date AS date, q.day AS day, q.start AS start, q.end AS end,
  (SELECT group_concat(issue, ' ') FROM quote_issues qi WHERE qi.quote = q.id) AS issues`;

function statementRow(r: Row): StatementRow {
  return {
    id: r.id as number,
    article: r.article as string,
    articleTitle: (r.articleTitle as string | null) ?? null,
    type: r.type as QuoteType,
    text: r.text as string,
    speaker: { entity: (r.speakerEntity as number | null) ?? null, name: (r.speakerName as string | null) ?? null },
    cue: (r.cue as string | null) ?? null,
    via: r.via ? (JSON.parse(r.via as string) as unknown[]) : [],
    date: (r.date as string | null) ?? null,
    day: (r.day as string | null) ?? null,
    start: r.start as number,
    end: r.end as number,
    issues: r.issues ? (r.issues as string).split(' ') : [],
  };
}

/** Corpus entity ids a speaker argument names: an id, or a name or alias (normalised). */
export function resolveEntityIds(db: Database, nameOrId: string): number[] {
  if (/^\d+$/.test(nameOrId)) return [Number(nameOrId)];
  const norm = normName(nameOrId);
  const exact = db
    .prepare(
      `SELECT DISTINCT n.entity FROM entity_names n JOIN entities e ON e.id = n.entity
       WHERE n.norm = ? ORDER BY e.num_articles DESC`,
    )
    .pluck()
    .all(norm) as number[];
  if (exact.length) return exact;
  // A surname or a partial name: names that contain it as whole words.
  return db
    .prepare(
      `SELECT DISTINCT n.entity FROM entity_names n JOIN entities e ON e.id = n.entity
       WHERE (' ' || n.norm || ' ') LIKE ? ESCAPE '\\' ORDER BY e.num_articles DESC LIMIT 20`,
    )
    .pluck()
    .all(`% ${norm.replace(/[%_\\]/g, (c) => `\\${c}`)} %`) as number[];
}

function speakerClause(w: Where, db: Database, speaker: string): void {
  const ids = resolveEntityIds(db, speaker);
  const marks = ids.map(() => '?').join(', ');
  const byEntity = ids.length ? `q.speaker IN (${marks}) OR ` : '';
  w.add(`(${byEntity}q.speaker_name LIKE ? ESCAPE '\\')`, ...ids, `%${speaker.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
}

function statementWhere(db: Database, q: StatementQuery): Where {
  const w = new Where().range('q.day', q);
  if (q.speaker) speakerClause(w, db, q.speaker);
  if (q.issue) w.add('q.id IN (SELECT quote FROM quote_issues WHERE issue = ?)', q.issue);
  if (q.type) w.add('q.type = ?', q.type);
  if (q.article) w.add('a.id = ?', q.article);
  if (q.outlet) w.add("EXISTS (SELECT 1 FROM json_each(q.via) v WHERE lower(json_extract(v.value, '$.name')) = lower(?))", q.outlet);
  return w;
}

export function statements(db: Database, q: StatementQuery = {}): Page<StatementRow> {
  const { limit, offset } = paging(q);
  const w = statementWhere(db, q);
  const from = 'FROM quotes q JOIN articles a ON a.rowid = q.article LEFT JOIN entities e ON e.id = q.speaker';
  const total = db.prepare(`SELECT count(*) ${from} ${w.sql}`).pluck().get(...w.params) as number;
  const items = (
    db
      .prepare(`SELECT ${STATEMENT_COLUMNS} ${from} ${w.sql} ORDER BY q.day DESC, q.id DESC LIMIT ? OFFSET ?`)
      .all(...w.params, limit, offset) as Row[]
  ).map(statementRow);
  return { items, total, limit, offset };
}

// ---- search ------------------------------------------------------------------------------------

export interface SearchQuery extends Paging, DateRange {
  text: string;
  speaker?: string;
  issue?: string;
  /** A statement type, or 'article' for article text only. Default: statements and articles. */
  type?: QuoteType | 'article';
  /** Statements only, never article text (the statements endpoint). */
  statementsOnly?: boolean;
  /** Only statements relayed through this outlet or setting. */
  outlet?: string;
}

export interface SearchHit {
  kind: 'statement' | 'article';
  /** Statement id (number) or article id. */
  id: number | string;
  article: string;
  title: string | null;
  day: string | null;
  speaker: string | null;
  type: QuoteType | null;
  /** The matching words in context, matches marked with [ ]. */
  snippet: string;
  /** BM25 score: lower is better. */
  rank: number;
}

/** Matches counted per kind at most: beyond that `total` says "at least this many". */
export const COUNT_CAP = 10_000;
/** Most matches of one kind ranked by BM25; beyond it the newest matches are ranked. */
export const RANK_LIMIT = 2_000;

/**
 * Full-text search (FTS5, BM25-ranked) over statements and article text. Statements and articles
 * are ranked together; duplicates are not indexed, so a syndicated copy never repeats a hit.
 * `total` counts matching statements and articles, each up to COUNT_CAP. When one kind has more
 * than RANK_LIMIT matches, its newest `limit + offset` matches are the ones ranked.
 */
export function search(db: Database, q: SearchQuery): Page<SearchHit> {
  const { limit, offset } = paging(q);
  const match = ftsQuery(q.text);
  if (!match) return { items: [], total: 0, limit, offset };
  const want = limit + offset;
  const hits: SearchHit[] = [];
  let total = 0;
  // Two steps: rank every match cheaply (rowid and BM25 only), then build snippets for the few
  // rows shown — a snippet per match would dominate the time for a common word.
  const top = (fts: string, from: string, w: Where): Map<number, number> => {
    // With only the MATCH condition the full-text index alone can count.
    const countFrom = w.clauses.length === 1 ? `FROM ${fts}` : from;
    const n = db.prepare(`SELECT count(*) FROM (SELECT 1 ${countFrom} ${w.sql} LIMIT ${COUNT_CAP})`).pluck().get(...w.params) as number;
    total += n;
    // BM25 must score every match; past RANK_LIMIT matches that costs more than a query may, so
    // the newest matches (the index's own order, no sort) are ranked instead.
    const order = n <= RANK_LIMIT ? 'rank' : `${fts}.rowid DESC`;
    const ranked = db
      .prepare(`SELECT ${fts}.rowid AS id, bm25(${fts}) AS rank ${from} ${w.sql} ORDER BY ${order} LIMIT ?`)
      .all(...w.params, want) as Array<{ id: number; rank: number }>;
    return new Map(ranked.map((r) => [r.id, r.rank]));
  };
  const marks = (n: number): string => new Array<string>(n).fill('?').join(', ');
  // One lookup per shown row: FTS5 answers `rowid = ?` directly, while `rowid IN (…)` walks every
  // match of the query to find the few asked for.
  const shown = (one: Statement, ranks: Map<number, number>): Row[] =>
    [...ranks.keys()].map((id) => one.get(match, id) as Row | undefined).filter((r): r is Row => r !== undefined);
  if (q.type !== 'article') {
    const w = statementWhere(db, { ...q, type: q.type }).add('quotes_fts MATCH ?', match);
    const ranks = top('quotes_fts', 'FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.rowid = q.article', w);
    const one = db.prepare(
      `SELECT q.id AS id, a.id AS article, a.title AS title, q.day AS day, coalesce(e.name, q.speaker_name) AS speaker,
       q.type AS type, snippet(quotes_fts, 0, '[', ']', '…', 16) AS snippet
       FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.rowid = q.article
       LEFT JOIN entities e ON e.id = q.speaker
       WHERE quotes_fts MATCH ? AND quotes_fts.rowid = ?`,
    );
    const rows = shown(one, ranks);
    for (const r of rows) hits.push({ kind: 'statement', ...(r as Omit<SearchHit, 'kind' | 'rank'>), rank: ranks.get(r.id as number)! });
  }
  if ((!q.type || q.type === 'article') && !q.statementsOnly && !q.outlet) {
    const w = new Where().range('a.day', q).add('articles_fts MATCH ?', match);
    if (q.issue) w.add('a.rowid IN (SELECT article FROM article_issues WHERE issue = ?)', q.issue);
    if (q.speaker) {
      const ids = resolveEntityIds(db, q.speaker);
      w.add(`a.rowid IN (SELECT article FROM quotes WHERE speaker IN (${marks(ids.length) || 'NULL'}))`, ...ids);
    }
    const ranks = top('articles_fts', 'FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid', w);
    const one = db.prepare(
      `SELECT a.rowid AS rowid, a.id AS id, a.id AS article, a.title AS title, a.day AS day, NULL AS speaker, NULL AS type,
       snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? AND articles_fts.rowid = ?`,
    );
    const rows = shown(one, ranks);
    for (const { rowid, ...r } of rows) hits.push({ kind: 'article', ...(r as Omit<SearchHit, 'kind' | 'rank'>), rank: ranks.get(rowid as number)! });
  }
  hits.sort((x, y) => x.rank - y.rank || String(x.id).localeCompare(String(y.id)));
  return { items: hits.slice(offset, offset + limit), total, limit, offset };
}

// ---- timeline ----------------------------------------------------------------------------------

export type Granularity = 'day' | 'week' | 'month';

export interface TimelineQuery extends DateRange {
  /** Actor code prefix ("RUS", "USAGOV") or an entity name whose actor codes are used. */
  a: string;
  b?: string;
  by?: Granularity;
  /** Count negated, hypothetical, intended and ongoing events too (default: asserted only). */
  allModalities?: boolean;
  /** Only events from a to b (default: both directions). */
  directed?: boolean;
}

export interface TimelineBucket {
  /** The day, the Monday of the week, or the month (YYYY-MM). */
  period: string;
  events: number;
  quad1: number;
  quad2: number;
  quad3: number;
  quad4: number;
  goldsteinSum: number;
  /** Mean Goldstein score, null when there are no events. */
  goldsteinMean: number | null;
  /** Events by modality, whatever `allModalities` says, so the left-out ones stay visible. */
  modalities: Partial<Record<Modality, number>>;
}

export interface TimelineResult {
  a: { query: string; codes: string[] };
  b: { query: string; codes: string[] } | null;
  by: Granularity;
  allModalities: boolean;
  buckets: TimelineBucket[];
}

/** Actor codes an argument stands for: itself if it looks like a code, else its entities' codes. */
export function resolveActorCodes(db: Database, arg: string): string[] {
  if (/^[A-Z]{3,}$/.test(arg)) return [arg];
  const ids = resolveEntityIds(db, arg);
  if (!ids.length) return [];
  return db
    .prepare(
      `SELECT DISTINCT actor FROM entity_actors WHERE entity IN (${ids.map(() => '?').join(', ')}) ORDER BY actor`,
    )
    .pluck()
    .all(...ids) as string[];
}

const OTHER_MODALITIES = ['negated', 'hypothetical', 'intended', 'ongoing'] as const;
const COUNTS = ['events', 'quad1', 'quad2', 'quad3', 'quad4', 'goldstein_sum'] as const;
/** The wide roll-ups' columns a timeline reads: asserted events, the other modalities, and the counts it adds up. */
function wideColumns(allModalities: boolean | undefined): string[] {
  return [...new Set(['events', ...OTHER_MODALITIES, ...COUNTS.map((c) => (allModalities ? `all_${c}` : c))])];
}
/** The full-code roll-up (one row per modality) folded into the wide roll-ups' columns. */
const FOLD_DYAD: Record<string, string> = Object.fromEntries([
  ...COUNTS.map((c) => [c, `CASE WHEN modality = 'asserted' THEN ${c} ELSE 0 END`]),
  ...COUNTS.map((c) => [`all_${c}`, c]),
  ...OTHER_MODALITIES.map((m) => [m, `CASE WHEN modality = '${m}' THEN events ELSE 0 END`]),
]);

/** Statements of the timeline, prepared once per connection: preparing costs as much as a query. */
const prepared = new WeakMap<Database, Map<string, Statement>>();
function prepareCached(db: Database, sql: string): Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

/** The timeline period of a roll-up row in SQL, so that rows are summed per period before they reach JS. */
function periodSql(grain: 'day' | 'month', by: Granularity | undefined): string {
  if (grain === 'month') return 'month';
  if (by === 'week') return "date(day, '-6 days', 'weekday 1')";
  return by === 'month' ? 'substr(day, 1, 7)' : 'day';
}

/** A date range as whole months, or null when a bound falls inside a month. */
function wholeMonths(q: DateRange): { from?: string; to?: string } | null {
  const from = q.from ? fullDay(q.from) : undefined;
  const to = q.to ? throughEnd(q.to) : undefined;
  if (from && !from.endsWith('-01')) return null;
  if (to && throughEnd(to.slice(0, 7)) !== to) return null;
  return { from: from?.slice(0, 7), to: to?.slice(0, 7) };
}

/**
 * Sums per period (a day, or a month when asked by month over whole months) for actor A (and B),
 * in the wide roll-ups' columns. Three-letter codes read the country roll-ups, whose rows for a
 * country (pair) are contiguous; longer codes match as prefixes in the full-code roll-up.
 */
function timelineRows(db: Database, codesA: string[], codesB: string[] | null, q: TimelineQuery): Row[] {
  const marks = (xs: string[]): string => xs.map(() => '?').join(', ');
  const countries = codesA.every((c) => c.length === 3) && (codesB ?? []).every((c) => c.length === 3);
  if (countries) {
    const months = q.by === 'month' ? wholeMonths(q) : null;
    const grain = months ? 'month' : 'day';
    const range = new Where().range(grain, months ?? q);
    const and = range.clauses.map((c) => ` AND ${c}`).join('');
    const period = periodSql(grain, q.by);
    const sums = wideColumns(q.allModalities).map((c) => `sum(${c}) AS ${c}`).join(', ');
    if (!codesB && codesA.length === 1) {
      return prepareCached(db, `SELECT ${period} AS period, ${sums} FROM rollup_single_${grain} WHERE country3 = ?${and} GROUP BY 1 ORDER BY 1`)
        .all(codesA[0], ...range.params) as Row[];
    }
    const table = `rollup_pair_${grain}`;
    const r = range.params;
    let branches: Array<[string, unknown[]]>;
    if (!codesB) {
      // Source side, then target side without the rows already counted on the source side.
      branches = [
        [`source3 IN (${marks(codesA)})`, [...codesA, ...r]],
        [`target3 IN (${marks(codesA)}) AND source3 NOT IN (${marks(codesA)})`, [...codesA, ...codesA, ...r]],
      ];
    } else {
      // A→B, then B→A minus what A→B already has: each branch is one clustered key range.
      const ab = `source3 IN (${marks(codesA)}) AND target3 IN (${marks(codesB)})`;
      const ba = `source3 IN (${marks(codesB)}) AND target3 IN (${marks(codesA)}) AND NOT (${ab})`;
      branches = [[ab, [...codesA, ...codesB, ...r]]];
      if (!q.directed) branches.push([ba, [...codesB, ...codesA, ...codesA, ...codesB, ...r]]);
    }
    // Each branch is summed on its own (a key range read in order); timeline() adds the branches up.
    return branches.flatMap(([b, params]) =>
      prepareCached(db, `SELECT ${period} AS period, ${sums} FROM ${table} WHERE ${b}${and} GROUP BY 1`).all(...params) as Row[]);
  }
  const side = (column: 'source' | 'target', codes: string[]): { sql: string; params: string[] } => ({
    sql: `(${codes.map(() => `(${column} >= ? AND ${column} < ?)`).join(' OR ')})`,
    params: codes.flatMap(prefixRange),
  });
  const w = new Where();
  if (!codesB) {
    const s = side('source', codesA);
    const t = side('target', codesA);
    w.add(`(${s.sql} OR ${t.sql})`, ...s.params, ...t.params);
  } else {
    const ab = [side('source', codesA), side('target', codesB)];
    const ba = [side('source', codesB), side('target', codesA)];
    const pair = (p: typeof ab): string => `(${p[0]!.sql} AND ${p[1]!.sql})`;
    if (q.directed) w.add(pair(ab), ...ab.flatMap((p) => p.params));
    else w.add(`(${pair(ab)} OR ${pair(ba)})`, ...ab.flatMap((p) => p.params), ...ba.flatMap((p) => p.params));
  }
  w.range('day', q);
  const sums = wideColumns(q.allModalities).map((c) => `sum(${FOLD_DYAD[c]}) AS ${c}`).join(', ');
  return prepareCached(db, `SELECT ${periodSql('day', q.by)} AS period, ${sums} FROM rollup_dyad_day ${w.sql} GROUP BY 1 ORDER BY 1`)
    .all(...w.params) as Row[];
}

/** Event counts by quad class and Goldstein per period, read from the roll-ups. */
export function timeline(db: Database, q: TimelineQuery): TimelineResult {
  const by = q.by ?? 'day';
  const codesA = resolveActorCodes(db, q.a);
  if (!codesA.length) throw new Error(`no actor code known for '${q.a}'`);
  const codesB = q.b === undefined ? null : resolveActorCodes(db, q.b);
  if (codesB && !codesB.length) throw new Error(`no actor code known for '${q.b}'`);
  const rows = timelineRows(db, codesA, codesB, { ...q, by });
  const buckets = new Map<string, TimelineBucket>();
  const bucket = (period: string): TimelineBucket => {
    let b = buckets.get(period);
    if (!b) {
      b = { period, events: 0, quad1: 0, quad2: 0, quad3: 0, quad4: 0, goldsteinSum: 0, goldsteinMean: null, modalities: {} };
      buckets.set(period, b);
    }
    return b;
  };
  const prefix = q.allModalities ? 'all_' : '';
  for (const r of rows) {
    const b = bucket(bucketOf(r.period as string, by));
    const add = (modality: Modality, n: number): void => {
      if (n) b.modalities[modality] = (b.modalities[modality] ?? 0) + n;
    };
    add('asserted', Number(r.events));
    for (const m of OTHER_MODALITIES) add(m, Number(r[m]));
    b.events += Number(r[`${prefix}events`]);
    b.quad1 += Number(r[`${prefix}quad1`]);
    b.quad2 += Number(r[`${prefix}quad2`]);
    b.quad3 += Number(r[`${prefix}quad3`]);
    b.quad4 += Number(r[`${prefix}quad4`]);
    b.goldsteinSum += Number(r[`${prefix}goldstein_sum`]);
  }
  const periods = fillPeriods([...buckets.keys()], by, q);
  return {
    a: { query: q.a, codes: codesA },
    b: codesB && q.b !== undefined ? { query: q.b, codes: codesB } : null,
    by,
    allModalities: !!q.allModalities,
    buckets: periods.map((p) => {
      const b = bucket(p);
      b.goldsteinSum = Math.round(b.goldsteinSum * 100) / 100;
      b.goldsteinMean = b.events ? Math.round((b.goldsteinSum / b.events) * 100) / 100 : null;
      return b;
    }),
  };
}

/** The first day of a bound given as a month or a year. */
function fullDay(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Calendar arithmetic without Date objects: a timeline over ten years fills 3,650 days. */
function advanceDays(day: { y: number; m: number; d: number }, n: number): void {
  day.d += n;
  for (;;) {
    const leap = day.m === 2 && (day.y % 4 === 0 && (day.y % 100 !== 0 || day.y % 400 === 0));
    const length = MONTH_DAYS[day.m - 1]! + (leap ? 1 : 0);
    if (day.d <= length) return;
    day.d -= length;
    day.m++;
    if (day.m > 12) {
      day.m = 1;
      day.y++;
    }
  }
}

/** Every period from the first to the last (or the asked range), so gaps show as zeros. */
export function fillPeriods(seen: string[], by: Granularity, range: DateRange): string[] {
  const sorted = [...seen].sort();
  const first = range.from ? bucketOf(fullDay(range.from), by) : sorted[0];
  const last = range.to ? bucketOf(fullDay(throughEnd(range.to)), by) : sorted[sorted.length - 1];
  if (!first || !last) return sorted;
  const out: string[] = [];
  // Bounded so a wide range at day granularity cannot produce an unbounded list.
  if (by !== 'month') {
    const step = by === 'day' ? 1 : 7;
    const [y0, m0, d0] = first.split('-').map(Number) as [number, number, number];
    const day = { y: y0, m: m0, d: d0 };
    for (let p = first, n = 0; p <= last && n < 20_000; n++) {
      out.push(p);
      advanceDays(day, step);
      p = `${day.y}-${day.m < 10 ? '0' : ''}${day.m}-${day.d < 10 ? '0' : ''}${day.d}`;
    }
    return out;
  }
  for (let p = first, n = 0; p <= last && n < 20_000; n++) {
    out.push(p);
    const [y, m] = p.split('-').map(Number) as [number, number];
    p = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return out;
}

// ---- entities ----------------------------------------------------------------------------------

export interface EntityQuery extends Paging {
  /** Name or alias contains this (normalised). */
  q?: string;
  type?: string;
  actor?: string;
}

export interface EntityRow {
  id: number;
  name: string;
  type: string;
  country: string | null;
  actor: string | null;
  firstDay: string | null;
  lastDay: string | null;
  articles: number;
  mentions: number;
}

const ENTITY_COLUMNS = `e.id AS id, e.name AS name, e.type AS type, e.country AS country, e.actor AS actor,
  e.first_day AS firstDay, e.last_day AS lastDay, e.num_articles AS articles, e.num_mentions AS mentions`;

export function entities(db: Database, q: EntityQuery = {}): Page<EntityRow> {
  const { limit, offset } = paging(q);
  const w = new Where();
  if (q.q) w.add(`e.id IN (SELECT entity FROM entity_names WHERE norm LIKE ? ESCAPE '\\')`, `%${normName(q.q).replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (q.type) w.add('e.type = ?', q.type);
  if (q.actor) w.add('e.id IN (SELECT entity FROM entity_actors WHERE actor >= ? AND actor < ?)', ...prefixRange(q.actor));
  const total = db.prepare(`SELECT count(*) FROM entities e ${w.sql}`).pluck().get(...w.params) as number;
  const items = db
    .prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e ${w.sql} ORDER BY e.num_articles DESC, e.id LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as EntityRow[];
  return { items, total, limit, offset };
}

export interface EntityDetail extends EntityRow {
  aliases: Array<{ name: string; articles: number }>;
  roles: Array<{ role: string; firstDay: string | null; lastDay: string | null; articles: number }>;
  actorHistory: Array<{ actor: string; firstDay: string | null; lastDay: string | null; articles: number }>;
  /** Per day (from the speaker roll-up): statements made, events as source and as target. */
  activity: Array<{ day: string; statements: number; eventsAsSource: number; eventsAsTarget: number }>;
  statements: Page<StatementRow>;
  eventsAsSource: Page<EventRow>;
  eventsAsTarget: Page<EventRow>;
  /** Other entities the name also matched, best attested first. */
  alsoMatched: EntityRow[];
}

/** Everything the corpus knows about one entity, found by id, name or alias; null when unknown. */
export function entity(db: Database, nameOrId: string, q: Paging & { allModalities?: boolean } = {}): EntityDetail | null {
  const ids = resolveEntityIds(db, nameOrId);
  if (!ids.length) return null;
  const rows = ids
    .map((id) => db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`).get(id) as EntityRow | undefined)
    .filter((r): r is EntityRow => r !== undefined);
  const main = rows[0];
  if (!main) return null;
  const id = main.id;
  return {
    ...main,
    aliases: db
      .prepare('SELECT name, num_articles AS articles FROM entity_names WHERE entity = ? ORDER BY num_articles DESC, name')
      .all(id) as EntityDetail['aliases'],
    roles: db
      .prepare(
        `SELECT role, first_day AS firstDay, last_day AS lastDay, num_articles AS articles FROM entity_roles
         WHERE entity = ? ORDER BY coalesce(last_day, '') DESC, num_articles DESC`,
      )
      .all(id) as EntityDetail['roles'],
    actorHistory: db
      .prepare(
        `SELECT actor, first_day AS firstDay, last_day AS lastDay, num_articles AS articles FROM entity_actors
         WHERE entity = ? ORDER BY coalesce(first_day, ''), actor`,
      )
      .all(id) as EntityDetail['actorHistory'],
    activity: db
      .prepare(
        `SELECT day, statements, events_as_source AS eventsAsSource, events_as_target AS eventsAsTarget
         FROM rollup_speaker_day WHERE entity = ? ORDER BY day`,
      )
      .all(id) as EntityDetail['activity'],
    statements: statements(db, { speaker: String(id), limit: q.limit ?? 20, offset: q.offset }),
    eventsAsSource: events(db, { sourceEntity: id, allModalities: q.allModalities, limit: q.limit ?? 20, offset: q.offset }),
    eventsAsTarget: events(db, { targetEntity: id, allModalities: q.allModalities, limit: q.limit ?? 20, offset: q.offset }),
    alsoMatched: rows.slice(1),
  };
}

// ---- events ------------------------------------------------------------------------------------

export interface EventQuery extends Paging, DateRange {
  /** Actor code prefix on either side (or the source side when `target` is given). */
  actor?: string;
  target?: string;
  sourceEntity?: number;
  targetEntity?: number;
  /** CAMEO code prefix: "04" for the consult family, "0431" for one code. */
  code?: string;
  issue?: string;
  /** GDELT quad class 1–4. */
  quad?: number;
  /** Only events of this modality (overrides the asserted-only default). */
  modality?: Modality;
  allModalities?: boolean;
}

export interface EventRow {
  id: number;
  day: string | null;
  date: string | null;
  source: string | null;
  target: string | null;
  sourceName: string | null;
  targetName: string | null;
  code: string;
  root: string;
  plover: string | null;
  ploverMode: string | null;
  modality: Modality;
  location: string | null;
  goldstein: number;
  quad: number;
  numArticles: number;
  numSources: number;
  numReports: number;
  /** The first article that reported it, and its URL. */
  article: string;
  url: string | null;
  /** The words of the first report that show the event. */
  evidence: string;
  /** 1 when the first report's evidence is in its article's lead paragraph (GDELT's IsRootEvent). */
  lead: number;
}

export const EVENT_COLUMNS = `ev.id AS id, ev.day AS day, ev.date AS date, nullif(ev.source, '') AS source,
  nullif(ev.target, '') AS target, se.name AS sourceName, te.name AS targetName, ev.code AS code, ev.root AS root,
  ev.plover AS plover, ev.plover_mode AS ploverMode, ev.modality AS modality,
  (SELECT r.location FROM event_reports r WHERE r.event = ev.id ORDER BY r.id LIMIT 1) AS location,
  ev.goldstein AS goldstein, ev.quad AS quad, ev.num_articles AS numArticles, ev.num_sources AS numSources,
  ev.num_reports AS numReports, a.id AS article, a.url AS url,
  (SELECT substr(a.text, r.start + 1, r.end - r.start) FROM event_reports r
   WHERE r.event = ev.id AND r.article = ev.first_article ORDER BY r.id LIMIT 1) AS evidence,
  (SELECT r.start < coalesce(nullif(instr(a.text, char(10) || char(10)), 0), length(a.text) + 1)
   FROM event_reports r WHERE r.event = ev.id AND r.article = ev.first_article ORDER BY r.id LIMIT 1) AS lead`;

export const EVENT_FROM = `FROM events ev JOIN articles a ON a.rowid = ev.first_article
  LEFT JOIN entities se ON se.id = ev.source_entity LEFT JOIN entities te ON te.id = ev.target_entity`;

export function eventWhere(q: EventQuery): Where {
  const w = new Where().range('ev.day', q);
  if (q.modality) w.add('ev.modality = ?', q.modality);
  else if (!q.allModalities) w.add("ev.modality = 'asserted'");
  if (q.quad !== undefined) w.add('ev.quad = ?', q.quad);
  if (q.actor && q.target) {
    w.add('ev.source >= ? AND ev.source < ?', ...prefixRange(q.actor));
    w.add('ev.target >= ? AND ev.target < ?', ...prefixRange(q.target));
  } else if (q.actor) {
    w.add('((ev.source >= ? AND ev.source < ?) OR (ev.target >= ? AND ev.target < ?))', ...prefixRange(q.actor), ...prefixRange(q.actor));
  }
  if (q.sourceEntity !== undefined) w.add('ev.source_entity = ?', q.sourceEntity);
  if (q.targetEntity !== undefined) w.add('ev.target_entity = ?', q.targetEntity);
  if (q.code) w.add('ev.code >= ? AND ev.code < ?', ...prefixRange(q.code));
  if (q.issue) w.add('ev.id IN (SELECT event FROM event_issues WHERE issue = ?)', q.issue);
  return w;
}

/** Merged events (one row per real-world event, with how many articles and sources report it). */
export function events(db: Database, q: EventQuery = {}): Page<EventRow> {
  const { limit, offset } = paging(q);
  const w = eventWhere(q);
  const total = db.prepare(`SELECT count(*) FROM events ev ${w.sql}`).pluck().get(...w.params) as number;
  const items = db
    .prepare(`SELECT ${EVENT_COLUMNS} ${EVENT_FROM} ${w.sql} ORDER BY ev.day DESC, ev.id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, limit, offset) as EventRow[];
  return { items, total, limit, offset };
}

// ---- issues ------------------------------------------------------------------------------------

export interface IssueRow {
  id: string;
  label: string;
  articles: number;
  statements: number;
  events: number;
  /** Sum of progress signals over all articles. */
  progress: number;
  firstDay: string | null;
  lastDay: string | null;
}

export interface IssueListQuery extends Paging, DateRange {}

export function issues(db: Database, q: IssueListQuery = {}): Page<IssueRow> {
  const { limit, offset } = paging(q);
  const w = new Where().range('r.day', q);
  const total = db.prepare('SELECT count(*) FROM issues').pluck().get() as number;
  const items = (
    db
      .prepare(
        `SELECT i.id AS id, i.label AS label, coalesce(sum(r.articles), 0) AS articles,
         coalesce(sum(r.statements), 0) AS statements, coalesce(sum(r.events), 0) AS events,
         coalesce(sum(r.progress), 0) AS progress, min(r.day) AS firstDay, max(r.day) AS lastDay
         FROM issues i LEFT JOIN rollup_issue_day r ON r.issue = i.id ${w.sql ? `AND ${w.clauses.join(' AND ')}` : ''}
         GROUP BY i.id ORDER BY articles DESC, statements DESC, i.id LIMIT ? OFFSET ?`,
      )
      .all(...w.params, limit, offset) as IssueRow[]
  );
  return { items, total, limit, offset };
}

export interface IssueQuery extends DateRange {
  by?: Granularity;
}

export interface IssueBucket {
  period: string;
  articles: number;
  statements: number;
  events: number;
  progress: number;
  /** Progress summed from the first period up to this one. */
  runningProgress: number;
  stances: Record<Stance, number>;
}

export interface StanceChange {
  actor: string;
  stance: Stance;
  day: string | null;
  article: string;
  /** The statement that expresses it, when the analysis linked one. */
  statement: number | null;
}

export interface IssueActor {
  actor: string;
  /** The latest stance taken (a neutral mention does not replace it). */
  current: Stance;
  /** Day of the latest statement of the current stance. */
  since: string | null;
  history: StanceChange[];
  /** Each time a taken stance differs from the one before it. */
  reversals: Array<{ from: Stance; to: Stance; article: string; day: string | null }>;
}

/** Actors' stance histories through the issue layer's own rules (src/issues/timeline.ts). */
function stanceActors(id: string, label: string, changes: StanceChange[]): IssueActor[] {
  const items = changes.map((c, i) => ({
    id: String(i), date: c.day,
    issues: [{ id, label, quotes: [], events: [], progress: 0, stances: [{ actor: c.actor, stance: c.stance }] }],
  }));
  return stanceHistory(items, id).map((h) => {
    const rows = h.points.map((p) => changes[Number(p.article)]!);
    const last = [...rows].reverse().find((r) => r.stance === h.current);
    return {
      actor: h.actor, current: h.current, since: last?.day ?? null, history: rows,
      reversals: h.changes.map((c) => ({ from: c.from, to: c.to, article: changes[Number(c.article)]!.article, day: c.date })),
    };
  });
}

export interface IssueDetail extends IssueRow {
  by: Granularity;
  buckets: IssueBucket[];
  /** Each actor's stances in date order, its reversals, and where it stands now. */
  actors: IssueActor[];
  /** Who speaks about the issue, most statements first. */
  speakers: Array<{ entity: number | null; name: string; statements: number }>;
  /** The issue's statements, latest first (paged by the query's limit/offset). */
  statementList: Page<StatementRow>;
}

/** One issue across the corpus: its timeline, running progress index, actors and their stances. */
export function issue(db: Database, id: string, q: IssueQuery & Paging = {}): IssueDetail | null {
  const head = issues(db, { ...q, limit: 1000 }).items.find((i) => i.id === id);
  if (!head) return null;
  const by = q.by ?? 'day';
  const w = new Where().add('issue = ?', id).range('day', q);
  const rows = db.prepare(`SELECT * FROM rollup_issue_day ${w.sql} ORDER BY day`).all(...w.params) as Row[];
  const byPeriod = new Map<string, IssueBucket>();
  const bucket = (period: string): IssueBucket => {
    let b = byPeriod.get(period);
    if (!b) {
      b = { period, articles: 0, statements: 0, events: 0, progress: 0, runningProgress: 0,
        stances: { supports: 0, opposes: 0, conditional: 0, neutral: 0 } };
      byPeriod.set(period, b);
    }
    return b;
  };
  for (const r of rows) {
    const b = bucket(bucketOf(r.day as string, by));
    b.articles += Number(r.articles);
    b.statements += Number(r.statements);
    b.events += Number(r.events);
    b.progress += Number(r.progress);
    for (const s of ['supports', 'opposes', 'conditional', 'neutral'] as const) b.stances[s] += Number(r[s]);
  }
  let running = 0;
  const buckets = fillPeriods([...byPeriod.keys()], by, q).map((p) => {
    const b = bucket(p);
    running += b.progress;
    b.runningProgress = running;
    return b;
  });
  const sw = new Where().add('s.issue = ?', id).range('s.day', q);
  const changes = db
    .prepare(
      `SELECT s.actor AS actor, s.stance AS stance, s.day AS day, a.id AS article, s.quote AS statement
       FROM issue_stances s JOIN articles a ON a.rowid = s.article ${sw.sql}
       ORDER BY coalesce(s.day, ''), s.article, s.rowid`,
    )
    .all(...sw.params) as StanceChange[];
  const actors = stanceActors(id, head.label, changes);
  const qw = new Where().add('qi.issue = ?', id).range('q.day', q);
  const speakers = db
    .prepare(
      `SELECT q.speaker AS entity, coalesce(e.name, q.speaker_name, '(unattributed)') AS name, count(*) AS statements
       FROM quote_issues qi JOIN quotes q ON q.id = qi.quote LEFT JOIN entities e ON e.id = q.speaker ${qw.sql}
       GROUP BY coalesce(CAST(q.speaker AS TEXT), q.speaker_name) ORDER BY statements DESC, name LIMIT 50`,
    )
    .all(...qw.params) as IssueDetail['speakers'];
  return {
    ...head, by, buckets, actors, speakers,
    statementList: statements(db, { issue: id, from: q.from, to: q.to, limit: q.limit ?? 20, offset: q.offset }),
  };
}

// ---- streams for exports -----------------------------------------------------------------------

/** A stored article as one line of `--format jsonl`: the analysis, plus its duplicate link. */
export type StoredArticleLine = Analysis & { duplicateOf?: string; duplicateKind?: 'exact' | 'near' };

export function* eachArticle(db: Database, q: { duplicates?: boolean } = {}): IterableIterator<StoredArticleLine> {
  const where = q.duplicates === false ? 'WHERE a.duplicate_of IS NULL' : '';
  const rows = db
    .prepare(
      `SELECT a.text AS text, a.analysis AS blob, d.id AS duplicateOf, a.duplicate_kind AS duplicateKind
       FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of ${where} ORDER BY a.rowid`,
    )
    .iterate() as IterableIterator<Row>;
  for (const r of rows) {
    const analysis: StoredArticleLine = unpackAnalysis(r.blob as Buffer, r.text as string);
    if (r.duplicateOf) {
      analysis.duplicateOf = r.duplicateOf as string;
      analysis.duplicateKind = r.duplicateKind as 'exact' | 'near';
    }
    yield analysis;
  }
}

export function* eachEvent(db: Database, q: EventQuery = {}): IterableIterator<EventRow> {
  const w = eventWhere(q);
  yield* db.prepare(`SELECT ${EVENT_COLUMNS} ${EVENT_FROM} ${w.sql} ORDER BY ev.id`).iterate(...w.params) as IterableIterator<EventRow>;
}

export function* eachStatement(db: Database, q: StatementQuery = {}): IterableIterator<StatementRow> {
  const w = statementWhere(db, q);
  const rows = db
    .prepare(
      `SELECT ${STATEMENT_COLUMNS} FROM quotes q JOIN articles a ON a.rowid = q.article
       LEFT JOIN entities e ON e.id = q.speaker ${w.sql} ORDER BY q.id`,
    )
    .iterate(...w.params) as IterableIterator<Row>;
  for (const r of rows) yield statementRow(r);
}

export interface EntityExportRow extends EntityRow {
  aliases: string[];
  roles: string[];
  actors: string[];
}

export function* eachEntity(db: Database): IterableIterator<EntityExportRow> {
  // Unit separator: names and roles may contain any printable character.
  const rows = db
    .prepare(
      `SELECT ${ENTITY_COLUMNS},
       (SELECT group_concat(name, char(31)) FROM entity_names n WHERE n.entity = e.id) AS aliases,
       (SELECT group_concat(role, char(31)) FROM entity_roles r WHERE r.entity = e.id) AS roles,
       (SELECT group_concat(actor, char(31)) FROM entity_actors x WHERE x.entity = e.id) AS actors
       FROM entities e ORDER BY e.id`,
    )
    .iterate() as IterableIterator<Row>;
  const list = (v: unknown): string[] => (v ? (v as string).split('\u001f') : []);
  for (const r of rows) {
    yield { ...(r as unknown as EntityRow), aliases: list(r.aliases), roles: list(r.roles), actors: list(r.actors) };
  }
}
