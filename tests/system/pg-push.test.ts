/**
 * Pushes across replicas on a real PostgreSQL server: two senders share one queue and one pace;
 * each delivery goes out once; a 429 pauses both; a blocked chat is unsubscribed; the claims
 * of a sender that went silent are marked interrupted, never resent, and the others finish.
 */
import { CHAT_LANGUAGE } from '../../src/push/summary.js';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedPush } from '../../src/push/shared-push.js';
import { factsOfText } from '../../src/store/fact-store.js';
import { openPgStorage, type PgStorage } from '../../src/storage/pg/pg-storage.js';
import { SEED_FACTS } from '../helpers.js';
import { BotApiEmulator } from '../support/bot-api-emulator.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';

const TOKEN = '123456789:PGPUSHtokenPGPUSHtokenPGPUSHtoken';
const log = pino({ level: 'silent' });
let server: TestPostgres;
let api: BotApiEmulator;
let dbs = 0;

beforeAll(async () => {
  server = await startPostgres();
  api = await new BotApiEmulator().start();
});
afterAll(async () => {
  await api?.stop();
  await server?.stop();
});

async function deployment(subscribers: number) {
  const url = await server.database(`push_${++dbs}`);
  const seed = () => factsOfText(readFileSync(SEED_FACTS, 'utf8'));
  const storage = await openPgStorage(url, { seed, poolSize: 6 });
  const places = ['kien-giang', 'hai-phong', 'lang-son'];
  const first = 500_000 + dbs * 10_000;
  await storage.subscriptions.addMany(
    Array.from({ length: subscribers }, (_, i) => ({
      chatId: first + i,
      place: places[i % 3]!,
      indicator: null,
    })),
  );
  const chats = Array.from({ length: subscribers }, (_, i) => first + i);
  return { storage, chats };
}

function sender(storage: PgStorage, name: string, rate = 400) {
  return new SharedPush({
    api: new Api(TOKEN, { apiRoot: api.url }),
    ...{ storage, deliveries: storage.deliveries, log, rate, sender: name },
    silentMs: 2_000,
  });
}

const received = (chats: readonly number[]) => {
  const wanted = new Set(chats);
  const n = new Map<number, number>();
  for (const c of api.delivered('sendMessage')) {
    const chat = Number(c.params.chat_id);
    if (wanted.has(chat)) n.set(chat, (n.get(chat) ?? 0) + 1);
  }
  return n;
};

