import { Api } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { PushService } from '../../src/push/push-service.js';
import { FactIndex } from '../../src/store/fact-store.js';
import { SubscriptionStore } from '../../src/push/subscriptions.js';
import { latestMonth, monthlySummary } from '../../src/push/summary.js';
import { seedStore as bundled, tempDir } from '../helpers.js';
import { BotApiEmulator } from '../support/bot-api-emulator.js';

const TOKEN = '555000:push-test-token-xxxxxxxxxxxxxxxxxxxx';
const log = createLogger('silent', []);
let api: BotApiEmulator;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  api = await new BotApiEmulator().start();
  ({ dir, cleanup } = tempDir('solieu-push-'));
});
afterEach(async () => {
  await api.stop();
  cleanup();
});

const fakePng = async () => Buffer.from('\x89PNG fake chart', 'latin1');
const service = (subs: SubscriptionStore, rate = 2000) =>
  new PushService({
    api: new Api(TOKEN, { apiRoot: api.url }),
    subs,
    index: () => bundled.index,
    log,
    rate,
    renderChart: fakePng,
  });
const sentTo = (method: string) => {
  const m = new Map<number, number>();
  for (const c of api.delivered(method))
    m.set(Number(c.params.chat_id), (m.get(Number(c.params.chat_id)) ?? 0) + 1);
  return m;
};

describe('monthly summary', () => {
  it("gives the place's latest month with comparisons, the biggest move, a chart and the sources", () => {
    const month = latestMonth(bundled.index)!;
    expect(month).toEqual({ year: 2020, month: 6 });
    const kg = [{ chatId: 1, place: 'kien-giang', indicator: null, since: '' }];
    // Kiên Giang has no June figures: no June bulletin for it, never an empty one
    expect(monthlySummary(bundled.index, kg, month)).toBeNull();
    const s = monthlySummary(bundled.index, kg, { year: 2020, month: 4 })!;
    expect(s.html).toContain('Bản tin tháng 4/2020');
    for (const x of [
      '43,7',
      '205,11',
      '26,3% KH',
      '3.611,46',
      'Biến động lớn nhất',
      'Nguồn: Sở Công Thương tỉnh Kiên Giang',
      // the month's change on the month before, beside its change on a year before
      'giảm 36,65% so với tháng trước',
    ])
      expect(s.html).toContain(x);
    // one point of each kind of span: no chart rather than months joined to cumulative totals
    expect(s.chart).toBeNull();
    const march = {
      ...bundled.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })!,
      period: { type: 'month' as const, year: 2020, month: 3 },
      value: 68.9,
    };
    const more = FactIndex.of([...bundled.index.facts, march]);
    const withChart = monthlySummary(more, kg, { year: 2020, month: 4 })!;
    const points = withChart.chart!.series[0]!.points.map((p) => p.label);
    expect(points).toEqual(['tháng 3/2020', 'tháng 4/2020']);
    expect(withChart.chart!.title).toContain('từng tháng');
  });
});

