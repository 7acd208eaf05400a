/** Webhook mode: secret token checked, /healthz, updates answered through the Bot API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { startTelegram, type RunningBot } from '../src/transport/telegram/start.js';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_FACTS } from '../src/paths.js';
import { bundled, tempDir } from './helpers.js';
import { BotApiEmulator } from './support/bot-api-emulator.js';
import { freePort } from './support/postgres.js';

const api = new BotApiEmulator();
let PORT = 0;
const SECRET = 'webhook-secret-0123456789';
let bot: RunningBot;
const tmp = tempDir('solieu-webhook-');

beforeAll(async () => {
  await api.start();
  PORT = await freePort();
  const config = loadConfig({
    BOT_TOKEN: '123456789:WEBHOOKtokenWEBHOOKtokenWEBHOOKtoken',
    TELEGRAM_API_ROOT: api.url,
    WEBHOOK_URL: `http://127.0.0.1:${PORT}/tg`,
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_PORT: String(PORT),
    LOG_LEVEL: 'silent',
    // never the bundled data file nor the project's state/: a copy in a temp folder
    FACTS_PATH: join(tmp.dir, 'facts.json'),
    STATE_DIR: join(tmp.dir, 'state'),
  });
  copyFileSync(BUNDLED_FACTS, config.FACTS_PATH);
  bot = await startTelegram(config, bundled);
});
afterAll(async () => {
  await bot?.stop();
  await api.stop();
  tmp.cleanup();
});

const post = (body: unknown, secret?: string) =>
  fetch(`http://127.0.0.1:${PORT}/tg`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
    },
    body: JSON.stringify(body),
  });
const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 42, type: 'private' },
    from: { id: 42, is_bot: false, first_name: 'An' },
    text,
  },
});

describe('webhook mode', () => {
  it('answers a body that is not JSON with 400 and stays up', async () => {
    const bad = await fetch(`http://127.0.0.1:${PORT}/tg`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: '{"update_id": 1, "message": ',
    });
    expect(bad.status).toBe(400);
    const health = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    expect(health.status).toBe(200);
  });

  it('registers the webhook with its secret', () => {
    const call = api.callsOf('setWebhook')[0]!;
    expect(call.params.url).toBe(`http://127.0.0.1:${PORT}/tg`);
    expect(call.params.secret_token).toBe(SECRET);
  });
  it('answers /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });
  it('refuses an update without the secret', async () => {
    expect((await post(update(1, 'help'))).status).toBe(401);
    expect((await post(update(2, 'help'), 'wrong-secret-000000000')).status).toBe(401);
  });
  it('answers an update that carries the secret', async () => {
    expect((await post(update(3, 'xuất khẩu Kiên Giang tháng 4/2020'), SECRET)).status).toBe(200);
    await api.waitFor((calls) =>
      calls.some((c) => c.method === 'sendMessage' && String(c.params.text).includes('43,7')),
    );
  });
});
