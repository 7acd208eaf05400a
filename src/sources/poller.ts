/**
 * The poll of watched sources: each due source read once per interval (a conditional request;
 * backoff after failures), its new or changed items read with the link reader, their figures
 * extracted and queued for review with the source, title, date and link. An item whose figures
 * the store already holds is not queued; a trusted source's item lands at once when every figure
 * passed the checks. One process polls at a time (the repository's exclusive round).
 */
import type { Logger } from 'pino';
import { articleOf, type ReportInput, readReportFile } from '../admin/report-input.js';
import { readReport } from '../admin/report.js';
import { REPORT_LIMITS } from '../admin/report-input.js';
import type { Fact } from '../store/schema.js';
import type { Storage } from '../storage/storage.js';
import { type FeedItem, readFeed } from './feed.js';
import { type PoliteOptions, politeGet } from './polite-fetch.js';
import { checkRobots } from './robots.js';
import { applyItems, type ItemFigures, itemFigures, passesChecks } from './review-queue.js';
import { failureText } from './source-errors.js';
import {
  isDue,
  MAX_ITEM_TEXT,
  nextPollAfter,
  type QueueItem,
  type WatchedSource,
} from './watched.js';

export interface WatchOptions {
  readonly storage: Storage;
  readonly http: Pick<PoliteOptions, 'userAgent' | 'timeoutMs' | 'allowPrivate'>;
  readonly log: Logger;
  readonly now?: () => Date;
  /** Figures a trusted source landed without review: the bulletins of their places. */
  readonly published?: (facts: Fact[]) => Promise<void>;
}

export interface SourceReport {
  readonly source: WatchedSource;
  readonly outcome: 'unchanged' | 'read' | 'failed';
  readonly queued: QueueItem[];
  readonly applied: QueueItem[];
  readonly error: string | null;
}

/** A new source's first read takes only its newest items; the older ones count as seen. */
export const FIRST_POLL_ITEMS = 3;
/** Articles read per source and round: the rest wait for the next round. */
export const ARTICLES_PER_POLL = 5;
const FEED_BYTES = 2 * 1024 * 1024;
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.8';

/** The new or changed items to read this round; on a first read, the older ones marked seen. */
async function freshItems(o: WatchOptions, src: WatchedSource, items: FeedItem[]) {
  const repo = o.storage.sources;
  const seen = await repo.fingerprints(
    src.id,
    items.map((i) => i.key),
  );
  const fresh = items.filter((item) => seen.get(item.key) !== item.fingerprint);
  if (src.lastPolledAt) return fresh.slice(0, ARTICLES_PER_POLL);
  for (const old of fresh.slice(FIRST_POLL_ITEMS))
    await repo.claimItem(src.id, old.key, old.fingerprint);
  return fresh.slice(0, FIRST_POLL_ITEMS);
}

/** The article behind an item: a page, or a report file it links to (PDF, Word). */
async function articleAt(o: WatchOptions, link: string): Promise<ReportInput> {
  const http = { ...o.http, maxBytes: REPORT_LIMITS.pageBytes };
  await checkRobots(link, http);
  const res = await politeGet(link, http);
  if (/html/i.test(res.contentType) || !res.contentType)
    return articleOf(res.body.toString('utf8'), res.url);
  const name = new URL(res.url).pathname.split('/').pop() || 'tep';
  const ext = /pdf/i.test(res.contentType)
    ? 'pdf'
    : /wordprocessingml/i.test(res.contentType)
      ? 'docx'
      : null;
  const input = await readReportFile(
    res.body,
    ext && !name.endsWith(`.${ext}`) ? `${name}.${ext}` : name,
  );
  return { ...input, url: res.url, publisher: new URL(res.url).hostname };
}

/** Queues one item when its figures add to or change the store; null when they do not. */
async function queueItem(o: WatchOptions, src: WatchedSource, item: FeedItem) {
  const input = await articleAt(o, item.link);
  const reading = readReport(input.text);
  if (!reading.figures.length) return null;
  const queued = {
    ...{ sourceId: src.id, key: item.key, link: item.link, publisher: src.publisher },
    title: (item.title || input.title || item.link).slice(0, 300),
    published: item.published,
    place: src.place ?? reading.place,
    text: input.text.slice(0, MAX_ITEM_TEXT),
    figures: reading.figures.length,
  };
  const figures = itemFigures(queued, queued.place, reading);
  if (figures) {
    const p = await o.storage.data.preview(figures.items.map((i) => i.fact));
    if (!p.added.length && !p.changed.length && !figures.plans.length) return null;
  }
  return { q: await o.storage.sources.enqueue(queued), figures };
}

