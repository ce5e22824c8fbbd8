// A large, varied, reproducible news corpus for the ingest benchmark and the corpus tests:
// invented wire reports assembled from sentence templates (several phrasings each) with countries,
// officials, issues, places and dates filled in, so that no two originals look alike to the
// near-duplicate detector — plus exact copies and lightly edited reprints at known rates.
//
//   npx tsx bench/corpus-gen.ts --articles 1000 [--seed 7] [--dup-rate 0.05] [--near-rate 0.05] > corpus.jsonl

import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { rng } from '../src/random.js';


interface Country {
  name: string;
  adj: string;
  capital: string;
  officials: Array<[role: string, name: string]>;
}

const COUNTRIES: Country[] = [
  { name: 'Russia', adj: 'Russian', capital: 'Moscow', officials: [['Foreign Minister', 'Pavel Orlov'], ['envoy', 'Grigory Lebedev'], ['Deputy Foreign Minister', 'Irina Sokolova']] },
  { name: 'the United States', adj: 'U.S.', capital: 'Washington', officials: [['Secretary of State', 'Daniel Whitford'], ['special envoy', 'Laura Kessling'], ['National Security Adviser', 'Mark Delaney']] },
  { name: 'Ukraine', adj: 'Ukrainian', capital: 'Kyiv', officials: [['Foreign Minister', 'Oksana Hrytsenko'], ['chief negotiator', 'Taras Melnyk']] },
  { name: 'China', adj: 'Chinese', capital: 'Beijing', officials: [['Foreign Minister', 'Zhou Mingyu'], ['Commerce Minister', 'Lin Haoran']] },
  { name: 'Turkey', adj: 'Turkish', capital: 'Ankara', officials: [['Foreign Minister', 'Emre Kaplan'], ['presidential spokesman', 'Selin Arslan']] },
  { name: 'Iran', adj: 'Iranian', capital: 'Tehran', officials: [['Foreign Minister', 'Reza Karimi'], ['nuclear negotiator', 'Hossein Farahani']] },
  { name: 'Israel', adj: 'Israeli', capital: 'Jerusalem', officials: [['Foreign Minister', 'Yael Ben-Ami'], ['defence minister', 'Avi Kedem']] },
  { name: 'Egypt', adj: 'Egyptian', capital: 'Cairo', officials: [['Foreign Minister', 'Karim Mansour']] },
  { name: 'Qatar', adj: 'Qatari', capital: 'Doha', officials: [['Prime Minister', 'Faisal Al-Thani'], ['mediator', 'Nasser Al-Kuwari']] },
  { name: 'Saudi Arabia', adj: 'Saudi', capital: 'Riyadh', officials: [['Foreign Minister', 'Khalid Al-Saud']] },
  { name: 'France', adj: 'French', capital: 'Paris', officials: [['Foreign Minister', 'Claire Delorme'], ['President', 'Etienne Marchal']] },
  { name: 'Germany', adj: 'German', capital: 'Berlin', officials: [['Chancellor', 'Jonas Reuter'], ['Foreign Minister', 'Anke Vogel']] },
  { name: 'the United Kingdom', adj: 'British', capital: 'London', officials: [['Foreign Secretary', 'Helen Ashby'], ['Prime Minister', 'Robert Hale']] },
  { name: 'India', adj: 'Indian', capital: 'New Delhi', officials: [['External Affairs Minister', 'Arjun Mehta']] },
  { name: 'Pakistan', adj: 'Pakistani', capital: 'Islamabad', officials: [['Foreign Minister', 'Imran Qureshi']] },
  { name: 'Japan', adj: 'Japanese', capital: 'Tokyo', officials: [['Foreign Minister', 'Kenji Morita']] },
  { name: 'South Korea', adj: 'South Korean', capital: 'Seoul', officials: [['Unification Minister', 'Park Ji-hoon']] },
  { name: 'North Korea', adj: 'North Korean', capital: 'Pyongyang', officials: [['Foreign Minister', 'Ri Song-chol']] },
  { name: 'Brazil', adj: 'Brazilian', capital: 'Brasilia', officials: [['Foreign Minister', 'Ana Ribeiro']] },
  { name: 'Venezuela', adj: 'Venezuelan', capital: 'Caracas', officials: [['Foreign Minister', 'Luis Ortega']] },
  { name: 'Armenia', adj: 'Armenian', capital: 'Yerevan', officials: [['Foreign Minister', 'Aram Petrosyan']] },
  { name: 'Azerbaijan', adj: 'Azerbaijani', capital: 'Baku', officials: [['Foreign Minister', 'Elnur Mammadov']] },
  { name: 'Serbia', adj: 'Serbian', capital: 'Belgrade', officials: [['President', 'Dragan Jovic']] },
  { name: 'Kosovo', adj: 'Kosovan', capital: 'Pristina', officials: [['Prime Minister', 'Arben Krasniqi']] },
  { name: 'Sudan', adj: 'Sudanese', capital: 'Khartoum', officials: [['army spokesman', 'Osman Idris']] },
  { name: 'Ethiopia', adj: 'Ethiopian', capital: 'Addis Ababa', officials: [['Foreign Minister', 'Dawit Bekele']] },
];

