import type { Modality, Stance } from '../types.js';
import { byCameoPrefix, type CueLexicons, type ProgressLexicon, type StanceLexicon } from './cues.js';
import type { IssueDefinition, Taxonomy } from './taxonomy.js';
import { PhraseTrie, type Hit } from './trie.js';
import { WordSplitter, type Word } from './words.js';

/** What a phrase in the compiled trie stands for. */
export type Payload =
  | { kind: 'term'; rule: number }
  /** A member of a word list that a rule or cue refers to (co-terms, vetoes, cue conditions). */
  | { kind: 'group'; group: number }
  | { kind: 'attitude'; stance: Stance; negated: Stance }
  | { kind: 'condition' }
  | { kind: 'exception' }
  | { kind: 'progress'; cue: number }
  | { kind: 'hedge'; modality: Modality }
  | { kind: 'background' }
  | { kind: 'negator' }
  | { kind: 'infinitive' }
  | { kind: 'clauseBreak' }
  | { kind: 'anaphor' };

export interface CompiledRule {
  issue: number;
  withGroup: number | null;
  withCountry: ReadonlySet<string> | null;
  within: number | null;
  withoutGroup: number | null;
}

export interface CompiledProgressCue {
  progress: 1 | -1;
  withGroup: number | null;
}

/** The hits of one sentence, by kind, in word order. */
export interface SentenceHits {
  terms: Array<Hit<Payload & { kind: 'term' }>>;
  groups: Map<number, Array<Hit<Payload>>>;
  /** Every cue hit (neither term nor group). */
  cues: Array<Hit<Payload>>;
}

/** A document's hits: per sentence, and its cues per kind in word order (see cuesIn). */
export interface DocHits {
  sentences: SentenceHits[];
  cues: Map<Payload['kind'], Array<Hit<Payload>>>;
}

/** Shared by every bucket without co-term hits (most): read-only. */
const NO_GROUPS: Map<number, Array<Hit<Payload>>> = new Map();

function newBucket(): SentenceHits {
  return { terms: [], groups: NO_GROUPS, cues: [] };
}

/**
 * The taxonomy and cue lexicons compiled into one phrase trie, so one pass over a document's
 * words finds issue terms, co-terms and stance/progress/hedge cues together.
 */
export class IssueMatcher {
  readonly issues: IssueDefinition[];
  readonly issueIndex: ReadonlyMap<string, number>;
  readonly rules: CompiledRule[] = [];
  readonly progressCues: CompiledProgressCue[] = [];
  /** For each issue, the indexes of all broader issues above it. */
  readonly ancestors: number[][];
  readonly cues: CueLexicons;
  readonly splitter: WordSplitter;
  private readonly trie = new PhraseTrie<Payload>();
  private readonly groupIds = new Map<string, number>();
  /** Per event code: the look-ups below, which scan a table, done once per code. */
  private readonly cameoMemo = new Map<string, { issues: number[]; progress?: ProgressLexicon['cameo'][number]; stance?: StanceLexicon['cameo'][number] }>();

  constructor(taxonomy: Taxonomy, cues: CueLexicons) {
    this.issues = taxonomy.issues;
    this.cues = cues;
    this.splitter = new WordSplitter(new Set(cues.discourse.boundPrefixes));
    this.issueIndex = new Map(this.issues.map((issue, i) => [issue.id, i]));
    this.ancestors = this.issues.map((issue) => this.broaderChain(issue));
    this.issues.forEach((issue, i) => {
      for (const evidence of issue.evidence) {
        const rule = this.rules.length;
        this.rules.push({
          issue: i,
          withGroup: evidence.with ? this.group(evidence.with) : null,
          withCountry: evidence.withCountry ? new Set(evidence.withCountry) : null,
          within: evidence.within ?? null,
          withoutGroup: evidence.without ? this.group(evidence.without) : null,
        });
        for (const term of evidence.terms) this.add(term, { kind: 'term', rule });
      }
    });
    for (const cue of cues.stance.attitudes) this.add(cue.phrase, { kind: 'attitude', stance: cue.stance, negated: cue.negated });
    for (const p of cues.stance.conditions) this.add(p, { kind: 'condition' });
    for (const p of cues.stance.exceptions) this.add(p, { kind: 'exception' });
    cues.progress.cues.forEach((cue, i) => {
      this.progressCues.push({ progress: cue.progress, withGroup: cue.with ? this.group(cue.with) : null });
      this.add(cue.phrase, { kind: 'progress', cue: i });
    });
    for (const hedge of cues.progress.hedges) this.add(hedge.phrase, { kind: 'hedge', modality: hedge.modality });
    for (const p of cues.progress.background) this.add(p, { kind: 'background' });
    for (const p of cues.discourse.negators) this.add(p, { kind: 'negator' });
    for (const p of cues.discourse.infinitive) this.add(p, { kind: 'infinitive' });
    for (const p of cues.discourse.clauseBreaks) this.add(p, { kind: 'clauseBreak' });
    for (const p of cues.discourse.anaphors) this.add(p, { kind: 'anaphor' });
  }

