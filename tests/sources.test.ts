/**
 * Watched sources: feeds and listing pages read, the polite fetch (User-Agent, conditional
 * requests, limits, private addresses refused), the /nguon words, and the watcher on both
 * storages against feeds served from 127.0.0.1: a new item found once, a changed item read
 * again, a source that hangs or returns garbage, a redirect to a private address refused, two
 * replicas polling at once reading each item once, a trusted source landing its figures.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { askInChat } from '../src/core/conversation.js';
import { NotAFeedError, readFeed } from '../src/sources/feed.js';
import { pollDue, type WatchOptions } from '../src/sources/poller.js';
import { isPrivateAddress, politeGet, SourceFetchError } from '../src/sources/polite-fetch.js';
import { applyItems, digestText } from '../src/sources/review-queue.js';
import { parseAddCommand, sourceAction } from '../src/sources/source-command.js';
import { SourceWatcher } from '../src/sources/watch-service.js';
import { forgetRobots } from '../src/sources/robots.js';
import type { NewSource } from '../src/sources/watched.js';
import { factsOfText, FactStore } from '../src/store/fact-store.js';
import { openFileStorage } from '../src/storage/files.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import type { Storage } from '../src/storage/storage.js';
import { SEED_FACTS, tempDir } from './helpers.js';
import { articlePage, atom, FeedServer, rss } from './support/feed-server.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';
import {
  HP_OCTOBER_2026,
  AG_NOVEMBER_2026,
  AG_NOVEMBER_2026_REVISED,
  NOTICE,
} from './support/source-reports.js';

const temp = tempDir('solieu-sources-');
const quiet = pino({ level: 'silent' });
let feeds: FeedServer;
let elsewhere: FeedServer;
let pg: TestPostgres;
let n = 0;

beforeAll(async () => {
  feeds = await new FeedServer().start();
  elsewhere = await new FeedServer().start();
  pg = await startPostgres();
});
afterAll(async () => {
  await feeds.stop();
  await elsewhere.stop();
  await pg?.stop();
  temp.cleanup();
});

const http = () => ({
  userAgent: 'solieu-test/1.0 (watcher)',
  timeoutMs: 2_000,
  allowPrivate: [feeds.allow],
});
const page = (r: { title: string; paragraphs: readonly string[] }) => ({
  body: articlePage(r.title, r.paragraphs),
});

describe('feeds and listing pages', () => {
  const base = 'https://soct.example.vn/tin/';
  it('reads RSS 2.0 and Atom items with a key, a date and a fingerprint', () => {
    const entries = [
      { guid: 'a-1', link: '/bai/1', title: 'Báo cáo tháng 10', date: '2026-11-03T02:00:00Z' },
      { guid: 'a-2', link: '/bai/2', title: 'Báo cáo tháng 11', date: '2026-12-02T02:00:00Z' },
    ];
    for (const body of [rss(entries), atom(entries)]) {
      const items = readFeed(body, 'application/xml', base);
      expect(items.map((i) => i.key)).toEqual(['a-2', 'a-1']);
      expect(items[0]).toMatchObject({
        link: 'https://soct.example.vn/bai/2',
        published: '2026-12-02T02:00:00.000Z',
      });
    }
    const changed = readFeed(rss([{ ...entries[0]!, summary: 'đã sửa' }]), 'text/xml', base);
    expect(changed[0]!.fingerprint).not.toBe(
      readFeed(rss([entries[0]!]), 'text/xml', base)[1 - 1]!.fingerprint,
    );
  });

  it('a listing page: the links on its own site whose words name a report', () => {
    const html = `<html><body><a href="/">Trang chủ</a><a href="/bai/9">Báo cáo tình hình kinh tế tháng 11/2026</a>
      <a href="https://other.example.com/x">Báo cáo của nơi khác tháng 11</a><a href="/lich">Lịch tiếp công dân của lãnh đạo</a>
      <a href="/bai/10">Kim ngạch xuất khẩu 11 tháng tăng khá</a></body></html>`;
    const items = readFeed(html, 'text/html', base);
    expect(items.map((i) => i.link)).toEqual([
      'https://soct.example.vn/bai/9',
      'https://soct.example.vn/bai/10',
    ]);
  });

  it('garbage is not a feed', () => {
    expect(() => readFeed('{"items": []}', 'application/json', base)).toThrow(NotAFeedError);
    expect(() => readFeed('\u0000\u0001binary', 'application/octet-stream', base)).toThrow(
      NotAFeedError,
    );
  });
});

describe('/nguon words', () => {
  it('reads the address, place, publisher, interval and trust, with or without marks', () => {
    const said = parseAddCommand(
      'them https://soct.example.vn/rss An Giang "Sở Công Thương An Giang" mỗi 12 giờ tin cậy',
      '7',
    );
    expect(said).toMatchObject({
      ok: true,
      source: {
        url: 'https://soct.example.vn/rss',
        place: 'an-giang',
        publisher: 'Sở Công Thương An Giang',
        intervalMin: 720,
        trusted: true,
      },
    });
    const bare = parseAddCommand('them https://soct.example.vn/rss an giang moi 2 ngay', '7');
    expect(bare).toMatchObject({
      ok: true,
      source: {
        place: 'an-giang',
        intervalMin: 2880,
        trusted: false,
        publisher: 'soct.example.vn',
      },
    });
    expect(parseAddCommand('them https://x.example.vn/feed tự nhận', '7')).toMatchObject({
      ok: true,
      source: { place: null, intervalMin: 360 },
    });
    expect(sourceAction('xoa 3')).toEqual({ act: 'remove', id: 3 });
    expect(sourceAction('doc')).toEqual({ act: 'poll' });
    expect(sourceAction('')).toEqual({ act: 'list' });
  });

  it('refuses what cannot be watched, saying why in Vietnamese', () => {
    expect(parseAddCommand('them ftp://x.example.vn/feed', '7')).toMatchObject({ ok: false });
    expect(parseAddCommand('them', '7')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('/nguon them'),
    });
    const tooOften = parseAddCommand('them https://x.example.vn/feed mỗi 1 phút', '7');
    expect(tooOften).toMatchObject({ ok: false, reason: expect.stringContaining('15 phút') });
    expect(parseAddCommand('them https://x.example.vn/feed mỗi 3 thế kỷ', '7')).toMatchObject({
      ok: false,
    });
  });
});

describe('the polite fetch', () => {
  it('names the bot, sends the validators it was given and takes a 304', async () => {
    feeds.routes.set('/c', {
      body: 'x',
      etag: '"v1"',
      lastModified: 'Mon, 30 Nov 2026 01:00:00 GMT',
    });
    const first = await politeGet(feeds.url('/c'), { ...http(), maxBytes: 1000 });
    expect(first).toMatchObject({ status: 200, etag: '"v1"' });
    const again = await politeGet(feeds.url('/c'), {
      ...http(),
      maxBytes: 1000,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(again.status).toBe(304);
    const last = feeds.requests.filter((r) => r.path === '/c').at(-1)!;
    expect(last.headers['user-agent']).toBe('solieu-test/1.0 (watcher)');
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Mon, 30 Nov 2026 01:00:00 GMT');
  });

  it('refuses private addresses, directly, by name and through a redirect', async () => {
    const refused = (p: Promise<unknown>, code: string) =>
      expect(p).rejects.toMatchObject({ code });
    const o = { ...http(), maxBytes: 1000 };
    elsewhere.routes.set('/secret', { body: 'internal' });
    await refused(politeGet(elsewhere.url('/secret'), o), 'private');
    await refused(politeGet(`http://localhost:${elsewhere.port}/secret`, o), 'private');
    feeds.routes.set('/jump', { status: 302, location: elsewhere.url('/secret') });
    await refused(politeGet(feeds.url('/jump'), o), 'private');
    expect(elsewhere.hitsOf('/secret')).toBe(0);
    feeds.routes.set('/file', { status: 301, location: 'file:///etc/passwd' });
    await refused(politeGet(feeds.url('/file'), o), 'not_http');
    for (const a of [
      '10.1.2.3',
      '192.168.0.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('stops at the size and time limits', async () => {
    feeds.routes.set('/big', { body: 'x'.repeat(5000) });
    await expect(politeGet(feeds.url('/big'), { ...http(), maxBytes: 1000 })).rejects.toMatchObject(
      { code: 'too_large' },
    );
    feeds.routes.set('/slow', { body: 'late', delayMs: 1500 });
    await expect(
      politeGet(feeds.url('/slow'), { ...http(), timeoutMs: 200, maxBytes: 1000 }),
    ).rejects.toBeInstanceOf(SourceFetchError);
  });
});

interface Backend {
  readonly name: string;
  /** One more replica's storage on the same files or database. */
  open(): Promise<Storage>;
}

