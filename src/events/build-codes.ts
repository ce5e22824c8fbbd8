/**
 * Builds lexicon/events/cameo.json, the CAMEO code table (names, Goldstein scores, GDELT quad
 * classes, PLOVER type/mode/context), from the published facts in
 * ../shared/data/events/cameo_codes.csv and plover_event_modes.csv. Run once:
 *   npx tsx src/events/build-codes.ts [sharedEventsDir] [outFile]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexiconDir } from '../text/lexicon.js';

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface CodeEntry {
  name: string;
  root: string;
  level: number;
  goldstein: number;
  quad: number;
  plover: string | null;
  ploverMode: string | null;
  ploverContext: string | null;
}

export interface PloverType {
  quad: string;
  score: number | null;
  requiresRecipient: boolean;
  modes: Record<string, { definition: string; score: number | null }>;
}

function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

export function buildCodeTable(cameoCsv: string, ploverCsv: string) {
  const codes: Record<string, CodeEntry> = {};
  const rows = parseCsv(cameoCsv);
  // Parents first, so a child without its own score can inherit its parent's.
  rows.sort((a, b) => (a.code ?? '').length - (b.code ?? '').length || (a.code ?? '').localeCompare(b.code ?? ''));
  for (const r of rows) {
    const code = r.code ?? '';
    if (!/^\d{2,4}$/.test(code)) throw new Error(`cameo_codes.csv: bad code "${code}"`);
    const parent = codes[code.slice(0, code.length - 1)] ?? codes[code.slice(0, 2)];
    const plover = r.plover_category && r.plover_category !== 'dropped' ? r.plover_category : null;
    codes[code] = {
      name: r.name_gdelt || r.name_cameo_manual || parent?.name || code,
      root: r.root_code ?? code.slice(0, 2),
      level: code.length,
      goldstein: num(r.goldstein_gdelt) ?? num(r.goldstein_phoenix) ?? parent?.goldstein ?? 0,
      quad: num(r.quad_class_gdelt) ?? parent?.quad ?? 0,
      plover,
      ploverMode: r.plover_mode || null,
      ploverContext: r.plover_context || null,
    };
  }
  const plover: Record<string, PloverType> = {};
  for (const r of parseCsv(ploverCsv)) {
    const type = r.event ?? '';
    const t = (plover[type] ??= { quad: r.quad_category ?? '', score: null, requiresRecipient: r.requires_recipient === 'Yes', modes: {} });
    if (r.mode) t.modes[r.mode] = { definition: r.mode_definition ?? '', score: num(r.plover_score) };
    else t.score = num(r.plover_score);
  }
  const sorted = Object.fromEntries(Object.keys(codes).sort().map((k) => [k, codes[k]!]));
  return { source: 'cameo_codes.csv + plover_event_modes.csv (CAMEO 1.1b3, GDELT, PLOVER facts)', codes: sorted, plover };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = process.argv[2] ?? resolve(dirname(lexiconDir), '..', 'shared', 'data', 'events');
  const out = process.argv[3] ?? join(lexiconDir, 'events', 'cameo.json');
  const table = buildCodeTable(readFileSync(join(dir, 'cameo_codes.csv'), 'utf8'), readFileSync(join(dir, 'plover_event_modes.csv'), 'utf8'));
  writeFileSync(out, JSON.stringify(table, null, 1) + '\n');
  console.log(`wrote ${Object.keys(table.codes).length} CAMEO codes, ${Object.keys(table.plover).length} PLOVER types to ${out}`);
}
