import { DOMParser } from 'linkedom';
import { parseLooseDate } from './dates.js';
import { htmlToText } from './htmltext.js';

/** One item of an RSS 2.0, RSS 1.0 (RDF) or Atom feed. */
export interface FeedItem {
  /** Position in the feed, 1-based, for messages. */
  index: number;
  id: string | null;
  title: string | null;
  link: string | null;
  /** Raw date string as the feed gives it, and its parse (null when missing or unreadable). */
  rawDate: string | null;
  date: string | null;
  text: string;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

interface XmlElement {
  tagName: string;
  children: ArrayLike<XmlElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

const kids = (el: XmlElement): XmlElement[] => Array.from(el.children);
const nameOf = (el: XmlElement): string => el.tagName.toLowerCase();

function child(el: XmlElement, ...names: string[]): XmlElement | null {
  for (const n of names) {
    const found = kids(el).find((c) => nameOf(c) === n);
    if (found) return found;
  }
  return null;
}

function childText(el: XmlElement, ...names: string[]): string | null {
  const t = child(el, ...names)?.textContent?.trim();
  return t ? t : null;
}

/** Atom text constructs: `type="html"`/`xhtml` hold markup, plain text otherwise. */
function atomText(el: XmlElement | null): string | null {
  if (!el) return null;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  const raw = el.textContent ?? '';
  const text = type === 'text' ? raw.trim() : htmlToText(raw);
  return text ? text : null;
}

function atomLink(entry: XmlElement): string | null {
  const links = kids(entry).filter((c) => nameOf(c) === 'link');
  const best = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return best?.getAttribute('href') ?? null;
}

function rssItem(item: XmlElement, index: number): FeedItem {
  const rawDate = childText(item, 'pubdate', 'dc:date', 'date');
  const body = childText(item, 'content:encoded', 'description');
  return {
    index,
    id: childText(item, 'guid') ?? item.getAttribute('rdf:about'),
    title: childText(item, 'title'),
    link: childText(item, 'link'),
    rawDate,
    date: rawDate ? parseLooseDate(rawDate) : null,
    text: body ? htmlToText(body) : '',
  };
}

function atomEntry(entry: XmlElement, index: number): FeedItem {
  const rawDate = childText(entry, 'published', 'updated', 'dc:date');
  return {
    index,
    id: childText(entry, 'id'),
    title: atomText(child(entry, 'title')),
    link: atomLink(entry),
    rawDate,
    date: rawDate ? parseLooseDate(rawDate) : null,
    text: atomText(child(entry, 'content', 'summary')) ?? '',
  };
}

/** The items of a feed, or null when the document is neither RSS nor Atom. */
export function parseFeed(xml: string): Feed | null {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { documentElement: XmlElement | null };
  const root = doc.documentElement;
  if (!root) return null;
  const rootName = nameOf(root);
  if (rootName === 'feed') {
    const entries = kids(root).filter((c) => nameOf(c) === 'entry');
    return { title: atomText(child(root, 'title')), items: entries.map((e, i) => atomEntry(e, i + 1)) };
  }
  if (rootName === 'rss' || rootName === 'rdf:rdf') {
    const channel = child(root, 'channel');
    // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it.
    const holder = rootName === 'rss' && channel ? channel : root;
    const items = kids(holder).filter((c) => nameOf(c) === 'item');
    return { title: channel ? childText(channel, 'title') : null, items: items.map((e, i) => rssItem(e, i + 1)) };
  }
  return null;
}