describe('campaigns', () => {
  it('each chat gets its bulletin in the language it subscribed in', async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.add(1, 'kien-giang', 'export');
    await subs.add(2, 'kien-giang', 'export');
    const push = new PushService({
      api: new Api(TOKEN, { apiRoot: api.url }),
      ...{ subs, index: () => bundled.index, log, rate: 2000, renderChart: fakePng },
      languageOf: async (chatId) => (chatId === 2 ? 'en' : 'vi'),
    });
    await (await push.trigger('manual', null, { year: 2020, month: 4 }))!.done;
    const text = (chat: number) =>
      String(
        api.delivered('sendMessage').find((c) => Number(c.params.chat_id) === chat)!.params.text,
      );
    expect(text(1)).toContain('Bản tin tháng 4/2020');
    expect(text(2)).toContain('Summary for April 2020');
    expect(text(2)).toContain('Kiên Giang – Merchandise exports');
    expect(text(2)).toContain('43.7 million USD (estimate)');
    expect(text(2)).not.toMatch(/Nguồn|so với/);
  });

  it("new figures of one place send a bulletin to that place's subscribers only", async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.add(1, 'kien-giang', 'export');
    await subs.add(2, 'hai-phong', null);
    const push = service(subs);
    // Hải Phòng's February 2020 figures land: Kiên Giang's unchanged ones are no news
    await (await push.trigger('publish', null, { year: 2020, month: 2 }, ['hai-phong']))!.done;
    expect(sentTo('sendMessage')).toEqual(new Map([[2, 1]]));
    const text = String(api.delivered('sendMessage')[0]!.params.text);
    expect(text).toContain('Bản tin tháng 2/2020');
    expect(text).toContain('Hải Phòng');
  });

  it('one campaign per (month, trigger): a scheduler firing twice creates it once', async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.add(1, 'kien-giang', 'export');
    const push = service(subs);
    const first = await push.trigger('schedule');
    const second = await push.trigger('schedule');
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await first!.done;
    expect(sentTo('sendMessage').get(1)).toBe(1);
  });

  it('the schedule after a publish serves only those not yet sent that month', async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.add(1, 'kien-giang', 'export');
    const push = service(subs);
    await (await push.trigger('publish'))!.done;
    await subs.add(2, 'hai-phong', null);
    await (await push.trigger('schedule'))!.done;
    expect(sentTo('sendMessage')).toEqual(
      new Map([
        [1, 1],
        [2, 1],
      ]),
    );
  });

  it('the admin who started it sees progress in one edited message', async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.addMany(
      Array.from({ length: 300 }, (_, i) => ({
        chatId: 1000 + i,
        place: 'lang-son',
        indicator: 'export',
      })),
    );
    const push = service(subs, 150);
    const started = await push.trigger('manual', 42);
    const stats = await started!.done;
    expect(stats.sent).toBe(300);
    const edits = api.callsOf('editMessageText').filter((c) => Number(c.params.chat_id) === 42);
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(new Set(edits.map((e) => e.params.message_id)).size).toBe(1);
    expect(edits.at(-1)!.params.text).toContain('Đã gửi xong bản tin tháng 06/2020: 300/300');
    // pace: 300 messages at a ceiling of 150/s take about 2 s, never faster than the ceiling
    expect(stats.seconds).toBeGreaterThan(1.9);
    expect(stats.rate).toBeLessThanOrEqual(150 * 1.05);
  });

  it('obeys 429 retry_after, retries 5xx, unsubscribes 403 and drops "chat not found"', async () => {
    const subs = await SubscriptionStore.open(dir);
    await subs.addMany(
      Array.from({ length: 200 }, (_, i) => ({
        chatId: 1 + i,
        place: 'hai-phong',
        indicator: 'retail',
      })),
    );
    api.fail('sendMessage', { code: 429, retry_after: 1 }, 3);
    for (let c = 1; c <= 10; c++) api.fail('sendMessage', { code: 403 }, 1, c);
    for (let c = 11; c <= 15; c++)
      api.fail('sendMessage', { code: 400, description: 'Bad Request: chat not found' }, 1, c);
    for (let c = 16; c <= 30; c++) api.fail('sendMessage', { code: 502 }, 1, c);
    const t0 = Date.now();
    const stats = await (await service(subs).trigger('publish'))!.done;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(stats).toMatchObject({ total: 200, sent: 185, blocked: 10, failed: 5 });
    expect(subs.all().length).toBe(185);
    expect(subs.list(3)).toEqual([]);
    expect(subs.list(12)).toEqual([]);
  });

  it("each subscriber gets its own place's month, once, and never an empty bulletin", async () => {
    // the audit's reproduction: new May data for Kiên Giang, then a later July report for Lạng Sơn
    const subs = await SubscriptionStore.open(dir);
    await subs.add(1, 'kien-giang', 'export');
    await subs.add(2, 'lang-son', null);
    const extra = (place: string, indicator: string, month: number, value: number) => ({
      ...bundled.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })!,
      place,
      indicator,
      period: { type: 'month' as const, year: 2020, month },
      value,
      scope: place === 'lang-son' ? ('qua-dia-ban' as const) : null,
      source: { publisher: 'Sở Công Thương', title: 'Báo cáo', date: '2020-08-05', url: null },
    });
    let index = bundled.index;
    const push = new PushService({
      api: new Api(TOKEN, { apiRoot: api.url }),
      subs,
      index: () => index,
      log,
      rate: 2000,
      renderChart: fakePng,
    });
    index = FactIndex.of([...bundled.index.facts, extra('kien-giang', 'export', 5, 51.2)]);
    await (await push.trigger('publish', null, { year: 2020, month: 5 }))!.done;
    const first = api.delivered('sendMessage').map((c) => [c.params.chat_id, c.params.text]);
    expect(first.find(([chat]) => Number(chat) === 1)?.[1]).toContain('Bản tin tháng 5/2020');
    index = FactIndex.of([...index.facts, extra('lang-son', 'export', 7, 70)]);
    await (await push.trigger('publish', null, { year: 2020, month: 7 }))!.done;
    const toKg = api.delivered('sendMessage').filter((c) => Number(c.params.chat_id) === 1);
    expect(toKg).toHaveLength(1); // May once; no July bulletin without July figures
    const toLs = api.delivered('sendMessage').filter((c) => Number(c.params.chat_id) === 2);
    expect(String(toLs.at(-1)!.params.text)).toContain('Bản tin tháng 7/2020');
    for (const c of api.delivered('sendMessage'))
      expect(String(c.params.text)).not.toContain('Chưa có số liệu tháng');
  });
});