async function filesBackend(): Promise<Backend> {
  const dir = join(temp.dir, `files-${++n}`);
  mkdirSync(join(dir, 'state'), { recursive: true });
  const factsPath = join(dir, 'facts.json');
  copyFileSync(SEED_FACTS, factsPath);
  return {
    name: 'files',
    open: async () =>
      openFileStorage(await FactStore.open(factsPath), factsPath, join(dir, 'state'), [7]),
  };
}

async function pgBackend(): Promise<Backend> {
  const url = await pg.database(`sources_${++n}`);
  const seed = () => factsOfText(readFileSync(SEED_FACTS, 'utf8'), 'seed');
  return { name: 'postgres', open: () => openPgStorage(url, { adminIds: [7], seed, poolSize: 4 }) };
}

const source = (path: string, extra: Partial<NewSource> = {}): NewSource => ({
  url: feeds.url(path),
  place: 'an-giang',
  publisher: 'Sở Công Thương An Giang',
  intervalMin: 60,
  trusted: false,
  addedBy: '7',
  ...extra,
});

describe.each([
  ['files', filesBackend],
  ['postgres', pgBackend],
] as const)('the watcher on %s', (_name, make) => {
  let backend: Backend;
  let storage: Storage;
  let prefix: string;
  const opts = (s: Storage, extra: Partial<WatchOptions> = {}): WatchOptions => ({
    storage: s,
    http: http(),
    log: quiet,
    ...extra,
  });

  beforeEach(async () => {
    backend = await make();
    storage = await backend.open();
    prefix = `/${backend.name}-${++n}`;
    return () => storage.close();
  });

  const entry = (id: string, date: string, summary = '') => ({
    guid: `${prefix}-${id}`,
    link: feeds.url(`${prefix}/bai/${id}`),
    title: `Bài ${id}`,
    date,
    summary,
  });

  it('finds a new item once, queues its figures with the source, and an apply makes them answerable', async () => {
    feeds.routes.set(`${prefix}/rss`, {
      type: 'application/rss+xml',
      body: rss([entry('ag11', '2026-12-02T01:00:00Z')]),
      etag: `"${prefix}"`,
    });
    feeds.routes.set(`${prefix}/bai/ag11`, page(AG_NOVEMBER_2026));
    const src = (await storage.sources.add(source(`${prefix}/rss`)))!;
    expect(await storage.sources.add(source(`${prefix}/rss`))).toBeNull();
    const [first] = (await pollDue(opts(storage)))!;
    expect(first).toMatchObject({ outcome: 'read', error: null });
    expect(first!.queued).toHaveLength(1);
    expect(first!.queued[0]).toMatchObject({
      sourceId: src.id,
      place: 'an-giang',
      title: 'Bài ag11',
      published: '2026-12-02T01:00:00.000Z',
      figures: 2,
    });
    // not due again within its interval; read anyway: the server's validator answers 304
    expect(await pollDue(opts(storage))).toEqual([]);
    const [again] = (await pollDue(opts(storage), true))!;
    expect(again).toMatchObject({ outcome: 'unchanged', queued: [] });
    expect(feeds.hitsOf(`${prefix}/bai/ag11`)).toBe(1);
    expect(await storage.sources.queue()).toHaveLength(1);
    expect(await digestText(storage)).toContain('Sở Công Thương An Giang: 1 tin, 2 số liệu');

    const before = (await askInChat(storage, 'c1', 'xuất khẩu An Giang tháng 11/2026')).reply.text;
    expect(before).not.toContain('96,4');
    const done = await applyItems(storage, [first!.queued[0]!.id], '7');
    expect(done.version.added).toBe(2);
    await storage.facts.refresh();
    const after = (await askInChat(storage, 'c2', 'xuất khẩu An Giang tháng 11/2026')).reply.text;
    expect(after).toContain('96,4');
    expect(after).toContain('Bài ag11');
    expect(await storage.sources.queue()).toHaveLength(0);
    expect((await storage.sources.queue('applied'))[0]).toMatchObject({ settledBy: '7' });
    await expect(applyItems(storage, [first!.queued[0]!.id], '7')).rejects.toThrow(/đã được xử lý/);
  });

  it('reads a changed item again and replaces its card; an item with no figures is not queued', async () => {
    const feed = (summary: string) => ({
      type: 'application/atom+xml',
      body: atom([
        entry('ag11', '2026-12-02T01:00:00Z', summary),
        entry('note', '2026-12-01T01:00:00Z'),
      ]),
    });
    feeds.routes.set(`${prefix}/atom`, feed(''));
    feeds.routes.set(`${prefix}/bai/ag11`, page(AG_NOVEMBER_2026));
    feeds.routes.set(`${prefix}/bai/note`, page(NOTICE));
    await storage.sources.add(source(`${prefix}/atom`));
    const [first] = (await pollDue(opts(storage)))!;
    expect(first!.queued.map((q) => q.title)).toEqual(['Bài ag11']);
    feeds.routes.set(`${prefix}/atom`, feed('số liệu chính thức'));
    feeds.routes.set(`${prefix}/bai/ag11`, page(AG_NOVEMBER_2026_REVISED));
    const [second] = (await pollDue(opts(storage), true))!;
    expect(second!.queued).toHaveLength(1);
    expect(feeds.hitsOf(`${prefix}/bai/ag11`)).toBe(2);
    expect(feeds.hitsOf(`${prefix}/bai/note`)).toBe(1);
    const waiting = await storage.sources.queue();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.text).toContain('97,2');
    expect(await storage.sources.item(first!.queued[0]!.id)).toBeUndefined();
  });

  it('a listing page: its report links are the items, read like a feed’s', async () => {
    const html = `<!doctype html><html><body><ul>
      <li><a href="${prefix}/bai/ag11">Báo cáo tình hình công nghiệp, thương mại tháng 11/2026</a></li>
      <li><a href="${prefix}/lich">Lịch làm việc của lãnh đạo Sở</a></li></ul></body></html>`;
    feeds.routes.set(`${prefix}/tin`, { body: html });
    feeds.routes.set(`${prefix}/bai/ag11`, page(AG_NOVEMBER_2026));
    await storage.sources.add(source(`${prefix}/tin`));
    const [r] = (await pollDue(opts(storage)))!;
    expect(r!.queued.map((q) => [q.title, q.link, q.figures])).toEqual([
      [
        'Báo cáo tình hình công nghiệp, thương mại tháng 11/2026',
        feeds.url(`${prefix}/bai/ag11`),
        2,
      ],
    ]);
    expect(feeds.hitsOf(`${prefix}/lich`)).toBe(0);
  });

  it('a source that hangs or returns garbage fails, backs off and is told in Vietnamese', async () => {
    const now = new Date('2026-12-07T03:00:00Z');
    feeds.routes.set(`${prefix}/slow`, { body: rss([]), delayMs: 1_500 });
    feeds.routes.set(`${prefix}/junk`, { type: 'application/json', body: '{"ok":true}' });
    await storage.sources.add(source(`${prefix}/slow`));
    await storage.sources.add(source(`${prefix}/junk`));
    const o = opts(storage, { http: { ...http(), timeoutMs: 300 }, now: () => now });
    const reports = (await pollDue(o))!;
    expect(reports.map((r) => r.outcome)).toEqual(['failed', 'failed']);
    expect(reports[0]!.error).toContain('quá thời gian');
    expect(reports[1]!.error).toContain('không phải RSS/Atom');
    // one failure: due again after two intervals, not one
    expect(await pollDue({ ...o, now: () => new Date(now.getTime() + 61 * 60_000) })).toEqual([]);
    await pollDue({ ...o, now: () => new Date(now.getTime() + 121 * 60_000) });
    const [slow] = await storage.sources.list();
    expect(slow).toMatchObject({
      failures: 2,
      lastError: expect.stringContaining('quá thời gian'),
    });
    // two failures in a row: the next read waits four intervals
    expect(Date.parse(slow!.nextPollAt!) - now.getTime()).toBe((121 + 240) * 60_000);
  });

  it('a redirect to a private address is refused without reaching it', async () => {
    elsewhere.routes.set(`${prefix}/feed`, {
      type: 'application/rss+xml',
      body: rss([entry('ag11', '2026-12-02T01:00:00Z')]),
    });
    feeds.routes.set(`${prefix}/moved`, { status: 302, location: elsewhere.url(`${prefix}/feed`) });
    await storage.sources.add(source(`${prefix}/moved`));
    const [r] = (await pollDue(opts(storage)))!;
    expect(r).toMatchObject({ outcome: 'failed', error: expect.stringContaining('nội bộ') });
    expect(elsewhere.hitsOf(`${prefix}/feed`)).toBe(0);
  });

  it('honours robots.txt: a feed or an article the site keeps from bots is not read', async () => {
    feeds.routes.set('/robots.txt', {
      type: 'text/plain',
      body: `User-agent: solieu-test\nDisallow: ${prefix}/kin/\n\nUser-agent: *\nDisallow: /\n`,
    });
    forgetRobots();
    try {
      feeds.routes.set(`${prefix}/kin/rss`, { type: 'application/rss+xml', body: rss([]) });
      feeds.routes.set(`${prefix}/rss`, {
        type: 'application/rss+xml',
        body: rss([
          { ...entry('ag11', '2026-12-02T01:00:00Z'), link: feeds.url(`${prefix}/kin/ag11`) },
        ]),
      });
      feeds.routes.set(`${prefix}/kin/ag11`, page(AG_NOVEMBER_2026));
      await storage.sources.add(source(`${prefix}/kin/rss`));
      await storage.sources.add(source(`${prefix}/rss`));
      const [closed, open] = (await pollDue(opts(storage)))!;
      expect(closed).toMatchObject({
        outcome: 'failed',
        error: expect.stringContaining('robots.txt'),
      });
      expect(feeds.hitsOf(`${prefix}/kin/rss`)).toBe(0);
      expect(open).toMatchObject({ outcome: 'read', queued: [] });
      expect(feeds.hitsOf(`${prefix}/kin/ag11`)).toBe(0);
    } finally {
      feeds.routes.delete('/robots.txt');
      forgetRobots();
    }
  });

  it('two replicas polling at once read each item once', async () => {
    feeds.routes.set(`${prefix}/rss`, {
      type: 'application/rss+xml',
      body: rss([entry('ag11', '2026-12-02T01:00:00Z'), entry('hp10', '2026-11-05T01:00:00Z')]),
    });
    feeds.routes.set(`${prefix}/bai/ag11`, { ...page(AG_NOVEMBER_2026), delayMs: 100 });
    feeds.routes.set(`${prefix}/bai/hp10`, page(HP_OCTOBER_2026));
    await storage.sources.add(source(`${prefix}/rss`, { place: null }));
    const other = await backend.open();
    try {
      const rounds = await Promise.all([pollDue(opts(storage), true), pollDue(opts(other), true)]);
      expect(rounds.filter((r) => r === null)).toHaveLength(1);
      expect(feeds.hitsOf(`${prefix}/bai/ag11`)).toBe(1);
      expect(feeds.hitsOf(`${prefix}/bai/hp10`)).toBe(1);
      expect((await other.sources.queue()).map((q) => q.place).sort()).toEqual([
        'an-giang',
        'hai-phong',
      ]);
      // the claim itself is atomic: of many callers at once, one reads the item
      const claims = await Promise.all(
        [storage, other, storage, other].map((s, i) =>
          s.sources.claimItem(1, `race-${prefix}`, `fp-${i % 1}`),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('a trusted source lands figures that pass every check, and the places are published', async () => {
    feeds.routes.set(`${prefix}/rss`, {
      type: 'application/rss+xml',
      body: rss([entry('hp10', '2026-11-05T01:00:00Z')]),
    });
    feeds.routes.set(`${prefix}/bai/hp10`, page(HP_OCTOBER_2026));
    await storage.sources.add(
      source(`${prefix}/rss`, {
        place: 'hai-phong',
        trusted: true,
        publisher: 'Sở Công Thương Hải Phòng',
      }),
    );
    const published: string[] = [];
    const [r] = (await pollDue(
      opts(storage, {
        published: async (facts) => void published.push(...facts.map((f) => f.place)),
      }),
    ))!;
    expect(r).toMatchObject({
      queued: [],
      applied: [expect.objectContaining({ title: 'Bài hp10' })],
    });
    expect(published).toEqual(['hai-phong']);
    await storage.facts.refresh();
    const fact = await storage.facts.lookup('hai-phong', 'retail', '2026-M10');
    expect(fact).toMatchObject({ value: 14250, source: { publisher: 'Sở Công Thương Hải Phòng' } });
    expect((await storage.data.versions()).at(-1)).toMatchObject({
      who: expect.stringMatching(/^nguon:/),
    });
  });

  it('a first read takes the newest items only; the digest goes out once a day among replicas', async () => {
    const many = Array.from({ length: 6 }, (_, i) =>
      entry(`old${i}`, `2026-0${i + 1}-10T01:00:00Z`),
    );
    for (const e of many) feeds.routes.set(new URL(e.link).pathname, page(NOTICE));
    feeds.routes.set(`${prefix}/rss`, { type: 'application/rss+xml', body: rss(many) });
    await storage.sources.add(source(`${prefix}/rss`));
    await pollDue(opts(storage));
    const read = many.filter((e) => feeds.hitsOf(new URL(e.link).pathname) > 0).map((e) => e.guid);
    expect(read).toEqual(many.slice(3).map((e) => e.guid));
    // a figure waits, and two replicas' digests fire together
    await storage.sources.enqueue({
      sourceId: 1,
      key: 'k',
      title: 't',
      link: 'https://x.example.vn/a',
      published: null,
      publisher: 'P',
      place: 'an-giang',
      text: 'x',
      figures: 1,
    });
    const told: string[] = [];
    const other = await backend.open();
    const watcher = (s: Storage) =>
      new SourceWatcher({
        ...opts(s),
        notify: async (t) => void told.push(t),
        pollCron: '0 0 1 1 *',
        digestCron: '0 0 1 1 *',
      });
    const sent = await Promise.all([watcher(storage).digest(), watcher(other).digest()]);
    await other.close();
    expect(sent.filter(Boolean)).toHaveLength(1);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('1 tin đang chờ duyệt');
  });
});