  /**
   * Issues whose CAMEO codes (or code prefixes) cover an event code, the most specific only (none
   * that is broader than another found). The same array for every call with one code.
   */
  issuesForCameo(code: string): readonly number[] {
    return this.cameo(code).issues;
  }

  /** The progress a CAMEO code itself shows (lexicon/issues/progress.json "cameo"), if any. */
  progressForCameo(code: string): ProgressLexicon['cameo'][number] | undefined {
    return this.cameo(code).progress;
  }

  /** The stance a CAMEO code implies for its source (lexicon/issues/stance.json "cameo"), if any. */
  stanceForCameo(code: string): StanceLexicon['cameo'][number] | undefined {
    return this.cameo(code).stance;
  }

  private cameo(code: string) {
    let memo = this.cameoMemo.get(code);
    if (!memo) {
      const found: number[] = [];
      this.issues.forEach((issue, i) => {
        if (issue.cameo?.some((prefix) => code.startsWith(prefix))) found.push(i);
      });
      memo = {
        issues: found.filter((i) => !found.some((j) => this.ancestors[j]!.includes(i))),
        progress: byCameoPrefix(this.cues.progress.cameo, code),
        stance: byCameoPrefix(this.cues.stance.cameo, code),
      };
      this.cameoMemo.set(code, memo);
    }
    return memo;
  }

  /** All hits of a document, bucketed by sentence index (sentences without hits share one empty, read-only bucket), and its cues by kind. */
  scan(words: Word[], sentenceCount: number): DocHits {
    const buckets: Array<SentenceHits | undefined> = new Array(sentenceCount);
    const cues = new Map<Payload['kind'], Array<Hit<Payload>>>();
    for (const hit of this.trie.scan(words)) {
      const s = words[hit.start]!.sentence;
      const bucket = (buckets[s] ??= newBucket());
      const p = hit.payload;
      if (p.kind === 'term') bucket.terms.push(hit as Hit<Payload & { kind: 'term' }>);
      else if (p.kind === 'group') {
        if (bucket.groups === NO_GROUPS) bucket.groups = new Map();
        const list = bucket.groups.get(p.group);
        if (list) list.push(hit);
        else bucket.groups.set(p.group, [hit]);
      } else {
        bucket.cues.push(hit);
        const list = cues.get(p.kind);
        if (list) list.push(hit);
        else cues.set(p.kind, [hit]);
      }
    }
    const empty = newBucket();
    for (let s = 0; s < sentenceCount; s++) buckets[s] ??= empty;
    return { sentences: buckets as SentenceHits[], cues };
  }

  private add(phrase: string, payload: Payload): void {
    this.trie.add(this.splitter.intern(this.splitter.phraseKeys(phrase)), payload);
  }

  /** One group id per distinct word list, so shared co-term lists are matched once. */
  private group(phrases: string[]): number {
    const key = phrases.map((p) => this.splitter.phraseKeys(p).join(' ')).sort().join('|');
    let id = this.groupIds.get(key);
    if (id === undefined) {
      id = this.groupIds.size;
      this.groupIds.set(key, id);
      for (const p of new Set(phrases)) this.add(p, { kind: 'group', group: id });
    }
    return id;
  }

  private broaderChain(issue: IssueDefinition): number[] {
    const chain: number[] = [];
    let next = issue.broader;
    while (next !== undefined) {
      const i = this.issueIndex.get(next);
      if (i === undefined || chain.includes(i)) break;
      chain.push(i);
      next = this.issues[i]!.broader;
    }
    return chain;
  }
}
