// The tagger predicts BILOU labels internally (they give the model the end of a name) and
// reports IOB2 labels (B-PER, I-PER, O) to callers and to the scorer.

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof TYPES)[number];

/** O, then B, I, L, U for each type: label id = 1 + 4·type + part. */
export const LABELS: string[] = ['O'];
for (const t of TYPES) for (const p of ['B', 'I', 'L', 'U']) LABELS.push(`${p}-${t}`);
/** A literal, so that the compiler can unroll the per-label loops. */
export const NUM_LABELS = 17;
if (LABELS.length !== NUM_LABELS) throw new Error(`label set has ${LABELS.length} labels, NUM_LABELS says ${NUM_LABELS}`);

const B = 0;
const I = 1;
const L = 2;
const U = 3;

export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}

function labelPart(label: number): number {
  return (label - 1) & 3;
}

/** May `next` follow `prev` (−1 = sentence start) in a well-formed BILOU sequence? */
function computeAllowed(prev: number, next: number): boolean {
  const open = prev > 0 && (labelPart(prev) === B || labelPart(prev) === I);
  if (!open) return next === 0 || labelPart(next) === B || labelPart(next) === U;
  return labelType(next) === labelType(prev) && (labelPart(next) === I || labelPart(next) === L);
}

/** Is this label allowed to end a sentence? */
function canEnd(label: number): boolean {
  return label === 0 || labelPart(label) === L || labelPart(label) === U;
}

/** IOB2 strings → BILOU label ids. Unknown types throw: the model knows only the CoNLL four. */
export function iobToBilou(labels: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const lab = labels[i]!;
    if (lab === 'O') {
      out.push(0);
      continue;
    }
    const type = TYPES.indexOf(lab.slice(2) as ConllType);
    if (type < 0) throw new Error(`unknown entity type in label "${lab}" (expected ${TYPES.join(', ')})`);
    const next = labels[i + 1];
    const continues = next !== undefined && next === 'I-' + lab.slice(2);
    const begins = lab[0] === 'B';
    const part = begins ? (continues ? B : U) : continues ? I : L;
    out.push(1 + 4 * type + part);
  }
  return out;
}

/** IOB2 string of each BILOU label id. */
const IOB_OF = LABELS.map((l) => (l === 'O' ? 'O' : (l[0] === 'B' || l[0] === 'U' ? 'B-' : 'I-') + l.slice(2)));

/** BILOU label ids (of labels[start..end)) → IOB2 strings. */
export function bilouToIob(labels: ArrayLike<number>, start = 0, end = labels.length): string[] {
  const out = new Array<string>(end - start);
  for (let i = start; i < end; i++) out[i - start] = IOB_OF[labels[i]!]!;
  return out;
}

/** ALLOWED[(prev + 1)·NUM_LABELS + next]: 1 when `next` may follow `prev`. */
const ALLOWED = new Uint8Array((NUM_LABELS + 1) * NUM_LABELS);
/** CAN_END[label]: 1 when the label may close a sentence. */
const CAN_END = Uint8Array.from(LABELS, (_, l) => (canEnd(l) ? 1 : 0));
for (let p = -1; p < NUM_LABELS; p++) for (let n = 0; n < NUM_LABELS; n++) ALLOWED[(p + 1) * NUM_LABELS + n] = computeAllowed(p, n) ? 1 : 0;

/** NEXT_LABELS[prev + 1]: the labels that may follow `prev` (−1 = sentence start), ascending. */
export const NEXT_LABELS: Uint8Array[] = [];
/** LAST_LABELS[prev + 1]: those of them that may also close a sentence. */
export const LAST_LABELS: Uint8Array[] = [];
for (let p = -1; p < NUM_LABELS; p++) {
  const next = LABELS.map((_, l) => l).filter((l) => ALLOWED[(p + 1) * NUM_LABELS + l] === 1);
  NEXT_LABELS.push(Uint8Array.from(next));
  LAST_LABELS.push(Uint8Array.from(next.filter((l) => CAN_END[l] === 1)));
}
