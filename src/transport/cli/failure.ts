/**
 * What a command-line tool says when it cannot go on: one Vietnamese line naming the cause (a
 * file that is not there, a database that does not answer, a password refused), never a stack
 * trace, and a non-zero exit. Secrets (the database password, the bot token) never appear.
 */
import { type Config, ConfigError, loadConfig, secretsOf } from '../../config.js';
import { scrub } from '../../logger.js';
import { msg } from '../../messages.js';
import { describeDatabase } from '../../storage/pg/pool.js';

const DATABASE_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  '57P01', // admin shutdown
  '57P03', // cannot connect now
  '08006',
  '08001',
]);

function reasonOf(err: unknown, config: Config | null): string {
  const e = err as NodeJS.ErrnoException & { code?: string; path?: string };
  const db = config?.DATABASE_URL ? describeDatabase(config.DATABASE_URL) : null;
  if (e?.code === 'ENOENT' && e.path) return msg('cli_missing_file', { file: e.path });
  if ((e?.code === 'EACCES' || e?.code === 'EISDIR') && e.path)
    return msg('cli_unreadable_file', { file: e.path });
  if (db && e?.code === '28P01') return msg('cli_database_password', { db });
  const terminated = /Connection terminated|timeout exceeded when trying to connect/i.test(
    String(e?.message),
  );
  if (db && (DATABASE_DOWN.has(String(e?.code)) || terminated))
    return msg('cli_database_unreachable', { db });
  const message = err instanceof Error ? err.message : String(err);
  return msg('cli_error', { reason: message.split('\n')[0]!.slice(0, 300) });
}

/** Runs a tool's work; whatever it throws is said in one line, and the exit status is 1. */
export async function runCli(work: () => Promise<void>, config: Config | null): Promise<void> {
  try {
    await work();
  } catch (err) {
    const secrets = config ? secretsOf(config) : [];
    process.stderr.write(`${scrub(reasonOf(err, config), secrets)}\n`);
    process.exit(1);
  }
}

/** The configuration, or its problems said on stderr and exit 2 (never a stack trace). */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}
