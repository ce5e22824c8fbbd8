// Small hand-built analyses for the corpus tests: a few invented wire reports about one meeting,
// written so that the merging rules (same entity, same event, duplicates) have something to do.
import { createHash } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import type { Analysis, Entity, IssueSummary, PoliticalEvent, Quote } from '../src/types.js';

/** Offsets of the n-th occurrence of `needle` in `text`; throws when absent so fixtures stay honest. */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let from = 0;
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, from);
    if (i < 0) throw new Error(`fixture: '${needle}' not found`);
    from = i + 1;
  }
  return { start: i, end: i + needle.length };
}

interface Draft {
  id: string;
  date: string;
  source: string;
  title?: string;
  text: string;
  entities?: Array<Omit<Entity, 'mentions' | 'aliases' | 'gender' | 'country'> & { mention: string; aliases?: string[]; country?: string | null }>;
  quotes?: Array<{ id: string; type: Quote['type']; content: string; speaker: string | null; speakerName: string; issues?: Array<[string, string]>; date?: string }>;
  events?: Array<Omit<PoliticalEvent, 'start' | 'end' | 'rule' | 'issues' | 'plover' | 'quote'> & { evidence: string; issues?: Array<[string, string]>; plover?: string; quote?: string | null }>;
  issues?: IssueSummary[];
}

export function analysis(d: Draft): Analysis {
  const text = d.text;
  return {
    id: d.id,
    date: d.date,
    title: d.title ?? null,
    source: d.source,
    url: `https://example.org/${d.id}`,
    text,
    boilerplate: [],
    entities: (d.entities ?? []).map((e) => ({
      id: e.id, name: e.name, type: e.type, actor: e.actor, country: e.country ?? null, roles: e.roles,
      aliases: e.aliases ?? [], gender: null, mentions: [{ ...at(text, e.mention), kind: 'name' as const }],
    })),
    quotes: (d.quotes ?? []).map((q) => ({
      id: q.id, type: q.type, ...at(text, q.content),
      speaker: { entity: q.speaker, name: q.speakerName, ...at(text, q.speakerName) },
      cue: null, via: [], date: q.date ?? d.date, rule: 'fixture', confidence: 1,
      issues: (q.issues ?? []).map(([issue, words]) => ({ issue, ...at(text, words) })),
    })),
    events: (d.events ?? []).map((e) => {
      const { evidence, issues, plover, quote, ...rest } = e;
      return {
        ...rest, plover: plover ?? 'CONSULT', quote: quote ?? null, rule: 'fixture', ...at(text, evidence),
        issues: (issues ?? []).map(([issue, words]) => ({ issue, ...at(text, words) })),
      };
    }),
    issues: d.issues ?? [],
  };
}

const MEETING = 'Russian envoy Kirill Dmitriev met U.S. officials in Washington on Thursday to discuss resuming direct flights between the two countries. "We made real progress on direct flights today," Dmitriev told reporters after the talks, adding that a second round was planned. The State Department did not comment on the meeting. Officials on both sides described the session as businesslike.';

const SECOND = 'Moscow and Washington held consultations in the U.S. capital on Thursday, Kirill Dmitriev, head of the Russian Direct Investment Fund, said on Friday. He said the sides had discussed air links and business access, but that sanctions remained an obstacle. Russia would not accept new restrictions on its airlines, Dmitriev said in an interview with a state broadcaster. No date was set for a further round.';

const REVERSAL = 'Russia no longer wants to restore direct flights with the United States until sanctions on its airlines are lifted, Kirill Dmitriev said on Thursday, a week after talks in Washington. "There is no point in flights while our carriers are blacklisted," he said in Moscow. U.S. officials declined to respond. Analysts said the remarks marked a hardening of the Russian position on travel links.';

const dmitriev = (id: string, mention: string, actor: string, role: string) => ({
  id, name: 'Kirill Dmitriev', type: 'PERSON' as const, actor, roles: [role], mention, aliases: ['Dmitriev'],
});

