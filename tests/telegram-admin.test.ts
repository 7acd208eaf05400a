/** Admin data work by chat, over HTTP against the emulator: uploads, reports, versions, export, refusals. */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataManager } from '../src/admin/data-manager.js';
import { COLUMNS } from '../src/admin/validate.js';
import { createLogger } from '../src/logger.js';

import { PushService } from '../src/push/push-service.js';
import { SubscriptionStore } from '../src/push/subscriptions.js';
import { FactStore } from '../src/store/fact-store.js';
import { createBot } from '../src/transport/telegram/bot.js';
import { ADMIN_COMMANDS } from '../src/transport/telegram/features/admin.js';
import { SEED_FACTS, tempDir } from './helpers.js';
import { BotApiEmulator } from './support/bot-api-emulator.js';
import { chatOf } from './support/chat.js';
import { tableXlsx } from './support/table-files.js';
import { tableCorpus } from './corpus/table-corpus.js';

const TOKEN = '888000:admin-test-token-xxxxxxxxxxxxxxxxxxxx';
const ADMIN = 7001,
  OTHER = 7002,
  SUBSCRIBER = 7003;
const api = new BotApiEmulator();
const { sent, edits, buttons, press } = chatOf(api);
const tmp = tempDir('solieu-admin-');
const factsPath = join(tmp.dir, 'facts.json');
const logs: string[] = [];
let store: FactStore;
let runner: RunnerHandle;

let fileNo = 0;
function sendFile(from: number, name: string, content: Buffer) {
  const fileId = `file-${fileNo++}`;
  api.addFile(fileId, content);
  api.message(from, '', {
    text: undefined,
    document: {
      file_id: fileId,
      file_unique_id: fileId,
      file_name: name,
      file_size: content.length,
    },
  });
}
const row = (...cells: string[]) => cells.join(',');

/** The preview of a report's figures edited into a message after edit number `before`. */
async function reportPreview(before: number) {
  const isPreview = (e: { params: Record<string, unknown> }) =>
    String(e.params.text).includes('số liệu trích từ báo cáo');
  await api.waitFor(() => edits(ADMIN).slice(before).some(isPreview));
  return edits(ADMIN).slice(before).find(isPreview)!;
}

beforeAll(async () => {
  await api.start();
  copyFileSync(SEED_FACTS, factsPath);
  store = await FactStore.open(factsPath);
  const log = createLogger(
    'info',
    [TOKEN],
    new Writable({
      write(c, _e, cb) {
        logs.push(String(c));
        cb();
      },
    }),
  );
  const subs = await SubscriptionStore.open(join(tmp.dir, 'state'));
  await subs.add(SUBSCRIBER, 'kien-giang', 'export');
  const push = new PushService({
    api: new Api(TOKEN, { apiRoot: api.url }),
    subs,
    index: () => store.index,
    log,
    rate: 500,
  });
  const data = await DataManager.open(store, factsPath, join(tmp.dir, 'state'));
  const bot = createBot({
    token: TOKEN,
    apiRoot: api.url,
    store,
    log,
    adminIds: [ADMIN],
    subs,
    push,
    data,
    // the admin here sends more than a person would in ten seconds: the flood note is tested apart
    floodLimit: 1000,
  });
  await bot.init();
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
});
afterAll(async () => {
  await runner.stop();
  await api.stop();
  tmp.cleanup();
});

describe('non-admins', () => {
  it('are refused every admin command and data file, and each attempt is logged', async () => {
    for (const c of ADMIN_COMMANDS) api.message(OTHER, `/${c}`);
    sendFile(OTHER, 'x.csv', Buffer.from('place\nkien-giang'));
    await api.waitFor(() => sent(OTHER).length === ADMIN_COMMANDS.length + 1);
    for (const m of sent(OTHER)) expect(m.params.text).toContain('chỉ dành cho quản trị viên');
    expect(logs.filter((l) => l.includes('admin command refused')).length).toBe(
      ADMIN_COMMANDS.length + 1,
    );
  });
});

