// The quotes layer over a whole article: runs the sentence extractor in reading order, ties
// speakers to the discourse, picks up quotations that continue a speaker's words without a new
// attribution, carries fronted channel frames ("In an interview on Fox News, …") forward, and
// dates each statement.
import type { Doc } from '../doc.js';
import type { Channel, PartialDate, Quote, Span } from '../types.js';
import { SentenceExtractor, type Candidate } from './extract.js';
import { OPENS, type QuotesLexicon } from './lexicon.js';
import { findQuotedSpans } from './marks.js';
import { sentenceChannels, type FoundChannel } from './channels.js';
import { SpeakerResolver, speakerFromNP, type ResolvedSpeaker } from './speakers.js';
import { DocView } from './view.js';
import { lowerBound } from '../sorted.js';

interface Frame {
  via: Channel[];
  speaker: string;
  shared: boolean;
}

interface Made {
  quote: Quote;
  paragraph: number;
}

/** Words of a quotation that make it speech rather than a title or a scare quote. */
const MIN_SPEECH_WORDS = 4;

function speakerKey(s: { entity: string | null; name: string }): string {
  return s.entity ?? s.name.toLowerCase();
}

export function findStatements(doc: Doc, lex: QuotesLexicon): Quote[] {
  if (!doc.sentences.length || !doc.tokens.length) return [];
  const paragraphs: Span[] = doc.paragraphs.length ? doc.paragraphs : [{ start: 0, end: doc.text.length }];
  const quotes = findQuotedSpans(doc.text, paragraphs);
  const v = new DocView(doc, lex, quotes);
  const extractor = new SentenceExtractor(v);
  const resolver = new SpeakerResolver(v);
  const usedQuote = new Uint8Array(quotes.length);
  const made: Made[] = [];
  let frame: Frame | null = null;
  let nextMark = 0;

  doc.sentences.forEach((s) => {
    if (doc.inBoilerplate(s)) return;
    const s0 = s.tokenStart;
    const s1 = s.tokenEnd;
    if (topicShiftAt(v, s0, s1)) frame = null;
    let cands = extractor.extract(s0, s1);
    if (cands.length > 1) {
      cands = cands.filter((c) => !cands.some((o) => o !== c && c.cue && c.cue.tokStart >= o.a && c.cue.tokStart < o.b));
      cands.sort((x, y) => x.a - y.a);
    }

    const inContent = (i: number) => cands.length > 0 && cands.some((c) => i >= c.a && i < c.b);
    const channels = sentenceChannels(v, s0, s1, inContent);
    const opened = frontedFrame(v, s0, s1, channels);

    if (!cands.length) noteSubject(v, resolver, s0, s1);
    let previous: ResolvedSpeaker | null = null;
    for (const c of cands) {
      const speaker = speakerOf(c, previous, resolver, made);
      if (!speaker) continue;
      previous = speaker;
      // An outlet that is itself the speaker does not relay; a document speaker ("the statement said") is its own setting.
      const own = channels.filter((f) => f.channel.kind === 'setting' || !(f.channel.start! >= speaker.start && f.channel.end! <= speaker.end)).map((f) => f.channel);
      if (c.relay) addRelay(v, c, own);
      let via = own;
      if (opened && !frame) frame = { via: opened, speaker: speakerKey(speaker), shared: opened.some((ch) => ch.kind === 'setting' && lex.sharedSettings.has(ch.name)) };
      else if (opened) frame = { via: opened, speaker: speakerKey(speaker), shared: opened.some((ch) => ch.kind === 'setting' && lex.sharedSettings.has(ch.name)) };
      else if (own.length && frame) frame = null;
      const current = frame as Frame | null;
      if (!via.length && current && (current.shared || current.speaker === speakerKey(speaker))) via = current.via.map((ch) => ({ ...ch }));
      if (c.quote >= 0) usedQuote[c.quote] = 1;
      const inDocument = via.some((ch) => ch.kind === 'setting' && (ch.name === 'statement' || ch.name === 'joint statement'));
      resolver.remember(speaker, c.speaker?.kind ?? 'name', inDocument);
      made.push({ quote: toQuote(v, c, speaker, via, dateOf(v, doc, s0, s1, c)), paragraph: s.paragraph });
    }

    // Quotations opening in this sentence that no cue claimed: a continuation of the current speaker's words.
    const marks = v.openingMarks;
    while (nextMark < marks.length && marks[nextMark]! < s0) nextMark++;
    for (; nextMark < marks.length && marks[nextMark]! < s1; nextMark++) {
      const i = marks[nextMark]!;
      const qi = v.quoteOf[i]!;
      if (usedQuote[qi]) continue;
      usedQuote[qi] = 1;
      if (inContent(i) || !isSpeechLike(v, qi, i, s0)) continue;
      const last = made[made.length - 1];
      if (!last || !last.quote.speaker || s.paragraph - last.paragraph > 1) continue;
      const q = quotes[qi]!;
      const prev = last.quote;
      made.push({
        quote: {
          id: '', type: 'direct', start: q.start, end: q.end,
          speaker: { ...prev.speaker! }, cue: null, via: prev.via.map((ch) => ({ ...ch })), date: prev.date,
          rule: 'direct:continuation', confidence: 0.75,
        },
        paragraph: s.paragraph,
      });
    }
  });

  const out = made.map((m) => m.quote).sort((x, y) => x.start - y.start || x.end - y.end);
  const unique = out.filter((q, i) => i === 0 || q.start !== out[i - 1]!.start || q.end !== out[i - 1]!.end);
  unique.forEach((q, i) => (q.id = `q${i + 1}`));
  return unique;
}

