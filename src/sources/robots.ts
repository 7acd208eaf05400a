/**
 * robots.txt, honoured before the watcher reads a feed or an article: read once a day per site
 * (robots-parser), matched on the product name of our User-Agent. A site without one (4xx)
 * allows everything; one that cannot be read now is asked again next time.
 */
import { createRequire } from 'node:module';
import { type PoliteOptions, politeGet, SourceFetchError } from './polite-fetch.js';

interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
}

// a CommonJS module whose typings declare an ES default export: required as what it is
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  robotstxt: string,
) => Robot;

const DAY_MS = 24 * 3_600_000;
const ROBOTS_BYTES = 512 * 1024;
const cache = new Map<string, { robot: Robot | null; until: number }>();

/** Forgets what was read (tests; a site's rules changed). */
export function forgetRobots(): void {
  cache.clear();
}

async function robotOf(origin: string, http: PoliteOptions): Promise<Robot | null> {
  const hit = cache.get(origin);
  if (hit && hit.until > Date.now()) return hit.robot;
  const url = `${origin}/robots.txt`;
  try {
    const res = await politeGet(url, {
      ...http,
      maxBytes: ROBOTS_BYTES,
      etag: null,
      lastModified: null,
    });
    const robot = robotsParser(url, res.body.toString('utf8'));
    cache.set(origin, { robot, until: Date.now() + DAY_MS });
    return robot;
  } catch (err) {
    const missing =
      err instanceof SourceFetchError && err.code === 'status' && /^4/.test(err.detail);
    if (missing) cache.set(origin, { robot: null, until: Date.now() + DAY_MS });
    return null;
  }
}

/** Throws SourceFetchError('robots') when the site asks bots like ours not to read this URL. */
export async function checkRobots(url: string, http: PoliteOptions): Promise<void> {
  if (!URL.canParse(url)) return;
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
  const robot = await robotOf(u.origin, http);
  const agent = http.userAgent.split('/')[0]!;
  if (robot?.isDisallowed(url, agent)) throw new SourceFetchError('robots', u.pathname);
}