/** Three originals about one meeting, a stance reversal, and copies of the first two. */
export function meetingCorpus(): Analysis[] {
  const a1 = analysis({
    id: 'wire-a-1', date: '2025-04-03', source: 'Wire A', title: 'Russian envoy meets U.S. officials', text: MEETING,
    entities: [
      dmitriev('e1', 'Kirill Dmitriev', 'RUSGOV', 'Russian envoy'),
      { id: 'e2', name: 'Washington', type: 'GPE', actor: 'USA', roles: [], mention: 'Washington', country: 'USA' },
      { id: 'e3', name: 'State Department', type: 'ORG', actor: 'USAGOV', roles: [], mention: 'State Department', country: 'USA' },
    ],
    quotes: [{ id: 'q1', type: 'direct', content: 'We made real progress on direct flights today', speaker: 'e1', speakerName: 'Dmitriev', issues: [['direct-flights', 'direct flights']] }],
    events: [
      { id: 'v1', code: '040', source: { actor: 'RUSGOV', entity: 'e1' }, target: { actor: 'USAGOV', entity: null }, goldstein: 1, quad: 1, modality: 'asserted', date: '2025-04-03', location: 'Washington', evidence: 'met U.S. officials in Washington', issues: [['direct-flights', 'direct flights']] },
      { id: 'v2', code: '043', source: { actor: 'RUSGOV', entity: 'e1' }, target: { actor: 'USAGOV', entity: null }, goldstein: 2.8, quad: 1, modality: 'intended', date: '2025-04-03', location: null, evidence: 'a second round was planned' },
    ],
    issues: [{ id: 'direct-flights', label: 'Direct flights', quotes: ['q1'], events: ['v1'], stances: [{ actor: 'RUS', stance: 'supports', quote: 'q1' }], progress: 1 }],
  });
  const a2 = analysis({
    id: 'paper-b-7', date: '2025-04-04', source: 'Paper B', text: SECOND,
    entities: [
      dmitriev('e1', 'Kirill Dmitriev', 'RUSBUS', 'head of the Russian Direct Investment Fund'),
      { id: 'e2', name: 'Moscow', type: 'GPE', actor: 'RUS', roles: [], mention: 'Moscow', country: 'RUS' },
    ],
    quotes: [
      { id: 'q1', type: 'indirect', content: 'the sides had discussed air links and business access, but that sanctions remained an obstacle', speaker: 'e1', speakerName: 'He', issues: [['sanctions', 'sanctions'], ['direct-flights', 'air links']] },
      { id: 'q2', type: 'indirect', content: 'Russia would not accept new restrictions on its airlines', speaker: 'e1', speakerName: 'Dmitriev', issues: [['sanctions', 'restrictions']] },
    ],
    events: [
      { id: 'v1', code: '043', source: { actor: 'RUSGOV', entity: 'e1' }, target: { actor: 'USAGOV', entity: null }, goldstein: 2.8, quad: 1, modality: 'asserted', date: '2025-04-03', location: 'Washington', evidence: 'held consultations in the U.S. capital' },
    ],
    issues: [
      { id: 'direct-flights', label: 'Direct flights', quotes: ['q1'], events: [], stances: [{ actor: 'RUS', stance: 'conditional', quote: 'q1' }], progress: 0 },
      { id: 'sanctions', label: 'Sanctions', quotes: ['q1', 'q2'], events: [], stances: [{ actor: 'RUS', stance: 'opposes', quote: 'q2' }], progress: 0 },
    ],
  });
  const a3 = analysis({
    id: 'wire-a-9', date: '2025-04-10', source: 'Wire A', text: REVERSAL,
    entities: [dmitriev('e1', 'Kirill Dmitriev', 'RUSBUS', 'head of the Russian Direct Investment Fund')],
    quotes: [{ id: 'q1', type: 'direct', content: 'There is no point in flights while our carriers are blacklisted', speaker: 'e1', speakerName: 'he', issues: [['direct-flights', 'flights']] }],
    events: [
      { id: 'v1', code: '111', plover: 'ACCUSE', source: { actor: 'RUSBUS', entity: 'e1' }, target: { actor: 'USA', entity: null }, goldstein: -2, quad: 3, modality: 'asserted', date: '2025-04-10', location: 'Moscow', evidence: 'There is no point in flights' },
    ],
    issues: [{ id: 'direct-flights', label: 'Direct flights', quotes: ['q1'], events: [], stances: [{ actor: 'RUS', stance: 'opposes', quote: 'q1' }], progress: -1 }],
  });
  // A syndicated copy of a1 under another id and outlet: same words, different trailing layout.
  const copy = { ...a1, id: 'portal-c-1', source: 'Portal C', url: 'https://example.org/portal-c-1', text: `${a1.text}\n` };
  // A reprint of a2 with a byline in front and one word changed.
  const prefix = 'By a staff reporter. ';
  const shift = (x: { start: number; end: number }) => ({ start: x.start + prefix.length, end: x.end + prefix.length });
  const reprint: Analysis = {
    ...a2, id: 'daily-d-3', source: 'Daily D', url: 'https://example.org/daily-d-3',
    text: prefix + a2.text.replace('No date was set', 'No date has been set'),
    entities: a2.entities.map((e) => ({ ...e, mentions: e.mentions.map((m) => ({ ...m, ...shift(m) })) })),
    quotes: a2.quotes.map((q) => ({ ...q, ...shift(q) })),
    events: a2.events.map((e) => ({ ...e, ...shift(e) })),
  };
  return [a1, a2, a3, copy, reprint];
}

/**
 * Every row of every ordinary table, hashed per table: equal digests mean equal content. The
 * full-text indexes' shadow tables are left out (their segment layout depends on how the writes
 * were split into transactions); instead each index is checked against its content table.
 */
export function tableDigests(path: string): Record<string, string> {
  const db = new BetterSqlite3(path);
  try {
    for (const fts of ['articles_fts', 'quotes_fts']) db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, string> = {};
    for (const t of tables) {
      const h = createHash('sha256');
      for (const row of db.prepare(`SELECT * FROM "${t}"`).raw().iterate() as IterableIterator<unknown[]>) {
        h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
        h.update('\n');
      }
      out[t] = h.digest('hex').slice(0, 16);
    }
    return out;
  } finally {
    db.close();
  }
}
