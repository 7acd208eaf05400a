/**
 * `npm run data -- import` of files past the chat's 20 MB limit, read as streams, on the embedded
 * files and on PostgreSQL: a bad row at line 200,000 refuses the whole file with nothing applied;
 * a kill while reading or committing leaves the old version; a good file lands as one version.
 */
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataManager } from '../../src/admin/data-manager.js';
import { BUNDLED_FACTS } from '../../src/paths.js';
import { openPgStorage } from '../../src/storage/pg/pg-storage.js';
import { FactStore, factsOfText } from '../../src/store/fact-store.js';
import { tempDir } from '../helpers.js';
import { writeBigJsonl } from '../support/big-jsonl.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { runData } from '../support/run-data.js';

const tmp = tempDir('solieu-stream-import-');
const badFile = join(tmp.dir, 'bad-at-200000.jsonl');
const goodFile = join(tmp.dir, 'good-60000.jsonl');
const oldBytes = readFileSync(BUNDLED_FACTS, 'utf8');
const oldCount = factsOfText(oldBytes).length;
let server: TestPostgres;

beforeAll(async () => {
  await writeBigJsonl(badFile, 200_000, 200_000);
  await writeBigJsonl(goodFile, 60_000);
  server = await startPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
  tmp.cleanup();
});

async function filesState(name: string) {
  const factsPath = join(tmp.dir, `${name}.json`);
  const stateDir = join(tmp.dir, `state-${name}`);
  copyFileSync(BUNDLED_FACTS, factsPath);
  await DataManager.open(await FactStore.open(factsPath), factsPath, stateDir);
  return { factsPath, stateDir, env: { FACTS_PATH: factsPath, STATE_DIR: stateDir } };
}

async function filesVersions(s: { factsPath: string; stateDir: string }) {
  const store = await FactStore.open(s.factsPath);
  const data = await DataManager.open(store, s.factsPath, s.stateDir);
  return { count: store.index.facts.length, actions: data.versions().map((v) => v.action) };
}

describe('streamed import on the embedded files', () => {
  it('the file is past the chat limit', () => {
    expect(statSync(goodFile).size).toBeGreaterThan(20 * 1024 * 1024);
  });

  it('a bad row at line 200,000: refused with its line, nothing applied', async () => {
    const s = await filesState('bad');
    const run = await runData(['import', badFile, '--who', 'test'], s.env);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Dòng 200000, cột indicator/);
    expect(readFileSync(s.factsPath, 'utf8')).toBe(oldBytes);
    expect((await filesVersions(s)).actions).toEqual(['initial']);
  }, 120_000);

  it.each(['import:rows-checked#3', 'commit:snapshot-written'])(
    'killed at %s: the old version, whole',
    async (point) => {
      const s = await filesState(point.replace(/\W/g, '-'));
      const run = await runData(['import', goodFile], { ...s.env, SOLIEU_CRASH_AT: point });
      expect(run.signal).toBe('SIGKILL');
      expect(await filesVersions(s)).toEqual({ count: oldCount, actions: ['initial'] });
    },
    120_000,
  );

  it('a good file lands as one version, and is undone as one', async () => {
    const s = await filesState('good');
    const run = await runData(['import', goodFile, '--who', 'test'], s.env);
    expect(run.code, run.out).toBe(0);
    expect(await filesVersions(s)).toEqual({
      count: oldCount + 60_000,
      actions: ['initial', 'apply'],
    });
    expect((await runData(['restore', '--who', 'test'], s.env)).code).toBe(0);
    expect((await filesVersions(s)).count).toBe(oldCount);
  }, 120_000);
});

describe('streamed import on PostgreSQL', () => {
  async function pgState(name: string) {
    const url = await server.database(name);
    // an empty database starts from the bundled data file, as a replica's first start does
    const seed = () => factsOfText(oldBytes);
    await (await openPgStorage(url, { seed })).close();
    return { url, env: { DATABASE_URL: url, STATE_DIR: join(tmp.dir, `pg-${name}`) } };
  }
  async function pgCounts(url: string) {
    const s = await openPgStorage(url);
    const versions = (await s.data.versions()).length;
    const count = await s.facts.count();
    await s.close();
    return { versions, count };
  }

  it('a bad row at line 200,000: refused, the database unchanged', async () => {
    const s = await pgState('bad');
    const before = await pgCounts(s.url);
    const run = await runData(['import', badFile], s.env);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/Dòng 200000/);
    expect(await pgCounts(s.url)).toEqual(before);
  }, 120_000);

  it('killed inside the transaction: the old version; then the import lands whole', async () => {
    const s = await pgState('kill');
    const before = await pgCounts(s.url);
    const killed = await runData(['import', goodFile], {
      ...s.env,
      SOLIEU_CRASH_AT: 'pg-apply:rows-written',
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(await pgCounts(s.url)).toEqual(before);
    const run = await runData(['import', goodFile], s.env);
    expect(run.code, run.out).toBe(0);
    expect(await pgCounts(s.url)).toEqual({
      versions: before.versions + 1,
      count: before.count + 60_000,
    });
  }, 180_000);
});
