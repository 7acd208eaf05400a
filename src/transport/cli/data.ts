/**
 * Admin data operations without Telegram (same code as the chat commands):
 *   npm run data -- apply FILE [--who NAME]     an upload (.xlsx, .csv, .json, .jsonl)
 *   npm run data -- import FILE.jsonl [--who]   builds or extends the store at FACTS_PATH
 *                     (.jsonl and .csv are read as streams: any size, no 20 MB limit)
 *   npm run data -- versions | restore [--who NAME]
 *   npm run data -- rebuild [SEEDS... FILE.jsonl...]   data/facts.json from the seeds and
 *                                               the public figures (../shared by default)
 * With DATABASE_URL set, apply, import, versions and restore work on PostgreSQL.
 */
import { msg } from '../../messages.js';
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BundleError, bundledStore, PUBLIC_FACTS, SEEDS_DIR } from '../../admin/bundle.js';
import { previewText, StaleUploadError } from '../../admin/data-manager.js';
import { checkStreamedUpload, streamKindOf } from '../../admin/stream-upload.js';
import { checkUpload, uploadSource } from '../../admin/upload.js';
import { openStorage } from '../../storage/open.js';
import type { Storage } from '../../storage/storage.js';
import { writeFileAtomic } from '../../util/atomic-file.js';
import { configOrExit, runCli } from './failure.js';

const [command, ...rest] = process.argv.slice(2).filter((a) => a !== '--');
const whoAt = rest.indexOf('--who');
const who = whoAt >= 0 && rest[whoAt + 1] ? rest[whoAt + 1]! : msg('who_command_line');
const files = rest.filter((a, i) => !a.startsWith('--') && (whoAt < 0 || i !== whoAt + 1));
const config = configOrExit();

const fail = (message: string, code = 1): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

let opened: Storage | null = null;
async function openData() {
  opened ??= await openStorage(config);
  return opened.data;
}

async function applyFile(file: string): Promise<void> {
  const data = await openData();
  const source = uploadSource(who, basename(file));
  const kind = streamKindOf(file);
  const checked = kind
    ? await checkStreamedUpload(file, kind, source)
    : await checkUpload(readFileSync(file), basename(file), source);
  if (!checked.ok) fail(checked.message);
  const preview = await data.preview(checked.ok ? checked.facts : []);
  process.stdout.write(`${previewText(preview)}\n`);
  const v = await data.apply(preview, who, basename(file)).catch((err: unknown) => {
    if (!(err instanceof StaleUploadError)) throw err;
    return fail(err.message);
  });
  process.stdout.write(`${msg('cli_applied_total', { n: v.n, total: v.total })}\n`);
}

async function rebuild(): Promise<void> {
  const seeds = files.filter((f) => f.endsWith('.txt'));
  const lines = files.filter((f) => f.endsWith('.jsonl'));
  const seedFiles = seeds.length
    ? seeds
    : readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => SEEDS_DIR + f);
  const text = await bundledStore(seedFiles, lines.length ? lines : [PUBLIC_FACTS]).catch(
    (err: unknown) => (err instanceof BundleError ? fail(err.message) : Promise.reject(err)),
  );
  writeFileAtomic(config.FACTS_PATH, text);
  const count = text.split('\n').length - 2; // the header line and the final newline
  process.stdout.write(`${msg('cli_rebuilt', { path: config.FACTS_PATH, count })}\n`);
}

async function listVersions(): Promise<void> {
  for (const v of await (await openData()).versions())
    process.stdout.write(
      `${v.n}\t${v.at}\t${v.who}\t${v.action}\t${v.file}\t+${v.added} ~${v.changed} =${v.unchanged}\t${v.total}\n`,
    );
}

async function restore(): Promise<void> {
  const v = await (await openData()).restorePrevious(who);
  process.stdout.write(`${msg('cli_restored', { n: v.n, file: v.file })}\n`);
}

const USAGE = msg('cli_data_usage');

async function main(): Promise<void> {
  if ((command === 'apply' || command === 'import') && files[0]) await applyFile(files[0]);
  else if (command === 'rebuild') await rebuild();
  else if (command === 'versions') await listVersions();
  else if (command === 'restore') await restore();
  else fail(USAGE, 2);
  await (opened as Storage | null)?.close();
}

await runCli(main, config);
