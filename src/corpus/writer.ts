import type { Database, Statement } from 'better-sqlite3';
import type { Analysis, Entity, IssueLabel, PoliticalEvent, Quote } from '../types.js';
import { BAND_COUNT, bandKeys, NEAR_DUPLICATE_JACCARD, signatureFrom, similarity } from './fingerprint.js';
import { addDays, dayOf, normLocation, normName } from './normalize.js';
import type { PreparedArticle } from './prepare.js';
import { WIDE_COUNTS } from './schema.js';

// The write path of the SQLite store: one article at a time, inside the caller's transaction.
// Everything that depends on the article — corpus entities, merged events, roll-ups — is updated
// here, so a committed batch is always complete and a killed process leaves no half-article.

export type WriteStatus = 'stored' | 'exists' | 'duplicate' | 'near-duplicate';

export interface WriteOutcome {
  id: string;
  status: WriteStatus;
  /** For duplicates: the id of the original article. */
  duplicateOf?: string;
  /** For near-duplicates: estimated Jaccard similarity of the shingle sets. */
  similarity?: number;
}

type Row = Record<string, unknown>;

const ADD_COUNTS =
  'events = events + 1, quad1 = quad1 + excluded.quad1, quad2 = quad2 + excluded.quad2, ' +
  'quad3 = quad3 + excluded.quad3, quad4 = quad4 + excluded.quad4, goldstein_sum = goldstein_sum + excluded.goldstein_sum';

