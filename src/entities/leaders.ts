import { BoundedMemo } from '../memo.js';
import { phraseTokens } from './phrases.js';
import type { Gender } from './lexicon.js';

export interface Office {
  role: string;
  /** Actor code the office gives (country + sector, or an IGO code). */
  actor: string;
  /** ISO date the office began; `to` is exclusive, null while in office. */
  from: string;
  to: string | null;
}

export interface Leader {
  name: string;
  aliases: string[];
  gender: Gender | null;
  offices: Office[];
  /** The family name when it is not the last word (family name first: "Xi" of "Xi Jinping"). */
  surname?: string;
}

/** A leader's standing on a date: the office held then, or the last one held before it. */
export interface Standing {
  office: Office;
  former: boolean;
}

/** lexicon/actors/leaders.json: office holders by name and surname, with dated offices. */
export class Leaders {
  private readonly byName = new Map<string, Leader>();
  private readonly bySurname = new Map<string, Leader[]>();
  /** Names already looked up (they repeat); emptied rather than grown without bound. */
  private readonly memo = new BoundedMemo<string, Leader>((name) => this.findUncached(name));

  constructor(list: Leader[], origin: string) {
    for (const l of list) {
      for (const o of l.offices) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(o.from) || (o.to !== null && !/^\d{4}-\d{2}-\d{2}$/.test(o.to))) {
          throw new Error(`${origin}: ${l.name}: office "${o.role}" needs ISO dates, got from=${o.from} to=${o.to}`);
        }
      }
      for (const n of [l.name, ...l.aliases]) {
        const tokens = phraseTokens(n);
        this.byName.set(tokens.join(' '), l);
        const surname = l.surname ? phraseTokens(l.surname).join(' ') : tokens[tokens.length - 1]!;
        const list2 = this.bySurname.get(surname) ?? [];
        if (!list2.includes(l)) list2.push(l);
        this.bySurname.set(surname, list2);
      }
    }
  }

  /** Every full name, alias and unambiguous surname. */
  names(): string[] {
    const out = [...this.byName.keys()];
    for (const [surname, list] of this.bySurname) if (list.length === 1 && !this.byName.has(surname)) out.push(surname);
    return out;
  }

  /** The leader a full name or an unambiguous surname names, if listed. */
  find(name: string): Leader | undefined {
    return this.memo.get(name);
  }

  private findUncached(name: string): Leader | undefined {
    const tokens = phraseTokens(name);
    const exact = this.byName.get(tokens.join(' '));
    if (exact) return exact;
    if (tokens.length !== 1) return undefined;
    const bySurname = this.bySurname.get(tokens[0]!);
    return bySurname && bySurname.length === 1 ? bySurname[0] : undefined;
  }

  /**
   * The office a leader holds on `date` (a day, month or year; null = the latest data), or
   * the last one held before it (former); null when every office is later than the date.
   */
  standing(leader: Leader, date: string | null): Standing | null {
    const day = comparableDay(date);
    let held: Office | null = null;
    let past: Office | null = null;
    for (const o of leader.offices) {
      if (o.from <= day && (o.to === null || day < o.to)) held ??= o;
      else if (o.to !== null && o.to <= day && (!past || o.to > past.to!)) past = o;
    }
    if (held) return { office: held, former: false };
    return past ? { office: past, former: true } : null;
  }
}

/** A partial date as one comparable day: the middle of a month or a year; no date, or one not in ISO form, is the latest data. */
function comparableDay(date: string | null): string {
  if (!date || !/^\d{4}(?:-\d{2}){0,2}(?:$|T)/.test(date)) return '9999-12-31';
  if (/^\d{4}$/.test(date)) return `${date}-07-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-15`;
  return date.slice(0, 10);
}