const ISSUES = [
  'a ceasefire', 'the peace settlement', 'security guarantees', 'NATO membership', 'sanctions relief',
  'tariffs on steel and aluminium', 'the resumption of direct flights', 'access for foreign businesses',
  'energy supplies', 'Arctic shipping routes', 'rare-earth mining', 'a prisoner exchange', 'humanitarian aid corridors',
  'nuclear inspections', 'the reopening of embassies', 'the disputed border', 'the return of refugees',
  'arms control', 'grain exports through the Black Sea', 'a moratorium on strikes against energy facilities',
];

const OUTLETS = [
  'Northern Wire', 'Capital Gazette', 'Meridian News', 'Global Dispatch', 'Harbour Times', 'Continental Press',
  'Evening Ledger', 'Atlas Newswire', 'Daily Courier', 'Eastern Monitor', 'Pacific Herald', 'Union Tribune Service',
  'Gulf Observer', 'Baltic Report', 'Andes Chronicle', 'Sahel Post', 'Lakeside Journal', 'Frontier Bulletin',
];

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Sentence templates, several phrasings each. Slots: {PA}/{PB} officials with role, {A}/{B}
 *  countries, {AADJ}/{BADJ} adjectives, {CAP} a capital, {DAY}, {ISSUE}, {ISSUE2}, {N}, {OUTLET}. */
const TEMPLATES: string[][] = [
  ['{PA} met {PB} in {CAP} on {DAY} to discuss {ISSUE}.', '{PA} held talks with {PB} in {CAP} on {DAY}, focusing on {ISSUE}.', 'Meeting in {CAP} on {DAY}, {PA} and {PB} discussed {ISSUE} and {ISSUE2}.'],
  ['"We have made progress on {ISSUE}, but much remains to be done," {PA_NAME} told reporters after the talks.', '"There was movement on {ISSUE} today, and that is not nothing," {PA_NAME} said after the meeting.', '{PA_NAME} said the sides had taken "a real step forward" on {ISSUE}.'],
  ['{A} accused {B} of undermining {ISSUE}, the {AADJ} foreign ministry said in a statement on {DAY}.', 'The {AADJ} foreign ministry on {DAY} accused {B} of blocking progress on {ISSUE}.', '{A} charged that {B} was stalling on {ISSUE}, according to a ministry statement.'],
  ['{PB_NAME} said {B} would not accept any deal on {ISSUE} that ignored its security interests.', '{B} will reject any arrangement on {ISSUE} that does not address its concerns, {PB_NAME} said.', '"No agreement on {ISSUE} is possible if our interests are ignored," {PB_NAME} said.'],
  ['The two sides agreed to hold another round of talks on {ISSUE} in {CAP2} next month, according to a joint statement.', 'A joint statement said further consultations on {ISSUE} would take place in {CAP2} within {N} weeks.', 'Negotiators plan to reconvene in {CAP2} to continue work on {ISSUE}, officials said.'],
  ['{A} threatened to impose new sanctions on {B} if the talks on {ISSUE} failed.', '{A} warned it could widen sanctions against {B} should the negotiations on {ISSUE} collapse.', 'Officials in {CAPA} said fresh penalties on {B} remained possible if there was no deal on {ISSUE}.'],
  ['Officials in {CAP2} declined to comment on the report.', 'There was no immediate response from {CAP2}.', 'A spokesperson in {CAP2} did not respond to a request for comment.'],
  ['{PA} is expected to visit {CAPB} later this month, {AADJ} state media reported.', '{AADJ} media said {PA_NAME} would travel to {CAPB} in the coming weeks.', 'A visit by {PA_NAME} to {CAPB} is being prepared, according to {OUTLET}.'],
  ['{B} rejected the proposal on {ISSUE} as unacceptable, {PB_NAME} said on {DAY}.', '{PB_NAME} dismissed the {AADJ} offer on {ISSUE}, calling it "a non-starter".', 'The proposal on {ISSUE} was turned down by {B}, its foreign ministry said.'],
  ['Analysts said the meeting signalled a thaw in relations between {A} and {B} after months of tension over {ISSUE}.', 'Diplomats described the mood as cautiously positive despite deep differences over {ISSUE}.', 'Observers said the talks marked the most serious attempt in years to resolve the dispute over {ISSUE}.'],
  ['{A} and {B} signed an agreement on {ISSUE} on {DAY}, the {AADJ} government said.', 'An accord on {ISSUE} was signed by {A} and {B} on {DAY}, according to officials.', 'The signing of a memorandum on {ISSUE} was announced in {CAPA} on {DAY}.'],
  ['The {AADJ} delegation, led by {PA}, arrived in {CAP} on {DAY} for {N} days of consultations.', '{PA} led a delegation of {N} officials to {CAP}, where talks began on {DAY}.', 'A {AADJ} team of {N} negotiators reached {CAP} late on {DAY}.'],
  ['{PB_NAME} urged {A} to return to the negotiating table and to respect earlier commitments on {ISSUE}.', '{PB_NAME} called on {A} to honour what had been agreed on {ISSUE}.', '{B} wants {A} to resume talks on {ISSUE} without preconditions, {PB_NAME} said.'],
  ['Trade between the two countries fell by {N} percent last year, according to official figures.', 'Bilateral trade has dropped {N} percent since the dispute began, customs data show.', 'Official data show two-way trade down {N} percent from a year earlier.'],
  ['"There can be no agreement on {ISSUE} without guarantees," {PB_NAME} said in an interview with {OUTLET}.', '{PB_NAME} told {OUTLET} that guarantees were a precondition for any deal on {ISSUE}.', 'In remarks to {OUTLET}, {PB_NAME} insisted that {ISSUE} could not be settled without firm guarantees.'],
  ['The talks come {N} days after {A} announced a pause in {ISSUE2}.', 'Last week {A} suspended cooperation on {ISSUE2}, raising doubts about the process.', 'Earlier this month {B} froze contacts on {ISSUE2} for {N} days.'],
  ['{PA_NAME} said the next step would depend on whether {B} kept its word on {ISSUE2}.', 'Further progress hinges on {ISSUE2}, {PA_NAME} said, without giving details.', 'According to {PA_NAME}, any breakthrough would require movement on {ISSUE2} first.'],
  ['Protesters gathered outside the {BADJ} embassy in {CAPA} on {DAY}.', 'Several hundred people demonstrated in {CAPA} against the talks on {DAY}.', 'Police in {CAPA} dispersed a rally near the {BADJ} embassy on {DAY}.'],
];

