/**
 * Scoring of the event layer against gold sentences: CAMEO root precision/recall,
 * (root, source country, target country) P/R/F1, modality agreement, and events produced on
 * sentences that have none. Counts are multisets per sentence (two gold 190s need two);
 * precision counts every predicted event, those on no-event sentences included.
 */
import { readFileSync } from 'node:fs';
import type { Modality, PoliticalEvent } from '../types.js';

export interface GoldEvent {
  code: string;
  source: string | null;
  target: string | null;
  modality?: Modality;
}

export interface GoldSentence {
  id: string;
  text: string;
  date: string | null;
  events: GoldEvent[];
  noEvents: boolean;
}

/** Reads one JSONL record: ours ({code, source, target, modality}) or PETRARCH's GSR ({source_actor, target_actor, code}). */
export function parseGold(line: string, where: string): GoldSentence {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`${where}: not JSON (${(err as Error).message})`);
  }
  if (typeof raw.text !== 'string' || !raw.text.trim()) throw new Error(`${where}: no "text"`);
  const list = Array.isArray(raw.events) ? (raw.events as Array<Record<string, unknown>>) : [];
  const events = list.map((e, i): GoldEvent => {
    const code = String(e.code ?? '');
    if (!/^\d{2,4}$/.test(code)) throw new Error(`${where}: event ${i}: bad CAMEO code "${code}"`);
    const src = (e.source ?? e.source_actor ?? null) as string | null;
    const tgt = (e.target ?? e.target_actor ?? null) as string | null;
    const modality = e.modality as Modality | undefined;
    return { code, source: src, target: tgt, ...(modality ? { modality } : {}) };
  });
  const noEvents = raw.no_events === true || events.length === 0;
  return { id: String(raw.id ?? where), text: raw.text, date: typeof raw.date === 'string' ? raw.date : null, events, noEvents };
}

/** All records of a gold JSONL file; bad records are reported, not fatal. */
export function readGoldFile(file: string): { sentences: GoldSentence[]; problems: string[] } {
  const sentences: GoldSentence[] = [];
  const problems: string[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      sentences.push(parseGold(line, `${file}:${i + 1}`));
    } catch (err) {
      problems.push((err as Error).message);
    }
  });
  return { sentences, problems };
}

/** The country part of an actor code: "RUSGOV" → "RUS"; unknown ("---REB", null) → "---". */
export function countryOf(actor: string | null | undefined): string {
  if (!actor) return '---';
  return actor.slice(0, 3).toUpperCase();
}

export interface Scores {
  sentences: number;
  goldEvents: number;
  predicted: number;
  root: { tp: number; precision: number; recall: number; f1: number };
  triple: { tp: number; precision: number; recall: number; f1: number };
  /** Exact CAMEO code agreement among root matches. */
  exactCode: number;
  modality: { compared: number; agree: number };
  noEventSentences: number;
  noEventSentencesWithEvents: number;
  eventsOnNoEventSentences: number;
  errors: string[];
}

function prf(tp: number, predicted: number, gold: number) {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Size of the multiset intersection of two key lists, and the matched pairs (gold index → predicted index). */
function matchKeys(gold: string[], pred: string[]): Array<[number, number]> {
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  gold.forEach((g, gi) => {
    const pi = pred.findIndex((p, i) => !used.has(i) && p === g);
    if (pi >= 0) { used.add(pi); pairs.push([gi, pi]); }
  });
  return pairs;
}

export function score(items: Array<{ gold: GoldSentence; events: PoliticalEvent[] }>): Scores {
  let goldN = 0, predN = 0, rootTp = 0, tripleTp = 0, exact = 0, modCompared = 0, modAgree = 0;
  let noEv = 0, noEvWith = 0, noEvEvents = 0;
  const errors: string[] = [];
  for (const { gold, events } of items) {
    predN += events.length;
    if (gold.noEvents) {
      noEv++;
      if (events.length) {
        noEvWith++;
        noEvEvents += events.length;
        errors.push(`${gold.id}: no event expected, got ${events.map(show).join(', ')}`);
      }
      continue;
    }
    goldN += gold.events.length;
    const rootPairs = matchKeys(gold.events.map((e) => e.code.slice(0, 2)), events.map((e) => e.code.slice(0, 2)));
    rootTp += rootPairs.length;
    for (const [gi, pi] of rootPairs) if (gold.events[gi]!.code === events[pi]!.code) exact++;
    const key = (root: string, s: string | null | undefined, t: string | null | undefined) => `${root}|${countryOf(s)}|${countryOf(t)}`;
    const triplePairs = matchKeys(
      gold.events.map((e) => key(e.code.slice(0, 2), e.source, e.target)),
      events.map((e) => key(e.code.slice(0, 2), e.source.actor, e.target.actor)),
    );
    tripleTp += triplePairs.length;
    for (const [gi, pi] of triplePairs) {
      const want = gold.events[gi]!.modality;
      if (!want) continue;
      modCompared++;
      if (events[pi]!.modality === want) modAgree++;
      else errors.push(`${gold.id}: modality ${events[pi]!.modality}, expected ${want} for ${show(events[pi]!)}`);
    }
    if (triplePairs.length < gold.events.length || triplePairs.length < events.length) {
      const g = gold.events.map((e) => `${e.code} ${countryOf(e.source)}→${countryOf(e.target)}`).join(', ');
      errors.push(`${gold.id}: expected [${g}] got [${events.map(show).join(', ')}] — ${gold.text.slice(0, 140)}`);
    }
  }
  return {
    sentences: items.length, goldEvents: goldN, predicted: predN,
    root: prf(rootTp, predN, goldN),
    triple: prf(tripleTp, predN, goldN),
    exactCode: rootTp ? exact / rootTp : 0,
    modality: { compared: modCompared, agree: modAgree },
    noEventSentences: noEv, noEventSentencesWithEvents: noEvWith, eventsOnNoEventSentences: noEvEvents,
    errors,
  };
}

function show(e: PoliticalEvent): string {
  return `${e.code} ${countryOf(e.source.actor)}→${countryOf(e.target.actor)}${e.modality === 'asserted' ? '' : ` (${e.modality})`}`;
}

export function formatScores(name: string, s: Scores): string {
  const pct = (x: number) => (100 * x).toFixed(1) + '%';
  const lines = [
    `${name}: ${s.sentences} sentences, ${s.goldEvents} gold events, ${s.predicted} predicted`,
    `  CAMEO root        P ${pct(s.root.precision)}  R ${pct(s.root.recall)}  F1 ${pct(s.root.f1)}   (exact code on root matches ${pct(s.exactCode)})`,
    `  root+src+tgt      P ${pct(s.triple.precision)}  R ${pct(s.triple.recall)}  F1 ${pct(s.triple.f1)}`,
    `  no-event sentences with events: ${s.noEventSentencesWithEvents}/${s.noEventSentences}` +
      (s.noEventSentences ? ` (${pct(s.noEventSentencesWithEvents / s.noEventSentences)}; ${s.eventsOnNoEventSentences} events)` : ''),
  ];
  if (s.modality.compared) lines.push(`  modality agreement on matched events: ${s.modality.agree}/${s.modality.compared} (${pct(s.modality.agree / s.modality.compared)})`);
  return lines.join('\n');
}
