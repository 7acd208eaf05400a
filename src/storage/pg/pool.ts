/**
 * The PostgreSQL connection pool (driver `pg`). Every query is parameterised; the URL and its
 * password never reach a log (only host, port and database name do).
 */
import pg from 'pg';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

export function openPool(url: string, max = 10): Pool {
  // a server that accepts and never answers must not hold a caller for ever
  const pool = new pg.Pool({
    ...{ connectionString: url, max, idleTimeoutMillis: 30_000 },
    connectionTimeoutMillis: 10_000,
  });
  // an idle client losing its server must not crash the process; the next query reconnects
  pool.on('error', () => undefined);
  return pool;
}

const statementNames = new Map<string, string>();

/**
 * A query run as a named prepared statement: each connection plans it once, not at every call
 * (planning a question's series query took as long as running it).
 */
export function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = statementNames.get(text);
  if (!name) {
    name = `solieu-${statementNames.size + 1}`;
    statementNames.set(text, name);
  }
  return { name, text, values };
}

/** Host, port and database of a URL: what may be logged. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(DATABASE_URL không đọc được)';
  }
}

/** Runs work in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (c: Client) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
