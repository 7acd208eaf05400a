/** `npm start`: the Telegram bot when BOT_TOKEN is set, otherwise the terminal chat. */
import { ConfigError, loadConfig, secretsOf } from './config.js';
import { scrub } from './logger.js';
import { FactStore } from './store/fact-store.js';
import { runTerminalChat } from './transport/cli/terminal.js';
import { msg } from './messages.js';

async function main(): Promise<void> {
  const config = loadConfig();
  secrets = secretsOf(config);
  if (!config.BOT_TOKEN) {
    const store = await FactStore.open(config.FACTS_PATH);
    process.stderr.write([msg('terminal_no_token'), msg('no_token'), ''].join('\n'));
    await runTerminalChat(store);
    return;
  }
  const { startTelegram } = await import('./transport/telegram/start.js');
  // on PostgreSQL the figures stay in the database: nothing is loaded at start
  const store = config.DATABASE_URL ? null : await FactStore.open(config.FACTS_PATH);
  const running = await withDeadline(startTelegram(config, store), START_DEADLINE_MS);
  await running.done;
}

/** A Bot API that is unreachable or keeps failing must not leave the bot silent for long. */
const START_DEADLINE_MS = 15_000;
let secrets: (string | undefined)[] = [];

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(msg('start_timeout', { seconds: ms / 1000 }))),
      ms,
    );
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

main().catch((err: unknown) => {
  // an API error may echo the request path, token included: scrubbed like every log line
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(
    err instanceof ConfigError
      ? `${message}\n`
      : `${msg('start_failed', { reason: scrub(message, secrets) })}\n`,
  );
  // exit now: timers of a half-started bot (retries, schedules) must not keep it alive
  process.exit(1);
});
