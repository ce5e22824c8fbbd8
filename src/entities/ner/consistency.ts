import { spansOf, type LabelSpan } from './scoring.js';

/**
 * One name, one type within a document. A name the tagger typed several ways takes its
 * majority type, and a lone surname takes PER when the document gave a full name that ends
 * with it ("Donald Trump" … "Trump administration"). Labels are IOB2 and changed in place;
 * only types change, never boundaries.
 */
export function harmonizeTypes(sentences: readonly (readonly string[])[], labels: string[][]): void {
  const spans: Array<{ si: number; span: LabelSpan; text: string }> = [];
  const votes = new Map<string, Map<string, number>>();
  const surnames = new Set<string>();
  sentences.forEach((words, si) => {
    for (const span of spansOf(labels[si]!)) {
      const text = words.slice(span.start, span.end).join(' ');
      spans.push({ si, span, text });
      let v = votes.get(text);
      if (!v) {
        v = new Map();
        votes.set(text, v);
      }
      v.set(span.type, (v.get(span.type) ?? 0) + 1);
      if (span.type === 'PER' && span.end - span.start >= 2) surnames.add(words[span.end - 1]!);
    }
  });
  for (const { si, span, text } of spans) {
    let type = span.type;
    if (span.end - span.start === 1 && surnames.has(text)) {
      type = 'PER';
    } else {
      let best = votes.get(text)!.get(type)!;
      for (const [t, n] of votes.get(text)!) if (n > best) [type, best] = [t, n];
    }
    if (type === span.type) continue;
    const row = labels[si]!;
    for (let i = span.start; i < span.end; i++) row[i] = (i === span.start ? 'B-' : 'I-') + type;
  }
}
