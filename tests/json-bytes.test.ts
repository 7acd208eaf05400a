import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../src/util/json-bytes.js';

/** The pieces gathered: the bytes a file write of them holds. */
const jsonBytes = (record: Record<string, unknown>) =>
  Buffer.from([...jsonPieces(record)].join(''));

describe('jsonBytes', () => {
  it.each([
    {},
    { at: '2026-12-07', who: 'Nguyễn Văn An', version: 3 },
    { changes: [] },
    { changes: [{ key: 'kien-giang|export', before: null, after: 51.2 }, 'x', 3, null] },
    { a: undefined, b: [undefined, 1], c: { d: [1, 2] } },
    { changes: Array.from({ length: 300_000 }, (_, i) => ({ key: `k${i}`, after: i })) },
  ])('writes what JSON.stringify writes (case %#)', (record) => {
    expect(jsonBytes(record).toString('utf8')).toBe(JSON.stringify(record));
  });
});

describe('a list made as it is written', () => {
  it('writes a generator as the array it yields, and an empty one as []', () => {
    const changes = function* () {
      for (let i = 0; i < 3; i++) yield { key: `k${i}`, before: null, after: i * 1.5 };
    };
    const record = { at: '2026-12-08', changes: changes(), none: (function* () {})() };
    const expected = { at: '2026-12-08', changes: [...changes()], none: [] };
    expect(jsonBytes(record).toString('utf8')).toBe(JSON.stringify(expected));
  });
});

describe('the audit of a file apply', () => {
  it('lists every change, before and after', async () => {
    const { copyFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir, SEED_FACTS } = await import('./helpers.js');
    const { FactStore } = await import('../src/store/fact-store.js');
    const { openFileStorage } = await import('../src/storage/files.js');
    const tmp = tempDir('solieu-audit-changes-');
    const facts = join(tmp.dir, 'facts.json');
    copyFileSync(SEED_FACTS, facts);
    const storage = await openFileStorage(
      await FactStore.open(facts),
      facts,
      join(tmp.dir, 'state'),
      [],
    );
    const april = (await storage.facts.lookup('kien-giang', 'export', '2020-M04'))!;
    const added = {
      ...april,
      period: { type: 'month' as const, year: 2020, month: 9 },
      value: 12.5,
    };
    const changed = { ...april, value: 66.6 };
    const v = await storage.data.apply(await storage.data.preview([added, changed]), 'x', 'a.csv');
    const lines = readFileSync(join(tmp.dir, 'state', 'versions', 'audit.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const record = JSON.parse(lines.at(-1)!) as { version: number; changes: unknown[] };
    expect(record.version).toBe(v.n);
    expect(record.changes).toEqual([
      expect.objectContaining({ before: null, after: 12.5 }),
      expect.objectContaining({ before: april.value, after: 66.6 }),
    ]);
    await storage.close();
    tmp.cleanup();
  });
});
