import { countryOf, cuesIn, type DocContext } from './context.js';
import type { Payload, SentenceHits } from './matcher.js';
import type { Hit } from './trie.js';
import { distance, wordAt } from './words.js';

/** One place where the text shows an issue. */
export interface IssueMatch {
  issue: number;
  /** Character offsets of the words that show it (the term, and its co-term when it must be near). */
  start: number;
  end: number;
  sentence: number;
}

/** Parts of speech that can follow an anaphoric determiner in a noun phrase. */
const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * Issue matches per sentence: terms whose co-term conditions hold, minus terms inside role
 * descriptions ("envoy for foreign investment" describes a job, not a topic), minus broader issues
 * where a narrower one covers the same words; a sentence with no match of its own that points back
 * with an anaphor inherits the previous sentence's issues.
 */
export function findIssueMatches(ctx: DocContext): IssueMatch[][] {
  const perSentence: IssueMatch[][] = [];
  ctx.hits.forEach((bucket, s) => {
    const found: IssueMatch[] = [];
    const here = ctx.mentions[s] ?? [];
    for (const hit of bucket.terms) {
      const match = validate(ctx, bucket, hit, s);
      if (!match) continue;
      if (here.some((d) => d.kind === 'description' && match.start >= d.start && match.end <= d.end)) continue;
      if (!found.some((m) => m.issue === match.issue && m.start === match.start && m.end === match.end)) found.push(match);
    }
    const kept = found.filter((m) => !found.some((n) => n !== m && ctx.matcher.ancestors[n.issue]!.includes(m.issue) && overlaps(m, n)));
    const previous = perSentence[s - 1];
    perSentence.push(kept.length === 0 && previous && previous.length > 0 ? inherit(ctx, s, previous) : kept);
  });
  return perSentence;
}

function validate(ctx: DocContext, bucket: SentenceHits, hit: Hit<Payload & { kind: 'term' }>, s: number): IssueMatch | null {
  const { view, matcher } = ctx;
  const rule = matcher.rules[hit.payload.rule]!;
  const words = view.words;
  if (rule.withoutGroup !== null && bucket.groups.has(rule.withoutGroup)) return null;
  let start = words[hit.start]!.start;
  let end = words[hit.end - 1]!.end;
  if (rule.withGroup !== null || rule.withCountry !== null) {
    const partners: Array<{ start: number; end: number }> = [];
    if (rule.withGroup !== null) {
      for (const h of bucket.groups.get(rule.withGroup) ?? []) if (h.end <= hit.start || h.start >= hit.end) partners.push(h);
    }
    if (rule.withCountry !== null) partners.push(...countryMentionWords(ctx, s, rule.withCountry));
    let best: { start: number; end: number } | null = null;
    let bestGap = Infinity;
    for (const p of partners) {
      const gap = distance(view, hit, p);
      if (gap < bestGap) {
        best = p;
        bestGap = gap;
      }
    }
    if (!best || (rule.within !== null && bestGap > rule.within)) return null;
    if (rule.within !== null) {
      start = Math.min(start, words[best.start]!.start);
      end = Math.max(end, words[best.end - 1]!.end);
    }
  }
  return { issue: rule.issue, start, end, sentence: s };
}

/** Word ranges of a sentence's entity mentions that belong to one of `countries`. */
function countryMentionWords(ctx: DocContext, s: number, countries: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of ctx.mentions[s] ?? []) {
    const country = countryOf(ctx, m.entity);
    if (country && countries.has(country)) out.push({ start: wordAt(ctx.view, m.start), end: wordAt(ctx.view, m.end - 1) + 1 });
  }
  return out;
}

/** The previous sentence's issues, shown by the anaphoric noun phrase near this sentence's start. */
function inherit(ctx: DocContext, s: number, previous: IssueMatch[]): IssueMatch[] {
  const { view, matcher } = ctx;
  const first = view.firstWord[s]!;
  const last = view.firstWord[s + 1]!;
  const anaphor = cuesIn(ctx, s, 'anaphor', first, last).find(
    (h) => h.start - first < matcher.cues.discourse.anaphorWindow && NOMINAL.has(view.words[h.end]?.pos ?? ''),
  );
  if (!anaphor) return [];
  let end = anaphor.end;
  while (end < last && NOMINAL.has(view.words[end]!.pos)) end++;
  const span = { start: view.words[anaphor.start]!.start, end: view.words[end - 1]!.end };
  const issues = [...new Set(previous.map((m) => m.issue))];
  return issues.map((issue) => ({ issue, ...span, sentence: s }));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
