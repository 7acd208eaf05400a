/**
 * Watched sources without Telegram (the same code as /nguon and /duyet):
 *   npm run sources -- add URL [--place NAME|detect] [--publisher NAME] [--every 6h] [--trusted]
 *   npm run sources -- list | remove N
 *   npm run sources -- poll [--all]      due sources now (every source with --all)
 *   npm run sources -- queue             what waits for review
 *   npm run sources -- apply N... | skip N... [--who NAME]
 * With DATABASE_URL set, the state is PostgreSQL's, shared with the bot's replicas.
 */
import pino from 'pino';
import { msg } from '../../messages.js';
import { pollDue, type SourceReport } from '../../sources/poller.js';
import { applyItems, QueueError } from '../../sources/review-queue.js';
import { checkSource, intervalOf, placeIn } from '../../sources/source-command.js';
import { sourceWords } from '../../sources/source-words.js';
import { foldPhrase } from '../../normalize/fold.js';
import type { QueueItem, WatchedSource } from '../../sources/watched.js';
import { openStorage } from '../../storage/open.js';
import type { Storage } from '../../storage/storage.js';
import { configOrExit, runCli } from './failure.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const [command, ...rest] = args;
const config = configOrExit();

const flag = (name: string): string | undefined => {
  const at = rest.indexOf(`--${name}`);
  return at >= 0 ? rest[at + 1] : undefined;
};
const has = (name: string) => rest.includes(`--${name}`);
const VALUED = new Set(['--place', '--publisher', '--every', '--who']);
const plain = rest.filter((a, i) => !a.startsWith('--') && !VALUED.has(rest[i - 1] ?? ''));
const who = flag('who') ?? msg('who_command_line');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const fail = (message: string, code = 1): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

function sourceRow(s: WatchedSource): string {
  const state = s.lastError ?? (s.lastPolledAt ? `ok ${s.lastPolledAt}` : '-');
  const place = s.place ?? 'detect';
  return [
    s.id,
    s.url,
    place,
    s.publisher,
    `${s.intervalMin}m`,
    s.trusted ? 'trusted' : '',
    state,
  ].join('\t');
}

const itemRow = (q: QueueItem) =>
  [q.id, q.status, q.place ?? '?', q.figures, q.publisher, q.title, q.link].join('\t');

async function add(storage: Storage): Promise<void> {
  const url = plain[0] ?? fail(msg('cli_sources_usage'), 2);
  const place = flag('place');
  // "detect", "tự nhận"…: the words of intents/sources.json, as in the chat
  const detect = !place || sourceWords().command.detect.includes(foldPhrase(place));
  const placeId = detect ? null : placeIn(place);
  if (!detect && placeId === null) fail(msg('source_bad_place', { place }));
  const every = flag('every');
  const checked = checkSource({
    ...{ url, place: placeId, trusted: has('trusted'), addedBy: who },
    publisher: flag('publisher') ?? (URL.canParse(url) ? new URL(url).hostname : url),
    intervalMin: every === undefined ? undefined : intervalOf(every),
  });
  if (!checked.ok) return void fail(checked.reason);
  const added = await storage.sources.add(checked.source);
  if (!added) fail(msg('source_exists'));
  say(sourceRow(added!));
}

function reportRow(r: SourceReport): string {
  const found = r.queued.length + r.applied.length;
  return `${r.source.id}\t${r.outcome}\t${found}\t${r.error ?? ''}`;
}

async function poll(storage: Storage): Promise<void> {
  const log = pino({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  const http = {
    userAgent: config.SOURCES_USER_AGENT,
    timeoutMs: config.SOURCES_TIMEOUT_MS,
    allowPrivate: config.SOURCES_ALLOW_PRIVATE,
  };
  const reports = await pollDue({ storage, http, log }, has('all'));
  if (!reports) fail(msg('source_poll_busy'));
  for (const r of reports!) say(reportRow(r));
  for (const q of reports!.flatMap((r) => [...r.queued, ...r.applied])) say(itemRow(q));
}

async function settle(storage: Storage, apply: boolean): Promise<void> {
  const ids = plain.map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (!ids.length) fail(msg('cli_sources_usage'), 2);
  if (apply) {
    const done = await applyItems(storage, ids, who).catch((err: unknown) =>
      err instanceof QueueError ? fail(err.message) : Promise.reject(err),
    );
    return say(msg('cli_applied_total', { n: done.version.n, total: done.version.total }));
  }
  for (const id of ids)
    say(
      `${id}\t${(await storage.sources.settle(id, 'skipped', who)) ? 'skipped' : msg('queue_item_gone', { id })}`,
    );
}

async function run(storage: Storage): Promise<void> {
  if (command === 'add') return add(storage);
  if (command === 'list') return void (await storage.sources.list()).map(sourceRow).forEach(say);
  if (command === 'remove') {
    const id = Number(plain[0]);
    const gone = Number.isInteger(id) && (await storage.sources.remove(id));
    return say(msg(gone ? 'source_removed' : 'source_no_such', { id: plain[0] ?? '?' }));
  }
  if (command === 'poll') return poll(storage);
  if (command === 'queue') return void (await storage.sources.queue()).map(itemRow).forEach(say);
  if (command === 'apply' || command === 'skip') return settle(storage, command === 'apply');
  fail(msg('cli_sources_usage'), 2);
}

async function main(): Promise<void> {
  if (!command || !['add', 'list', 'remove', 'poll', 'queue', 'apply', 'skip'].includes(command))
    fail(msg('cli_sources_usage'), 2);
  const storage = await openStorage(config);
  try {
    await run(storage);
  } finally {
    await storage.close();
  }
}

await runCli(main, config);
