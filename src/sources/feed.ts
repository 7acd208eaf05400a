/**
 * The items of a source: an RSS 2.0 or Atom feed, or an HTML listing page whose links lead to
 * reports (a link counts when its words name a report topic of intents/sources.json). Each item
 * has a key (its guid or link) and a fingerprint that changes when the item does, so that an
 * updated article is read again and an unchanged one never.
 */
import { createHash } from 'node:crypto';
import { DOMParser } from 'linkedom';
import { foldPhrase } from '../normalize/fold.js';
import { sourceWords } from './source-words.js';

export interface FeedItem {
  readonly key: string;
  readonly link: string;
  readonly title: string;
  readonly published: string | null;
  readonly fingerprint: string;
}

export class NotAFeedError extends Error {}

/** Feeds list far more than a month's reports; the newest this many are looked at. */
export const MAX_FEED_ITEMS = 50;

type El = {
  querySelector(s: string): El | null;
  querySelectorAll(s: string): Iterable<El>;
  getAttribute(n: string): string | null;
  textContent: string | null;
};

const text = (el: El | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const hash = (...parts: string[]) =>
  createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 22);

function isoDate(s: string): string | null {
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    u.hash = '';
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

function rssItem(it: El, base: string): FeedItem | null {
  const link = absolute(text(it.querySelector('link')), base);
  if (!link) return null;
  const date = text(it.querySelector('pubDate')) || text(it.querySelector('date'));
  const title = text(it.querySelector('title'));
  const body = text(it.querySelector('description'));
  return {
    key: text(it.querySelector('guid')) || link,
    ...{ link, title, published: isoDate(date) },
    fingerprint: hash(title, date, body),
  };
}

function atomLink(entry: El): string | null {
  const links = [...entry.querySelectorAll('link')];
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  return (alt ?? links[0])?.getAttribute('href') ?? null;
}

function atomEntry(entry: El, base: string): FeedItem | null {
  const href = atomLink(entry);
  const link = href && absolute(href, base);
  if (!link) return null;
  const updated = text(entry.querySelector('updated')) || text(entry.querySelector('published'));
  const title = text(entry.querySelector('title'));
  const body = text(entry.querySelector('summary')) || text(entry.querySelector('content'));
  return {
    key: text(entry.querySelector('id')) || link,
    ...{ link, title, published: isoDate(text(entry.querySelector('published')) || updated) },
    fingerprint: hash(title, updated, body),
  };
}

function feedItems(xml: string, base: string): FeedItem[] | null {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as El & {
    documentElement?: { tagName?: string };
  };
  const root = doc.documentElement?.tagName?.toLowerCase() ?? '';
  if (root === 'rss' || root.endsWith('rdf'))
    return [...doc.querySelectorAll('item')].map((i) => rssItem(i, base)).filter((i) => !!i);
  if (root === 'feed')
    return [...doc.querySelectorAll('entry')].map((e) => atomEntry(e, base)).filter((e) => !!e);
  return null;
}

/** A link whose words name a report topic, on the listing's own site. */
function listingLink(a: El, base: URL): FeedItem | null {
  const link = absolute(a.getAttribute('href') ?? '', base.href);
  const title = text(a) || (a.getAttribute('title') ?? '').trim();
  if (!link || new URL(link).hostname !== base.hostname || link === base.href) return null;
  if (title.length < 12 || title.length > 400) return null;
  const folded = ` ${foldPhrase(title)} `;
  if (!sourceWords().listingWords.some((w) => folded.includes(` ${w} `))) return null;
  return { key: link, link, title, published: null, fingerprint: hash(title) };
}

function listingItems(html: string, base: string): FeedItem[] {
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as El;
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  const page = new URL(base);
  for (const a of doc.querySelectorAll('a[href]')) {
    const item = listingLink(a, page);
    if (!item || seen.has(item.key)) continue;
    seen.add(item.key);
    out.push(item);
  }
  return out;
}

const looksLikeHtml = (body: string, type: string) =>
  /html/i.test(type) || /^\s*(<!doctype html|<html)/i.test(body);
const looksLikeXml = (body: string, type: string) =>
  /xml|rss|atom/i.test(type) || /^\s*<\?xml|^\s*<(rss|feed|rdf:RDF)\b/i.test(body);

/** The newest items of a feed or listing page; NotAFeedError when the body is neither. */
export function readFeed(body: string, contentType: string, url: string): FeedItem[] {
  const xml = looksLikeXml(body, contentType) ? feedItems(body, url) : null;
  const items = xml ?? (looksLikeHtml(body, contentType) ? listingItems(body, url) : null);
  if (!items) throw new NotAFeedError(contentType || 'unknown');
  return items
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
    .slice(0, MAX_FEED_ITEMS);
}