/** Adds one event's counts (WIDE_COUNTS order) to a wide roll-up row keyed by `keys`. */
function wideUpsert(table: string, keys: string[]): string {
  const columns = [...keys, ...WIDE_COUNTS];
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${WIDE_COUNTS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
}

/** One event as WIDE_COUNTS values: asserted counts, all-modality counts, the other modalities. */
function wideCounts(ev: PoliticalEvent): number[] {
  const all = [1, ...[1, 2, 3, 4].map((n) => (ev.quad === n ? 1 : 0)), ev.goldstein];
  const asserted = ev.modality === 'asserted' ? all : all.map(() => 0);
  const others = (['negated', 'hypothetical', 'intended', 'ongoing'] as const).map((m) => (ev.modality === m ? 1 : 0));
  return [...asserted, ...all, ...others];
}

/** SQL keeping the earlier / later of a column and @day (a NULL day changes nothing). */
const EARLIEST = (c: string): string =>
  `CASE WHEN @day IS NULL THEN ${c} WHEN ${c} IS NULL OR @day < ${c} THEN @day ELSE ${c} END`;
const LATEST = (c: string): string =>
  `CASE WHEN @day IS NULL THEN ${c} WHEN ${c} IS NULL OR @day > ${c} THEN @day ELSE ${c} END`;

const SQL = {
  articleById: 'SELECT rowid FROM articles WHERE id = ?',
  articleByHash:
    'SELECT rowid, id, duplicate_of FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1',
  articleId: 'SELECT id FROM articles WHERE rowid = ?',
  bandCandidates:
    'SELECT DISTINCT a.rowid AS rowid, a.id AS id, a.signature AS signature FROM article_bands b ' +
    `JOIN articles a ON a.rowid = b.article WHERE b.key IN (${Array(BAND_COUNT).fill('?').join(', ')})`,
  insertArticle:
    'INSERT INTO articles (id, date, day, title, source, url, text, content_hash, signature, ' +
    'duplicate_of, duplicate_kind, duplicate_similarity, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertBand: 'INSERT OR IGNORE INTO article_bands (key, article) VALUES (?, ?)',
  insertArticleFts: 'INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)',

  entityCandidates:
    'SELECT e.id AS id, e.country AS country, e.num_articles AS n FROM entity_names n ' +
    'JOIN entities e ON e.id = n.entity WHERE n.norm = ? AND e.type = ? ORDER BY e.num_articles DESC, e.id',
  insertEntity:
    'INSERT INTO entities (name, norm, type, country, actor, first_day, last_day) VALUES (?, ?, ?, ?, ?, ?, ?)',
  touchEntity:
    'UPDATE entities SET num_articles = num_articles + 1, num_mentions = num_mentions + @mentions, ' +
    'country = coalesce(country, @country), actor = coalesce(@actor, actor), ' +
    `first_day = ${EARLIEST('first_day')}, last_day = ${LATEST('last_day')} WHERE id = @id`,
  upsertName:
    'INSERT INTO entity_names (norm, entity, name, num_articles) VALUES (?, ?, ?, 1) ' +
    'ON CONFLICT (norm, entity) DO UPDATE SET num_articles = num_articles + 1',
  upsertRole:
    'INSERT INTO entity_roles (entity, role, first_day, last_day, num_articles) VALUES (@id, @value, @day, @day, 1) ' +
    'ON CONFLICT (entity, role) DO UPDATE SET num_articles = num_articles + 1, ' +
    `first_day = ${EARLIEST('first_day')}, last_day = ${LATEST('last_day')}`,
  upsertActor:
    'INSERT INTO entity_actors (entity, actor, first_day, last_day, num_articles) VALUES (@id, @value, @day, @day, 1) ' +
    'ON CONFLICT (entity, actor) DO UPDATE SET num_articles = num_articles + 1, ' +
    `first_day = ${EARLIEST('first_day')}, last_day = ${LATEST('last_day')}`,
  insertArticleEntity: 'INSERT OR IGNORE INTO article_entities (article, local, entity) VALUES (?, ?, ?)',
  insertMention: 'INSERT INTO mentions (article, entity, start, end, kind) VALUES (?, ?, ?, ?, ?)',

  insertQuote:
    'INSERT INTO quotes (article, local, type, start, end, text, speaker, speaker_name, cue, via, date, day, confidence) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertQuoteFts: 'INSERT INTO quotes_fts (rowid, text, speaker_name) VALUES (?, ?, ?)',
  insertQuoteIssue: 'INSERT OR IGNORE INTO quote_issues (quote, issue, start, end) VALUES (?, ?, ?, ?)',

  findEvent:
    'SELECT id FROM events WHERE source = ? AND target = ? AND root = ? AND modality = ? AND location = ? ' +
    'AND day BETWEEN ? AND ? ORDER BY abs(julianday(day) - julianday(?)), id LIMIT 1',
  insertEvent:
    'INSERT INTO events (day, date, source, target, root, code, plover, plover_mode, modality, location, ' +
    'goldstein, quad, source_entity, target_entity, first_article) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertReport:
    'INSERT INTO event_reports (event, article, local, code, source, target, source_entity, target_entity, ' +
    'goldstein, quad, modality, date, location, start, end, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertEventArticle: 'INSERT OR IGNORE INTO event_articles (event, article) VALUES (?, ?)',
  insertEventSource: 'INSERT OR IGNORE INTO event_sources (event, source) VALUES (?, ?)',
  countEvent:
    'UPDATE events SET num_reports = num_reports + 1, num_articles = num_articles + ?, ' +
    'num_sources = num_sources + ? WHERE id = ?',
  eventDay: 'SELECT day FROM events WHERE id = ?',
  insertReportIssue: 'INSERT OR IGNORE INTO report_issues (report, issue, start, end) VALUES (?, ?, ?, ?)',
  insertEventIssue: 'INSERT OR IGNORE INTO event_issues (event, issue) VALUES (?, ?)',

  upsertIssue:
    'INSERT INTO issues (id, label) VALUES (?, ?) ON CONFLICT (id) DO NOTHING',
  insertArticleIssue:
    'INSERT OR IGNORE INTO article_issues (article, issue, day, progress) VALUES (?, ?, ?, ?)',
  insertStance:
    'INSERT INTO issue_stances (article, issue, actor, stance, day, quote, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',

  rollDyad:
    'INSERT INTO rollup_dyad_day (source, target, day, modality, events, quad1, quad2, quad3, quad4, goldstein_sum) ' +
    `VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT (source, target, day, modality) DO UPDATE SET ${ADD_COUNTS}`,
  rollPairDay: wideUpsert('rollup_pair_day', ['source3', 'target3', 'day']),
  rollPairMonth: wideUpsert('rollup_pair_month', ['source3', 'target3', 'month']),
  rollSingleDay: wideUpsert('rollup_single_day', ['country3', 'day']),
  rollSingleMonth: wideUpsert('rollup_single_month', ['country3', 'month']),
  rollIssue:
    'INSERT INTO rollup_issue_day (issue, day, statements, events, articles, progress, supports, opposes, conditional, neutral) ' +
    'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issue, day) DO UPDATE SET ' +
    'statements = statements + excluded.statements, events = events + excluded.events, ' +
    'articles = articles + excluded.articles, progress = progress + excluded.progress, ' +
    'supports = supports + excluded.supports, opposes = opposes + excluded.opposes, ' +
    'conditional = conditional + excluded.conditional, neutral = neutral + excluded.neutral',
  rollSpeaker:
    'INSERT INTO rollup_speaker_day (entity, day, statements, events_as_source, events_as_target) VALUES (?, ?, ?, ?, ?) ' +
    'ON CONFLICT (entity, day) DO UPDATE SET statements = statements + excluded.statements, ' +
    'events_as_source = events_as_source + excluded.events_as_source, ' +
    'events_as_target = events_as_target + excluded.events_as_target',
} as const;

type Statements = { [K in keyof typeof SQL]: Statement };

const STANCES = ['supports', 'opposes', 'conditional', 'neutral'] as const;

/** Writes prepared articles into an open database; the caller owns the transaction. */
export class ArticleWriter {
  private readonly s: Statements;

  constructor(db: Database) {
    this.s = Object.fromEntries(
      Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)]),
    ) as Statements;
  }

  hasArticle(id: string): boolean {
    return this.s.articleById.get(id) !== undefined;
  }

  write(p: PreparedArticle): WriteOutcome {
    const a = p.analysis;
    if (this.hasArticle(a.id)) return { id: a.id, status: 'exists' };
    const day = dayOf(a.date);
    const row = (dupOf: number | null, kind: string | null, sim: number | null): number =>
      Number(
        this.s.insertArticle.run(
          a.id, a.date, day, a.title, a.source, a.url, a.text, p.contentHash, p.signature,
          dupOf, kind, sim, p.blob,
        ).lastInsertRowid,
      );

    const same = this.s.articleByHash.get(p.contentHash) as Row | undefined;
    if (same) {
      const original = (same.duplicate_of as number | null) ?? (same.rowid as number);
      row(original, 'exact', 1);
      return { id: a.id, status: 'duplicate', duplicateOf: this.idOf(original) };
    }
    const signature = signatureFrom(p.signature);
    const keys = bandKeys(signature);
    const near = this.nearest(signature, keys);
    if (near) {
      row(near.rowid, 'near', near.similarity);
      return { id: a.id, status: 'near-duplicate', duplicateOf: near.id, similarity: near.similarity };
    }

    const article = row(null, null, null);
    for (const key of keys) this.s.insertBand.run(key, article);
    this.s.insertArticleFts.run(article, a.title ?? '', a.text);
    const entities = this.writeEntities(article, a, day);
    const quotes = this.writeQuotes(article, a, day, entities);
    this.writeEvents(article, a, day, entities, quotes);
    this.writeIssues(article, a, day, quotes);
    return { id: a.id, status: 'stored' };
  }

  private idOf(rowid: number): string {
    return (this.s.articleId.get(rowid) as Row).id as string;
  }

  /** The most similar stored original at or above NEAR_DUPLICATE_JACCARD, via the band index. */
  private nearest(sig: Uint32Array, keys: number[]): { rowid: number; id: string; similarity: number } | null {
    let best: { rowid: number; id: string; similarity: number } | null = null;
    for (const c of this.s.bandCandidates.all(...keys) as Row[]) {
      const sim = similarity(sig, signatureFrom(c.signature as Uint8Array));
      const rowid = c.rowid as number;
      if (sim < NEAR_DUPLICATE_JACCARD) continue;
      if (!best || sim > best.similarity || (sim === best.similarity && rowid < best.rowid)) {
        best = { rowid, id: c.id as string, similarity: sim };
      }
    }
    return best;
  }

  /** Maps each of the article's entities to its corpus entity, creating it when new. */
  private writeEntities(article: number, a: Analysis, day: string | null): Map<string, number> {
    const local = new Map<string, number>();
    const touched = new Set<number>();
    for (const e of a.entities) {
      const id = this.resolveEntity(e);
      local.set(e.id, id);
      this.s.insertArticleEntity.run(article, e.id, id);
      for (const m of e.mentions) this.s.insertMention.run(article, id, m.start, m.end, m.kind);
      if (touched.has(id)) continue;
      touched.add(id);
      this.s.touchEntity.run({ mentions: e.mentions.length, country: entityCountry(e), actor: e.actor, day, id });
      const names = new Map<string, string>();
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const norm = normName(n);
        if (norm && !names.has(norm)) names.set(norm, n);
      }
      for (const [norm, n] of names) this.s.upsertName.run(norm, id, n);
      for (const role of new Set(e.roles ?? [])) this.s.upsertRole.run({ id, value: role, day });
      if (e.actor) this.s.upsertActor.run({ id, value: e.actor, day });
    }
    return local;
  }

  /**
   * One corpus entity per real person or organisation: same normalised name (or alias) and type,
   * and no conflicting country. Among several candidates the best attested wins.
   */
  private resolveEntity(e: Entity): number {
    const country = entityCountry(e);
    const keys = [e.name, ...(e.aliases ?? [])].map(normName).filter((k) => k.length > 0);
    for (const [i, norm] of keys.entries()) {
      const candidates = this.s.entityCandidates.all(norm, e.type) as Row[];
      const fits = candidates.filter((c) => !country || !c.country || c.country === country);
      const exact = fits.find((c) => c.country === country);
      // An alias alone is weak evidence: it must point at a single entity.
      if (i > 0 && fits.length !== 1) continue;
      const pick = exact ?? fits[0];
      if (pick) return pick.id as number;
    }
    const norm = keys[0] ?? normName(e.name);
    return Number(
      this.s.insertEntity.run(e.name, norm, e.type, country, e.actor, null, null).lastInsertRowid,
    );
  }

  private writeQuotes(
    article: number, a: Analysis, day: string | null, entities: Map<string, number>,
  ): Map<string, number> {
    const ids = new Map<string, number>();
    for (const q of a.quotes) {
      const speaker = q.speaker?.entity ? entities.get(q.speaker.entity) ?? null : null;
      const qday = dayOf(q.date) ?? day;
      const text = a.text.slice(q.start, q.end);
      const id = Number(
        this.s.insertQuote.run(
          article, q.id, q.type, q.start, q.end, text, speaker, q.speaker?.name ?? null,
          q.cue?.lemma ?? null, q.via.length ? JSON.stringify(q.via) : null, q.date, qday,
          q.confidence ?? null,
        ).lastInsertRowid,
      );
      ids.set(q.id, id);
      this.s.insertQuoteFts.run(id, text, q.speaker?.name ?? '');
      for (const label of uniqueLabels(q)) {
        this.s.insertQuoteIssue.run(id, label.issue, label.start, label.end);
        if (qday) this.s.rollIssue.run(label.issue, qday, 1, 0, 0, 0, 0, 0, 0, 0);
      }
      if (speaker !== null && qday) this.s.rollSpeaker.run(speaker, qday, 1, 0, 0);
    }
    return ids;
  }

  /** Each report joins the merged event it describes or starts a new one; roll-ups count merged events. */
  private writeEvents(
    article: number, a: Analysis, day: string | null,
    entities: Map<string, number>, quotes: Map<string, number>,
  ): void {
    const outlet = a.source ?? `article:${a.id}`;
    for (const ev of a.events) {
      const source = ev.source.actor ?? '';
      const target = ev.target.actor ?? '';
      const root = ev.code.slice(0, 2);
      const location = normLocation(ev.location);
      const eday = dayOf(ev.date) ?? day;
      const sourceEntity = ev.source.entity ? entities.get(ev.source.entity) ?? null : null;
      const targetEntity = ev.target.entity ? entities.get(ev.target.entity) ?? null : null;
      // Without any actor or day two reports cannot be shown to be the same event.
      const found = (source || target) && eday
        ? (this.s.findEvent.get(source, target, root, ev.modality, location,
            addDays(eday, -1), addDays(eday, 1), eday) as Row | undefined)
        : undefined;
      let event: number;
      if (found) {
        event = found.id as number;
      } else {
        event = Number(
          this.s.insertEvent.run(
            eday, ev.date ?? a.date, source, target, root, ev.code, ev.plover, ev.ploverMode ?? null,
            ev.modality, location, ev.goldstein, ev.quad, sourceEntity, targetEntity, article,
          ).lastInsertRowid,
        );
        if (eday) this.rollNewEvent(ev, source, target, eday, sourceEntity, targetEntity);
      }
      const report = Number(
        this.s.insertReport.run(
          event, article, ev.id, ev.code, ev.source.actor, ev.target.actor, sourceEntity, targetEntity,
          ev.goldstein, ev.quad, ev.modality, ev.date, ev.location, ev.start, ev.end,
          ev.quote ? quotes.get(ev.quote) ?? null : null,
        ).lastInsertRowid,
      );
      const newArticle = this.s.insertEventArticle.run(event, article).changes;
      const newSource = this.s.insertEventSource.run(event, outlet).changes;
      this.s.countEvent.run(newArticle, newSource, event);
      const merged = found ? ((this.s.eventDay.get(event) as Row).day as string | null) : eday;
      for (const label of uniqueLabels(ev)) {
        this.s.insertReportIssue.run(report, label.issue, label.start, label.end);
        const fresh = this.s.insertEventIssue.run(event, label.issue).changes;
        if (fresh && merged) this.s.rollIssue.run(label.issue, merged, 0, 1, 0, 0, 0, 0, 0, 0);
      }
    }
  }

  private rollNewEvent(
    ev: PoliticalEvent, source: string, target: string, day: string,
    sourceEntity: number | null, targetEntity: number | null,
  ): void {
    const q = (n: number): number => (ev.quad === n ? 1 : 0);
    const counts = [day, ev.modality, q(1), q(2), q(3), q(4), ev.goldstein];
    this.s.rollDyad.run(source, target, ...counts);
    const wide = wideCounts(ev);
    const [s3, t3, month] = [source.slice(0, 3), target.slice(0, 3), day.slice(0, 7)];
    this.s.rollPairDay.run(s3, t3, day, ...wide);
    this.s.rollPairMonth.run(s3, t3, month, ...wide);
    for (const country of s3 === t3 ? [s3] : [s3, t3]) {
      this.s.rollSingleDay.run(country, day, ...wide);
      this.s.rollSingleMonth.run(country, month, ...wide);
    }
    if (sourceEntity !== null) this.s.rollSpeaker.run(sourceEntity, day, 0, 1, 0);
    if (targetEntity !== null) this.s.rollSpeaker.run(targetEntity, day, 0, 0, 1);
  }

  private writeIssues(article: number, a: Analysis, day: string | null, quotes: Map<string, number>): void {
    for (const issue of a.issues) {
      this.s.upsertIssue.run(issue.id, issue.label);
      if (this.s.insertArticleIssue.run(article, issue.id, day, issue.progress).changes === 0) continue;
      const counts = { supports: 0, opposes: 0, conditional: 0, neutral: 0 };
      for (const st of issue.stances) {
        this.s.insertStance.run(
          article, issue.id, st.actor, st.stance, day,
          st.quote ? quotes.get(st.quote) ?? null : null, st.start ?? null, st.end ?? null,
        );
        if (st.stance in counts) counts[st.stance]++;
      }
      if (day) {
        this.s.rollIssue.run(issue.id, day, 0, 0, 1, issue.progress, ...STANCES.map((k) => counts[k]));
      }
    }
  }
}

function entityCountry(e: Entity): string | null {
  return e.country ?? (e.actor && /^[A-Z]{3}/.test(e.actor) ? e.actor.slice(0, 3) : null);
}

/** A statement or event's issue labels, one per issue (the first evidence wins). */
function uniqueLabels(x: Quote | PoliticalEvent): IssueLabel[] {
  const seen = new Set<string>();
  return (x.issues ?? []).filter((l) => !seen.has(l.issue) && seen.add(l.issue));
}