interface Slots {
  A: Country;
  B: Country;
  C: Country;
  pa: [string, string];
  pb: [string, string];
  issue: string;
  issue2: string;
  outlet: string;
}

function fill(template: string, s: Slots, pick: <T>(xs: T[]) => T, num: () => number): string {
  const cap = (x: string): string => x.charAt(0).toUpperCase() + x.slice(1);
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'A': return s.A.name;
      case 'B': return s.B.name;
      case 'AADJ': return s.A.adj;
      case 'BADJ': return s.B.adj;
      case 'PA': return `${s.A.adj} ${s.pa[0]} ${s.pa[1]}`;
      case 'PB': return `${s.B.adj} ${s.pb[0]} ${s.pb[1]}`;
      case 'PA_NAME': return s.pa[1];
      case 'PB_NAME': return s.pb[1];
      case 'CAP': return s.C.capital;
      case 'CAPA': return s.A.capital;
      case 'CAPB': return s.B.capital;
      case 'CAP2': return pick(COUNTRIES).capital;
      case 'DAY': return pick(DAYS);
      case 'ISSUE': return s.issue;
      case 'ISSUE2': return s.issue2;
      case 'N': return String(num());
      case 'OUTLET': return pick(OUTLETS);
      default: return key;
    }
  }).replace(/^(the|a)\b/, (w: string) => cap(w));
}

export interface GeneratedRecord {
  id: string;
  date: string;
  title: string;
  source: string;
  url: string;
  text: string;
}

export interface GeneratedItem {
  record: GeneratedRecord;
  /** What the generator made: an original, an exact copy or a light reprint (of `of`). */
  kind: 'original' | 'exact' | 'near';
  of?: string;
}

