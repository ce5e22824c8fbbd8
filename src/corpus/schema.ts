import type { Database } from 'better-sqlite3';

// The SQLite schema as an ordered list of migrations. PRAGMA user_version records how many have
// run; opening a database runs the missing ones in one transaction each, so an old database is
// upgraded in place and a half-applied migration never persists. Never edit a shipped migration:
// append a new one.
//
// Conventions: `day` columns hold a full ISO day (YYYY-MM-DD) or NULL when only a month or year is
// known; actor and location columns of merged events hold '' for "none" so the merge index can
// compare them with `=`.

const V1 = `
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  date TEXT,
  day TEXT,
  title TEXT,
  source TEXT,
  url TEXT,
  text TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  signature BLOB NOT NULL,
  duplicate_of INTEGER REFERENCES articles(rowid),
  duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
  duplicate_similarity REAL,
  analysis BLOB NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_day ON articles(day);
CREATE INDEX articles_duplicate ON articles(duplicate_of);
CREATE TABLE article_bands (
  key INTEGER NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY (key, article)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  norm TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT,
  actor TEXT,
  first_day TEXT,
  last_day TEXT,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_norm ON entities(norm);
CREATE INDEX entities_actor ON entities(actor);
CREATE TABLE entity_names (
  norm TEXT NOT NULL,
  entity INTEGER NOT NULL,
  name TEXT NOT NULL,
  num_articles INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (norm, entity)
) WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity);
CREATE TABLE entity_roles (
  entity INTEGER NOT NULL,
  role TEXT NOT NULL,
  first_day TEXT,
  last_day TEXT,
  num_articles INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity, role)
) WITHOUT ROWID;
CREATE TABLE entity_actors (
  entity INTEGER NOT NULL,
  actor TEXT NOT NULL,
  first_day TEXT,
  last_day TEXT,
  num_articles INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity, actor)
) WITHOUT ROWID;
CREATE TABLE article_entities (
  article INTEGER NOT NULL,
  local TEXT NOT NULL,
  entity INTEGER NOT NULL,
  PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity);
CREATE TABLE mentions (
  article INTEGER NOT NULL,
  entity INTEGER NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL,
  local TEXT NOT NULL,
  type TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker INTEGER,
  speaker_name TEXT,
  cue TEXT,
  via TEXT,
  date TEXT,
  day TEXT,
  confidence REAL
);
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker, day);
CREATE INDEX quotes_day ON quotes(day);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, speaker_name, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE quote_issues (
  quote INTEGER NOT NULL,
  issue TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (quote, issue)
) WITHOUT ROWID;
CREATE INDEX quote_issues_issue ON quote_issues(issue);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  day TEXT,
  date TEXT,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  root TEXT NOT NULL,
  code TEXT NOT NULL,
  plover TEXT,
  plover_mode TEXT,
  modality TEXT NOT NULL,
  location TEXT NOT NULL,
  goldstein REAL NOT NULL,
  quad INTEGER NOT NULL,
  source_entity INTEGER,
  target_entity INTEGER,
  first_article INTEGER NOT NULL,
  num_articles INTEGER NOT NULL DEFAULT 0,
  num_sources INTEGER NOT NULL DEFAULT 0,
  num_reports INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_merge ON events(source, target, root, modality, location, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_target ON events(target, day);
CREATE TABLE event_reports (
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL,
  article INTEGER NOT NULL,
  local TEXT NOT NULL,
  code TEXT NOT NULL,
  source TEXT,
  target TEXT,
  source_entity INTEGER,
  target_entity INTEGER,
  goldstein REAL NOT NULL,
  quad INTEGER NOT NULL,
  modality TEXT NOT NULL,
  date TEXT,
  location TEXT,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  quote INTEGER
);
CREATE INDEX event_reports_event ON event_reports(event);
CREATE INDEX event_reports_article ON event_reports(article);
CREATE TABLE event_sources (
  event INTEGER NOT NULL,
  source TEXT NOT NULL,
  PRIMARY KEY (event, source)
) WITHOUT ROWID;
CREATE TABLE event_articles (
  event INTEGER NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY (event, article)
) WITHOUT ROWID;
CREATE TABLE report_issues (
  report INTEGER NOT NULL,
  issue TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  PRIMARY KEY (report, issue)
) WITHOUT ROWID;
CREATE TABLE event_issues (
  event INTEGER NOT NULL,
  issue TEXT NOT NULL,
  PRIMARY KEY (event, issue)
) WITHOUT ROWID;
CREATE INDEX event_issues_issue ON event_issues(issue);

CREATE TABLE issues (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL
);
CREATE TABLE article_issues (
  article INTEGER NOT NULL,
  issue TEXT NOT NULL,
  day TEXT,
  progress INTEGER NOT NULL,
  PRIMARY KEY (article, issue)
) WITHOUT ROWID;
CREATE INDEX article_issues_issue ON article_issues(issue, day);
CREATE TABLE issue_stances (
  article INTEGER NOT NULL,
  issue TEXT NOT NULL,
  actor TEXT NOT NULL,
  stance TEXT NOT NULL,
  day TEXT,
  quote INTEGER,
  start INTEGER,
  end INTEGER
);
CREATE INDEX issue_stances_issue ON issue_stances(issue, day);

CREATE TABLE rollup_dyad_day (
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  day TEXT NOT NULL,
  modality TEXT NOT NULL,
  events INTEGER NOT NULL,
  quad1 INTEGER NOT NULL,
  quad2 INTEGER NOT NULL,
  quad3 INTEGER NOT NULL,
  quad4 INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY (source, target, day, modality)
) WITHOUT ROWID;
CREATE INDEX rollup_dyad_target ON rollup_dyad_day(target, source, day);
-- The same counts by country (first three letters of each code): most timelines ask for countries,
-- and these rows are clustered so that a country pair is one contiguous range; the covering index
-- serves "everything with X as target" without touching the table.
CREATE TABLE rollup_country_day (
  source3 TEXT NOT NULL,
  target3 TEXT NOT NULL,
  day TEXT NOT NULL,
  modality TEXT NOT NULL,
  events INTEGER NOT NULL,
  quad1 INTEGER NOT NULL,
  quad2 INTEGER NOT NULL,
  quad3 INTEGER NOT NULL,
  quad4 INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  PRIMARY KEY (source3, target3, day, modality)
) WITHOUT ROWID;
CREATE INDEX rollup_country_target ON rollup_country_day(target3, source3, day, modality, events, quad1, quad2, quad3, quad4, goldstein_sum);
CREATE TABLE rollup_issue_day (
  issue TEXT NOT NULL,
  day TEXT NOT NULL,
  statements INTEGER NOT NULL DEFAULT 0,
  events INTEGER NOT NULL DEFAULT 0,
  articles INTEGER NOT NULL DEFAULT 0,
  progress INTEGER NOT NULL DEFAULT 0,
  supports INTEGER NOT NULL DEFAULT 0,
  opposes INTEGER NOT NULL DEFAULT 0,
  conditional INTEGER NOT NULL DEFAULT 0,
  neutral INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (issue, day)
) WITHOUT ROWID;
CREATE TABLE rollup_speaker_day (
  entity INTEGER NOT NULL,
  day TEXT NOT NULL,
  statements INTEGER NOT NULL DEFAULT 0,
  events_as_source INTEGER NOT NULL DEFAULT 0,
  events_as_target INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity, day)
) WITHOUT ROWID;
`;