/** The named subject opening a sentence (after a fronted "Asked about …," phrase), for later pronouns. */
function noteSubject(v: DocView, resolver: SpeakerResolver, s0: number, s1: number): void {
  let i = s0;
  if (v.tokens[i]?.pos === 'VERB' || v.tokens[i]?.pos === 'ADP' || v.tokens[i]?.pos === 'SCONJ') {
    while (i < s1 && v.words[i] !== ',') i++;
    i++;
  }
  const b = v.npStartingAt(i, s1);
  if (b === i || b >= s1) return;
  const next = v.tokens[b]!;
  if (next.pos !== 'VERB' && next.pos !== 'AUX' && v.words[b] !== ',') return;
  const ref = speakerFromNP(v, i, b);
  if (ref) resolver.noteSubject(ref);
}

function speakerOf(c: Candidate, previous: ResolvedSpeaker | null, resolver: SpeakerResolver, made: Made[]): ResolvedSpeaker | null {
  if (c.speaker) return resolver.resolve(c.speaker);
  if (previous) return previous;
  const last = made[made.length - 1]?.quote.speaker;
  return last ? { ...last, resolved: true } : null;
}

/** "According to Reuters, …", "quoted by Informer as saying": the named source relays the statement. */
function addRelay(v: DocView, c: Candidate, via: Channel[]): void {
  const r = c.relay!;
  const m = v.lex.outlets.match(v.words, r.tokStart, r.tokEnd);
  const start = v.tokens[r.tokStart]!.start;
  const end = v.tokens[r.tokEnd - 1]!.end;
  const name = m?.value ?? v.doc.text.slice(start, end);
  if (!via.some((ch) => ch.kind === 'outlet' && ch.name === name)) via.push({ name, kind: 'outlet', start, end });
}

/** A topic shift ("Separately,", "On another front") opening at token i. */
function topicShiftAt(v: DocView, i: number, s1: number): { length: number } | null {
  return v.opens[i]! & OPENS.topicShift ? v.lex.topicShift.match(v.words, i, s1) : null;
}

/** Channels named before the first comma of a sentence opening "In an interview with …," / "Speaking at …,". */
function frontedFrame(v: DocView, s0: number, s1: number, channels: FoundChannel[]): Channel[] | null {
  let i = s0;
  while (i < s1 && (topicShiftAt(v, i, s1) || v.words[i] === ',')) i += topicShiftAt(v, i, s1)?.length ?? 1;
  if (!(v.opens[i]! & OPENS.frameStart)) return null;
  let comma = i;
  while (comma < s1 && v.words[comma] !== ',') comma++;
  const inFrame = channels.filter((f) => f.tokStart > i && f.tokEnd <= comma).map((f) => f.channel);
  return inFrame.length ? inFrame : null;
}

/** Date of a statement: a time expression of its sentence outside its content, nearest the cue; else the article's date. */
function dateOf(v: DocView, doc: Doc, s0: number, s1: number, c: Candidate): PartialDate | null {
  const times = v.times;
  const sStart = v.tokens[s0]!.start;
  const sEnd = v.tokens[s1 - 1]!.end;
  const anchor = c.cue ? v.tokens[c.cue.tokStart]!.start : sStart;
  let best: { value: PartialDate; distance: number } | null = null;
  const lo = lowerBound(times, (x) => x.start < sStart);
  for (let k = lo; k < times.length; k++) {
    const t = times[k]!;
    if (t.start >= sEnd) break;
    if (!t.value || (t.start >= c.start && t.end <= c.end)) continue;
    const distance = Math.abs(t.start - anchor);
    if (inQuote(v, t.start)) continue;
    if (!best || distance < best.distance) best = { value: t.value, distance };
  }
  return best?.value ?? doc.article.date;
}

function inQuote(v: DocView, offset: number): boolean {
  const lo = lowerBound(v.quotes, (x) => x.end <= offset);
  const q = v.quotes[lo];
  return !!q && offset >= q.start && offset < q.end;
}

/** A quotation that stands as speech: it opens its sentence and is a sentence itself, not a title or label. */
function isSpeechLike(v: DocView, qi: number, i: number, s0: number): boolean {
  const q = v.quotes[qi]!;
  if (i !== s0 && !/[.!?]$/.test(v.words[i - 1]!)) return false;
  const inner = v.doc.text.slice(q.start, q.end).trim();
  const words = inner.split(/\s+/).length;
  return words >= MIN_SPEECH_WORDS || /[.!?,]$/.test(inner);
}

function toQuote(v: DocView, c: Candidate, speaker: ResolvedSpeaker, via: Channel[], date: PartialDate | null): Quote {
  const cue = c.cue ? { start: v.tokens[c.cue.tokStart]!.start, end: v.tokens[c.cue.tokEnd - 1]!.end, lemma: c.cue.lemma } : null;
  let confidence = c.confidence;
  if (!speaker.resolved) confidence -= 0.2;
  if (c.inherit) confidence -= 0.05;
  return {
    id: '', type: c.type, start: c.start, end: c.end,
    speaker: { entity: speaker.entity, name: speaker.name, start: speaker.start, end: speaker.end },
    cue, via, date, rule: c.rule, confidence: Math.round(confidence * 100) / 100,
  };
}
