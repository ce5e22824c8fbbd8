import type * as Q from './queries.js';
import type { PreparedArticle } from './prepare.js';
import type { WriteOutcome } from './writer.js';

/**
 * The corpus behind one interface: the embedded SQLite store implements it today, a distributed
 * backend later. Writes take whole prepared articles in batches; each batch is atomic (all of it
 * or none of it is stored), which is what makes an interrupted ingest safe to re-run.
 */
export interface Store {
  /** Where the data lives (a file path for SQLite). */
  readonly location: string;

  /** True when an article with this id is stored (as an original or a duplicate). */
  hasArticle(id: string): boolean;
  /** Stores a batch atomically; already-stored ids come back as 'exists' and change nothing. */
  write(batch: PreparedArticle[]): WriteOutcome[];

  stats(): Q.CorpusStats;
  search(q: Q.SearchQuery): Q.Page<Q.SearchHit>;
  timeline(q: Q.TimelineQuery): Q.TimelineResult;
  articles(q?: Q.ArticleQuery): Q.Page<Q.ArticleRow>;
  article(id: string): Q.StoredArticle | null;
  statements(q?: Q.StatementQuery): Q.Page<Q.StatementRow>;
  entities(q?: Q.EntityQuery): Q.Page<Q.EntityRow>;
  entity(nameOrId: string, q?: Q.Paging & { allModalities?: boolean }): Q.EntityDetail | null;
  events(q?: Q.EventQuery): Q.Page<Q.EventRow>;
  issues(q?: Q.IssueListQuery): Q.Page<Q.IssueRow>;
  issue(id: string, q?: Q.IssueQuery & Q.Paging): Q.IssueDetail | null;

  /** Streams for exports: every row, without paging, without holding them all in memory. */
  eachEvent(q?: Q.EventQuery): IterableIterator<Q.EventRow>;
  eachArticle(q?: { duplicates?: boolean }): IterableIterator<Q.StoredArticleLine>;
  eachStatement(q?: Q.StatementQuery): IterableIterator<Q.StatementRow>;
  eachEntity(): IterableIterator<Q.EntityExportRow>;

  close(): void;
}

export type { WriteOutcome, WriteStatus } from './writer.js';
export type { PreparedArticle } from './prepare.js';
