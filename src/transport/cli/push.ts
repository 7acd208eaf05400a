/**
 * `npm run push -- [--trigger publish|schedule|manual] [--resume]`: runs campaigns without
 * the chat side (for operations and the crash tests). Prints one JSON line of figures per
 * campaign. Reads BOT_TOKEN, TELEGRAM_API_ROOT, STATE_DIR, FACTS_PATH, PUSH_RATE.
 */
import { msg } from '../../messages.js';
import { createLogger } from '../../logger.js';
import { FactStore } from '../../store/fact-store.js';
import { openPush } from '../../app/open-push.js';
import { configOrExit, runCli } from './failure.js';

const args = process.argv.slice(2);
const config = configOrExit();
if (!config.BOT_TOKEN) {
  process.stderr.write(`${msg('cli_push_token')}\n`);
  process.exit(2);
}
const log = createLogger(config.LOG_LEVEL, [config.BOT_TOKEN], process.stderr);

async function main(): Promise<void> {
  const store = await FactStore.open(config.FACTS_PATH);
  const { push } = await openPush(config, store, log);
  const runs = push.resume();
  const t = args.indexOf('--trigger');
  if (t >= 0) {
    const started = await push.trigger(args[t + 1] as 'publish' | 'schedule' | 'manual');
    if (started) runs.push(started.done);
    else process.stderr.write(`${msg('cli_push_none')}\n`);
  }
  for (const stats of await Promise.all(runs)) process.stdout.write(`${JSON.stringify(stats)}\n`);
}

await runCli(main, config);
