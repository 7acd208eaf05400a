/**
 * A kill -9 of the applying process at every named step of the commit (SOLIEU_CRASH_AT), and
 * two processes applying at once. After each, the data is the old version or the new one, and
 * the versions and the audit trail record exactly what the data is.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigWorkbook } from '../../bench/upload.bench.js';
import { DataManager } from '../../src/admin/data-manager.js';
import { BUNDLED_FACTS } from '../../src/paths.js';
import { FactStore, factsOfText } from '../../src/store/fact-store.js';
import { tempDir } from '../helpers.js';
import { runData } from '../support/run-data.js';

const ROWS = 2_000;
let dir: string;
let cleanup: () => void;
let upload: string;
const oldBytes = readFileSync(BUNDLED_FACTS, 'utf8');
const oldCount = factsOfText(oldBytes).length;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('solieu-crash-'));
  upload = join(dir, 'big.xlsx');
  writeFileSync(upload, await bigWorkbook(ROWS));
});
afterAll(() => cleanup());

/** A fresh copy of the bundled data with version 1 recorded, as a running bot leaves it. */
async function freshState(name: string) {
  const factsPath = join(dir, `${name}.json`);
  const stateDir = join(dir, `state-${name}`);
  copyFileSync(BUNDLED_FACTS, factsPath);
  await DataManager.open(await FactStore.open(factsPath), factsPath, stateDir);
  return { factsPath, stateDir, env: { FACTS_PATH: factsPath, STATE_DIR: stateDir } };
}

const auditLines = (stateDir: string) =>
  readFileSync(join(stateDir, 'versions', 'audit.jsonl'), 'utf8')
    .trim()
    .split('\n');

describe('kill -9 at every step of an apply', () => {
  const points: [string, 'old' | 'new'][] = [
    ['commit:snapshot-written', 'old'],
    ['commit:audit-record-written', 'old'],
    ['commit:committed', 'new'],
    ['commit:data-written', 'new'],
    ['commit:audited', 'new'],
  ];

  it.each(points)('killed at %s: the %s data, recorded by a version', async (point, expected) => {
    const s = await freshState(point.replace(/\W/g, '-'));
    const run = await runData(['apply', upload, '--who', 'test'], {
      ...s.env,
      SOLIEU_CRASH_AT: point,
    });
    expect(run.signal).toBe('SIGKILL');
    // the next process to open the data recovers it
    const store = await FactStore.open(s.factsPath);
    const data = await DataManager.open(store, s.factsPath, s.stateDir);
    const n = store.index.facts.length;
    if (expected === 'old') {
      expect(readFileSync(s.factsPath, 'utf8')).toBe(oldBytes);
      expect(data.versions().map((v) => v.action)).toEqual(['initial']);
      expect(auditLines(s.stateDir)).toHaveLength(1);
      expect(existsSync(join(s.stateDir, 'versions', '2.json'))).toBe(false);
    } else {
      expect(n).toBe(oldCount + ROWS);
      expect(data.versions().map((v) => v.action)).toEqual(['initial', 'apply']);
      expect(data.versions()[1]!.total).toBe(n);
      const audit = auditLines(s.stateDir);
      expect(audit).toHaveLength(2);
      expect(JSON.parse(audit[1]!)).toMatchObject({ version: 2, action: 'apply' });
    }
    // and what the version records can be undone
    if (expected === 'new') {
      await data.restorePrevious('test');
      expect(store.index.facts.length).toBe(oldCount);
    }
  });
});

describe('two processes applying at once', () => {
  it('never lose an update: one applies, the other is refused or applies after it', async () => {
    const s = await freshState('race');
    const second = join(dir, 'second.csv');
    writeFileSync(
      second,
      'place,indicator,period,value,unit\nca-mau,export,T3/2019,123.4,triệu USD\n',
    );
    const [a, b] = await Promise.all([
      runData(['apply', upload, '--who', 'A'], s.env),
      runData(['apply', second, '--who', 'B'], s.env),
    ]);
    const store = await FactStore.open(s.factsPath);
    const data = await DataManager.open(store, s.factsPath, s.stateDir);
    const applied = [a, b].filter((r) => r.code === 0);
    const refused = [a, b].filter((r) => r.code !== 0);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(r.out).toContain('Dữ liệu đã thay đổi');
    expect(data.versions()).toHaveLength(1 + applied.length);
    const numbers = applied.map((r) => r.out.match(/phiên bản (\d+)/)?.[1]);
    expect(new Set(numbers).size).toBe(applied.length);
    const expected = oldCount + (a.code === 0 ? ROWS : 0) + (b.code === 0 ? 1 : 0);
    expect(store.index.facts.length).toBe(expected);
  });
});
