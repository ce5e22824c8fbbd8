import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import * as Q from './queries.js';
import type { PreparedArticle } from './prepare.js';
import { migrate, SCHEMA_VERSION } from './schema.js';
import type { Store } from './store.js';
import { ArticleWriter, type WriteOutcome } from './writer.js';

export interface OpenOptions {
  /** Open for queries only: no migration, no writes (the CLI's query commands and the server). */
  readonly?: boolean;
  /** Cap on the database size in pages (SQLite's max_page_count), e.g. to leave room on a disk. */
  maxPages?: number;
}

/** A storage failure explained in one sentence, naming the database. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Turns SQLite's error codes into a sentence that says what happened and what to do. */
export function explainDbError(err: unknown, path: string): Error {
  const code = (err as { code?: string }).code ?? '';
  const msg = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_FULL')) {
    return new StoreError(`${path}: the disk or the database size limit is full; every batch before this one is saved — free space and run the same command again to finish`, code);
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(`${path}: the database is read-only (check the file's and its directory's permissions); nothing was written`, code);
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(`${path}: cannot open the database (does its directory exist and is it writable?)`, code);
  }
  if (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError(`${path}: not a parley database, or a damaged one (${msg})`, code);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`${path}: the database is locked by another writer (is another 'parley ingest' running?)`, code);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(`${path}: input/output error while writing (${msg}); the last complete batch is saved`, code);
  }
  return err instanceof Error ? err : new Error(msg);
}

/** The embedded corpus store: one SQLite file in WAL mode (readers never wait for the writer). */
export class SqliteStore implements Store {
  readonly location: string;
  readonly db: Database;
  private writer: ArticleWriter | null = null;
  private hasStatement: Statement | null = null;
  private readonly writeBatch: (batch: PreparedArticle[]) => WriteOutcome[];

  private constructor(location: string, db: Database) {
    this.location = location;
    this.db = db;
    const tx = db.transaction((batch: PreparedArticle[]) => {
      this.writer ??= new ArticleWriter(db);
      return batch.map((p) => this.writer!.write(p));
    });
    this.writeBatch = (batch) => tx.immediate(batch);
  }

  /** Opens (and creates or migrates, unless read-only) the database at `path`. */
  static open(path: string, options: OpenOptions = {}): SqliteStore {
    const location = resolve(path);
    if (options.readonly && !existsSync(location)) {
      throw new StoreError(`${path}: no such database (create it with 'parley ingest <inputs> --db ${path}')`, 'ENOENT');
    }
    if (!options.readonly) refuseReadOnlyFile(location, path);
    let db: Database;
    try {
      db = new BetterSqlite3(location, { readonly: !!options.readonly, fileMustExist: !!options.readonly });
    } catch (err) {
      throw explainDbError(err, path);
    }
    try {
      db.pragma('busy_timeout = 5000');
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        // NORMAL in WAL mode: a killed process loses nothing committed; only a power cut may lose
        // the last transactions, and the file stays consistent either way.
        db.pragma('synchronous = NORMAL');
        db.pragma('cache_size = -65536');
        db.pragma('temp_store = MEMORY');
        if (options.maxPages) db.pragma(`max_page_count = ${Math.trunc(options.maxPages)}`);
        migrate(db);
      } else {
        const version = db.pragma('user_version', { simple: true }) as number;
        if (version === 0) throw new StoreError(`${path}: not a parley database (no schema)`, 'SQLITE_NOTADB');
        // A read-only handle cannot migrate, and the queries need the current tables.
        if (version < SCHEMA_VERSION) {
          throw new StoreError(
            `${path}: database schema version ${version} is older than this parley's (${SCHEMA_VERSION}); ` +
              'run `parley ingest` on it once to upgrade it in place',
            'SQLITE_SCHEMA',
          );
        }
      }
    } catch (err) {
      db.close();
      throw explainDbError(err, path);
    }
    return new SqliteStore(location, db);
  }

  hasArticle(id: string): boolean {
    this.hasStatement ??= this.db.prepare('SELECT 1 FROM articles WHERE id = ?');
    return this.hasStatement.get(id) !== undefined;
  }

  write(batch: PreparedArticle[]): WriteOutcome[] {
    try {
      return this.writeBatch(batch);
    } catch (err) {
      throw explainDbError(err, this.location);
    }
  }

  stats(): Q.CorpusStats {
    return Q.stats(this.db);
  }
  search(q: Q.SearchQuery): Q.Page<Q.SearchHit> {
    return Q.search(this.db, q);
  }
  timeline(q: Q.TimelineQuery): Q.TimelineResult {
    return Q.timeline(this.db, q);
  }
  articles(q?: Q.ArticleQuery): Q.Page<Q.ArticleRow> {
    return Q.articles(this.db, q);
  }
  article(id: string): Q.StoredArticle | null {
    return Q.article(this.db, id);
  }
  statements(q?: Q.StatementQuery): Q.Page<Q.StatementRow> {
    return Q.statements(this.db, q);
  }
  entities(q?: Q.EntityQuery): Q.Page<Q.EntityRow> {
    return Q.entities(this.db, q);
  }
  entity(nameOrId: string, q?: Q.Paging & { allModalities?: boolean }): Q.EntityDetail | null {
    return Q.entity(this.db, nameOrId, q);
  }
  events(q?: Q.EventQuery): Q.Page<Q.EventRow> {
    return Q.events(this.db, q);
  }
  issues(q?: Q.IssueListQuery): Q.Page<Q.IssueRow> {
    return Q.issues(this.db, q);
  }
  issue(id: string, q?: Q.IssueQuery & Q.Paging): Q.IssueDetail | null {
    return Q.issue(this.db, id, q);
  }
  eachEvent(q?: Q.EventQuery): IterableIterator<Q.EventRow> {
    return Q.eachEvent(this.db, q);
  }
  eachArticle(q?: { duplicates?: boolean }): IterableIterator<Q.StoredArticleLine> {
    return Q.eachArticle(this.db, q);
  }
  eachStatement(q?: Q.StatementQuery): IterableIterator<Q.StatementRow> {
    return Q.eachStatement(this.db, q);
  }
  eachEntity(): IterableIterator<Q.EntityExportRow> {
    return Q.eachEntity(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * A database file with no write permission bit at all was marked read-only on purpose; refuse it
 * up front (even for root, whom the OS would let write) rather than fail half-way.
 */
function refuseReadOnlyFile(location: string, path: string): void {
  if (existsSync(location)) {
    if ((statSync(location).mode & 0o222) === 0) {
      throw new StoreError(`${path}: the database is read-only (no write permission); nothing was written`, 'SQLITE_READONLY');
    }
  } else if (!existsSync(dirname(location))) {
    throw new StoreError(`${path}: cannot create the database: directory ${dirname(location)} does not exist`, 'SQLITE_CANTOPEN');
  }
}
