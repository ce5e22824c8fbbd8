import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { lexiconDir } from '../text/lexicon.js';

const phrase = z.string().trim().min(1, 'empty phrase');
const stance = z.enum(['supports', 'opposes', 'conditional', 'neutral']);
const modality = z.enum(['asserted', 'negated', 'hypothetical', 'intended', 'ongoing']);
const cameoCode = z.string().regex(/^\d{2,4}$/, 'CAMEO code of 2 to 4 digits');

/** lexicon/issues/stance.json: words that show where a speaker stands on what they talk about. */
const stanceFileSchema = z.strictObject({
  version: z.literal(1),
  /** Verbs and phrases of acceptance or rejection, and what they mean under negation. */
  attitudes: z.array(z.strictObject({ phrase, stance, negated: stance })).min(1),
  /** "only if", "contingent upon": the position holds under a condition. */
  conditions: z.array(phrase).min(1),
  /** "with the exception of X": X is carved out of the position the clause takes. */
  exceptions: z.array(phrase).min(1),
  /** Stance an event's CAMEO code (or code prefix) implies for its source actor. */
  cameo: z.array(z.strictObject({ code: cameoCode, stance })),
  /** How many words before an attitude cue its holder ("Russia accepts") may stand. */
  holderWindow: z.number().int().min(1).max(10),
  /** How many words an exception's scope reaches at most. */
  exceptionScope: z.number().int().min(1).max(20),
});

/** lexicon/issues/progress.json: words that show an issue moving forward (+1) or back (−1). */
const progressFileSchema = z.strictObject({
  version: z.literal(1),
  cues: z.array(z.strictObject({
    phrase,
    progress: z.union([z.literal(1), z.literal(-1)]),
    /** Count the cue only when one of these words is in the sentence ("imposed" + "moratorium"). */
    with: z.array(phrase).min(1).optional(),
  })).min(1),
  cameo: z.array(z.strictObject({ code: cameoCode, progress: z.union([z.literal(1), z.literal(-1)]) })),
  /** Words before a cue that make it not (yet) a fact: "would", "plans to", "potential". */
  hedges: z.array(z.strictObject({ phrase, modality })).min(1),
  /**
   * Past perfect in a relative clause right before a cue ("relations, which had stagnated"): background
   * to the news, not a step in it. A bare "had" is not: reported speech backshifts news ("said they had agreed").
   */
  background: z.array(phrase).min(1),
  backgroundWindow: z.number().int().min(1).max(4),
  /** Event modalities whose progress counts. */
  countedModalities: z.array(modality).min(1),
  /** Event modalities whose CAMEO code alone counts as progress: a sanction in force is no new step. */
  cameoModalities: z.array(modality).min(1),
  /** How many words before a cue a hedge or negator may stand. */
  window: z.number().int().min(1).max(12),
});

/** lexicon/issues/discourse.json: clause structure shared by the stance and progress rules. */
const discourseFileSchema = z.strictObject({
  version: z.literal(1),
  negators: z.array(phrase).min(1),
  /** How many words before a cue a negator may stand ("does not accept"). */
  negationWindow: z.number().int().min(1).max(6),
  /** Infinitive markers: "to restore" is an aim, not a restoration. */
  infinitive: z.array(phrase).min(1),
  /** Words that start a new clause: cue windows stop there. */
  clauseBreaks: z.array(phrase).min(1),
  /** Prefixes that stay joined to the rest of a hyphenated word ("de-escalate", "non-proliferation"). */
  boundPrefixes: z.array(z.string().regex(/^[a-z]+$/, 'lower-case letters')).min(1),
  /** Determiners that point back ("such opportunities"): the sentence inherits the previous one's issues. */
  anaphors: z.array(phrase).min(1),
  /** The anaphor must stand within this many words of the sentence start. */
  anaphorWindow: z.number().int().min(1).max(20),
});

export type StanceLexicon = z.infer<typeof stanceFileSchema>;
export type ProgressLexicon = z.infer<typeof progressFileSchema>;
export type DiscourseLexicon = z.infer<typeof discourseFileSchema>;

export interface CueLexicons {
  stance: StanceLexicon;
  progress: ProgressLexicon;
  discourse: DiscourseLexicon;
}

/** Read and validate the cue lexicons of lexicon/issues/. */
export function loadCueLexicons(dir = join(lexiconDir, 'issues')): CueLexicons {
  return {
    stance: readValidated(join(dir, 'stance.json'), stanceFileSchema),
    progress: readValidated(join(dir, 'progress.json'), progressFileSchema),
    discourse: readValidated(join(dir, 'discourse.json'), discourseFileSchema),
  };
}

function readValidated<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`lexicon ${file}: ${(err as Error).message}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'top level'}: ${issue.message}`);
    throw new Error(`lexicon ${file}: ${problems.join('; ')}`);
  }
  return result.data;
}

/** The CAMEO table entry whose code is the longest prefix of `code`. */
export function byCameoPrefix<E extends { code: string }>(table: E[], code: string): E | undefined {
  let best: E | undefined;
  for (const entry of table) {
    if (code.startsWith(entry.code) && (!best || entry.code.length > best.code.length)) best = entry;
  }
  return best;
}
