/** Subscribing by chat and the admin push commands, over HTTP against the emulator. */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { PushService } from '../src/push/push-service.js';
import { SubscriptionStore } from '../src/push/subscriptions.js';
import { createBot } from '../src/transport/telegram/bot.js';
import { seedStore as bundled, tempDir } from './helpers.js';
import { BotApiEmulator } from './support/bot-api-emulator.js';
import { chatOf } from './support/chat.js';

const TOKEN = '777000:subscribe-test-token-xxxxxxxxxxxxxxxx';
const ADMIN = 4242;
const api = new BotApiEmulator();
const { sent, edits, buttons, press } = chatOf(api);
const tmp = tempDir('solieu-sub-');
let subs: SubscriptionStore;
let runner: RunnerHandle;
let chat = 500;
const nextChat = () => ++chat;

beforeAll(async () => {
  await api.start();
  subs = await SubscriptionStore.open(tmp.dir);
  const log = createLogger('silent', []);
  const push = new PushService({
    api: new Api(TOKEN, { apiRoot: api.url }),
    subs,
    index: () => bundled.index,
    log,
    rate: 500,
    renderChart: async () => Buffer.from('\x89PNG', 'latin1'),
  });
  const bot = createBot({
    token: TOKEN,
    apiRoot: api.url,
    store: bundled,
    log,
    adminIds: [ADMIN],
    subs,
    push,
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
});
afterAll(async () => {
  await runner.stop();
  await api.stop();
  tmp.cleanup();
});

describe('subscriptions by chat', () => {
  it('/dangky: a menu of places, then indicators, then subscribed', async () => {
    const id = nextChat();
    api.message(id, '/dangky');
    await api.waitFor(() => sent(id).length === 1);
    const kg = buttons(sent(id)[0]!.params).find((b) => b.text === 'Kiên Giang')!;
    press(id, kg.callback_data);
    await api.waitFor(() => edits(id).length === 1);
    // indicators by their full names, not "XK"
    const xk = buttons(edits(id)[0]!.params).find(
      (b) => b.text === 'Kim ngạch xuất khẩu hàng hóa',
    )!;
    press(id, xk.callback_data);
    await api.waitFor(() => edits(id).length === 2);
    expect(edits(id)[1]!.params.text).toContain(
      'Đã đăng ký bản tin hàng tháng: Kim ngạch xuất khẩu hàng hóa – Kiên Giang',
    );
    expect(subs.list(id)).toMatchObject([{ place: 'kien-giang', indicator: 'export' }]);
  });

  it('in plain words, listed by /dangkycuatoi, stopped by /huy', async () => {
    const id = nextChat();
    api.message(id, 'đăng ký nhận tin xuất khẩu Kiên Giang hàng tháng');
    api.message(id, 'dang ky nhan tin ban le hai phong');
    await api.waitFor(() => sent(id).length === 2);
    expect(subs.list(id).map((s) => s.place)).toEqual(['kien-giang', 'hai-phong']);
    api.message(id, '/dangkycuatoi');
    await api.waitFor(() => sent(id).length === 3);
    expect(sent(id)[2]!.params.text).toContain('Hải Phòng');
    api.message(id, '/huy');
    await api.waitFor(() => sent(id).length === 4);
    const all = buttons(sent(id)[3]!.params).find((b) => b.text === 'Hủy tất cả')!;
    press(id, all.callback_data);
    await api.waitFor(() => edits(id).length === 1);
    expect(subs.list(id)).toEqual([]);
  });

  it('in English, from a client set to English: subscribed, listed and menus in English', async () => {
    const id = nextChat();
    const from = { from: { id, is_bot: false, first_name: 'Ann', language_code: 'en' } };
    api.message(id, 'subscribe exports Kien Giang', from);
    await api.waitFor(() => sent(id).length === 1);
    expect(sent(id)[0]!.params.text).toContain(
      'Subscribed to the monthly summary: Merchandise exports – Kiên Giang',
    );
    api.message(id, '/dangkycuatoi', from);
    await api.waitFor(() => sent(id).length === 2);
    expect(sent(id)[1]!.params.text).toMatch(/^You receive:\n• Merchandise exports – Kiên Giang/);
    api.message(id, '/huy', from);
    await api.waitFor(() => sent(id).length === 3);
    expect(buttons(sent(id)[2]!.params).map((b) => b.text)).toContain('Stop all');
    api.message(id, '/dangky', from);
    await api.waitFor(() => sent(id).length === 4);
    expect(sent(id)[3]!.params.text).toContain('Choose the province or city');
    // the chat subscribed in English: its bulletin is written in English
    const before = sent(ADMIN).length;
    api.message(ADMIN, `/xemtruoc ${id}`);
    await api.waitFor(() => sent(ADMIN).length === before + 1);
    expect(sent(ADMIN)[before]!.params.text).toContain('📬 Summary for April 2020');
    expect(sent(ADMIN)[before]!.params.text).toContain('Kiên Giang – Merchandise exports');
  });

  it('"dừng nhận tin Kiên Giang" stops that one; "hủy đăng ký" naming nothing shows the list', async () => {
    const id = nextChat();
    api.message(id, 'nhận thông báo xuất khẩu Kiên Giang hàng tháng');
    api.message(id, 'gửi tin hàng tháng cho mình về bán lẻ Hải Phòng');
    await api.waitFor(() => sent(id).length === 2);
    expect(subs.list(id).map((s) => s.place)).toEqual(['kien-giang', 'hai-phong']);
    api.message(id, 'dừng nhận tin Kiên Giang');
    await api.waitFor(() => sent(id).length === 3);
    expect(subs.list(id).map((s) => s.place)).toEqual(['hai-phong']);
    api.message(id, 'hủy đăng ký');
    await api.waitFor(() => sent(id).length === 4);
    expect(sent(id)[3]!.params.text).toBe('Chọn bản tin muốn dừng nhận:');
    expect(buttons(sent(id)[3]!.params).map((b) => b.text)).toContain('Hủy tất cả');
    expect(subs.list(id).map((s) => s.place)).toEqual(['hai-phong']);
  });

  it('a chat that blocks the bot is unsubscribed', async () => {
    const id = nextChat();
    await subs.add(id, 'lang-son', null);
    api.push({
      my_chat_member: {
        chat: { id, type: 'private' },
        from: { id, is_bot: false, first_name: 'Lan' },
        date: 0,
        old_chat_member: { status: 'member', user: { id: 999000, is_bot: true, first_name: 'b' } },
        new_chat_member: {
          status: 'kicked',
          until_date: 0,
          user: { id: 999000, is_bot: true, first_name: 'b' },
        },
      },
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(subs.list(id)).toEqual([]);
  });
});

describe('admin push commands', () => {
  it('refuse a non-admin', async () => {
    const id = nextChat();
    for (const cmd of ['/guibantin', '/xemtruoc', '/themadmin 1', '/xoaadmin 1'])
      api.message(id, cmd);
    await api.waitFor(() => sent(id).length === 4);
    for (const m of sent(id)) expect(m.params.text).toContain('chỉ dành cho quản trị viên');
  });

  it('/xemtruoc shows an admin exactly what a subscriber would receive', async () => {
    await subs.add(9001, 'kien-giang', null);
    const before = sent(ADMIN).length;
    api.message(ADMIN, '/xemtruoc 9001');
    await api.waitFor(() => sent(ADMIN).length === before + 1);
    // Kiên Giang's own latest month, not the latest month of any province
    expect(sent(ADMIN)[before]!.params.text).toContain('Bản tin tháng 4/2020');
    expect(sent(ADMIN)[before]!.params.text).toContain('205,11');
  });

  it('/guibantin sends the campaign and edits one progress message', async () => {
    api.message(ADMIN, '/guibantin');
    await api.waitFor(
      () => edits(ADMIN).some((e) => String(e.params.text).includes('Đã gửi xong')),
      20_000,
    );
    expect(sent(9001).length).toBe(1);
  });
});
