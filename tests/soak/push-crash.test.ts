/** A kill -9 of the sending process mid-campaign over 10,000 subscribers, then a restart. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { journalPath } from '../../src/push/campaign-runner.js';
import { DeliveryJournal } from '../../src/push/journal.js';
import { SubscriptionStore } from '../../src/push/subscriptions.js';
import { latestMonthFor } from '../../src/push/summary.js';
import { FactStore } from '../../src/store/fact-store.js';
import { SEED_FACTS, tempDir } from '../helpers.js';
import { BotApiEmulator } from '../support/bot-api-emulator.js';

const TOKEN = '555000:push-test-token-xxxxxxxxxxxxxxxxxxxx';
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

describe('a kill -9 mid-campaign', () => {
  function startPusher(args: string[]): ChildProcess {
    return spawn(process.execPath, ['--import', 'tsx', 'src/transport/cli/push.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: api.url,
        STATE_DIR: dir,
        FACTS_PATH: SEED_FACTS,
        PUSH_RATE: '1000',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const exited = (p: ChildProcess) =>
    new Promise<number | null>((r) => p.on('exit', (code) => r(code)));

  it('10,000 subscribers: each reachable one gets exactly one summary, blocked ones end unsubscribed, nothing pending', async () => {
    const N = 10_000;
    const subs = await SubscriptionStore.open(dir);
    // every chat is owed a bulletin (Hải Phòng's exports are yearly only: tested in push.test.ts)
    const places = ['kien-giang', 'kon-tum', 'lang-son'];
    await subs.addMany(
      Array.from({ length: N }, (_, i) => ({
        chatId: 100_000 + i,
        place: places[i % 3]!,
        indicator: i % 2 ? 'export' : null,
      })),
    );
    const blocked = Array.from({ length: 50 }, (_, i) => 100_000 + 7000 + i * 3); // reached after the restart
    const early = Array.from({ length: 20 }, (_, i) => 100_000 + 100 + i); // before the kill
    for (const c of [...blocked, ...early]) api.fail('sendMessage', { code: 403 }, 1, c);
    for (let i = 0; i < 40; i++) api.fail('sendMessage', { code: 500 }, 1, 100_000 + 5000 + i);
    api.fail('sendMessage', { code: 429, retry_after: 1 }, 2);

    const first = startPusher(['--trigger', 'publish']);
    await api.waitFor(() => api.callsOf('sendMessage').length >= 3000, 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const beforeRestart = api.callsOf('sendMessage').length;
    expect(beforeRestart).toBeLessThan(N);

    const second = startPusher(['--resume']);
    let out = '';
    second.stdout!.on('data', (d) => {
      out += String(d);
    });
    expect(await exited(second)).toBe(0);
    const stats = JSON.parse(out.trim().split('\n')[0]!);

    const received = new Map<number, number>();
    for (const c of api.delivered('sendMessage')) {
      const chat = Number(c.params.chat_id);
      received.set(chat, (received.get(chat) ?? 0) + 1);
    }
    const journal = new DeliveryJournal(
      journalPath(subs, (await SubscriptionStore.open(dir)).campaigns()[0]!.id),
    );
    const counts = journal.counts();
    expect(counts.pending).toBe(0);
    expect(counts.sending).toBe(0);
    const interrupted = [...journal.all()]
      .filter((d) => d.error === 'interrupted')
      .map((d) => d.chatId);
    expect(interrupted.length).toBeLessThanOrEqual(64); // no more than were in flight
    const blockedSet = new Set([...blocked, ...early]);
    const interruptedSet = new Set(interrupted);
    let exactlyOnce = 0;
    // only chats whose own place has monthly figures are owed a bulletin (never an empty one)
    const seed = await FactStore.open(SEED_FACTS);
    const owed = (i: number) =>
      latestMonthFor(seed.index, [
        { place: places[i % 3]!, indicator: i % 2 ? 'export' : null },
      ]) !== null;
    for (let i = 0; i < N; i++) {
      const chat = 100_000 + i;
      const got = received.get(chat) ?? 0;
      if (!owed(i)) {
        expect(got, `chat ${chat}`).toBe(0);
        continue;
      }
      const delivered = journal.get(chat)?.state === 'sent';
      if (blockedSet.has(chat)) {
        expect(journal.get(chat)?.state).toBe('blocked');
        continue;
      }
      if (interruptedSet.has(chat)) {
        expect(got).toBeLessThanOrEqual(1);
        continue;
      }
      expect(got, `chat ${chat}`).toBe(1);
      expect(delivered).toBeTruthy();
      exactlyOnce++;
    }
    expect(exactlyOnce).toBe(N - blockedSet.size - interrupted.length);
    const after = await SubscriptionStore.open(dir);
    for (const c of blockedSet) expect(after.list(c)).toEqual([]);
    expect(after.all().length).toBe(N - blockedSet.size);
    expect(stats.blocked).toBe(blockedSet.size);
    expect(readFileSync(journal.path, 'utf8').length).toBeGreaterThan(0);
  }, 180_000);
});
