/**
 * Watched sources by chat, over HTTP against the emulator, with the feed served from 127.0.0.1:
 * a source registered with /nguon produces a review card for a new item; Áp dụng makes its
 * figures answerable and sends the bulletin to that place's subscribers; Bỏ qua and "apply all
 * from this source"; a card with no place asks whose figures they are; non-admins are refused.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from 'grammy';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushService } from '../src/push/push-service.js';
import { SourceWatcher } from '../src/sources/watch-service.js';
import { FactStore } from '../src/store/fact-store.js';
import { openFileStorage, type FileStorage } from '../src/storage/files.js';
import { createBot } from '../src/transport/telegram/bot.js';
import { SEED_FACTS, tempDir } from './helpers.js';
import { BotApiEmulator } from './support/bot-api-emulator.js';
import { chatOf } from './support/chat.js';
import { FeedServer, serveFeed } from './support/feed-server.js';
import {
  AG_NOVEMBER_2026,
  HP_OCTOBER_2026,
  NO_PLACE_SEPTEMBER_2026,
} from './support/source-reports.js';

const TOKEN = '888000:sources-test-token-xxxxxxxxxxxxxxxxxx';
const ADMIN = 8101,
  OTHER = 8102,
  SUBSCRIBER = 8103;
const api = new BotApiEmulator();
const { sent, edits, buttons, press } = chatOf(api);
const tmp = tempDir('solieu-tg-sources-');
const feeds = new FeedServer();
let storage: FileStorage;
let runner: RunnerHandle;
let watcher: SourceWatcher;

const texts = (id: number) => [...sent(id), ...edits(id)].map((c) => String(c.params.text));
const said = (id: number, part: string) => texts(id).some((t) => t.includes(part));
const lastWith = (id: number, part: string) =>
  [...sent(id), ...edits(id)].filter((c) => String(c.params.text).includes(part)).at(-1)!;

beforeAll(async () => {
  await api.start();
  await feeds.start();
  const factsPath = join(tmp.dir, 'facts.json');
  copyFileSync(SEED_FACTS, factsPath);
  mkdirSync(join(tmp.dir, 'state'));
  const store = await FactStore.open(factsPath);
  storage = await openFileStorage(store, factsPath, join(tmp.dir, 'state'), [ADMIN]);
  await storage.subscriptionStore.add(SUBSCRIBER, 'an-giang', null);
  const log = pino({ level: 'silent' });
  const sender = new Api(TOKEN, { apiRoot: api.url });
  const push = new PushService({
    api: sender,
    subs: storage.subscriptionStore,
    index: () => store.index,
    log,
    rate: 500,
  });
  watcher = new SourceWatcher({
    storage,
    log,
    http: { userAgent: 'solieu-test/1.0', timeoutMs: 2_000, allowPrivate: [feeds.allow] },
    notify: async (text) => void (await sender.sendMessage(ADMIN, text)),
    pollCron: '0 0 1 1 *',
    digestCron: '0 0 1 1 *',
  });
  const bot = createBot({
    token: TOKEN,
    apiRoot: api.url,
    storage,
    log,
    adminIds: [ADMIN],
    push,
    watcher,
    floodLimit: 1000,
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
  serveFeed(feeds, '/ag/rss', [
    { id: 'ag11', date: '2026-12-02T01:00:00Z', report: AG_NOVEMBER_2026 },
  ]);
  serveFeed(feeds, '/mix/rss', [
    { id: 'hp10', date: '2026-11-05T01:00:00Z', report: HP_OCTOBER_2026 },
    { id: 'np9', date: '2026-10-04T01:00:00Z', report: NO_PLACE_SEPTEMBER_2026 },
  ]);
});
afterAll(async () => {
  await runner.stop();
  await api.stop();
  await feeds.stop();
  await storage.close();
  tmp.cleanup();
});

describe('watched sources by chat', () => {
  it('non-admins get the data’s sources with /nguon and are refused adding one', async () => {
    api.message(OTHER, `/nguon them ${feeds.url('/ag/rss')}`);
    api.message(OTHER, '/nguon');
    await api.waitFor(() => sent(OTHER).length === 2);
    expect(String(sent(OTHER)[0]!.params.text)).toContain('chỉ dành cho');
    expect(await storage.sources.list()).toEqual([]);
  });

  it('an address that is not http(s) or an interval too short is refused, saying why', async () => {
    api.message(ADMIN, '/nguon them ftp://soct.example.vn/tin An Giang');
    await api.waitFor(() => said(ADMIN, 'http:// hoặc https://'));
    api.message(ADMIN, `/nguon them ${feeds.url('/ag/rss')} mỗi 2 phút`);
    await api.waitFor(() => said(ADMIN, 'Chu kỳ đọc phải từ 15 phút'));
  });

  it('a source registered in chat: a card for its new item, Áp dụng makes it answerable and pushes', async () => {
    api.message(
      ADMIN,
      `/nguon them ${feeds.url('/ag/rss')} An Giang "Sở Công Thương An Giang" mỗi 6 giờ`,
    );
    await api.waitFor(() => said(ADMIN, 'Đã thêm nguồn'));
    expect(String(lastWith(ADMIN, 'Đã thêm nguồn').params.text)).toContain(
      'Nơi: An Giang · đọc mỗi 6 giờ',
    );
    api.message(ADMIN, '/nguon doc');
    await api.waitFor(() => said(ADMIN, '1 tin mới chờ duyệt'));
    expect(String(lastWith(ADMIN, 'tin mới chờ duyệt').params.text)).toContain(
      'Tin ag11 (2 số liệu)',
    );
    api.message(ADMIN, '/duyet');
    await api.waitFor(() => said(ADMIN, 'số liệu trích từ báo cáo'));
    expect(String(lastWith(ADMIN, '📰 Tin #').params.text)).toContain(feeds.url('/bai/ag11'));
    let card = lastWith(ADMIN, 'số liệu trích từ báo cáo');
    expect(card.params.text).toContain('96,4 triệu USD');
    // the same reply edits as a forwarded report; the card keeps its buttons
    api.message(ADMIN, 'bỏ 2', {
      reply_to_message: {
        message_id: Number(card.params.message_id),
        date: 0,
        chat: { id: ADMIN, type: 'private' },
      },
    });
    await api.waitFor(() => said(ADMIN, 'đã bỏ số liệu 2'));
    card = lastWith(ADMIN, 'số liệu trích từ báo cáo');
    expect(card.params.text).not.toContain('1.020,5');
    expect(card.params.text).toContain('tăng 3,1% so với tháng trước');
    const labels = buttons(card.params).map((b) => b.text);
    expect(labels).toEqual(['✅ Áp dụng', '⏭ Bỏ qua tin', '✅ Áp dụng mọi tin chờ của nguồn này']);
    press(ADMIN, buttons(card.params)[0]!.callback_data);
    await api.waitFor(() => said(ADMIN, 'Đã áp dụng'));
    expect(await storage.sources.queue()).toEqual([]);
    api.message(OTHER, 'xuất khẩu An Giang tháng 11/2026');
    await api.waitFor(() => texts(OTHER).some((t) => t.includes('96,4')));
    await api.waitFor(() => sent(SUBSCRIBER).length === 1, 15_000);
    expect(String(sent(SUBSCRIBER)[0]!.params.text)).toContain('96,4');
  });

  it('Bỏ qua, a card that names no place, and applying all of a source', async () => {
    api.message(ADMIN, `/nguon them ${feeds.url('/mix/rss')} tự nhận "Cổng tin tổng hợp"`);
    await api.waitFor(() => said(ADMIN, 'Cổng tin tổng hợp'));
    await watcher.round(true);
    const waiting = await storage.sources.queue();
    expect(waiting.map((q) => [q.title, q.place])).toEqual([
      ['Tin hp10', 'hai-phong'],
      ['Tin np9', null],
    ]);
    const before = edits(ADMIN).length + sent(ADMIN).length;
    api.message(ADMIN, '/duyet');
    await api.waitFor(() => said(ADMIN, 'bài không nêu tỉnh'));
    const ask = lastWith(ADMIN, 'bài không nêu tỉnh');
    expect(buttons(ask.params).some((b) => b.text === 'An Giang')).toBe(true);
    press(ADMIN, buttons(ask.params).find((b) => b.text.includes('Bỏ qua'))!.callback_data);
    await api.waitFor(() => said(ADMIN, 'Đã bỏ qua tin'));
    expect(edits(ADMIN).length + sent(ADMIN).length).toBeGreaterThan(before);
    const card = lastWith(ADMIN, '14.250 tỷ đồng');
    press(ADMIN, buttons(card.params).find((b) => b.text.includes('mọi tin'))!.callback_data);
    await api.waitFor(() => said(ADMIN, 'Đã áp dụng 1 tin của Cổng tin tổng hợp'));
    expect(await storage.sources.queue()).toEqual([]);
    expect((await storage.sources.queue('skipped')).map((q) => q.title)).toEqual(['Tin np9']);
    // a button of an item already handled says so and changes nothing
    press(ADMIN, buttons(card.params).find((b) => b.text.includes('Bỏ qua'))!.callback_data);
    await api.waitFor(() => said(ADMIN, 'đã được xử lý'));
  });

  it('/nguon lists the sources with their state; /nguon xoa removes one', async () => {
    api.message(ADMIN, '/nguon');
    const isList = (t: string) => t.includes('#1 Sở Công Thương An Giang') && t.includes('#2 Cổng');
    await api.waitFor(() => texts(ADMIN).some(isList));
    expect(texts(ADMIN).find(isList)).toMatch(/#1 Sở Công Thương An Giang[^#]*đã tìm được 1 tin/);
    api.message(ADMIN, '/nguon xoa 2');
    await api.waitFor(() => said(ADMIN, 'Đã xóa nguồn #2'));
    expect((await storage.sources.list()).map((s) => s.id)).toEqual([1]);
    api.message(ADMIN, '/nguon xoa 9');
    await api.waitFor(() => said(ADMIN, 'Không có nguồn #9'));
  });
});
