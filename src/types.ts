// Shared shapes of parley: the Article that ingest produces, the annotation layers
// the pipeline stages add to a Doc, and the analysis contract (DESIGN.md) they become.
// Every span is a pair of UTF-16 offsets into Article.text, `end` exclusive.

export interface Span {
  start: number;
  end: number;
}

/** Day ("2025-04-04"), month ("2025-04") or year ("2025") precision, as the source gave it. */
export type PartialDate = string;

export interface Article {
  id: string;
  date: PartialDate | null;
  title: string | null;
  source: string | null;
  url: string | null;
  /** Never rewritten after ingest: every downstream span indexes into it. */
  text: string;
  /** Site boilerplate (menus, share prompts, cookie notices…) that stages skip. */
  boilerplate: Span[];
  /** Where the article came from, for error messages: file path and record/line. */
  origin?: string;
}

// ---- text layer -------------------------------------------------------------

export interface Token extends Span {
  text: string;
  /** Lower-cased text, precomputed because every stage compares on it. */
  lower: string;
  /** Universal POS tag (NOUN, VERB, PROPN, …) from the tagger. */
  pos: string;
  /** Lemma where the tagger provides one, else the lower-cased text. */
  lemma: string;
  /** True when whitespace precedes this token in the text. */
  spaceBefore: boolean;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last (into Doc.tokens). */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph extends Span {
  index: number;
}

// ---- entity layer -----------------------------------------------------------

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';
export type MentionKind = 'name' | 'description' | 'pronoun';

/** A typed name span found by the tagger or a gazetteer, before resolution. */
export interface NameSpan extends Span {
  type: EntityType;
  tokenStart: number;
  tokenEnd: number;
  /** Which component found it ("ner", "gazetteer:outlets", …). */
  source: string;
}

export interface Mention extends Span {
  kind: MentionKind;
  /** Id of the entity this mention resolves to. */
  entity: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** CAMEO-style actor code (country + sector, or an IGO code), or null. */
  actor: string | null;
  /** ISO 3166 alpha-3 country the entity belongs to, where known. */
  country: string | null;
  roles: string[];
  aliases: string[];
  gender: 'male' | 'female' | null;
  mentions: Array<{ start: number; end: number; kind: MentionKind }>;
}

// ---- time layer -------------------------------------------------------------

export interface TimeExpression extends Span {
  text: string;
  /** Resolved value: a day, month or year; `null` when it cannot be resolved. */
  value: PartialDate | null;
  /** For ranges ("over the past two days"): first and last day. */
  from?: PartialDate;
  to?: PartialDate;
}

// ---- quote layer ------------------------------------------------------------

export type QuoteType = 'direct' | 'mixed' | 'indirect';

export interface Channel {
  name: string;
  kind: 'outlet' | 'setting';
  entity?: string | null;
  start?: number;
  end?: number;
}

export interface Quote extends Span {
  id: string;
  type: QuoteType;
  speaker: { entity: string | null; name: string; start: number; end: number } | null;
  cue: { start: number; end: number; lemma: string } | null;
  via: Channel[];
  date: PartialDate | null;
  /** Name of the rule that found this statement, so a wrong one can be traced. */
  rule: string;
  confidence: number;
  /** Issue ids this statement concerns (filled by the issues stage). */
  issues?: IssueLabel[];
}

// ---- event layer ------------------------------------------------------------

export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'intended' | 'ongoing';

export interface EventActor {
  actor: string | null;
  entity: string | null;
  /** The words in the sentence that name this actor. */
  start?: number;
  end?: number;
}

export interface PoliticalEvent extends Span {
  id: string;
  code: string;
  plover: string;
  ploverMode?: string | null;
  source: EventActor;
  target: EventActor;
  goldstein: number;
  quad: number;
  modality: Modality;
  date: PartialDate | null;
  location: string | null;
  quote: string | null;
  /** For an expression of intent (CAMEO 03x/13x), the code of the act intended. */
  act?: string;
  /** Which pattern found the event. */
  rule: string;
  issues?: IssueLabel[];
}

// ---- issue layer ------------------------------------------------------------

export interface IssueLabel {
  issue: string;
  /** The words that show the statement or event concerns the issue. */
  start: number;
  end: number;
}

export type Stance = 'supports' | 'opposes' | 'conditional' | 'neutral';

export interface IssueSummary {
  id: string;
  label: string;
  quotes: string[];
  events: string[];
  stances: Array<{ actor: string; stance: Stance; quote?: string; start?: number; end?: number }>;
  /** Sum of progress signals (+1 progress, −1 setback) over the article's statements and events. */
  progress: number;
  signals?: Array<{ ref: string; progress: -1 | 0 | 1; start: number; end: number }>;
}

// ---- the analysis contract --------------------------------------------------

export interface Analysis {
  id: string;
  date: PartialDate | null;
  title: string | null;
  source: string | null;
  url: string | null;
  text: string;
  entities: Entity[];
  quotes: Quote[];
  events: PoliticalEvent[];
  issues: IssueSummary[];
  boilerplate: Span[];
}
