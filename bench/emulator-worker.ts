/** The Bot API emulator in its own thread, as Telegram is another machine: the bench measures the bot, not the emulator. */
import { parentPort } from 'node:worker_threads';
import { BotApiEmulator } from '../tests/support/bot-api-emulator.js';

const api = await new BotApiEmulator().start();
const now = () => performance.timeOrigin + performance.now();
api.onCall((c) => {
  if (c.method === 'sendMessage')
    parentPort!.postMessage({ type: 'sent', chat: Number(c.params.chat_id), at: now() });
});
parentPort!.on('message', (m: { type: 'push'; chat: number; text: string }[]) => {
  for (const u of m) api.message(u.chat, u.text);
  parentPort!.postMessage({ type: 'pushed', at: now(), chats: m.map((u) => u.chat) });
});
parentPort!.postMessage({ type: 'ready', url: api.url });
