/**
 * `npm run bench:bot`: >= 10,000 updates through the whole stack (grammY client, runner,
 * middleware, core, sendMessage) against the local Bot API emulator. Prints updates/s and
 * p50/p99 reply latency (update queued -> reply received by the emulator), then the
 * chart rendering time. Targets: >= 1,000 updates/s, p99 < 20 ms.
 */
import { Worker } from 'node:worker_threads';
import { run } from '@grammyjs/runner';
import { renderChart } from '../src/charts/render.js';
import { createLogger } from '../src/logger.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { FactStore } from '../src/store/fact-store.js';
import { createBot } from '../src/transport/telegram/bot.js';
import { BotApiEmulator } from '../tests/support/bot-api-emulator.js';

const N = Number(process.env.BENCH_UPDATES ?? 10_000);
const store = await FactStore.open(BUNDLED_FACTS);
const worker = new Worker(
  `import('tsx/esm/api').then((m) => { m.register(); return import('${new URL('./emulator-worker.ts', import.meta.url).href}'); })`,
  { eval: true },
);
const messages: { type: string; url?: string; chat?: number; at: number; chats?: number[] }[] = [];
const ready = new Promise<string>((resolve) =>
  worker.on('message', (m) => {
    if (m.type === 'ready') resolve(m.url);
    else messages.push(m);
  }),
);
const url = await ready;
const bot = createBot({
  token: '1000:bench-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  apiRoot: url,
  store,
  log: createLogger('silent', []),
  floodLimit: 1000,
});
await bot.init();
const runner = run(bot, { runner: { fetch: { timeout: 1 } }, sink: { concurrency: 64 } });

const questions = [
  'xuất khẩu Kiên Giang tháng 4/2020',
  'nk kg 4T/2020',
  'bán lẻ Hải Phòng 2 tháng 2020',
  'IIP Lạng Sơn 6 tháng đầu năm 2020',
  'xuất khẩu Bạc Liêu 2020',
  'hướng dẫn',
  'giá vàng',
  'Kiên Giang',
  'tong kim ngach xnk lang son 6 thang 2020',
  'xk hai phong nam 2020',
];
const t0 = performance.timeOrigin + performance.now();
for (let i = 0; i < N; i += 100) {
  worker.postMessage(
    Array.from({ length: Math.min(100, N - i) }, (_, k) => ({
      type: 'push',
      chat: 10_000_000 + i + k,
      text: questions[(i + k) % questions.length]!,
    })),
  );
  await new Promise((r) => setTimeout(r, 1));
}
const sentCount = () => messages.filter((m) => m.type === 'sent').length;
while (sentCount() < N) await new Promise((r) => setTimeout(r, 20));
const pushedAt = new Map<number, number>();
for (const m of messages) if (m.type === 'pushed') for (const c of m.chats!) pushedAt.set(c, m.at);
const latencies = messages
  .filter((m) => m.type === 'sent')
  .map((m) => m.at - pushedAt.get(m.chat!)!);
const lastAt = Math.max(...messages.filter((m) => m.type === 'sent').map((m) => m.at));
const seconds = (lastAt - t0) / 1000;
await runner.stop();
await worker.terminate();
latencies.sort((a, b) => a - b);
const p = (q: number) => latencies[Math.floor((latencies.length - 1) * q)]!.toFixed(1);
console.log(`updates: ${N}, replies: ${latencies.length}`);
console.log(`throughput: ${Math.round(N / seconds)} updates/s`);
console.log(
  `reply latency at that load (queued -> reply at the emulator): p50 ${p(0.5)} ms, p99 ${p(0.99)} ms`,
);

// latency of one update at a time (what a user sees when the bot is not saturated)
const api2 = await new BotApiEmulator().start();
const bot2 = createBot({
  token: '1000:bench-token-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  apiRoot: api2.url,
  store,
  log: createLogger('silent', []),
});
await bot2.init();
const runner2 = run(bot2, { runner: { fetch: { timeout: 1 } } });
const single: number[] = [];
for (let i = 0; i < 300; i++) {
  const before = api2.callsOf('sendMessage').length;
  const t = performance.now();
  api2.message(20_000_000 + i, questions[i % questions.length]!);
  await api2.waitFor(() => api2.callsOf('sendMessage').length > before);
  single.push(api2.callsOf('sendMessage').at(-1)!.at - t);
}
await runner2.stop();
await api2.stop();
single.sort((a, b) => a - b);
console.log(
  `reply latency one at a time: p50 ${single[150]!.toFixed(1)} ms, p99 ${single[296]!.toFixed(1)} ms`,
);

const chart = {
  kind: 'bar' as const,
  title: 'Kim ngạch xuất khẩu hàng hóa',
  unit: 'triệu USD',
  series: [
    {
      name: 'XK',
      points: [
        { label: 'Lạng Sơn', value: 640 },
        { label: 'Kiên Giang', value: 205.11 },
      ],
    },
  ],
};
await renderChart(chart);
const c0 = performance.now();
for (let i = 0; i < 20; i++) await renderChart(chart);
console.log(
  `chart: ${((performance.now() - c0) / 20).toFixed(0)} ms a chart (vega-lite -> SVG -> PNG)`,
);
process.exit(0);
