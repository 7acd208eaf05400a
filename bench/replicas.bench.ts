/**
 * `npm run bench:replicas`: PostgreSQL, 3 webhook replicas (real processes) and the Bot API
 * emulator. CHATS conversations of three turns go round-robin over the replicas (each turn to
 * the next replica, so every follow-up lands on another process than the question before it),
 * and every reply is checked against the single-process answer. Then a campaign to
 * SUBSCRIBERS chats, started on one replica, is sent by all; one replica is killed with
 * SIGKILL when half has gone out. The last line is the figure the README quotes.
 */
import { BUNDLED_FACTS } from '../src/paths.js';
import { Conversation } from '../src/core/conversation.js';
import { FactStore } from '../src/store/fact-store.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import { splitMessage } from '../src/transport/telegram/format.js';
import { BotApiEmulator } from '../tests/support/bot-api-emulator.js';
import { startPostgres } from '../tests/support/postgres.js';
import { type Replica, startReplica, textUpdate } from '../tests/support/replicas.js';

const REPLICAS = 3;
const CHATS = Number(process.env.CHATS ?? 300);
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 3000);
const RATE = Number(process.env.PUSH_RATE ?? 200);
const ADMIN = 77_001;
const CONVERSATIONS = [
  ['xuất khẩu Kiên Giang tháng 4/2020', 'còn nhập khẩu?', 'so với năm trước?'],
  ['ban le hai phong', 'còn Kiên Giang?', 'tăng hay giảm vậy'],
  ['nhập khẩu Lạng Sơn 6 tháng 2020', 'thế còn xuất khẩu', 'năm liền trước thì sao'],
  ['IIP Kon Tum', 'còn Hải Phòng?', 'so với cùng kỳ?'],
  ['Kien Giang exports April 2020', 'and imports?', 'so với tháng trước?'],
];

const pg = await startPostgres();
const api = await new BotApiEmulator().start();
const url = await pg.database('bench_replicas');
const replicas: Replica[] = [];
for (let i = 0; i < REPLICAS; i++)
  replicas.push(
    await startReplica({
      ...{ name: `r${i}`, databaseUrl: url, apiRoot: api.url, adminIds: [ADMIN] },
      env: { PUSH_RATE: String(RATE) },
    }),
  );
const storage = await openPgStorage(url);
const bundled = await FactStore.open(BUNDLED_FACTS);

const replies = new Map<number, string[]>();
const waiting = new Map<number, () => void>();
api.onCall((c) => {
  if (c.method !== 'sendMessage') return;
  const chat = Number(c.params.chat_id);
  const list = replies.get(chat);
  if (list) list.push(String(c.params.text));
  else replies.set(chat, [String(c.params.text)]);
  waiting.get(chat)?.();
});

/** Resolves when the chat has `count` replies (woken by the emulator, no polling). */
async function waitReplies(chat: number, count: number): Promise<void> {
  const until = Date.now() + 30_000;
  while ((replies.get(chat)?.length ?? 0) < count) {
    if (Date.now() > until) throw new Error(`no reply to chat ${chat}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1_000);
      waiting.set(chat, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  waiting.delete(chat);
}

const mismatches: string[] = [];

/** One chat's three turns, each on the next replica; true when the follow-ups match. */
async function converse(n: number): Promise<{ followUps: number; ok: number }> {
  const chat = 5_000_000 + n;
  const turns = CONVERSATIONS[n % CONVERSATIONS.length]!;
  const local = new Conversation(() => bundled.index);
  let ok = 0;
  for (let t = 0; t < turns.length; t++) {
    const expected = splitMessage(local.ask(turns[t]!).reply.html);
    const before = replies.get(chat)?.length ?? 0;
    await replicas[(n + t) % REPLICAS]!.post(textUpdate(chat, turns[t]!));
    await waitReplies(chat, before + expected.length);
    const got = replies.get(chat)!.slice(before, before + expected.length);
    if (t > 0 && got.join('\n') === expected.join('\n')) ok++;
    else if (t > 0 && mismatches.length < 3)
      mismatches.push(
        `${turns.slice(0, t + 1).join(' / ')}\n  expected: ${expected.join(' | ')}\n  got: ${got.join(' | ')}`,
      );
  }
  return { followUps: turns.length - 1, ok };
}

const t0 = performance.now();
const results = await Promise.all(Array.from({ length: CHATS }, (_, n) => converse(n)));
const seconds = (performance.now() - t0) / 1000;
const updates = results.length * 3;
const followUps = results.reduce((s, r) => s + r.followUps, 0);
const followUpsOk = results.reduce((s, r) => s + r.ok, 0);
console.log(
  `conversations: ${CHATS} x 3 turns over ${REPLICAS} replicas in ${seconds.toFixed(2)} s`,
);

// the campaign
const places = ['kien-giang', 'hai-phong', 'lang-son'];
const first = 10_000_000;
await storage.subscriptions.addMany(
  Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    chatId: first + i,
    place: places[i % 3]!,
    indicator: i % 2 ? 'export' : null,
  })),
);
const received = new Map<number, number>();
let bulletins = 0;
api.onCall((c) => {
  const chat = Number(c.params.chat_id);
  if (c.method !== 'sendMessage' || chat < first || !c.ok) return;
  received.set(chat, (received.get(chat) ?? 0) + 1);
  bulletins++;
});
const c0 = performance.now();
await replicas[0]!.post(textUpdate(ADMIN, '/guibantin'));
const victim = replicas[REPLICAS - 1]!;
let killedAt = -1;
for (;;) {
  await new Promise((r) => setTimeout(r, 20));
  if (killedAt < 0 && bulletins >= SUBSCRIBERS / 2) {
    victim.process.kill('SIGKILL');
    killedAt = bulletins;
  }
  const r = await storage.pool.query("SELECT status FROM campaigns WHERE trigger = 'manual'");
  if (r.rows[0]?.status === 'done') break;
  if (performance.now() - c0 > 600_000) throw new Error('campaign not done in 10 minutes');
}
const campaignSeconds = (performance.now() - c0) / 1000;
const rows = (
  await storage.pool.query<{ chat_id: string; state: string; error: string | null }>(
    "SELECT chat_id, state, error FROM deliveries WHERE campaign_id LIKE '%.manual'",
  )
).rows;
const interrupted = new Set(
  rows.filter((r) => r.error === 'interrupted').map((r) => Number(r.chat_id)),
);
const sent = rows.filter((r) => r.state === 'sent').length;
const duplicated = [...received.values()].filter((n) => n > 1).length;
const lost = rows.filter(
  (r) => !received.has(Number(r.chat_id)) && !interrupted.has(Number(r.chat_id)),
).length;
console.log(
  `campaign: ${rows.length} owed, ${bulletins} bulletins in ${campaignSeconds.toFixed(1)} s at a ceiling of ${RATE} messages/s (charts included); ${victim.name} killed after ${killedAt}`,
);
console.log(
  `replicas: ${REPLICAS}, updates/s ${(updates / seconds).toFixed(0)}, follow-ups across replicas ${followUpsOk}/${followUps} ok, deliveries: sent ${sent}, duplicated ${duplicated}, lost ${lost}, interrupted ${interrupted.size}`,
);
for (const r of replicas) r.process.kill('SIGKILL');
await storage.close();
await api.stop();
await pg.stop();
process.exit(0);
