/**
 * Runs the bot: long polling with @grammyjs/runner by default, a webhook when WEBHOOK_URL is set.
 */
import { createServer } from 'node:http';
import { run } from '@grammyjs/runner';
import { Api, type Bot, webhookCallback } from 'grammy';
import type { Logger } from 'pino';
import { renderChart } from '../../charts/render.js';
import { PushService } from '../../push/push-service.js';
import { SubscriptionStore } from '../../push/subscriptions.js';
import { DataManager } from '../../admin/data-manager.js';
import { AdminList } from '../../admin/admins.js';
import type { BotContext } from './context.js';
import type { Config } from '../../config.js';
import { redact } from '../../config.js';
import { createLogger } from '../../logger.js';
import type { FactStore } from '../../store/fact-store.js';
import { createBot, flushState } from './bot.js';
import { showAdminMenu } from './features/admin.js';
import { COMMANDS_EN, COMMANDS_VI } from './features/start.js';

/** getMe and the command menus: Vietnamese with an English fallback, and each admin's own. */
export async function prepareBot(
  bot: Bot<BotContext>,
  admins: readonly number[] = [],
): Promise<void> {
  await bot.init();
  await bot.api.setMyCommands(COMMANDS_VI, { language_code: 'vi' });
  await bot.api.setMyCommands(COMMANDS_EN);
  for (const id of admins) await showAdminMenu(bot.api, id, COMMANDS_VI);
}

export interface RunningBot {
  /** Resolves when the bot has stopped. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Subscriptions and the push service on STATE_DIR, sending through an Api without auto-retry (the
 * campaign runner paces itself).
 */
export async function openPush(
  config: Config,
  store: FactStore,
  log: Logger,
): Promise<{ subs: SubscriptionStore; push: PushService }> {
  const subs = await SubscriptionStore.open(config.STATE_DIR);
  const api = new Api(
    config.BOT_TOKEN!,
    config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
  );
  const push = new PushService({
    api,
    subs,
    index: () => store.index,
    log: log.child({ part: 'push' }),
    rate: config.PUSH_RATE,
    renderChart,
  });
  return { subs, push };
}

export async function startTelegram(config: Config, store: FactStore): Promise<RunningBot> {
  const log = createLogger(config.LOG_LEVEL, [config.BOT_TOKEN, config.WEBHOOK_SECRET]);
  log.info({ config: redact(config) }, 'starting');
  const { subs, push } = await openPush(config, store, log);
  const data = await DataManager.open(store, config.FACTS_PATH, config.STATE_DIR);
  const admins = await AdminList.open(config.STATE_DIR, config.ADMIN_IDS);
  const bot = createBot({
    ...{ token: config.BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT, store, log },
    ...{ admins, subs, push, data, stateDir: config.STATE_DIR },
  });
  await prepareBot(bot, admins.all());
  for (const resumed of push.resume()) {
    resumed.catch((err: unknown) => log.error({ err }, 'resuming a campaign failed'));
  }
  push.schedule(config.PUSH_CRON);
  const running = config.WEBHOOK_URL
    ? await serveWebhook(bot, config, log, () => stopAll(bot, push))
    : await poll(bot, log, () => stopAll(bot, push));
  process.once('SIGINT', () => void running.stop());
  process.once('SIGTERM', () => void running.stop());
  return running;
}

function stopAll(bot: Bot<BotContext>, push: PushService): void {
  push.stop();
  flushState(bot);
}

/** Webhook mode: POSTs to the path of WEBHOOK_URL with the secret, /healthz, 400 on a bad body. */
async function serveWebhook(
  bot: Bot<BotContext>,
  config: Config,
  log: Logger,
  stopPush: () => void,
): Promise<RunningBot> {
  const handle = webhookCallback(bot, 'http', { secretToken: config.WEBHOOK_SECRET });
  const path = new URL(config.WEBHOOK_URL!).pathname;
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method !== 'POST' || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    // a body that is not an update (bad JSON, wrong shape) gets 400; the process stays up
    handle(req, res).catch((err: unknown) => {
      log.warn({ err: String(err).slice(0, 200) }, 'webhook: refused a bad request body');
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('bad request');
    });
  });
  await new Promise<void>((resolve) => server.listen(config.WEBHOOK_PORT, '0.0.0.0', resolve));
  log.info({ port: config.WEBHOOK_PORT }, 'webhook listening');
  await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET });
  const done = new Promise<void>((resolve) => server.once('close', resolve));
  const stop = async () => {
    stopPush();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return { done, stop };
}

async function poll(bot: Bot<BotContext>, log: Logger, stopPush: () => void): Promise<RunningBot> {
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: {
      fetch: { allowed_updates: ['message', 'callback_query', 'inline_query', 'my_chat_member'] },
    },
  });
  log.info({ username: bot.botInfo.username }, 'polling');
  const stop = async () => {
    stopPush();
    if (runner.isRunning()) await runner.stop();
  };
  return { done: runner.task() ?? Promise.resolve(), stop };
}
