import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_FACTS } from '../src/paths.js';
import { defaultCatalogue } from '../src/domain/catalogue.js';
import { FactStore, factsOfText } from '../src/store/fact-store.js';
import { type JoinedRow, joinTables } from '../src/store/table-join.js';
import { tableOf } from '../src/store/table-of.js';
import { SEED_FACTS, tempDir } from './helpers.js';

// a store file in the format before schema 3 (one object a figure) still opens, fully checked
const seedFacts = factsOfText(readFileSync(SEED_FACTS, 'utf8'));
const good = () =>
  JSON.parse(JSON.stringify({ schema: 2, facts: seedFacts })) as {
    schema: 2;
    facts: Record<string, unknown>[];
  };
let cleanup = () => {};
afterEach(() => cleanup());

function writeStore(data: unknown): string {
  const t = tempDir();
  cleanup = t.cleanup;
  const path = join(t.dir, 'facts.json');
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
}

describe('fact store', () => {
  it('loads the bundled data and indexes it', async () => {
    const store = await FactStore.open(BUNDLED_FACTS);
    expect(store.index.facts.length).toBeGreaterThan(30);
    expect(
      store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })?.value,
    ).toBe(43.7);
    expect(store.index.series('kien-giang', 'export').length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    [
      'an unknown place',
      (d: ReturnType<typeof good>) => {
        d.facts[3]!.place = 'atlantis';
      },
      /bản ghi #4.*mã địa phương không có: atlantis/,
    ],
    [
      'an unknown indicator',
      (d: ReturnType<typeof good>) => {
        d.facts[0]!.indicator = 'gdp';
      },
      /bản ghi #1.*mã chỉ tiêu không có: gdp/,
    ],
    [
      'a wrong unit',
      (d: ReturnType<typeof good>) => {
        d.facts[4]!.unit = 'tỷ USD';
      },
      /bản ghi #5.*đơn vị của export phải là "triệu USD"/,
    ],
    [
      'a value for a growth-only indicator',
      (d: ReturnType<typeof good>) => {
        const f = d.facts.find((x) => x.indicator === 'iip')!;
        f.value = 100;
      },
      /chỉ công bố tốc độ tăng/,
    ],
    [
      'a merged province after the merger',
      (d: ReturnType<typeof good>) => {
        d.facts[0]!.period = { type: 'month', year: 2026, month: 1 };
      },
      /đã sáp nhập từ 01\/07\/2025/,
    ],
    [
      'a bad month',
      (d: ReturnType<typeof good>) => {
        d.facts[0]!.period = { type: 'month', year: 2020, month: 13 };
      },
      /bản ghi #1/,
    ],
    [
      'a value that is text',
      (d: ReturnType<typeof good>) => {
        d.facts[0]!.value = '3.611,46';
      },
      /bản ghi #1.*value/,
    ],
    [
      'an extra field',
      (d: ReturnType<typeof good>) => {
        d.facts[2]!.colour = 'red';
      },
      /bản ghi #3/,
    ],
  ])('refuses a file with %s, naming the record', async (_name, spoil, message) => {
    const d = good();
    spoil(d);
    await expect(FactStore.open(writeStore(d))).rejects.toThrow(message);
  });

  it.each([
    ['a row that is cut short', 3, (r: string) => r.slice(0, 20), /bản ghi #3/],
    ['an unknown place index', 2, (r: string) => r.replace(/^\[\d+,/, '[99,'), /bản ghi #2.*place/],
    [
      'a bad period',
      1,
      (r: string) => r.replace(/"\d{4}-[MYQ]\d+"/, '"2020-M13"'),
      /bản ghi #1.*kỳ/,
    ],
    [
      'a text value',
      4,
      (r: string) => r.replace(/^(\[\d+,\d+,"[^"]+",\d+,)[^,]+/, '$1"abc"'),
      /bản ghi #4.*value/,
    ],
  ] as const)(
    'refuses a schema-3 file with %s, naming the record',
    async (_n, row, spoil, message) => {
      const lines = readFileSync(SEED_FACTS, 'utf8').trimEnd().split('\n');
      lines[row] = spoil(lines[row]!);
      await expect(FactStore.open(writeStore(lines.join('\n')))).rejects.toThrow(message);
    },
  );

  it('refuses a schema-3 file with fewer rows than it declares (a torn copy)', async () => {
    const text = readFileSync(SEED_FACTS, 'utf8').trimEnd().split('\n');
    await expect(FactStore.open(writeStore(text.slice(0, -2).join('\n')))).rejects.toThrow(
      /thiếu bản ghi/,
    );
  });

  it('refuses a file that is not JSON', async () => {
    await expect(FactStore.open(writeStore('{"schema":1,"facts":['))).rejects.toThrow();
  });

  it('writes atomically and refuses a bad write without touching the file', async () => {
    const path = writeStore(good());
    const store = await FactStore.open(path);
    const before = readFileSync(path, 'utf8');
    const bad = [...store.index.facts, { ...store.index.facts[0]!, place: 'nowhere' }];
    await expect(store.replace(bad as never)).rejects.toThrow(/nowhere/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(store.index.facts.length).toBe(good().facts.length);
    const fewer = store.index.facts.slice(1);
    await store.replace([...fewer]);
    expect((await FactStore.open(path)).index.facts.length).toBe(fewer.length);
  });

  it('keeps revisions and answers with the latest source', async () => {
    const d = good();
    const first = d.facts[4]!; // KG export month 4
    d.facts.push({
      ...first,
      value: 44.1,
      estimate: false,
      source: { ...(first.source as object), date: '2020-06-05', title: 'Báo cáo tháng 5' },
    });
    const store = await FactStore.open(writeStore(d));
    const f = store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })!;
    expect(f.value).toBe(44.1);
    expect(
      store.index.revisions('kien-giang', 'export', { type: 'month', year: 2020, month: 4 }).length,
    ).toBe(2);
  });

  it('flags the implausible Hải Phòng export figure', async () => {
    const store = await FactStore.open(BUNDLED_FACTS);
    const f = store.index.get('hai-phong', 'export', { type: 'year', year: 2020 })!;
    expect(store.index.warning(f)).toContain('sai đơn vị');
    const kg = store.index.get('kien-giang', 'export', { type: 'month', year: 2020, month: 4 })!;
    expect(store.index.warning(kg)).toBeUndefined();
  });
});

describe('two tables joined in a given order', () => {
  it('hold the same figures as one table of them in that order, sources and notes once', () => {
    const all = factsOfText(readFileSync(BUNDLED_FACTS, 'utf8'));
    // every third figure in the second table: the join interleaves them as given
    const first = all.filter((_, i) => i % 3 !== 0);
    const second = all.filter((_, i) => i % 3 === 0);
    const at = new Map(all.map((f, i) => [f, i]));
    const factOf = ([t, k]: JoinedRow) => (t ? second : first)[k]!;
    const rows: JoinedRow[] = [
      ...first.map((_, k) => [0, k] as JoinedRow),
      ...second.map((_, k) => [1, k] as JoinedRow),
    ].sort((x, y) => at.get(factOf(x))! - at.get(factOf(y))!);
    const cat = defaultCatalogue();
    const unitOf = (i: string) => cat.indicator(i).unit;
    const joined = joinTables([tableOf(first, cat), tableOf(second, cat)], rows, unitOf);
    const whole = tableOf(all, cat);
    expect(joined.length).toBe(all.length);
    expect(Array.from({ length: joined.length }, (_, i) => joined.fact(i))).toEqual(all);
    expect(joined.places).toEqual(whole.places);
    expect(joined.indicators).toEqual(whole.indicators);
    expect(joined.sources).toHaveLength(whole.sources.length);
    expect(joined.notes).toHaveLength(whole.notes.length);
  });
});
