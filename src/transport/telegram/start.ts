/**
 * Runs the bot: long polling with @grammyjs/runner by default, a webhook when WEBHOOK_URL is set.
 */
import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { startWebhookServer } from './webhook-server.js';
import type { Logger } from 'pino';
import type { BotContext } from './context.js';
import type { Config } from '../../config.js';
import { redact, secretsOf } from '../../config.js';
import { openDeployment } from '../../app/deployment.js';
import { createLogger } from '../../logger.js';
import { part } from '../../app/start-parts.js';
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

/** The bot on the files (store given) or on PostgreSQL (DATABASE_URL set, no store). */
export async function startTelegram(config: Config, store: FactStore | null): Promise<RunningBot> {
  const log = createLogger(config.LOG_LEVEL, secretsOf(config));
  log.info({ config: redact(config) }, 'starting');
  const deployment = await part(config.DATABASE_URL ? 'database' : 'files', () =>
    openDeployment(config, log, store),
  );
  const { storage, push, watcher } = deployment;
  const bot = createBot({
    ...{ token: config.BOT_TOKEN!, apiRoot: config.TELEGRAM_API_ROOT, storage, log },
    ...{ adminIds: config.ADMIN_IDS, push, watcher },
  });
  const admins = await part(config.DATABASE_URL ? 'database' : 'files', () => storage.admins.all());
  await part('telegram', () => prepareBot(bot, admins));
  deployment.start();
  const stop = async () => {
    await flushState(bot);
    await deployment.stop();
  };
  const running = await part('telegram', () =>
    config.WEBHOOK_URL ? serveWebhook(bot, config, log, stop) : poll(bot, log, stop),
  );
  process.once('SIGINT', () => void running.stop());
  process.once('SIGTERM', () => void running.stop());
  return running;
}

/** Webhook mode: POSTs to the path of WEBHOOK_URL with the secret, /healthz, 400 on a bad body. */
async function serveWebhook(
  bot: Bot<BotContext>,
  config: Config,
  log: Logger,
  stopPush: () => Promise<void>,
): Promise<RunningBot> {
  const server = await startWebhookServer(
    {
      ...{ host: config.WEBHOOK_HOST, port: config.WEBHOOK_PORT },
      ...{ path: new URL(config.WEBHOOK_URL!).pathname, secret: config.WEBHOOK_SECRET! },
      ...{ maxBody: config.WEBHOOK_MAX_BODY, timeoutMs: config.WEBHOOK_TIMEOUT_MS },
      maxConnections: config.WEBHOOK_MAX_CONNECTIONS,
    },
    (update) => bot.handleUpdate(update),
    log,
  );
  log.info({ host: config.WEBHOOK_HOST, port: config.WEBHOOK_PORT }, 'webhook listening');
  await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET });
  const done = new Promise<void>((resolve) => server.once('close', resolve));
  const stop = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await stopPush();
  };
  return { done, stop };
}

async function poll(
  bot: Bot<BotContext>,
  log: Logger,
  stopPush: () => Promise<void>,
): Promise<RunningBot> {
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: {
      fetch: { allowed_updates: ['message', 'callback_query', 'inline_query', 'my_chat_member'] },
    },
  });
  log.info({ username: bot.botInfo.username }, 'polling');
  const stop = async () => {
    if (runner.isRunning()) await runner.stop();
    await stopPush();
  };
  return { done: runner.task() ?? Promise.resolve(), stop };
}
