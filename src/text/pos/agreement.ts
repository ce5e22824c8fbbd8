import { type Tagged, UPOS } from './tags.js';

/** Per tag: tokens the reference and the tagger gave it, tags agreed on, lemmas agreed on. */
interface TagRow {
  tag: string;
  reference: number;
  predicted: number;
  agree: number;
  lemmaAgree: number;
}

/** How closely one tagger (tags and lemmas) follows a reference on the same sentences. */
export interface Agreement {
  tokens: number;
  tagAgree: number;
  /** Per reference tag: tag agreement (recall) and lemma agreement on the tokens of that tag. */
  byTag: TagRow[];
}

export function measureAgreement(reference: Tagged[], ours: Tagged[]): Agreement {
  const rows = new Map<string, TagRow>(UPOS.map((tag) => [tag, { tag, reference: 0, predicted: 0, agree: 0, lemmaAgree: 0 }]));
  let tokens = 0;
  let tagAgree = 0;
  reference.forEach((ref, s) => {
    const got = ours[s]!;
    ref.pos.forEach((tag, i) => {
      const row = rows.get(tag)!;
      row.reference++;
      rows.get(got.pos[i]!)!.predicted++;
      tokens++;
      if (got.pos[i] === tag) {
        row.agree++;
        tagAgree++;
      }
      if (got.lemma[i] === ref.lemma[i]) row.lemmaAgree++;
    });
  });
  return { tokens, tagAgree, byTag: [...rows.values()].filter((r) => r.reference + r.predicted > 0) };
}

const pct = (a: number, b: number): string => (b ? (100 * a / b).toFixed(2) : '–');

/** A Markdown table of an agreement: per tag, tag recall/precision and lemma agreement. */
export function agreementTable(a: Agreement): string {
  const lines = [
    '| tag | tokens (reference) | tag agrees (recall) | precision | lemma agrees |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const r of a.byTag) lines.push(`| ${r.tag} | ${r.reference} | ${pct(r.agree, r.reference)} | ${pct(r.agree, r.predicted)} | ${pct(r.lemmaAgree, r.reference)} |`);
  const lemmas = a.byTag.reduce((n, r) => n + r.lemmaAgree, 0);
  lines.push(`| **all** | ${a.tokens} | **${pct(a.tagAgree, a.tokens)}** | | ${pct(lemmas, a.tokens)} |`);
  return lines.join('\n');
}
