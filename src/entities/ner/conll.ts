import { readFileSync } from 'node:fs';

/** One sentence of a CoNLL file: its words and their gold labels (IOB2, e.g. B-PER). */
export interface LabelledSentence {
  words: string[];
  labels: string[];
}

/** A CoNLL document (the text between two -DOCSTART- lines): the unit of document-level features. */
export interface LabelledDoc {
  sentences: LabelledSentence[];
}

/**
 * Reads a CoNLL-2003-style file: one token per line, word first and the entity label last,
 * blank lines between sentences, `-DOCSTART-` between documents. IOB1 labels (an I- that
 * starts an entity) are normalised to IOB2 so either flavour trains the same model.
 */
export function readConll(path: string): LabelledDoc[] {
  return parseConll(readFileSync(path, 'utf8'), path);
}

export function parseConll(text: string, origin = '<conll>'): LabelledDoc[] {
  const docs: LabelledDoc[] = [];
  let doc: LabelledDoc = { sentences: [] };
  let sentence: LabelledSentence = { words: [], labels: [] };
  const endSentence = (): void => {
    if (sentence.words.length > 0) {
      sentence.labels = toIob2(sentence.labels);
      doc.sentences.push(sentence);
    }
    sentence = { words: [], labels: [] };
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endDoc();
      continue;
    }
    const label = cols[cols.length - 1]!;
    if (cols.length < 2 || !/^(O|[BIELSU]-[A-Za-z]+)$/.test(label)) {
      throw new Error(`${origin}:${i + 1}: expected "<word> ... <label>" with a label like O or B-PER, got "${line}"`);
    }
    sentence.words.push(cols[0]!);
    sentence.labels.push(label);
  }
  endDoc();
  return docs;
}

/** IOB1/IOBES → IOB2: every entity starts with B-. */
function toIob2(labels: string[]): string[] {
  const out: string[] = [];
  let prevType = '';
  for (const label of labels) {
    if (label === 'O') {
      out.push('O');
      prevType = '';
      continue;
    }
    const prefix = label[0]!;
    const type = label.slice(2);
    const continues = (prefix === 'I' || prefix === 'E' || prefix === 'L') && prevType === type;
    out.push((continues ? 'I-' : 'B-') + type);
    prevType = prefix === 'E' || prefix === 'L' || prefix === 'S' || prefix === 'U' ? '' : type;
  }
  return out;
}
