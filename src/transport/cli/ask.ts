/**
 * `npm run ask -- [--json] "question" ...`: answers as the bot would, on the bundled
 * store, with no token and no network (contract: ../shared/ASK.md). Arguments are the
 * turns of one conversation.
 */
import { msg } from '../../messages.js';
import { Conversation } from '../../core/conversation.js';
import { BUNDLED_FACTS } from '../../paths.js';
import { FactStore } from '../../store/fact-store.js';

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const turns = argv.filter((a) => a !== '--json' && a !== '--');
  if (!turns.length) {
    process.stderr.write(`${msg('cli_ask_usage')}\n`);
    return 2;
  }
  const store = await FactStore.open(process.env.FACTS_PATH ?? BUNDLED_FACTS);
  const conversation = new Conversation(() => store.index);
  for (const text of turns) {
    const { query, reply } = conversation.ask(text);
    if (json) {
      process.stdout.write(
        `${JSON.stringify({
          text,
          intent: query.intent,
          places: query.places,
          indicator: query.indicator,
          period: reply.period ?? query.period,
          reply: reply.text,
        })}\n`,
      );
    } else {
      process.stdout.write(`${reply.text}\n${turns.length > 1 ? '\n' : ''}`);
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(
      `${msg('cli_error', { reason: err instanceof Error ? err.message : String(err) })}\n`,
    );
    process.exitCode = 1;
  },
);
