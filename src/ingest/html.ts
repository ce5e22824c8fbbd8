import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PartialDate } from '../types.js';
import { parseLooseDate } from './dates.js';
import { nodeToText } from './htmltext.js';

/** What a page yields before it becomes an Article. */
export interface PageContent {
  title: string | null;
  source: string | null;
  date: PartialDate | null;
  url: string | null;
  text: string;
}

/** Meta tags (property, name or itemprop, lower-cased) that carry each field, best first. */
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued',
  'dcterms.date', 'dcterms.issued', 'dcterms.created', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date',
  'sailthru.date', 'article.published',
];
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'headline'];
const SOURCE_META = ['og:site_name', 'application-name', 'publisher', 'dc.publisher'];
const URL_META = ['og:url'];

/** Readability's text below this many characters means it missed the article; fall back to the body. */
const MIN_READABLE_CHARS = 200;

interface Element {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

function metaMap(document: { querySelectorAll(sel: string): ArrayLike<Element> }): Map<string, string> {
  const map = new Map<string, string>();
  const metas = document.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop'))?.toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function first(map: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return v;
  }
  return null;
}

/** datePublished, headline and publisher name from JSON-LD blocks (@graph and arrays included). */
function jsonLd(document: { querySelectorAll(sel: string): ArrayLike<Element> }): {
  date: string | null;
  title: string | null;
  source: string | null;
} {
  const found = { date: null as string | null, title: null as string | null, source: null as string | null };
  const visit = (node: unknown, depth: number): void => {
    if (depth > 6 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, depth + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    if (typeof o.datePublished === 'string') found.date ??= o.datePublished;
    if (typeof o.headline === 'string') found.title ??= o.headline;
    const publisher = o.publisher as Record<string, unknown> | undefined;
    if (publisher && typeof publisher.name === 'string') found.source ??= publisher.name;
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is common on real pages; the meta tags still count.
    }
  }
  return found;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The article in an HTML page: main text by Readability (the page's body when Readability finds
 * too little), title, site name, publication date and canonical URL from the page's metadata.
 */
export function readHtmlPage(html: string, pageUrl: string | null): PageContent {
  const { document } = parseHTML(html);
  // Metadata first: Readability rewrites the document as it works.
  const meta = metaMap(document);
  const ld = jsonLd(document);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const pageTitle = document.querySelector('title')?.textContent?.trim() || null;
  const bodyText = document.body ? nodeToText(document.body as never) : '';

  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(document as never).parse();
  } catch {
    article = null;
  }
  let text = '';
  if (article?.content) {
    const { document: fragment } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = nodeToText(fragment.body as never);
  }
  if (text.length < MIN_READABLE_CHARS && bodyText.length > text.length) text = bodyText;

  const rawDate = first(meta, DATE_META) ?? ld.date ?? article?.publishedTime ?? null;
  const url = pageUrl ?? first(meta, URL_META) ?? canonical;
  return {
    title: first(meta, TITLE_META) ?? ld.title ?? article?.title ?? pageTitle,
    source: first(meta, SOURCE_META) ?? ld.source ?? article?.siteName ?? hostOf(url),
    date: rawDate ? parseLooseDate(rawDate) : null,
    url,
    text,
  };
}
