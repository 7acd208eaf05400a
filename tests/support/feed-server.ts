/**
 * Feeds and article pages served from 127.0.0.1 for the watcher's tests: each path answers with
 * what the test set (a body, a status, a redirect, a delay), every request is counted and its
 * headers kept, and ETag / Last-Modified are honoured as a server would.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  location?: string;
  etag?: string;
  lastModified?: string;
  /** Answers after this many milliseconds (a source that hangs). */
  delayMs?: number;
}

export class FeedServer {
  private server: Server | null = null;
  readonly routes = new Map<string, Route>();
  readonly hits = new Map<string, number>();
  readonly requests: { path: string; headers: IncomingHttpHeaders }[] = [];

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }
  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** What SOURCES_ALLOW_PRIVATE names to let the watcher read this server. */
  get allow(): string {
    return `127.0.0.1:${this.port}`;
  }
  url(path: string): string {
    return `${this.origin}${path}`;
  }
  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/';
      this.hits.set(path, this.hitsOf(path) + 1);
      this.requests.push({ path, headers: req.headers });
      const r = this.routes.get(path);
      const answer = () => {
        if (!r) return res.writeHead(404).end('not found');
        if (r.etag && req.headers['if-none-match'] === r.etag) return res.writeHead(304).end();
        const headers: Record<string, string> = {
          'content-type': r.type ?? 'text/html; charset=utf-8',
        };
        if (r.location) headers.location = r.location;
        if (r.etag) headers.etag = r.etag;
        if (r.lastModified) headers['last-modified'] = r.lastModified;
        res.writeHead(r.status ?? 200, headers).end(r.body ?? '');
      };
      if (r?.delayMs) setTimeout(answer, r.delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export interface FeedEntry {
  readonly guid: string;
  readonly link: string;
  readonly title: string;
  readonly date: string;
  readonly summary?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function rss(entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `<item><title>${esc(e.title)}</title><link>${esc(e.link)}</link><guid>${esc(e.guid)}</guid><pubDate>${new Date(e.date).toUTCString()}</pubDate><description>${esc(e.summary ?? '')}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>${items}</channel></rss>`;
}

export function atom(entries: readonly FeedEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `<entry><title>${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/><id>${esc(e.guid)}</id><updated>${e.date}</updated><summary>${esc(e.summary ?? '')}</summary></entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title>${items}</feed>`;
}

/** An article page: a site's frame around the report's paragraphs. */
export function articlePage(title: string, paragraphs: readonly string[]): string {
  const body = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!doctype html><html><head><title>${esc(title)}</title></head><body>
<nav><a href="/">Trang chủ</a> · <a href="/tin">Tin tức</a></nav>
<article><h1>${esc(title)}</h1>${body}</article>
<footer>Cổng thông tin điện tử</footer></body></html>`;
}

/** A report as a site posts it: its title and paragraphs. */
export interface PostedReport {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/**
 * An RSS feed at `path` whose items are these reports, each an article page at /bai/<id>,
 * titled "Tin <id>" in the feed.
 */
export function serveFeed(
  feeds: FeedServer,
  path: string,
  items: readonly { id: string; date: string; report: PostedReport }[],
): void {
  const entries = items.map(({ id, date }) => ({
    ...{ guid: id, link: feeds.url(`/bai/${id}`), title: `Tin ${id}`, date },
  }));
  feeds.routes.set(path, { type: 'application/rss+xml', body: rss(entries) });
  for (const { id, report } of items)
    feeds.routes.set(`/bai/${id}`, { body: articlePage(report.title, report.paragraphs) });
}
