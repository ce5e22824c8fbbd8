import type { EventQuery, EventRow } from './queries.js';
import { csvRow, tsvField } from './format.js';
import type { Store } from './store.js';

// Corpus exports, streamed row by row: GDELT 2.0 event table (tab-separated, its 61 columns),
// POLECAT-style PLOVER JSON lines, full analyses as JSON lines, and CSV tables. The column
// mappings are documented in docs/exports.md.

export type ExportFormat = 'gdelt' | 'plover' | 'jsonl' | 'csv';
export type ExportTable = 'quotes' | 'events' | 'entities';

export interface ExportOptions extends Pick<EventQuery, 'from' | 'to' | 'allModalities'> {
  format: ExportFormat;
  /** What a CSV export holds (default events). */
  what?: ExportTable;
  /** Write a header line in a GDELT export (GDELT's own files have none). */
  header?: boolean;
}

/** The GDELT 2.0 event table's columns, in order. */
export const GDELT_COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  ...actorColumns('Actor1'), ...actorColumns('Actor2'),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...geoColumns('Actor1Geo'), ...geoColumns('Actor2Geo'), ...geoColumns('ActionGeo'),
  'DATEADDED', 'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code',
    'Type1Code', 'Type2Code', 'Type3Code'].map((c) => `${p}${c}`);
}

function geoColumns(p: string): string[] {
  return ['_Type', '_FullName', '_CountryCode', '_ADM1Code', '_ADM2Code', '_Lat', '_Long', '_FeatureID'].map((c) => `${p}${c}`);
}

/** Prefixes of CAMEO actor codes that name a kind of organisation rather than a country. */
const GROUP_PREFIXES = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'INT']);

export interface ActorParts {
  code: string;
  country: string;
  knownGroup: string;
  types: [string, string, string];
}

/** A CAMEO actor code cut into GDELT's parts: RUSGOV → country RUS, type GOV; IGOUNO → group UNO. */
export function splitActorCode(code: string | null): ActorParts {
  const c = code ?? '';
  const triples = c.match(/.{1,3}/g) ?? [];
  if (triples.length && GROUP_PREFIXES.has(triples[0]!)) {
    return { code: c, country: '', knownGroup: triples.slice(1).join(''), types: [triples[0]!, '', ''] };
  }
  return { code: c, country: triples[0] ?? '', knownGroup: '', types: [triples[1] ?? '', triples[2] ?? '', triples[3] ?? ''] };
}

function fractionDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (y + dayOfYear / 365).toFixed(4);
}

export function gdeltRow(e: EventRow): string {
  const day = e.day ?? '';
  const compact = day.replace(/-/g, '');
  const actor = (code: string | null, name: string | null): string[] => {
    const a = splitActorCode(code);
    return [a.code, name ?? a.code, a.country, a.knownGroup, '', '', '', ...a.types];
  };
  const noGeo = ['', '', '', '', '', '', '', ''];
  const actionGeo = e.location ? ['', e.location, '', '', '', '', '', ''] : noGeo;
  const fields: Array<string | number | null> = [
    e.id, compact, compact.slice(0, 6), compact.slice(0, 4), day ? fractionDate(day) : '',
    ...actor(e.source, e.sourceName), ...actor(e.target, e.targetName),
    e.lead, e.code, e.code.slice(0, 3), e.root, e.quad, e.goldstein,
    e.numReports, e.numSources, e.numArticles, '',
    ...noGeo, ...noGeo, ...actionGeo,
    compact ? `${compact}000000` : '', e.url ?? e.article,
  ];
  return fields.map(tsvField).join('\t') + '\n';
}

/** A POLECAT-style record: PLOVER event type and mode, actor/recipient with country and sector. */
export function ploverRecord(e: EventRow): Record<string, unknown> {
  const s = splitActorCode(e.source);
  const t = splitActorCode(e.target);
  return {
    event_id: `parley-${e.id}`,
    event_date: e.date,
    event_type: e.plover,
    event_mode: e.ploverMode,
    modality: e.modality,
    event_intensity: e.goldstein,
    quad_class: e.quad,
    cameo: e.code,
    actor: e.sourceName ?? (e.source || null),
    actor_code: e.source,
    actor_country: s.country || null,
    actor_sector: s.types[0] || s.knownGroup || null,
    recipient: e.targetName ?? (e.target || null),
    recipient_code: e.target,
    recipient_country: t.country || null,
    recipient_sector: t.types[0] || t.knownGroup || null,
    placename: e.location,
    event_text: e.evidence,
    story_id: e.article,
    source_url: e.url,
    num_articles: e.numArticles,
    num_sources: e.numSources,
    num_reports: e.numReports,
  };
}

const QUOTE_HEADER = ['id', 'article', 'date', 'type', 'speaker', 'speaker_entity', 'cue', 'issues', 'start', 'end', 'text'];
const EVENT_HEADER = ['id', 'date', 'source', 'source_name', 'target', 'target_name', 'code', 'root', 'plover', 'modality',
  'goldstein', 'quad', 'location', 'num_articles', 'num_sources', 'num_reports', 'article', 'url', 'evidence'];
const ENTITY_HEADER = ['id', 'name', 'type', 'country', 'actor', 'aliases', 'roles', 'actor_history', 'first_day', 'last_day', 'articles', 'mentions'];

/** The export as a stream of text chunks (lines), so any corpus size fits in memory. */
export function* exportLines(store: Store, o: ExportOptions): IterableIterator<string> {
  const events = (): IterableIterator<EventRow> =>
    store.eachEvent({ from: o.from, to: o.to, allModalities: o.allModalities });
  switch (o.format) {
    case 'gdelt':
      if (o.header) yield GDELT_COLUMNS.join('\t') + '\n';
      for (const e of events()) yield gdeltRow(e);
      return;
    case 'plover':
      for (const e of events()) yield JSON.stringify(ploverRecord(e)) + '\n';
      return;
    case 'jsonl':
      for (const a of store.eachArticle()) yield JSON.stringify(a) + '\n';
      return;
    case 'csv':
      switch (o.what ?? 'events') {
        case 'quotes':
          yield csvRow(QUOTE_HEADER);
          for (const q of store.eachStatement({ from: o.from, to: o.to })) {
            yield csvRow([q.id, q.article, q.date, q.type, q.speaker.name, q.speaker.entity, q.cue, q.issues.join(' '), q.start, q.end, q.text]);
          }
          return;
        case 'events':
          yield csvRow(EVENT_HEADER);
          for (const e of events()) {
            yield csvRow([e.id, e.date, e.source, e.sourceName, e.target, e.targetName, e.code, e.root, e.plover, e.modality,
              e.goldstein, e.quad, e.location, e.numArticles, e.numSources, e.numReports, e.article, e.url, e.evidence]);
          }
          return;
        case 'entities':
          yield csvRow(ENTITY_HEADER);
          for (const e of store.eachEntity()) {
            yield csvRow([e.id, e.name, e.type, e.country, e.actor, e.aliases.join('; '), e.roles.join('; '), e.actors.join(' '),
              e.firstDay, e.lastDay, e.articles, e.mentions]);
          }
          return;
      }
  }
}
