/**
 * `npm run bench:push`: one campaign to SUBSCRIBERS chats at a ceiling of RATE messages/s
 * against the local Bot API emulator (with some blocked chats and a 429). Prints the
 * achieved rate against the ceiling (target >= 95%) and the delivered/blocked/failed counts.
 */
import { Api } from 'grammy';
import { renderChart } from '../src/charts/render.js';
import { createLogger } from '../src/logger.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { PushService } from '../src/push/push-service.js';
import { SubscriptionStore } from '../src/push/subscriptions.js';
import { FactStore } from '../src/store/fact-store.js';
import { tempDir } from '../tests/helpers.js';
import { BotApiEmulator } from '../tests/support/bot-api-emulator.js';

const N = Number(process.env.SUBSCRIBERS ?? 3000);
const RATE = Number(process.env.RATE ?? 200);
const store = await FactStore.open(BUNDLED_FACTS);
const api = await new BotApiEmulator().start();
const tmp = tempDir('solieu-bench-push-');
const subs = await SubscriptionStore.open(tmp.dir);
const places = ['kien-giang', 'hai-phong', 'lang-son'];
await subs.addMany(
  Array.from({ length: N }, (_, i) => ({
    chatId: 1 + i,
    place: places[i % 3]!,
    indicator: i % 2 ? 'export' : null,
  })),
);
for (let i = 0; i < N / 100; i++) api.fail('sendMessage', { code: 403 }, 1, 1 + i * 97);
const push = new PushService({
  api: new Api('1:bench', { apiRoot: api.url }),
  subs,
  index: () => store.index,
  log: createLogger('silent', []),
  rate: RATE,
  renderChart,
});
const started = await push.trigger('manual');
const stats = await started!.done;
const messages = api.delivered('sendMessage').length + api.delivered('sendPhoto').length;
const firstAt = api.calls[0]!.at,
  lastAt = api.calls.at(-1)!.at;
const achieved = messages / ((lastAt - firstAt) / 1000);
console.log(`subscribers: ${N}, ceiling: ${RATE} messages/s`);
console.log(
  `achieved: ${achieved.toFixed(1)} messages/s (${((achieved / RATE) * 100).toFixed(1)}% of the ceiling), ${messages} messages incl. charts`,
);
console.log(
  `delivered: ${stats.sent}, blocked: ${stats.blocked}, failed: ${stats.failed}, in ${stats.seconds.toFixed(1)} s`,
);
await api.stop();
tmp.cleanup();
process.exit(0);