async function waitDone(storage: PgStorage, campaign: string) {
  const until = Date.now() + 30_000;
  for (;;) {
    const r = await storage.pool.query('SELECT status FROM campaigns WHERE id = $1', [campaign]);
    if (r.rows[0]?.status === 'done') return storage.deliveries.counts(campaign);
    if (Date.now() > until) throw new Error(`campaign ${campaign} not done`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the shared push queue', () => {
  it('two senders deliver every bulletin once, and a second trigger of the month creates nothing', async () => {
    const { storage, chats } = await deployment(150);
    const [a, b] = [sender(storage, 'a'), sender(storage, 'b')];
    // one chat subscribed in English: its bulletin is written in English, whoever sends it
    await storage.state.set(CHAT_LANGUAGE, String(chats[0]), 'en', 86_400_000);
    const c = await a.trigger('manual', null);
    expect(c).not.toBeNull();
    expect(await b.trigger('manual', null)).toBeNull();
    await Promise.all([a.start(), b.start()]);
    const counts = await waitDone(storage, c!.id);
    await Promise.all([a.stop(), b.stop()]);
    const got = received(chats);
    expect(counts.sent).toBe(150);
    const textTo = (chat: number) =>
      String(
        api.delivered('sendMessage').find((m) => Number(m.params.chat_id) === chat)!.params.text,
      );
    expect(textTo(chats[0]!)).toContain('📬 Summary for');
    expect(textTo(chats[1]!)).toContain('📬 Bản tin tháng');
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    expect(got.size).toBe(150);
    const by = await storage.pool.query(
      'SELECT claimed_by, count(*)::int AS n FROM deliveries GROUP BY claimed_by',
    );
    expect(by.rows.map((r) => r.claimed_by).sort()).toEqual(['a', 'b']);
    await storage.close();
  });

  it('a 429 pauses every sender for retry_after; a blocked chat is unsubscribed', async () => {
    const { storage, chats } = await deployment(30);
    api.fail('sendMessage', { code: 403 }, 1, chats[0]);
    api.fail('sendMessage', { code: 429, retry_after: 1 }, 1);
    const [a, b] = [sender(storage, 'a'), sender(storage, 'b')];
    const c = await a.trigger('manual', null);
    const t0 = performance.now();
    await Promise.all([a.start(), b.start()]);
    const counts = await waitDone(storage, c!.id);
    await Promise.all([a.stop(), b.stop()]);
    expect(counts).toMatchObject({ sent: 29, blocked: 1, pending: 0, sending: 0 });
    expect(await storage.subscriptions.list(chats[0]!)).toEqual([]);
    // the 429 (the 403 is chats[0]'s, and it always takes that chat's first send)
    const refused = api
      .callsOf('sendMessage')
      .find((x) => !x.ok && x.at >= t0 - 1 && Number(x.params.chat_id) !== chats[0]);
    const after = api
      .delivered('sendMessage')
      .filter((x) => chats.includes(Number(x.params.chat_id)) && x.at > refused!.at);
    // within the second Telegram asked for, only requests already on their way when the 429
    // came back may land: at most one per worker (2 senders x 4); the rest wait it out
    const gaps = after.map((x) => x.at - refused!.at);
    expect(gaps.filter((g) => g < 950).length).toBeLessThanOrEqual(8);
    expect(gaps.filter((g) => g >= 950).length).toBeGreaterThan(0);
    expect([...received(chats).values()].every((n) => n === 1)).toBe(true);
    await storage.close();
  });

  it('holds the ceiling for all senders together', async () => {
    const { storage, chats } = await deployment(60);
    const rate = 40;
    const senders = [
      sender(storage, 'a', rate),
      sender(storage, 'b', rate),
      sender(storage, 'c', rate),
    ];
    const c = await senders[0]!.trigger('manual', null);
    await Promise.all(senders.map((s) => s.start()));
    await waitDone(storage, c!.id);
    await Promise.all(senders.map((s) => s.stop()));
    const at = api
      .delivered('sendMessage')
      .filter((x) => chats.includes(Number(x.params.chat_id)))
      .map((x) => x.at)
      .sort((x, y) => x - y);
    // three senders together never beat the one ceiling: the whole run takes at least its
    // slots (a request may reach the emulator a little early or late: 150 ms allowed once), and
    // no 20 in a row go out in much less than their 20 slots (a loaded machine delays some)
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(((at.length - 1) * 1000) / rate - 150);
    for (let i = 20; i < at.length; i++)
      expect(at[i]! - at[i - 20]!).toBeGreaterThanOrEqual((20 * 1000) / rate - 150);
    // (three senders each pacing only itself would send 20 in a third of that)
    expect(at.length).toBe(60);
    await storage.close();
  });

  it("a silent sender's claims are interrupted, never resent; the living finish the rest", async () => {
    const { storage, chats } = await deployment(40);
    const a = sender(storage, 'a');
    const c = await a.trigger('manual', null);
    // a replica that claimed three and died before sending (it never beats)
    const lost = await storage.deliveries.claim('dead-replica', 3);
    await a.start();
    const counts = await waitDone(storage, c!.id);
    await a.stop();
    expect(counts).toMatchObject({ sent: 37, failed: 3, pending: 0, sending: 0 });
    expect(await storage.deliveries.interrupted(c!.id)).toBe(3);
    const got = received(chats);
    for (const d of lost) expect(got.get(d.chatId)).toBeUndefined();
    expect([...got.values()].every((n) => n === 1)).toBe(true);
    await storage.close();
  });
});
