/** `npm start`: the Telegram bot when BOT_TOKEN is set, otherwise the terminal chat. */
import { ConfigError, loadConfig, secretsOf } from './config.js';
import { scrub } from './logger.js';
import { FactStore } from './store/fact-store.js';
import { runTerminalChat } from './transport/cli/terminal.js';
import { msg } from './messages.js';
import { StartError, startProgress } from './app/start-parts.js';

async function main(): Promise<void> {
  const config = loadConfig();
  secrets = secretsOf(config);
  if (!config.BOT_TOKEN) {
    const store = await FactStore.open(config.FACTS_PATH);
    process.stderr.write([msg('terminal_no_token'), msg('no_token'), ''].join('\n'));
    await runTerminalChat(store);
    return;
  }
  const start = await import('./transport/telegram/start.js');
  // on PostgreSQL the figures stay in the database: nothing is loaded at start
  const store = config.DATABASE_URL ? null : await FactStore.open(config.FACTS_PATH);
  const running = await withDeadline(start.startTelegram(config, store));
  await running.done;
}

/**
 * A Bot API or a database that is unreachable or hangs must not leave the bot silent for long:
 * 15 s from the process's own start (imports and loading the figures count too).
 */
const START_DEADLINE_MS = 15_000;
const EXIT_MARGIN_MS = 300;
let secrets: (string | undefined)[] = [];

const partName = (part: string) => msg(`start_part_${part}`);

function withDeadline<T>(work: Promise<T>): Promise<T> {
  const left = START_DEADLINE_MS - process.uptime() * 1000 - EXIT_MARGIN_MS;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        const part = partName(startProgress.part);
        reject(new Error(msg('start_timeout', { seconds: START_DEADLINE_MS / 1000, part })));
      },
      Math.max(0, left),
    );
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

main().catch((err: unknown) => {
  // an API error may echo the request path, token included: scrubbed like every log line
  const message = err instanceof Error ? err.message : String(err);
  const failed =
    err instanceof StartError
      ? msg('start_failed_part', { part: partName(err.part), reason: scrub(err.reason, secrets) })
      : msg('start_failed', { reason: scrub(message, secrets) });
  process.stderr.write(err instanceof ConfigError ? `${message}\n` : `${failed}\n`);
  // exit now: timers of a half-started bot (retries, schedules) must not keep it alive
  process.exit(1);
});