// Migration 2: the country roll-ups, wide. One row per country pair (and per single country) and
// day, and again per month, with the asserted counts in their own columns and the other
// modalities counted beside them: a timeline reads a quarter of the rows it read per modality,
// and by month a thirtieth. A single country's row counts an event once even when the country is
// both source and target. rollup_country_day is folded into them and dropped.
const COUNT_COLUMNS = `
  events INTEGER NOT NULL DEFAULT 0,
  quad1 INTEGER NOT NULL DEFAULT 0,
  quad2 INTEGER NOT NULL DEFAULT 0,
  quad3 INTEGER NOT NULL DEFAULT 0,
  quad4 INTEGER NOT NULL DEFAULT 0,
  goldstein_sum REAL NOT NULL DEFAULT 0,
  all_events INTEGER NOT NULL DEFAULT 0,
  all_quad1 INTEGER NOT NULL DEFAULT 0,
  all_quad2 INTEGER NOT NULL DEFAULT 0,
  all_quad3 INTEGER NOT NULL DEFAULT 0,
  all_quad4 INTEGER NOT NULL DEFAULT 0,
  all_goldstein_sum REAL NOT NULL DEFAULT 0,
  negated INTEGER NOT NULL DEFAULT 0,
  hypothetical INTEGER NOT NULL DEFAULT 0,
  intended INTEGER NOT NULL DEFAULT 0,
  ongoing INTEGER NOT NULL DEFAULT 0`;

