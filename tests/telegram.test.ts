/**
 * The bot over real HTTP: grammY's own client and @grammyjs/runner polling a local Bot
 * API emulator on 127.0.0.1.
 */
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { createBot } from '../src/transport/telegram/bot.js';
import { prepareBot } from '../src/transport/telegram/start.js';
import { splitMessage } from '../src/transport/telegram/format.js';
import { bundled } from './helpers.js';
import { BotApiEmulator, BOT_USER } from './support/bot-api-emulator.js';
import { chatOf } from './support/chat.js';

const TOKEN = '123456789:TEST-token-that-must-never-be-logged_xyz';
const api = new BotApiEmulator();
const logLines: string[] = [];
let runner: RunnerHandle;
let chat = 100;
const nextChat = () => ++chat;

/** A message that is not text (a sticker, a voice note…) from a client in `languageCode`. */
const pushMedia = (id: number, content: Record<string, unknown>, languageCode = 'vi') =>
  api.push({
    message: {
      message_id: 7,
      date: 0,
      chat: { id, type: 'private' },
      from: { id, is_bot: false, first_name: 'Lan', language_code: languageCode },
      ...content,
    },
  });

const sent = (chatId: number) =>
  api.calls.filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId);

beforeAll(async () => {
  await api.start();
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  const log = createLogger('debug', [TOKEN], sink);
  const bot = createBot({
    token: TOKEN,
    apiRoot: api.url,
    store: bundled,
    log,
    floodLimit: 5,
    floodWindowMs: 60_000,
  });
  await prepareBot(bot);
  runner = run(bot, { runner: { fetch: { timeout: 1 } } });
});

afterAll(async () => {
  if (runner?.isRunning()) await runner.stop();
  await api.stop();
});

