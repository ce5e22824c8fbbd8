/**
 * Announced acts coded as the expression of intent (lexicon/events/intent-codes.json): CAMEO
 * codes "Egypt said it will free the prisoners" as 0353, not 0841; "plans to impose sanctions"
 * as 1312. A schedule the reporter narrates ("the minister will visit Peru next month") is no
 * expression of intent: it keeps the act's code, with modality intended.
 */
import type { CodeTable } from './codes.js';

export interface IntentLexicon {
  codes: Record<string, string>;
  /** Intention cues (modality.json) that only narrate a schedule or the future. */
  narrated: string[];
  /** Hypothetical cues that set a condition: a hostile act on a condition is a threat. */
  conditions: string[];
  /** Generic appeal and demand codes → (act code prefix → the code of asking for that act). */
  requests: Record<string, Record<string, string>>;
  /** Generic threat codes: they take the (13-family) intent code of the act threatened. */
  threats: string[];
}

export class IntentCodes {
  private readonly map: Map<string, string>;
  private readonly narrated: Set<string>;
  private readonly conditions: Set<string>;
  private readonly requests: Map<string, Map<string, string>>;
  private readonly threats: Set<string>;

  constructor(lex: IntentLexicon, table: CodeTable) {
    this.map = new Map(Object.entries(lex.codes));
    this.narrated = new Set(lex.narrated.map((c) => c.toLowerCase()));
    this.conditions = new Set(lex.conditions.map((c) => c.toLowerCase()));
    this.requests = new Map(Object.entries(lex.requests).map(([request, acts]) => [request, new Map(Object.entries(acts))]));
    this.threats = new Set(lex.threats);
    for (const [request, acts] of this.requests) {
      for (const [act, code] of acts) if (!table.has(code) || !table.has(act)) throw new Error(`intent-codes.json: requests ${request}: ${act} → ${code} is not a pair of CAMEO codes`);
    }
    for (const [act, intent] of this.map) {
      if (!table.has(act)) throw new Error(`intent-codes.json: act code ${act} is not in the CAMEO table`);
      if (!table.has(intent) || !table.get(intent)!.plover) throw new Error(`intent-codes.json: intent code ${intent} (for ${act}) is not in the CAMEO table with a PLOVER type`);
    }
  }

  /**
   * The intent code for an intended act, or null when it keeps its own code: the intent must be
   * expressed, by a statement that reports it or by a cue other than a narrated schedule.
   */
  /** "ready to impose tariffs if Washington …": a hostile act announced on a condition is a threat (its 13-family intent code). */
  threatOn(act: string, cues: string[]): boolean {
    return cues.some((c) => this.conditions.has(c)) && (this.mapped(act)?.startsWith('13') ?? false);
  }

  of(act: string, cues: string[], reported: boolean): string | null {
    if (!reported && cues.every((c) => this.narrated.has(c))) return null;
    return this.mapped(act);
  }

  /** Whether a code is a generic appeal, demand or threat that takes the code of the act it names. */
  isRequest(code: string): boolean {
    return this.requests.has(code) || this.threats.has(code);
  }

  /** "urged Rwanda to pull its troops out", "threatened to launch an operation": the code of asking for (or threatening) `act`, or null. */
  requestOf(request: string, act: string): string | null {
    if (this.threats.has(request)) {
      const threat = this.mapped(act);
      return threat?.startsWith('13') ? threat : null;
    }
    const acts = this.requests.get(request);
    return acts ? longestPrefix(acts, act) : null;
  }

  /** The intent code of an act: the longest key that prefixes its code. */
  private mapped(act: string): string | null {
    return longestPrefix(this.map, act);
  }
}

function longestPrefix(map: Map<string, string>, code: string): string | null {
  for (let n = code.length; n >= 2; n--) {
    const hit = map.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}