export interface GenerateOptions {
  seed?: number;
  /** Share of items that are exact copies of an earlier original (new id and outlet). */
  dupRate?: number;
  /** Share of items that are lightly edited reprints of an earlier original. */
  nearRate?: number;
  /** First day of the period the articles are spread over, and its length in days. */
  start?: string;
  days?: number;
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A reprint: a byline in front, a few words changed, sometimes the last paragraph dropped. */
function reprint(text: string, random: () => number, pick: <T>(xs: T[]) => T): string {
  let paragraphs = text.split('\n\n');
  if (paragraphs.length > 4 && random() < 0.5) paragraphs = paragraphs.slice(0, -1);
  let out = `By ${pick(['staff reporters', 'our correspondent', 'a wire reporter', 'the foreign desk'])}. ${paragraphs.join('\n\n')}`;
  const edits: Array<[RegExp, string]> = [[/\bsaid\b/, 'stated'], [/\btalks\b/, 'negotiations'], [/\bon (\w+day)\b/, 'this week'], [/\bofficials\b/, 'diplomats']];
  for (const [re, to] of edits) if (random() < 0.6) out = out.replace(re, to);
  return out;
}

/** `count` items in a fixed order for a given seed; originals, copies and reprints interleaved. */
export function* generateCorpus(count: number, options: GenerateOptions = {}): Generator<GeneratedItem> {
  const random = rng(options.seed ?? 7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
  const num = (): number => 2 + Math.floor(random() * 60);
  const dupRate = options.dupRate ?? 0.05;
  const nearRate = options.nearRate ?? 0.05;
  const start = options.start ?? '2025-01-01';
  const days = options.days ?? 365;
  const recent: GeneratedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    if (recent.length && r < dupRate + nearRate) {
      const original = pick(recent);
      const source = pick(OUTLETS);
      const id = `gen-${i}`;
      const exact = r < dupRate;
      const text = exact ? original.text : reprint(original.text, random, pick);
      yield {
        record: { ...original, id, source, url: `https://example.org/${source.toLowerCase().replace(/\W+/g, '-')}/${id}`, text },
        kind: exact ? 'exact' : 'near',
        of: original.id,
      };
      continue;
    }
    const A = pick(COUNTRIES);
    let B = pick(COUNTRIES);
    while (B === A) B = pick(COUNTRIES);
    const slots: Slots = {
      A, B, C: random() < 0.5 ? A : B, pa: pick(A.officials), pb: pick(B.officials),
      issue: pick(ISSUES), issue2: pick(ISSUES), outlet: pick(OUTLETS),
    };
    const chosen = TEMPLATES.map((_, k) => [k, random()] as const).sort((x, y) => x[1] - y[1]).slice(0, 7 + Math.floor(random() * 9));
    chosen.sort((x, y) => (x[0] === 0 ? -1 : y[0] === 0 ? 1 : x[1] - y[1]));
    const sentences = chosen.map(([k]) => fill(pick(TEMPLATES[k]!), slots, pick, num));
    const paragraphs: string[] = [];
    for (let k = 0; k < sentences.length; ) {
      const size = 1 + Math.floor(random() * 3);
      paragraphs.push(sentences.slice(k, k + size).join(' '));
      k += size;
    }
    const date = addDays(start, Math.floor(random() * days));
    const dateline = `${slots.C.capital.toUpperCase()}, ${date} - `;
    const source = pick(OUTLETS);
    const id = `gen-${i}`;
    const record: GeneratedRecord = {
      id, date, source,
      title: `${A.adj} and ${B.adj} officials discuss ${slots.issue}`,
      url: `https://example.org/${source.toLowerCase().replace(/\W+/g, '-')}/${id}`,
      text: dateline + paragraphs.join('\n\n'),
    };
    recent.push(record);
    if (recent.length > 500) recent.shift();
    yield { record, kind: 'original' };
  }
}

/** Writes `count` records as JSONL to `path`; returns how many of each kind were written. */
export async function writeCorpus(path: string, count: number, options: GenerateOptions = {}): Promise<Record<GeneratedItem['kind'], number>> {
  const counts = { original: 0, exact: 0, near: 0 };
  const out = createWriteStream(path);
  let buffer = '';
  for (const item of generateCorpus(count, options)) {
    counts[item.kind]++;
    buffer += JSON.stringify(item.record) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((r) => out.once('finish', () => r()));
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('corpus-gen.ts')) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '7' },
      'dup-rate': { type: 'string', default: '0.05' },
      'near-rate': { type: 'string', default: '0.05' },
    },
  });
  let buffer = '';
  for (const item of generateCorpus(Number(values.articles), {
    seed: Number(values.seed), dupRate: Number(values['dup-rate']), nearRate: Number(values['near-rate']),
  })) {
    buffer += JSON.stringify(item.record) + '\n';
    if (buffer.length > 1 << 16) {
      process.stdout.write(buffer);
      buffer = '';
    }
  }
  process.stdout.write(buffer);
}