describe('Telegram bot', () => {
  it('sets the command menu in Vietnamese with an English fallback', () => {
    const calls = api.callsOf('setMyCommands');
    expect(calls.map((c) => c.params.language_code)).toEqual(['vi', undefined]);
    expect(JSON.stringify(calls[0]!.params.commands)).toContain('Cách hỏi số liệu');
  });

  it('/start: what the bot does and three example questions as buttons', async () => {
    const id = nextChat();
    api.message(id, '/start');
    await api.waitFor(() => sent(id).length === 1);
    const msg = sent(id)[0]!.params;
    expect(msg.text).toContain('Số Liệu');
    const buttons = (
      msg.reply_markup as { inline_keyboard: { text: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons).toHaveLength(3);
  });

  it('answers a question with the figure in HTML, without a needless "typing…"', async () => {
    const id = nextChat();
    api.message(id, 'xuất khẩu Kiên Giang tháng 4 năm 2020');
    await api.waitFor(() => sent(id).length === 1);
    const msg = sent(id)[0]!;
    expect(msg.params.text).toContain('43,7 triệu USD');
    expect(msg.params.parse_mode).toBe('HTML');
    expect(
      api.calls.some((c) => c.method === 'sendChatAction' && Number(c.params.chat_id) === id),
    ).toBe(false);
  });

  it('shows "typing…" and "sending photo…" while a chart is being made', async () => {
    const id = nextChat();
    api.message(id, 'so sánh xuất khẩu Kiên Giang và Lạng Sơn');
    await api.waitFor(
      (calls) => calls.some((c) => c.method === 'sendPhoto' && Number(c.params.chat_id) === id),
      20_000,
    );
    const mine = api.calls
      .filter((c) => Number(c.params.chat_id) === id)
      .map((c) => (c.method === 'sendChatAction' ? `action:${c.params.action}` : c.method));
    expect(mine).toEqual(['action:typing', 'sendMessage', 'action:upload_photo', 'sendPhoto']);
  });

  it('a button press answers the callback and sends a new message; the answer read stays', async () => {
    const id = nextChat();
    api.message(id, 'xuất khẩu Kiên Giang tháng 4 năm 2020');
    await api.waitFor(() => sent(id).length === 1);
    const markup = sent(id)[0]!.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const cumulative = markup.inline_keyboard.flat().find((b) => b.text.startsWith('Lũy kế'))!;
    api.push({
      callback_query: {
        id: 'cb1',
        from: { id, is_bot: false, first_name: 'Lan' },
        chat_instance: 'x',
        data: cumulative.callback_data,
        message: { message_id: 1, date: 0, chat: { id, type: 'private' }, text: 'old' },
      },
    });
    await api.waitFor(() => sent(id).length === 2);
    expect(
      api.callsOf('answerCallbackQuery').some((c) => c.params.callback_query_id === 'cb1'),
    ).toBe(true);
    expect(sent(id)[1]!.params.text).toContain('205,11');
    expect(api.callsOf('editMessageText').some((c) => Number(c.params.chat_id) === id)).toBe(false);
  });

  it('a question it is unsure of gets "Ý bạn là …?" buttons, not a guess', async () => {
    const id = nextChat();
    api.message(id, 'xuất khẩu ha nai năm 2020');
    await api.waitFor(() => sent(id).length === 1);
    const msg = sent(id)[0]!.params;
    expect(msg.text).toMatch(/^Ý bạn là/);
    const labels = (msg.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard
      .flat()
      .map((b) => b.text)
      .sort();
    expect(labels).toEqual(['Hà Nam', 'Hà Nội']);
  });

  it.each([
    [
      'a sticker',
      {
        sticker: {
          file_id: 's1',
          file_unique_id: 'u',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
      'chỉ đọc được chữ',
    ],
    [
      'a voice note',
      { voice: { file_id: 'v1', file_unique_id: 'u', duration: 3 } },
      'tin nhắn thoại',
    ],
    [
      'a photo',
      { photo: [{ file_id: 'p1', file_unique_id: 'u', width: 1, height: 1 }] },
      'trong ảnh',
    ],
    ['a location', { location: { latitude: 10.0, longitude: 105.0 } }, 'câu hỏi bằng chữ'],
  ])('%s gets a short fitting reply with example questions', async (_what, content, expected) => {
    const id = nextChat();
    pushMedia(id, content);
    await api.waitFor(() => sent(id).length === 1);
    expect(String(sent(id)[0]!.params.text)).toContain(expected);
    const markup = sent(id)[0]!.params.reply_markup as { inline_keyboard: unknown[][] };
    expect(markup.inline_keyboard.flat().length).toBeGreaterThan(0);
  });

  it('a question asked in English is answered in English over HTTP, and so is its follow-up', async () => {
    const id = nextChat();
    api.message(id, 'Kien Giang exports April 2020');
    await api.waitFor(() => sent(id).length === 1);
    expect(String(sent(id)[0]!.params.text)).toContain('43.7 million USD');
    api.message(id, 'and imports?');
    await api.waitFor(() => sent(id).length === 2);
    expect(String(sent(id)[1]!.params.text)).toMatch(
      /Merchandise imports – Kiên Giang, April 2020/,
    );
  });

  it('a voice note from a client set to English is answered in English', async () => {
    const id = nextChat();
    pushMedia(id, { voice: { file_id: 'v2', file_unique_id: 'u', duration: 3 } }, 'en');
    await api.waitFor(() => sent(id).length === 1);
    expect(String(sent(id)[0]!.params.text)).toContain('voice messages');
  });

  const english = (id: number) => ({
    from: { id, is_bot: false, first_name: 'Ann', language_code: 'en' },
  });

  it('a client set to English gets the guide, the command menu and the subscription notice in English', async () => {
    const id = nextChat();
    api.message(id, '/help', english(id));
    await api.waitFor(() => sent(id).length === 1);
    expect(String(sent(id)[0]!.params.text)).toContain('Ask in English or Vietnamese');
    api.message(id, '/dangky', english(id));
    await api.waitFor(() => sent(id).length === 2);
    expect(String(sent(id)[1]!.params.text)).toContain('Monthly summaries are not enabled');
    const menus = api.callsOf('setMyCommands');
    const fallback = menus.find((c) => c.params.language_code === undefined)!;
    expect(JSON.stringify(fallback.params.commands)).toContain('Subscribe to the monthly summary');
  });

  it('/help lists the commands, and /nguon lists the sources with the rule that picks one', async () => {
    const id = nextChat();
    api.message(id, '/help');
    await api.waitFor(() => sent(id).length === 1);
    expect(String(sent(id)[0]!.params.text)).toMatch(/\/dangky .*\/huy .*\/dangkycuatoi .*\/nguon/);
    api.message(id, '/nguon');
    await api.waitFor(() => sent(id).length === 2);
    expect(String(sent(id)[1]!.params.text)).toMatch(/^<b>Nguồn số liệu: \d+ nơi công bố/);
    expect(String(sent(id)[1]!.params.text)).toContain('Khi nhiều nguồn nêu cùng một số liệu');
    const menus = api.callsOf('setMyCommands').map((c) => JSON.stringify(c.params.commands));
    expect(menus.every((m) => m.includes('"nguon"'))).toBe(true);
  });

  it('an English answer offers English buttons, and a press answers in English', async () => {
    const id = nextChat();
    api.message(id, 'Kien Giang exports April 2020', english(id));
    await api.waitFor(() => sent(id).length === 1);
    const { buttons, press } = chatOf(api);
    const shown = buttons(sent(id)[0]!.params);
    const cumulative = shown.find((b) => b.text === 'January–April')!;
    expect(shown.map((b) => b.text)).toContain('🔔 Subscribe');
    press(id, cumulative.callback_data, 'en');
    await api.waitFor(() => sent(id).length === 2);
    const text = String(sent(id)[1]!.params.text);
    expect(text).toContain('Merchandise exports – Kiên Giang, January–April 2020');
    expect(text).toContain('26.3% of the annual plan');
  });

  it('a first turn with only a name follows the client: English for English, else Vietnamese', async () => {
    const en = nextChat();
    api.message(en, 'Kien Giang', english(en));
    await api.waitFor(() => sent(en).length === 1);
    expect(String(sent(en)[0]!.params.text)).toMatch(/^<b>Figures for Kiên Giang \(\d+ figures\)/);
    const vi = nextChat();
    api.message(vi, 'Kien Giang');
    await api.waitFor(() => sent(vi).length === 1);
    expect(String(sent(vi)[0]!.params.text)).toMatch(/^<b>Số liệu của Kiên Giang/);
    // the conversation's own language wins over the client's
    api.message(en, 'xuất khẩu Kiên Giang tháng 4/2020', english(en));
    api.message(en, 'Lang Son', english(en));
    await api.waitFor(() => sent(en).length === 3);
    expect(String(sent(en)[2]!.params.text)).toMatch(/Lạng Sơn/);
    expect(String(sent(en)[2]!.params.text)).toMatch(/số liệu/);
  });

  it('"what about Lang Son" after an English question stays in English', async () => {
    const id = nextChat();
    api.message(id, 'Kien Giang imports April 2020', english(id));
    await api.waitFor(() => sent(id).length === 1);
    api.message(id, 'what about Lang Son', english(id));
    await api.waitFor(() => sent(id).length === 2);
    expect(String(sent(id)[1]!.params.text)).toMatch(/Lạng Sơn/);
    expect(String(sent(id)[1]!.params.text)).not.toMatch(/của|số liệu/);
  });

  it('an unknown or expired button still gets its callback answered', async () => {
    const id = nextChat();
    api.push({
      callback_query: {
        id: 'cb-old',
        from: { id, is_bot: false, first_name: 'Lan' },
        chat_instance: 'x',
        data: 'q:zzzz',
      },
    });
    api.push({
      callback_query: {
        id: 'cb-junk',
        from: { id, is_bot: false, first_name: 'Lan' },
        chat_instance: 'x',
        data: 'whatever',
      },
    });
    await api.waitFor((calls) =>
      ['cb-old', 'cb-junk'].every((cb) =>
        calls.some((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === cb),
      ),
    );
  });

  it('a trend question comes with a chart picture', async () => {
    const id = nextChat();
    api.message(id, 'biểu đồ nhập khẩu Kiên Giang');
    await api.waitFor(
      (calls) => calls.some((c) => c.method === 'sendPhoto' && Number(c.params.chat_id) === id),
      20_000,
    );
    const photo = api.callsOf('sendPhoto').find((c) => Number(c.params.chat_id) === id)!;
    expect(photo.multipart).toBe(true);
    const files = photo.params.files as { head: string; bytes: number }[];
    expect(files[0]!.head.slice(1, 4)).toBe('PNG');
    expect(files[0]!.bytes).toBeGreaterThan(5000);
    expect(photo.params.caption).toContain('nhập khẩu');
  });

  it('inline mode offers the answer as an article', async () => {
    api.push({
      inline_query: {
        id: 'iq1',
        from: { id: 5, is_bot: false, first_name: 'Lan' },
        query: 'xuất khẩu Kiên Giang tháng 4/2020',
        offset: '',
      },
    });
    await api.waitFor((calls) => calls.some((c) => c.method === 'answerInlineQuery'));
    const results = api.callsOf('answerInlineQuery')[0]!.params.results as {
      type: string;
      input_message_content: { message_text: string };
    }[];
    expect(results[0]!.type).toBe('article');
    expect(results[0]!.input_message_content.message_text).toContain('43,7');
  });

  it('in groups, ignores messages not addressed to it, answers mentions and commands', async () => {
    const group = { id: -500, type: 'group', title: 'Phòng Thương mại' };
    api.message(777, 'xuất khẩu Kiên Giang tháng 4/2020', { chat: group });
    api.message(777, `@${BOT_USER.username} nhập khẩu Kiên Giang tháng 4/2020`, { chat: group });
    await api.waitFor(() => sent(-500).length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(sent(-500)).toHaveLength(1);
    expect(sent(-500)[0]!.params.text).toContain('18,5');
  });

  it('a flood gets one polite note and no more answers', async () => {
    const id = nextChat();
    for (let i = 0; i < 8; i++) api.message(id, `xuất khẩu Kiên Giang tháng 4/2020 #${i}`);
    await api.waitFor(() => sent(id).some((c) => String(c.params.text).includes('hơi nhanh')));
    await new Promise((r) => setTimeout(r, 300));
    expect(sent(id).filter((c) => String(c.params.text).includes('43,7'))).toHaveLength(5);
    expect(sent(id).filter((c) => String(c.params.text).includes('hơi nhanh'))).toHaveLength(1);
  });

  it('answers an unknown command with a pointer to /help', async () => {
    const id = nextChat();
    api.message(id, '/khongco');
    await api.waitFor(() => sent(id).length === 1);
    expect(sent(id)[0]!.params.text).toContain('/help');
  });

  it('survives a malformed update and keeps answering', async () => {
    const id = nextChat();
    api.push({ message: { message_id: 1, date: 0, chat: { id, type: 'private' } } });
    api.push({ something_new: { foo: 1 } });
    api.message(id, 'nhập khẩu Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(id).some((c) => String(c.params.text).includes('18,5')));
  });

  it('retries on 429 (retry_after) and on 500, and the answer arrives', async () => {
    const id = nextChat();
    api.fail('sendMessage', { code: 429, retry_after: 1 }, 1, id);
    api.fail('sendMessage', { code: 500 }, 1, id);
    api.message(id, 'bán lẻ Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(id).length === 3, 15_000);
    expect(sent(id)[2]!.params.text).toContain('6.598,4');
  });

  it('tells the user without a stack trace when sending keeps failing', async () => {
    const id = nextChat();
    api.fail('sendMessage', { code: 400, description: 'Bad Request: something odd' }, 1, id);
    api.message(id, 'bán lẻ Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(id).length === 2);
    expect(sent(id)[1]!.params.text).toContain('có lỗi xảy ra');
    expect(String(sent(id)[1]!.params.text)).not.toMatch(/at \w+ \(|Error:/);
  });

  it('never logs the token', () => {
    const all = logLines.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(TOKEN.split(':')[1]);
  });
});

describe('long replies', () => {
  it('are split on line boundaries under 4,096 characters', () => {
    const html = Array.from(
      { length: 400 },
      (_, i) => `<b>dòng ${i}</b> ${'x'.repeat(i % 50)}`,
    ).join('\n');
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p.split('<b>').length).toBe(p.split('</b>').length);
    }
    expect(parts.join('\n')).toBe(html);
  });
});

describe('buttons across a restart', () => {
  it('an old button asks the same question of a restarted bot, never another', async () => {
    const id = nextChat();
    api.message(id, 'xuất khẩu Kiên Giang tháng 4/2020');
    await api.waitFor(() => sent(id).length === 1);
    const markup = sent(id)[0]!.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const button = markup.inline_keyboard.flat().find((b) => b.text.startsWith('Lũy kế'))!;
    // a new process: new services, nothing remembered from the first one
    await runner.stop();
    const log = createLogger('silent', [TOKEN]);
    const again = createBot({ token: TOKEN, apiRoot: api.url, store: bundled, log });
    await prepareBot(again);
    runner = run(again, { runner: { fetch: { timeout: 1 } } });
    api.push({
      callback_query: {
        id: 'cb-restart',
        from: { id, is_bot: false, first_name: 'Lan' },
        chat_instance: 'x',
        data: button.callback_data,
        message: { message_id: 1, date: 0, chat: { id, type: 'private' }, text: 'old' },
      },
    });
    await api.waitFor(() => sent(id).length === 2);
    const next = sent(id)[1]!;
    expect(String(next.params.text)).toContain('4 tháng đầu năm 2020');
    expect(String(next.params.text)).toContain('205,11');
  });
});
