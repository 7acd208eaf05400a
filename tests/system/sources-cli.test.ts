/**
 * `npm run sources` as its own process, on the files of a temp folder, against a feed served
 * from 127.0.0.1: add, list, poll, queue, apply, skip, remove; bad input said in one Vietnamese
 * line with a non-zero exit.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FactStore } from '../../src/store/fact-store.js';
import { SEED_FACTS, tempDir } from '../helpers.js';
import { FeedServer, serveFeed } from '../support/feed-server.js';
import { runTool } from '../support/run-data.js';
import { AG_NOVEMBER_2026, HP_OCTOBER_2026 } from '../support/source-reports.js';

const tmp = tempDir('solieu-sources-cli-');
const feeds = new FeedServer();
const factsPath = join(tmp.dir, 'facts.json');

async function sources(args: string[]) {
  const env = { FACTS_PATH: factsPath, STATE_DIR: join(tmp.dir, 'state'), LOG_LEVEL: 'silent' };
  const r = await runTool('sources', args, {
    ...{ ...env, SOURCES_ALLOW_PRIVATE: feeds.allow, DATABASE_URL: '' },
  });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await feeds.start();
  copyFileSync(SEED_FACTS, factsPath);
  mkdirSync(join(tmp.dir, 'state'));
  serveFeed(feeds, '/rss', [
    { id: 'ag11', date: '2026-12-02T01:00:00Z', report: AG_NOVEMBER_2026 },
    { id: 'hp10', date: '2026-11-05T01:00:00Z', report: HP_OCTOBER_2026 },
  ]);
});
afterAll(async () => {
  await feeds.stop();
  tmp.cleanup();
});

describe('npm run sources', () => {
  it('adds, polls, queues, applies and skips; the applied figures are in the data file', async () => {
    const added = await sources([
      'add',
      feeds.url('/rss'),
      '--publisher',
      'Cổng tin',
      '--every',
      '12h',
    ]);
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toContain(`1\t${feeds.url('/rss')}\tdetect\tCổng tin\t720m`);
    const polled = await sources(['poll']);
    expect(polled.code).toBe(0);
    expect(polled.out).toMatch(/^1\tread\t2\t$/m);
    const queue = await sources(['queue']);
    expect(queue.out).toMatch(/^1\twaiting\tan-giang\t2\tCổng tin\tTin ag11/m);
    expect(queue.out).toMatch(/^2\twaiting\thai-phong\t1\tCổng tin\tTin hp10/m);
    expect((await sources(['apply', '1', '--who', 'bien-tap'])).out).toMatch(/phiên bản|#\d/);
    expect((await sources(['skip', '2'])).out).toBe('2\tskipped\n');
    const store = await FactStore.open(factsPath);
    const fact = store.index.get('an-giang', 'export', { type: 'month', year: 2026, month: 11 });
    expect(fact).toMatchObject({
      value: 96.4,
      source: { publisher: 'Cổng tin', title: 'Tin ag11' },
    });
    expect((await sources(['queue'])).out).toBe('');
    // nothing new: the feed's items are all seen
    expect((await sources(['poll', '--all'])).out).toMatch(/^1\tread\t0\t$/m);
    expect((await sources(['remove', '1'])).out).toContain('Đã xóa nguồn #1');
    expect((await sources(['list'])).out).toBe('');
  });

  it('bad input: one Vietnamese line and a non-zero exit, nothing added', async () => {
    const bad = await sources(['add', 'ftp://x.example.vn/feed']);
    expect(bad.code).toBe(1);
    expect(bad.err.trim()).toContain('http:// hoặc https://');
    const often = await sources(['add', 'https://x.example.vn/feed', '--every', '1m']);
    expect(often.code).toBe(1);
    expect(often.err).toContain('15 phút');
    const place = await sources(['add', 'https://x.example.vn/feed', '--place', 'Atlantis']);
    expect(place.err).toContain('Atlantis');
    const usage = await sources(['dance']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('cách dùng: npm run sources');
    expect((await sources(['list'])).out).toBe('');
  });
});
