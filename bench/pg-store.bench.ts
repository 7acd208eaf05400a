/**
 * `npm run bench:pg-store`: FIGURES figures (default 5,270,000: 64 places x 14 indicators x 980
 * periods x 6 sources) in PostgreSQL, then what a replica sees: the time to open the storage and
 * answer its first question (against the same on the bundled data), the p50/p99 of a figure
 * lookup by key, and of a whole question (context read and kept, its series read, answered).
 */
import { readFileSync } from 'node:fs';
import { askInChat } from '../src/core/conversation.js';
import { defaultCatalogue } from '../src/domain/catalogue.js';
import { type Period, periodKey } from '../src/domain/period.js';
import { BUNDLED_FACTS } from '../src/paths.js';
import { factsOfText } from '../src/store/fact-store.js';
import type { Fact } from '../src/store/schema.js';
import { choiceKey } from '../src/store/source-rule.js';
import { refreshDigest, variantOf } from '../src/storage/pg/pg-fact-rows.js';
import { openPgStorage } from '../src/storage/pg/pg-storage.js';
import { startPostgres } from '../tests/support/postgres.js';

const SOURCES = Number(process.env.SOURCES ?? 6);
const cat = defaultCatalogue();
const places = [cat.nationalId, ...cat.provinces().map((p) => p.id)].slice(0, 64);
const indicators = cat.indicators().map((i) => i.id);
const years = Array.from({ length: 35 }, (_, i) => 1990 + i);
const periods: Period[] = years.flatMap((year): Period[] => [
  ...Array.from({ length: 12 }, (_, m) => ({ type: 'month' as const, year, month: m + 1 })),
  ...Array.from({ length: 11 }, (_, m) => ({ type: 'ytd' as const, year, month: m + 1 })),
  ...Array.from({ length: 4 }, (_, q) => ({ type: 'quarter' as const, year, quarter: q + 1 })),
  { type: 'year' as const, year },
]);
const keyOf = periodKey;

const pg = await startPostgres();
const ms = (t0: number) => performance.now() - t0;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)]!;

/** The records as the load writes them, for what insertFacts stores beside each. */
const sample: Fact = {
  ...{ place: 'ca-nuoc', indicator: 'export', period: { type: 'year', year: 2000 } },
  ...{ kind: 'actual', value: 1, unit: 'triệu USD', mom_pct: null, yoy_pct: 1, plan_pct: null },
  ...{ estimate: false, approx: null, scope: null, price_basis: null, post_merger: false },
  ...{ note: null, source: { publisher: 'Nguồn tổng hợp số 1', title: '', date: null, url: null } },
};
/** The source rule's order but for the date, which the SQL appends (no source is an office). */
const choicePrefix = choiceKey(sample);

/**
 * The rows are written series by series, as an import of a national file listing each series'
 * periods together lays them out (reports month by month put a series' year on a dozen pages).
 */
