/** A typed entity span over token indices, end exclusive. */
export interface LabelSpan {
  start: number;
  end: number;
  type: string;
}

/** Entity spans of an IOB sequence, read the way conlleval reads them (a stray I- opens a span). */
export function spansOf(labels: readonly string[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let cur: LabelSpan | null = null;
  for (let i = 0; i <= labels.length; i++) {
    const lab = i < labels.length ? labels[i]! : 'O';
    const type = lab === 'O' ? '' : lab.slice(2);
    const continues = cur !== null && lab[0] === 'I' && type === cur.type;
    if (continues) continue;
    if (cur) {
      cur.end = i;
      out.push(cur);
      cur = null;
    }
    if (lab !== 'O') cur = { start: i, end: i + 1, type };
  }
  return out;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

/** Exact-match precision, recall and F1 per type and overall (conlleval's definition). */
export class Scorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();

  private bucket(type: string): { gold: number; predicted: number; correct: number } {
    let b = this.counts.get(type);
    if (!b) {
      b = { gold: 0, predicted: 0, correct: 0 };
      this.counts.set(type, b);
    }
    return b;
  }

  add(gold: readonly string[], predicted: readonly string[]): void {
    const g = spansOf(gold);
    const p = spansOf(predicted);
    const goldKeys = new Set(g.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of g) this.bucket(s.type).gold++;
    for (const s of p) {
      const b = this.bucket(s.type);
      b.predicted++;
      if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) b.correct++;
    }
  }

  perType(): Record<string, PRF> {
    const out: Record<string, PRF> = {};
    for (const type of [...this.counts.keys()].sort()) out[type] = prf(this.counts.get(type)!);
    return out;
  }

  overall(): PRF {
    const sum = { gold: 0, predicted: 0, correct: 0 };
    for (const b of this.counts.values()) {
      sum.gold += b.gold;
      sum.predicted += b.predicted;
      sum.correct += b.correct;
    }
    return prf(sum);
  }

  /** A conlleval-like table. */
  format(): string {
    const row = (name: string, s: PRF): string =>
      `${name.padEnd(8)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)}`;
    const lines = [`${'type'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'gold'.padStart(6)} ${'pred'.padStart(6)}`];
    for (const [type, s] of Object.entries(this.perType())) lines.push(row(type, s));
    lines.push(row('overall', this.overall()));
    return lines.join('\n');
  }
}

function prf(c: { gold: number; predicted: number; correct: number }): PRF {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...c };
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