describe('admins', () => {
  it('a report forwarded by someone who is not an admin gets one short reply', async () => {
    const STRANGER = 7009;
    const report =
      'Tháng 6/2021, kim ngạch xuất khẩu của tỉnh Kiên Giang ước đạt 71,5 triệu USD, tăng 4,2% so với tháng trước. Lũy kế 6 tháng đạt 402 triệu USD, đạt 51% kế hoạch. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 6 đạt 5.310 tỷ đồng.';
    api.message(STRANGER, report, {
      forward_origin: { type: 'hidden_user', sender_user_name: 'Sở', date: 1625097600 },
    });
    // a question after it: once it is answered, every reply to the report has come
    api.message(STRANGER, 'xuất khẩu Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(STRANGER).some((m) => String(m.params.text).includes('43,7')));
    const replies = sent(STRANGER);
    expect(replies).toHaveLength(2);
    expect(String(replies[0]!.params.text)).toContain('Chỉ quản trị viên mới thêm được số liệu');
  });
  it('/mau sends the XLSX template', async () => {
    api.message(ADMIN, '/mau');
    await api.waitFor((calls) =>
      calls.some((c) => c.method === 'sendDocument' && Number(c.params.chat_id) === ADMIN),
    );
  });

  it('a bad file is refused with row, column and reason, and the data file is untouched', async () => {
    const before = readFileSync(factsPath);
    sendFile(
      ADMIN,
      'sai.csv',
      Buffer.from(
        [
          COLUMNS.join(','),
          row(
            'kien-giang',
            'exprt',
            'T7/2020',
            '50',
            'triệu USD',
            '',
            '',
            '',
            'có',
            '',
            '',
            'actual',
            'Sở',
            'Báo cáo',
            '2020-08-04',
          ),
        ].join('\n'),
      ),
    );
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('chưa áp dụng gì')),
    );
    expect(edits(ADMIN).at(-1)!.params.text).toContain(
      'Dòng 2, cột indicator: chỉ tiêu không có: "exprt" (có phải export?)',
    );
    expect(readFileSync(factsPath).equals(before)).toBe(true);
  });

  it('a good file: preview with buttons, Áp dụng applies it, a new month starts the pushes', async () => {
    const csv = [
      COLUMNS.join(','),
      row(
        'kien-giang',
        'export',
        'T7/2020',
        '"52,4"',
        'triệu USD',
        '"3,1"',
        '',
        '',
        'có',
        '',
        '',
        'actual',
        'Sở Công Thương tỉnh Kiên Giang',
        'Báo cáo tháng 7',
        '2020-08-04',
      ),
    ].join('\n');
    sendFile(ADMIN, 'thang7.csv', Buffer.from(csv));
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('1 mới, 0 thay đổi')),
    );
    const preview = edits(ADMIN).find((e) => String(e.params.text).includes('1 mới'))!;
    press(ADMIN, buttons(preview.params).find((b) => b.text.includes('Áp dụng'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã áp dụng thang7.csv')),
    );
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 7 })?.value,
    ).toBe(52.4);
    await api.waitFor(() => sent(SUBSCRIBER).length === 1, 15_000);
    expect(sent(SUBSCRIBER)[0]!.params.text).toContain('52,4');
  });

  it('a forwarded report: extracted figures as a table, confirmed, applied with the report as source', async () => {
    const report =
      'Sở Công Thương tỉnh Kiên Giang báo cáo tình hình tháng 8 năm 2020. Kim ngạch nhập khẩu tháng 8 ước đạt 21,3 triệu USD, tăng 4,2% so tháng trước; lũy kế 8 tháng đạt 150,2 triệu USD, đạt 90,1% kế hoạch.';
    api.message(ADMIN, report, {
      forward_origin: {
        type: 'channel',
        chat: { id: -100, type: 'channel', title: 'Sở Công Thương Kiên Giang' },
        message_id: 5,
        date: 1598918400,
      },
    });
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('số liệu trích từ báo cáo')),
    );
    const preview = edits(ADMIN).find((e) =>
      String(e.params.text).includes('số liệu trích từ báo cáo'),
    )!;
    expect(preview.params.text).toContain(
      'Kim ngạch nhập khẩu hàng hóa, tháng 8/2020: 21,3 triệu USD (ước) MoM +4,2%',
    );
    press(ADMIN, buttons(preview.params).find((b) => b.text.includes('Áp dụng'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã áp dụng báo cáo')),
    );
    const f = store.index.get('kien-giang', 'import', { type: 'ytd', year: 2020, month: 8 })!;
    expect(f).toMatchObject({ value: 150.2, plan_pct: 90.1 });
    expect(f.source.publisher).toBe('Sở Công Thương Kiên Giang');
  });

  it('each figure under its sentence; edited by replying, then applied as edited', async () => {
    const report =
      'Sở Công Thương tỉnh Kiên Giang báo cáo tình hình tháng 9 năm 2020. Kim ngạch xuất khẩu tháng 9 ước đạt 58,1 triệu USD, tăng 2,2% so tháng trước; lũy kế 9 tháng đạt 431,9 triệu USD, đạt 60,2% kế hoạch.';
    const before = edits(ADMIN).length;
    api.message(ADMIN, report, {
      forward_origin: {
        type: 'channel',
        chat: { id: -100, type: 'channel', title: 'Sở Công Thương Kiên Giang' },
        message_id: 6,
        date: 1601510400,
      },
    });
    await api.waitFor(
      () =>
        edits(ADMIN).length > before &&
        edits(ADMIN).some((e) => String(e.params.text).includes('58,1')),
    );
    const preview = [...edits(ADMIN)]
      .reverse()
      .find((e) => String(e.params.text).includes('58,1'))!;
    expect(String(preview.params.text)).toContain('1. Kim ngạch xuất khẩu hàng hóa, tháng 9/2020');
    expect(String(preview.params.text)).toContain(
      '“Kim ngạch xuất khẩu tháng 9 ước đạt 58,1 triệu USD',
    );
    // the admin corrects the first figure and drops the second, by replying to the preview
    const messageId = Number(preview.params.message_id);
    const reply = (text: string) =>
      api.message(ADMIN, text, {
        reply_to_message: { message_id: messageId, date: 0, chat: { id: ADMIN, type: 'private' } },
      });
    reply('sửa 1 58,4');
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('Đã sửa (số liệu 1: 58.4)')),
    );
    reply('bỏ 2');
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('đã bỏ số liệu 2')),
    );
    reply('bỏ 7');
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('Không có số liệu số đó')),
    );
    const last = [...edits(ADMIN)]
      .reverse()
      .find((e) => Number(e.params.message_id) === messageId)!;
    expect(String(last.params.text)).toContain('58,4 triệu USD');
    expect(String(last.params.text)).not.toMatch(/^2\. /m);
    press(ADMIN, buttons(last.params).find((b) => b.text.includes('Áp dụng'))!.callback_data);
    await api.waitFor(
      () =>
        store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 9 }) !==
        undefined,
    );
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 9 })!.value,
    ).toBe(58.4);
    expect(
      store.index.get('kien-giang', 'export', { type: 'ytd', year: 2020, month: 9 }),
    ).toBeUndefined();
  });

  it('a report that contradicts the store is flagged, its plans kept apart until kept', async () => {
    const report = [
      'SỞ CÔNG THƯƠNG TỈNH KIÊN GIANG',
      'Số: 88/BC-SCT',
      'Tình hình xuất khẩu 4 tháng năm 2020 của tỉnh Kiên Giang',
      'Tháng 4/2020, kim ngạch xuất khẩu của tỉnh Kiên Giang đạt 230 triệu USD, tăng 5% so với cùng kỳ. Năm 2020, tỉnh phấn đấu kim ngạch xuất khẩu đạt 720 triệu USD.',
    ].join('\n');
    const before = edits(ADMIN).length;
    api.message(ADMIN, report, {
      forward_origin: { type: 'hidden_user', sender_user_name: 'Sở', date: 1588550400 },
    });
    const preview = await reportPreview(before);
    const text = String(preview.params.text);
    expect(text).toContain('⚠️ lớn hơn 4 tháng đầu năm 2020 (205,11 triệu USD)');
    expect(text).toContain('Kế hoạch, mục tiêu trong báo cáo');
    expect(text).toContain('(báo cáo: Tình hình xuất khẩu 4 tháng năm 2020 của tỉnh Kiên Giang)');
    expect(text).not.toContain('báo cáo: SỞ CÔNG THƯƠNG');
    const messageId = Number(preview.params.message_id);
    api.message(ADMIN, 'giữ kế hoạch', {
      reply_to_message: { message_id: messageId, date: 0, chat: { id: ADMIN, type: 'private' } },
    });
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('đã giữ 1 kế hoạch')),
    );
    const last = [...edits(ADMIN)]
      .reverse()
      .find((e) => Number(e.params.message_id) === messageId)!;
    expect(String(last.params.text)).toMatch(/^2\. .*720 triệu USD/m);
    press(ADMIN, buttons(last.params).find((b) => b.text.includes('Hủy'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã hủy, dữ liệu không đổi')),
    );
  });

  it('a spreadsheet that is a report: its table figures, each with its table, row and column', async () => {
    const table = tableCorpus().find((t) => t.name.startsWith('retail'))!;
    const before = edits(ADMIN).length;
    sendFile(ADMIN, 'bieu-ban-le.xlsx', await tableXlsx(table));
    const preview = await reportPreview(before);
    expect(String(preview.params.text)).toMatch(
      /“Biểu \d+, dòng 2, cột 3: Tổng số – Ước tính tháng/,
    );
    press(ADMIN, buttons(preview.params).find((b) => b.text.includes('Hủy'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã hủy, dữ liệu không đổi')),
    );
  });

  it('a pasted report that names no province: the bot asks which, then previews', async () => {
    const before = edits(ADMIN).length;
    const report =
      'Báo cáo nhanh của Sở trong tháng 9 năm 2020: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tháng 9 ước đạt 7.120,5 tỷ đồng, tăng 2,4% so tháng trước; lũy kế 9 tháng đạt 58.300 tỷ đồng, đạt 71,2% kế hoạch.';
    api.message(ADMIN, report);
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('không nêu tỉnh')),
    );
    const ask = sent(ADMIN).find((m) => String(m.params.text).includes('không nêu tỉnh'))!;
    press(ADMIN, buttons(ask.params).find((b) => b.text === 'Kiên Giang')!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN)
        .slice(before)
        .some((e) => String(e.params.text).includes('Kiên Giang – số liệu trích từ báo cáo')),
    );
    const preview = edits(ADMIN)
      .slice(before)
      .find((e) => String(e.params.text).includes('số liệu trích từ báo cáo'))!;
    expect(preview.params.text).toContain('7.120,5 tỷ đồng (ước)');
    expect(preview.params.text).toContain('KH 71,2%');
    press(ADMIN, buttons(preview.params).find((b) => b.text.includes('Hủy'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã hủy, dữ liệu không đổi')),
    );
    expect(
      store.index.get('kien-giang', 'retail', { type: 'month', year: 2020, month: 9 }),
    ).toBeUndefined();
  });

  it('/phienban lists versions and /khoiphuc restores the previous one', async () => {
    api.message(ADMIN, '/phienban');
    await api.waitFor(() => sent(ADMIN).some((m) => String(m.params.text).startsWith('#4')));
    api.message(ADMIN, '/khoiphuc');
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes('Khôi phục về phiên bản #3')),
    );
    // nothing changes before the admin confirms
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 9 }),
    ).toBeDefined();
    const ask = sent(ADMIN).find((m) =>
      String(m.params.text).includes('Khôi phục về phiên bản #3'),
    )!;
    press(ADMIN, buttons(ask.params).find((b) => b.text.includes('Khôi phục'))!.callback_data);
    await api.waitFor(() =>
      edits(ADMIN).some((e) => String(e.params.text).includes('Đã khôi phục')),
    );
    // back to version 3: the reviewed September report is undone, the August one stays
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 9 }),
    ).toBeUndefined();
    expect(
      store.index.get('kien-giang', 'import', { type: 'ytd', year: 2020, month: 8 }),
    ).toBeDefined();
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 7 })?.value,
    ).toBe(52.4);
  });

  it('/xuat sends XLSX and CSV of one place', async () => {
    const before = api.callsOf('sendDocument').length;
    api.message(ADMIN, '/xuat Lạng Sơn');
    await api.waitFor(() => api.callsOf('sendDocument').length === before + 2);
    expect(api.callsOf('sendDocument').at(-2)!.params.caption).toMatch(/^\d+ số liệu$/);
  });

  it('/themadmin gives another user the admin commands', async () => {
    api.message(ADMIN, `/themadmin ${OTHER}`);
    await api.waitFor(() =>
      sent(ADMIN).some((m) => String(m.params.text).includes(`Đã thêm quản trị viên ${OTHER}`)),
    );
    const n = sent(OTHER).length;
    api.message(OTHER, '/phienban');
    await api.waitFor(() => sent(OTHER).length === n + 1);
    expect(sent(OTHER).at(-1)!.params.text).toMatch(/^#\d/);
    // and the admin menu in their own chat with the bot (chat scope), the public one elsewhere
    const menu = api
      .callsOf('setMyCommands')
      .find((c) => (c.params.scope as { chat_id?: number } | undefined)?.chat_id === OTHER);
    const commands = (menu!.params.commands as { command: string }[]).map((c) => c.command);
    expect(commands).toEqual(expect.arrayContaining(['start', 'mau', 'phienban', 'khoiphuc']));
  });
});
