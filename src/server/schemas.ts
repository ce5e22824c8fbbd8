import { z } from 'zod';
import { parsePartialDate } from '../ingest/dates.js';

// Request schemas shared by the API routes and the OpenAPI document generated from them.
// Query strings arrive as text, so numbers and booleans are coerced from it.

/** A calendar date at day, month or year precision; 2025-02-30 is refused like any non-date. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((v) => parsePartialDate(v) !== null, 'not a calendar date');

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export const paging = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe('Rows per page (1–1000)'),
  offset: z.coerce.number().int().min(0).default(0).describe('Rows to skip'),
});

export const dateRange = z.object({
  from: partialDate.optional().describe('First day included'),
  to: partialDate.optional().describe('Last day included'),
});

export const quoteType = z.enum(['direct', 'mixed', 'indirect']);
export const modality = z.enum(['asserted', 'negated', 'hypothetical', 'intended', 'ongoing']);
export const granularity = z.enum(['day', 'week', 'month']);

export const articleList = paging.extend(dateRange.shape).extend({
  source: z.string().max(200).optional().describe('Only articles from this source'),
  duplicates: flag.describe('Include duplicates and near-duplicates'),
});

export const idParam = z.object({ id: z.string().min(1).max(500) });

export const statementList = paging.extend(dateRange.shape).extend({
  text: z.string().min(1).max(500).optional().describe('Full-text query over the statements'),
  speaker: z.string().max(200).optional().describe('Speaker name, alias or entity id'),
  issue: z.string().max(100).optional().describe('Issue id'),
  type: quoteType.optional(),
  outlet: z.string().max(200).optional().describe('Only statements relayed through this outlet'),
  article: z.string().max(500).optional().describe('Only statements of this article'),
});

export const entityList = paging.extend({
  q: z.string().max(200).optional().describe('Name or alias contains'),
  type: z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']).optional(),
  actor: z.string().regex(/^[A-Z]{2,12}$/, 'expected an actor code prefix such as RUS or USAGOV').optional(),
});

export const entityDetail = paging.extend({ allModalities: flag.describe('Count events that did not happen too') });

export const eventList = paging.extend(dateRange.shape).extend({
  actor: z.string().regex(/^[A-Z]{2,12}$/, 'expected an actor code prefix such as RUS').optional(),
  target: z.string().regex(/^[A-Z]{2,12}$/, 'expected an actor code prefix such as USA').optional(),
  code: z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code or prefix: 2–4 digits').optional(),
  quad: z.coerce.number().int().min(1).max(4).optional().describe('Quad class 1–4'),
  modality: modality.optional().describe('Only events of this modality (implies all modalities)'),
  issue: z.string().max(100).optional(),
  allModalities: flag.describe('Include events that did not happen (negated, hypothetical, intended, ongoing)'),
});

export const timelineQuery = dateRange.extend({
  a: z.string().min(1).max(200).describe('Actor code prefix (RUS, USAGOV) or entity name'),
  b: z.string().min(1).max(200).optional().describe('Second actor; omitted: all events of the first'),
  by: granularity.default('day'),
  allModalities: flag.describe('Count events that did not happen too'),
});

export const issueList = paging.extend(dateRange.shape);
export const issueDetail = paging.extend(dateRange.shape).extend({ by: granularity.default('day') });

export const analyzeBody = z
  .object({
    text: z.string().min(1).max(200_000).optional().describe('Article text to analyse'),
    url: z.string().url().regex(/^https?:\/\//i, 'only http(s) URLs').optional().describe('A page or feed to fetch and analyse'),
    date: partialDate.optional(),
    title: z.string().max(500).optional(),
  })
  .refine((b) => (b.text === undefined) !== (b.url === undefined), { message: 'give exactly one of text or url' });

export const articleKind = z.literal('article');