/** A trusted source's item whose every figure passed the checks lands at once. */
async function landTrusted(
  o: WatchOptions,
  src: WatchedSource,
  q: QueueItem,
  figures: ItemFigures | null,
): Promise<boolean> {
  if (!src.trusted || !figures || !(await passesChecks(o.storage, figures))) return false;
  const done = await applyItems(o.storage, [q.id], `nguon:${src.id}`);
  await o.published?.(done.facts);
  return true;
}

async function readItems(o: WatchOptions, src: WatchedSource, items: FeedItem[]) {
  const queued: QueueItem[] = [];
  const applied: QueueItem[] = [];
  for (const item of await freshItems(o, src, items)) {
    // claimed before reading: another replica never reads the same item
    if (!(await o.storage.sources.claimItem(src.id, item.key, item.fingerprint))) continue;
    try {
      const found = await queueItem(o, src, item);
      if (found)
        ((await landTrusted(o, src, found.q, found.figures)) ? applied : queued).push(found.q);
    } catch (err) {
      await o.storage.sources.forgetItem(src.id, item.key);
      o.log.warn({ source: src.id, link: item.link, reason: failureText(err) }, 'item not read');
    }
  }
  return { queued, applied };
}

/** The source's items, or null when it has not changed since the validators it gave. */
async function readSourceFeed(o: WatchOptions, src: WatchedSource) {
  const http = { ...o.http, maxBytes: FEED_BYTES, accept: FEED_ACCEPT };
  await checkRobots(src.url, http);
  const res = await politeGet(src.url, { ...http, etag: src.etag, lastModified: src.lastModified });
  if (res.status === 304) return { items: null, etag: src.etag, lastModified: src.lastModified };
  const items = readFeed(res.body.toString('utf8'), res.contentType, res.url);
  return { items, etag: res.etag, lastModified: res.lastModified };
}

/** Reads one source now; its poll state is saved whatever happens. */
export async function pollSource(o: WatchOptions, src: WatchedSource): Promise<SourceReport> {
  const now = o.now?.() ?? new Date();
  const base = { lastPolledAt: now.toISOString(), found: src.found };
  try {
    const { items, etag, lastModified } = await readSourceFeed(o, src);
    const { queued, applied } = items
      ? await readItems(o, src, items)
      : { queued: [], applied: [] };
    const found = src.found + queued.length + applied.length;
    await o.storage.sources.savePoll(src.id, {
      ...{ ...base, found, failures: 0, lastError: null, etag, lastModified },
      nextPollAt: nextPollAfter(now, src.intervalMin, 0),
    });
    return { source: src, outcome: items ? 'read' : 'unchanged', queued, applied, error: null };
  } catch (err) {
    const error = failureText(err);
    const failures = src.failures + 1;
    await o.storage.sources.savePoll(src.id, {
      // not a read: a first read that failed stays a first read (its newest items only)
      ...{ ...base, lastPolledAt: src.lastPolledAt, failures, lastError: error },
      ...{ etag: src.etag, lastModified: src.lastModified },
      nextPollAt: nextPollAfter(now, src.intervalMin, failures),
    });
    o.log.warn({ source: src.id, reason: error, failures }, 'source not read');
    return { source: src, outcome: 'failed', queued: [], applied: [], error };
  }
}

/**
 * One round: every due source (every source with `all`), in this process only if no other is
 * polling; null when another is.
 */
export function pollDue(o: WatchOptions, all = false): Promise<SourceReport[] | null> {
  return o.storage.sources.exclusive(async () => {
    const now = o.now?.() ?? new Date();
    const reports: SourceReport[] = [];
    for (const src of await o.storage.sources.list())
      if (all || isDue(src, now)) reports.push(await pollSource(o, src));
    return reports;
  });
}