async function load(url: string): Promise<number> {
  const storage = await openPgStorage(url);
  const c = await storage.pool.connect();
  const t0 = performance.now();
  for (const place of places) {
    await c.query(
      `INSERT INTO facts (key, place, indicator, period, ptype, year, from_version, variant,
         choice, fact)
       SELECT $1 || '|' || ind || '|' || per.key || '|actual||' || per.year || '-12-31|' || src
                || '||', $1, ind, per.key, per.period->>'type', per.year, 1,
              $9, $8 || per.year || '-12-31',
              json_build_object('place', $1::text, 'indicator', ind, 'period', per.period,
                'kind', 'actual', 'value', round((random() * 1000)::numeric, 1), 'unit', unit,
                'mom_pct', null, 'yoy_pct', round((random() * 40 - 20)::numeric, 2),
                'plan_pct', null, 'estimate', false, 'approx', null, 'scope', null,
                'price_basis', null, 'post_merger', false, 'note', null,
                'source', json_build_object('publisher', src, 'title', 'Báo cáo ' || per.key,
                  'date', per.year || '-12-31', 'url', null))
         FROM unnest($2::text[], $3::text[]) AS i(ind, unit)
         CROSS JOIN unnest($4::text[], $5::int[], $6::json[]) AS per(key, year, period)
         CROSS JOIN unnest($7::text[]) AS s(src)
        ORDER BY ind, per.year, per.key, src`,
      [
        place,
        indicators,
        indicators.map((i) => cat.indicator(i).unit),
        periods.map(keyOf),
        periods.map((p) => p.year),
        periods.map((p) => JSON.stringify(p)),
        Array.from({ length: SOURCES }, (_, i) => `Nguồn tổng hợp số ${i + 1}`),
        choicePrefix,
        variantOf(sample),
      ],
    );
  }
  await refreshDigest(c, 'all');
  const total = Number((await c.query('SELECT count(*) AS n FROM facts')).rows[0].n);
  const v = { n: 1, who: 'bench', file: 'bench', action: 'initial', added: total };
  await c.query('INSERT INTO versions (n, at, record) VALUES (1, now(), $1)', [
    { ...v, changed: 0, unchanged: 0, total, at: new Date().toISOString() },
  ]);
  // a store at rest, as autovacuum and the checkpointer leave it: not measured while they
  // vacuum and write out 5M new rows
  await c.query('VACUUM ANALYZE');
  await c.query('CHECKPOINT');
  c.release();
  await storage.close();
  console.log(`loaded ${total} figures in ${(ms(t0) / 1000).toFixed(1)} s`);
  return total;
}

/** A replica's start: open (migrations run, nothing loaded) and the first answer. */
async function start(url: string) {
  const t0 = performance.now();
  const storage = await openPgStorage(url);
  const opened = ms(t0);
  await askInChat(storage, 'first', 'xuất khẩu Kiên Giang tháng 4/2020');
  return { storage, opened, first: ms(t0) };
}

const bundledUrl = await pg.database('bench_bundled');
const small = await openPgStorage(bundledUrl, {
  seed: () => factsOfText(readFileSync(BUNDLED_FACTS, 'utf8')),
});
await small.close();
const bigUrl = await pg.database('bench_big');
const total = await load(bigUrl);
const s0 = await start(bundledUrl);
const s1 = await start(bigUrl);
await s0.storage.close();
const big = s1.storage;

const lookups: number[] = [];
for (let i = 0; i < 5000; i++) {
  const p = periods[Math.floor(Math.random() * periods.length)]!;
  const place = places[Math.floor(Math.random() * places.length)]!;
  const ind = indicators[Math.floor(Math.random() * indicators.length)]!;
  const t = performance.now();
  const f = await big.facts.lookup(place, ind, keyOf(p));
  lookups.push(ms(t));
  if (!f) throw new Error(`no figure for ${place} ${ind} ${keyOf(p)}`);
}
const names = places.slice(1).map((p) => cat.placeName(p));
const words = ['xuất khẩu', 'nhập khẩu', 'bán lẻ', 'IIP', 'giá trị sản xuất công nghiệp'];
const questions: number[] = [];
for (let i = 0; i < (process.env.PROBE ? 20 : 500); i++) {
  const q = `${words[i % words.length]} ${names[i % names.length]} tháng ${1 + (i % 12)}/${1990 + (i % 35)}`;
  const t = performance.now();
  await askInChat(big, `chat-${i % 50}`, q);
  questions.push(ms(t));
}
console.log(
  `start (open + first answer): ${s0.first.toFixed(0)} ms on the bundled data, ${s1.first.toFixed(0)} ms on ${total} figures (open ${s0.opened.toFixed(0)} / ${s1.opened.toFixed(0)} ms)`,
);
console.log(
  `pg-store: ${total} figures, lookup p50 ${pct(lookups, 0.5).toFixed(2)} ms p99 ${pct(lookups, 0.99).toFixed(2)} ms, question p50 ${pct(questions, 0.5).toFixed(1)} ms p99 ${pct(questions, 0.99).toFixed(1)} ms`,
);
await big.close();
await pg.stop();
process.exit(0);
