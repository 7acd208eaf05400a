/**
 * Two webhook replicas on one PostgreSQL server, as real processes: a follow-up answered by the
 * other replica keeps its context, a button made on one works on the other, an admin added on
 * one is an admin on the other, and a campaign survives one replica killed halfway (at a named
 * point, just after a bulletin reached the user and before it was recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStorage, type PgStorage } from '../../src/storage/pg/pg-storage.js';
import { BotApiEmulator } from '../support/bot-api-emulator.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { type Replica, startReplica, textUpdate } from '../support/replicas.js';

const ADMIN = 4242;
let server: TestPostgres;
let api: BotApiEmulator;
let url: string;
let a: Replica;
let b: Replica;
let storage: PgStorage;

beforeAll(async () => {
  server = await startPostgres();
  api = await new BotApiEmulator().start();
  url = await server.database('replicas');
  // the first replica migrates and seeds; the second finds it done
  const env = { SOLIEU_CRASH_AT: 'push:sent-unrecorded#20', PUSH_RATE: '100' };
  a = await startReplica({ name: 'a', databaseUrl: url, apiRoot: api.url, adminIds: [ADMIN], env });
  b = await startReplica({
    ...{ name: 'b', databaseUrl: url, apiRoot: api.url, adminIds: [ADMIN] },
    env: { PUSH_RATE: '100' },
  });
  storage = await openPgStorage(url);
}, 90_000);
afterAll(async () => {
  for (const r of [a, b]) r?.process.kill('SIGKILL');
  await storage?.close();
  await api?.stop();
  await server?.stop();
});

const repliesTo = (chat: number) =>
  api.delivered('sendMessage').filter((c) => Number(c.params.chat_id) === chat);

async function say(r: Replica, chat: number, text: string): Promise<string> {
  const before = repliesTo(chat).length;
  expect(await r.post(textUpdate(chat, text))).toBe(200);
  await api.waitFor(() => repliesTo(chat).length > before);
  return String(repliesTo(chat).at(-1)!.params.text);
}

describe('two replicas on one database', () => {
  it('a follow-up on the other replica keeps the context of the question', async () => {
    const first = await say(a, 1001, 'xuất khẩu Kiên Giang tháng 4/2020');
    expect(first).toContain('43,7');
    const next = await say(b, 1001, 'còn nhập khẩu?');
    expect(next).toContain('nhập khẩu hàng hóa – Kiên Giang, tháng 4/2020');
    const third = await say(a, 1001, 'so với năm trước?');
    expect(third).toContain('Kiên Giang');
  });

  it('every button under an answer from one replica works on the other', async () => {
    await say(a, 1002, 'bán lẻ Hải Phòng');
    const markup = repliesTo(1002).at(-1)!.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const buttons = markup.inline_keyboard.flat();
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      const before = repliesTo(1002).length + api.callsOf('editMessageText').length;
      await b.post({
        update_id: 900_000 + Math.floor(Math.random() * 90_000),
        callback_query: {
          id: `cb-${button.callback_data}`,
          from: { id: 1002, is_bot: false, first_name: 'Lan' },
          chat_instance: 'x',
          data: button.callback_data,
          message: { message_id: 1, date: 0, chat: { id: 1002, type: 'private' }, text: 'x' },
        },
      });
      await api.waitFor(
        () => repliesTo(1002).length + api.callsOf('editMessageText').length > before,
      );
      const answered = api.callsOf('answerCallbackQuery').at(-1)!;
      expect(String(answered.params.text ?? '')).not.toContain('hết hạn');
    }
  });

  it('an admin added on one replica may use admin commands on the other', async () => {
    await say(a, ADMIN, '/themadmin 5151');
    const reply = await say(b, 5151, '/phienban');
    expect(reply).toMatch(/#1 .*dữ liệu ban đầu/);
  });

  it('a campaign started on one replica is sent by both; killed halfway, nobody gets it twice', async () => {
    const chats = Array.from({ length: 120 }, (_, i) => 700_000 + i);
    await storage.subscriptions.addMany(
      chats.map((chatId, i) => ({
        chatId,
        place: i % 2 ? 'kien-giang' : 'hai-phong',
        indicator: null,
      })),
    );
    const started = await say(b, ADMIN, '/guibantin');
    expect(started).toContain('Bắt đầu gửi');
    const killed = await Promise.race([
      a.exited(),
      new Promise((r) => setTimeout(() => r('still running'), 30_000)),
    ]);
    expect(killed, a.output.join('')).toBe(null); // SIGKILL: no exit code
    const until = Date.now() + 60_000;
    let status = 'running';
    while (status !== 'done' && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      const r = await storage.pool.query("SELECT status FROM campaigns WHERE trigger = 'manual'");
      status = r.rows[0]?.status ?? 'running';
    }
    expect(status).toBe('done');
    const got = new Map<number, number>();
    for (const c of api.delivered('sendMessage')) {
      const chat = Number(c.params.chat_id);
      if (chat >= 700_000) got.set(chat, (got.get(chat) ?? 0) + 1);
    }
    const states = await storage.pool.query(
      "SELECT chat_id, state, error FROM deliveries WHERE campaign_id LIKE '%.manual' AND chat_id >= 700000",
    );
    const interrupted = states.rows
      .filter((r) => r.error === 'interrupted')
      .map((r) => Number(r.chat_id));
    expect([...got.values()].filter((n) => n > 1)).toEqual([]);
    // every owed chat got its bulletin, except the few caught in flight on the killed replica
    const lost = chats.filter((c) => !got.has(c) && !interrupted.includes(c));
    expect(lost).toEqual([]);
    expect(interrupted.length).toBeGreaterThanOrEqual(1);
    expect(interrupted.length).toBeLessThanOrEqual(4);
    expect(states.rows.filter((r) => r.state === 'sent').length + interrupted.length).toBe(120);
  });
});
