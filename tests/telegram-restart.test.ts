/**
 * State users see survives a restart (over HTTP against the emulator, a new bot process state
 * between a message and what follows it): a follow-up's context, an upload's pending preview
 * (Áp dụng only by the admin who sent it), a report waiting for its place.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataManager } from '../src/admin/data-manager.js';
import { COLUMNS } from '../src/admin/validate.js';
import { createLogger } from '../src/logger.js';
import { FactStore } from '../src/store/fact-store.js';
import { createBot, flushState } from '../src/transport/telegram/bot.js';
import type { BotContext } from '../src/transport/telegram/context.js';
import { SEED_FACTS, tempDir } from './helpers.js';
import { BotApiEmulator } from './support/bot-api-emulator.js';
import { chatOf } from './support/chat.js';

const TOKEN = '777000:restart-test-token-xxxxxxxxxxxxxxxxxx';
const ADMIN = 9101;
const OTHER_ADMIN = 9102;
const USER = 9103;
const api = new BotApiEmulator();
const { sent, edits, buttons, press } = chatOf(api);
const tmp = tempDir('solieu-restart-');
const factsPath = join(tmp.dir, 'facts.json');
const stateDir = join(tmp.dir, 'state');
let store: FactStore;
let data: DataManager;
let bot: Bot<BotContext>;
let runner: RunnerHandle;

async function startBot(): Promise<void> {
  const log = createLogger('silent', [TOKEN]);
  bot = createBot({
    token: TOKEN,
    apiRoot: api.url,
    store,
    log,
    adminIds: [ADMIN, OTHER_ADMIN],
    data,
    stateDir,
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
}

/** A restart: the running bot stops as on SIGTERM, a new one starts with nothing in memory. */
async function restart(): Promise<void> {
  await runner.stop();
  await flushState(bot);
  await startBot();
}

beforeAll(async () => {
  await api.start();
  copyFileSync(SEED_FACTS, factsPath);
  store = await FactStore.open(factsPath);
  data = await DataManager.open(store, factsPath, stateDir);
  await startBot();
});
afterAll(async () => {
  await runner.stop();
  await api.stop();
  tmp.cleanup();
});

describe('across a restart', () => {
  it('an English answer, then a restart: its button still asks in English, and the follow-up stays English', async () => {
    const EN = 9104;
    const from = { from: { id: EN, is_bot: false, first_name: 'Ann', language_code: 'en' } };
    api.message(EN, 'Kien Giang exports April 2020', from);
    await api.waitFor(() => sent(EN).length === 1);
    const cumulative = buttons(sent(EN)[0]!.params).find((b) => b.text === 'January–April')!;
    await restart();
    press(EN, cumulative.callback_data, 'en');
    await api.waitFor(() => sent(EN).length === 2);
    expect(String(sent(EN)[1]!.params.text)).toContain(
      'Merchandise exports – Kiên Giang, January–April 2020',
    );
    api.message(EN, 'what about Lang Son', from);
    await api.waitFor(() => sent(EN).length === 3);
    expect(String(sent(EN)[2]!.params.text)).toMatch(/Lạng Sơn/);
    expect(String(sent(EN)[2]!.params.text)).not.toMatch(/của|số liệu/);
  });

  it("a follow-up keeps the conversation's context", async () => {
    api.message(USER, 'xuất khẩu Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(USER).length === 1);
    await restart();
    api.message(USER, 'còn nhập khẩu thì sao?');
    await api.waitFor(() => sent(USER).length === 2);
    expect(String(sent(USER)[1]!.params.text)).toContain('nhập khẩu');
    expect(String(sent(USER)[1]!.params.text)).toContain('Kiên Giang');
  });

  it('a pending preview: applied after the restart, and only by the admin who sent it', async () => {
    const csv = [
      COLUMNS.join(','),
      [
        'kien-giang',
        'export',
        'T9/2020',
        '"55,5"',
        'triệu USD',
        '',
        '',
        '',
        'có',
        '',
        '',
        'actual',
        'Sở Công Thương tỉnh Kiên Giang',
        'Báo cáo tháng 9',
        '2020-10-04',
      ].join(','),
    ].join('\n');
    api.addFile('restart-file', Buffer.from(csv));
    api.message(ADMIN, '', {
      text: undefined,
      document: {
        file_id: 'restart-file',
        file_unique_id: 'rf',
        file_name: 'thang9.csv',
        file_size: csv.length,
      },
    });
    await api.waitFor(() => edits(ADMIN).some((e) => String(e.params.text).includes('1 mới')));
    const preview = edits(ADMIN).find((e) => String(e.params.text).includes('1 mới'))!;
    const apply = buttons(preview.params).find((b) => b.text.includes('Áp dụng'))!.callback_data;
    await restart();
    press(OTHER_ADMIN, apply);
    await api.waitFor(() =>
      api.callsOf('answerCallbackQuery').some((c) => String(c.params.text).includes('đã gửi tệp')),
    );
    press(ADMIN, apply);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã áp dụng thang9.csv')),
    );
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 9 })?.value,
    ).toBe(55.5);
  });

  it('a report waiting for its place', async () => {
    const report =
      'Báo cáo tình hình sản xuất, kinh doanh tháng 10 năm 2020 của tỉnh gửi các sở, ngành. Kim ngạch xuất khẩu tháng 10 ước đạt 48,2 triệu USD, tăng 3,5% so tháng trước; lũy kế 10 tháng đạt 470,6 triệu USD, đạt 88% kế hoạch năm.';
    api.message(ADMIN, report);
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('không nêu tỉnh')),
    );
    const ask = sent(ADMIN).find((m) => String(m.params.text).includes('không nêu tỉnh'))!;
    const kg = buttons(ask.params).find((b) => b.text === 'Kiên Giang')!.callback_data;
    await restart();
    press(ADMIN, kg);
    await api.waitFor(() => edits(ADMIN).some((e) => String(e.params.text).includes('48,2')));
  });
});
