import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis } from '../types.js';
import { contentHash, minhash, signatureBytes } from './fingerprint.js';

/**
 * An analysed article made ready for the store: fingerprints and the compressed analysis are
 * computed where the analysis ran (a worker thread), so the single writer only writes.
 */
export interface PreparedArticle {
  analysis: Analysis;
  contentHash: string;
  /** MinHash signature of the text's shingles, as bytes. */
  signature: Uint8Array;
  /** The analysis without its text, as deflated JSON (the text is stored once, in its column). */
  blob: Uint8Array;
}

export function prepareArticle(analysis: Analysis): PreparedArticle {
  const { text, ...rest } = analysis;
  return {
    analysis,
    contentHash: contentHash(text),
    signature: signatureBytes(minhash(text)),
    blob: deflateRawSync(JSON.stringify(rest), { level: 1 }),
  };
}

/** The stored analysis back in the contract's shape, `text` in its place after `url`. */
export function unpackAnalysis(blob: Uint8Array, text: string): Analysis {
  const rest = JSON.parse(inflateRawSync(blob).toString('utf8')) as Omit<Analysis, 'text'>;
  const { entities, quotes, events, issues, boilerplate, ...head } = rest;
  return { ...head, text, entities, quotes, events, issues, boilerplate };
}
