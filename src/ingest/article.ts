import type { Article, PartialDate } from '../types.js';
import { markBoilerplate } from './boilerplate.js';
import { contentId } from './ids.js';
import { skip, type ResolvedReadOptions, type Skip } from './types.js';

export interface ArticleFields {
  /** The input's own id for the article, when it has one. */
  id?: string | null;
  date: PartialDate | null;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  text: string;
  origin: string;
}

/**
 * The last step of every reader: checks the text is there and within the size limit, gives the
 * article its id and marks its boilerplate. `text` is used exactly as given.
 */
export function finishArticle(fields: ArticleFields, options: ResolvedReadOptions): Article | Skip {
  const { text, origin } = fields;
  if (text.trim() === '') return skip(origin, 'missing text', 'no article text');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > options.maxBytes) return overSize(origin, bytes, options.maxBytes);
  const date = fields.date ?? options.date;
  return {
    id: fields.id || contentId(text, date),
    date,
    title: clean(fields.title),
    source: clean(fields.source),
    url: clean(fields.url),
    text,
    boilerplate: markBoilerplate(text),
    origin,
  };
}

export function overSize(origin: string, bytes: number, maxBytes: number): Skip {
  return skip(
    origin,
    'over size limit',
    `article text is ${bytes} bytes, above the ${maxBytes}-byte limit (--max-bytes)`,
  );
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}
