/**
 * PostgreSQL beyond the whole-index size reads, for each question, only the rows its answer can
 * use. Checked on the bundled public data (several sources for some figures, both sides of the
 * 2025 merger): a question about every stored figure, asked on the scoped reads and on the whole
 * data in memory, gets the same reply.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askInChat, Conversation } from '../src/core/conversation.js';
import { defaultCatalogue } from '../src/domain/catalogue.js';
import type { Period } from '../src/domain/period.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { factsOfText, FactStore } from '../src/store/fact-store.js';
import type { Fact } from '../src/store/schema.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import { ScopeCache } from '../src/storage/pg/scope-cache.js';
import type { FactIndex } from '../src/store/fact-store.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(async () => {
  await server?.stop();
});

const cat = defaultCatalogue();

function periodWords(p: Period): string {
  switch (p.type) {
    case 'month':
      return `tháng ${p.month}/${p.year}`;
    case 'ytd':
      return `${p.month} tháng năm ${p.year}`;
    case 'quarter':
      return `quý ${p.quarter}/${p.year}`;
    case 'year':
      return `năm ${p.year}`;
  }
}

/** One question per stored figure (place, indicator, period), in the words a user would type. */
function questionsOf(facts: readonly Fact[]): string[] {
  const asked = new Set<string>();
  for (const f of facts) {
    if (f.scope) continue;
    const name = cat.indicator(f.indicator).short;
    asked.add(`${name} ${cat.placeName(f.place)} ${periodWords(f.period)}`);
  }
  return [...asked];
}

/**
 * The one known difference: a unit warning weighs a figure against every figure of its
 * indicator, and a scoped read holds those of its places and the latest of the others.
 */
const withoutUnitWarning = (text: string) => text.replace(/\n⚠️ [^\n]*/g, '');

describe('PostgreSQL scoped reads on the bundled data', () => {
  it('answer every stored figure as the whole data does, other sources included', async () => {
    const facts = factsOfText(readFileSync(BUNDLED_FACTS, 'utf8'));
    const url = await server.database('scope_bundled');
    const pg = await openPgStorage(url, { seed: () => facts, wholeIndexLimit: 5 });
    const store = await FactStore.open(BUNDLED_FACTS);
    const clock = () => new Date('2026-11-23T09:00:00+07:00');
    const questions = questionsOf(facts);
    expect(questions.length).toBeGreaterThan(300);
    let otherSources = 0;
    const differing: string[] = [];
    for (const [n, text] of questions.entries()) {
      const expected = new Conversation(() => store.index, clock).ask(text).reply.text;
      const got = await askInChat(pg, `chat-${n}`, text, clock);
      if (withoutUnitWarning(got.reply.text) !== withoutUnitWarning(expected))
        differing.push(`${text}\n${expected}\n---\n${got.reply.text}`);
      if (expected.includes('Nguồn khác')) otherSources++;
    }
    expect(differing).toEqual([]);
    // the set holds figures stated differently by several sources, and they are named
    expect(otherSources).toBeGreaterThan(0);
    await pg.close();
  }, 120_000);
});

describe("PostgreSQL scoped reads keep each figure's chosen record but for the figure asked", () => {
  const month = (m: number, publisher: string, value: number): Fact => ({
    ...{
      place: 'kien-giang',
      indicator: 'export',
      period: { type: 'month', year: 2020, month: m },
    },
    ...{ kind: 'actual', value, unit: 'triệu USD', mom_pct: null, yoy_pct: null, plan_pct: null },
    ...{ estimate: false, approx: null, scope: null, price_basis: null, post_merger: false },
    note: null,
    source: { publisher, title: `Báo cáo tháng ${m}/2020`, date: `2020-0${m}-28`, url: null },
  });
  const office = 'Sở Công Thương tỉnh Kiên Giang';
  const paper = 'Báo Kiên Giang';
  // each month stated by the office and, differently, by a newspaper added after it
  const facts = [1, 2, 3, 4].flatMap((m) => [month(m, office, 100 + m), month(m, paper, 200 + m)]);

  it('reads the other sources of the month asked only, and names them', async () => {
    const pg = await openPgStorage(await server.database('scope_choice'), {
      seed: () => facts,
      wholeIndexLimit: 5,
    });
    const read: Fact[][] = [];
    const query = pg.pool.query.bind(pg.pool) as (...a: unknown[]) => Promise<unknown>;
    (pg.pool as unknown as { query: unknown }).query = async (...a: unknown[]) => {
      const r = (await query(...a)) as { rows: { fact?: unknown }[] };
      if (((a[0] as { text?: string }).text ?? '').includes('row_number()'))
        read.push(r.rows.map((row) => JSON.parse(String(row.fact)) as Fact));
      return r;
    };
    const april = await askInChat(pg, 'a', 'xuất khẩu Kiên Giang tháng 4/2020');
    expect(april.reply.text).toContain('104');
    expect(april.reply.text).toContain(paper);
    const sources = (m: number) =>
      read[0]!.filter((f) => f.period.type === 'month' && f.period.month === m).map((f) => f.value);
    expect(sources(4).sort()).toEqual([104, 204]);
    for (const m of [1, 2, 3]) expect(sources(m)).toEqual([100 + m]);
    const march = await askInChat(pg, 'b', 'xuất khẩu Kiên Giang tháng 3/2020');
    expect(march.reply.text).toContain(paper);
    expect(read[1]!.filter((f) => f.period.type === 'month' && f.period.month === 3)).toHaveLength(
      2,
    );
    await pg.close();
  });

  it("reads every record stored before the rule's order was kept, and still chooses alike", async () => {
    const pg = await openPgStorage(await server.database('scope_no_choice'), {
      seed: () => facts,
      wholeIndexLimit: 5,
    });
    await pg.pool.query('UPDATE facts SET variant = NULL, choice = NULL');
    const april = await askInChat(pg, 'a', 'xuất khẩu Kiên Giang tháng 4/2020');
    expect(april.reply.text).toContain('104');
    expect(april.reply.text).toContain(paper);
    const march = await askInChat(pg, 'b', 'xuất khẩu Kiên Giang tháng 3/2020');
    expect(march.reply.text).toContain('103');
    expect(march.reply.text).toContain(paper);
    await pg.close();
  });
});

describe('a replica keeps the scopes it is asked again', () => {
  const index = (n: number) => ({ n }) as unknown as FactIndex;

  it('keeps an index from its second asking, the most recently used, within its size', () => {
    const cache = new ScopeCache(2, 3);
    cache.offer('a', index(1));
    expect(cache.get('a')).toBeUndefined();
    cache.offer('a', index(1));
    expect(cache.get('a')).toEqual(index(1));
    for (const k of ['b', 'c']) for (let i = 0; i < 2; i++) cache.offer(k, index(2));
    // 'b' and 'c' were kept after it: 'a' is the one dropped
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('forgets the oldest scopes asked once beyond its memory, and everything at a new version', () => {
    const cache = new ScopeCache(4, 2);
    for (const k of ['a', 'b', 'c']) cache.offer(k, index(1));
    cache.offer('a', index(1)); // 'a' was forgotten: remembered again, not kept
    expect(cache.get('a')).toBeUndefined();
    cache.offer('c', index(3));
    expect(cache.get('c')).toBeDefined();
    cache.clear();
    expect(cache.get('c')).toBeUndefined();
  });
});