/** The count columns of the wide roll-ups, in table order. */
export const WIDE_COUNTS = [
  'events', 'quad1', 'quad2', 'quad3', 'quad4', 'goldstein_sum',
  'all_events', 'all_quad1', 'all_quad2', 'all_quad3', 'all_quad4', 'all_goldstein_sum',
  'negated', 'hypothetical', 'intended', 'ongoing',
] as const;

const asserted = (c: string): string => `sum(CASE WHEN modality = 'asserted' THEN ${c} ELSE 0 END)`;
const FOLD_MODALITIES = [
  asserted('events'), asserted('quad1'), asserted('quad2'), asserted('quad3'), asserted('quad4'), asserted('goldstein_sum'),
  'sum(events)', 'sum(quad1)', 'sum(quad2)', 'sum(quad3)', 'sum(quad4)', 'sum(goldstein_sum)',
  ...['negated', 'hypothetical', 'intended', 'ongoing'].map((m) => `sum(CASE WHEN modality = '${m}' THEN events ELSE 0 END)`),
].join(', ');
const SUM_WIDE = WIDE_COUNTS.map((c) => `sum(${c})`).join(', ');
const WIDE = WIDE_COUNTS.join(', ');

const V2 = `
CREATE TABLE rollup_pair_day (source3 TEXT NOT NULL, target3 TEXT NOT NULL, day TEXT NOT NULL, ${COUNT_COLUMNS},
  PRIMARY KEY (source3, target3, day)) WITHOUT ROWID;
CREATE TABLE rollup_pair_month (source3 TEXT NOT NULL, target3 TEXT NOT NULL, month TEXT NOT NULL, ${COUNT_COLUMNS},
  PRIMARY KEY (source3, target3, month)) WITHOUT ROWID;
CREATE TABLE rollup_single_day (country3 TEXT NOT NULL, day TEXT NOT NULL, ${COUNT_COLUMNS},
  PRIMARY KEY (country3, day)) WITHOUT ROWID;
CREATE TABLE rollup_single_month (country3 TEXT NOT NULL, month TEXT NOT NULL, ${COUNT_COLUMNS},
  PRIMARY KEY (country3, month)) WITHOUT ROWID;
INSERT INTO rollup_pair_day (source3, target3, day, ${WIDE})
  SELECT source3, target3, day, ${FOLD_MODALITIES} FROM rollup_country_day GROUP BY source3, target3, day;
INSERT INTO rollup_pair_month (source3, target3, month, ${WIDE})
  SELECT source3, target3, substr(day, 1, 7), ${SUM_WIDE} FROM rollup_pair_day GROUP BY 1, 2, 3;
INSERT INTO rollup_single_day (country3, day, ${WIDE})
  SELECT country3, day, ${SUM_WIDE} FROM (
    SELECT source3 AS country3, day, ${WIDE} FROM rollup_pair_day
    UNION ALL
    SELECT target3, day, ${WIDE} FROM rollup_pair_day WHERE target3 <> source3
  ) GROUP BY country3, day;
INSERT INTO rollup_single_month (country3, month, ${WIDE})
  SELECT country3, substr(day, 1, 7), ${SUM_WIDE} FROM rollup_single_day GROUP BY 1, 2;
DROP TABLE rollup_country_day;
`;

/** Migration i brings user_version from i to i + 1. */
export const MIGRATIONS: readonly string[] = [V1, V2];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations the database has not seen yet; refuses a database from a newer parley. */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this parley understands (${SCHEMA_VERSION}); upgrade parley`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
