/**
 * `npm run data -- apply` on PostgreSQL killed with SIGKILL at named points inside the apply's
 * transaction: the database keeps the old version, whole; the next apply lands as the next
 * version. Two processes applying at once: never mixed, a stale preview refused.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigWorkbook } from '../../bench/upload.bench.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { tempDir } from '../helpers.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { runData as runDataProcess } from '../support/run-data.js';

let server: TestPostgres;
const tmp = tempDir('solieu-pg-crash-');
const upload = join(tmp.dir, 'big.xlsx');

beforeAll(async () => {
  server = await startPostgres();
  writeFileSync(upload, await bigWorkbook(2_000));
});
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

const runData = (args: string[], env: Record<string, string>) =>
  runDataProcess(args, { STATE_DIR: join(tmp.dir, 'state'), ...env });

async function snapshot(url: string) {
  const s = await openPgStorage(url);
  const versions = (await s.data.versions()).length;
  const r = await s.pool.query(
    'SELECT count(*)::int AS current, (SELECT count(*)::int FROM audit) AS audit FROM facts WHERE to_version IS NULL',
  );
  await s.close();
  return { versions, ...r.rows[0] } as { versions: number; current: number; audit: number };
}

describe('kill -9 inside an apply on PostgreSQL', () => {
  it.each(['pg-apply:rows-written', 'pg-apply:recorded'])(
    'killed at %s: the old version, whole; the next apply lands',
    async (point) => {
      const url = await server.database(point.replace(/\W/g, '_'));
      const first = await runData(['versions'], { DATABASE_URL: url });
      expect(first.code, first.out).toBe(0);
      const before = await snapshot(url);
      expect(before.versions).toBe(1);
      const killed = await runData(['apply', upload], {
        DATABASE_URL: url,
        SOLIEU_CRASH_AT: point,
      });
      expect(killed.signal).toBe('SIGKILL');
      expect(await snapshot(url)).toEqual(before);
      const again = await runData(['apply', upload], { DATABASE_URL: url });
      expect(again.code, again.out).toBe(0);
      const after = await snapshot(url);
      expect(after.versions).toBe(2);
      expect(after.current).toBeGreaterThan(before.current);
      expect(after.audit).toBe(before.audit + 1);
    },
  );

  it('two processes applying at once: one version each that lands, the other told to preview again', async () => {
    const url = await server.database('two_at_once');
    await runData(['versions'], { DATABASE_URL: url });
    const before = await snapshot(url);
    const runs = await Promise.all([
      runData(['apply', upload, '--who', 'a'], { DATABASE_URL: url }),
      runData(['apply', upload, '--who', 'b'], { DATABASE_URL: url }),
    ]);
    // each previewed then applied; the second to take the lock finds a newer version: refused
    // (stale preview) or, if it previewed after the first landed, applied as "unchanged"
    const landed = runs.filter((r) => r.code === 0).length;
    expect(landed).toBeGreaterThanOrEqual(1);
    for (const r of runs.filter((x) => x.code !== 0)) expect(r.out).toMatch(/xem trước|phiên bản/);
    const after = await snapshot(url);
    expect(after.versions).toBe(before.versions + landed);
    expect(after.audit).toBe(before.audit + landed);
  });
});
