/**
 * `npm run bench:store`: a synthetic store of 250,000 figures (every province x indicator x
 * period, month by month and cumulative, over the years), then
 *  - `npm run ask` start to answer on it against the bundled data (target <= 1.5x),
 *  - the peak RSS of that process (target <= 150 MB),
 *  - lookup latency in process, question to reply (target p99 <= 1 ms).
 * Every record is validated at load, as always.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer } from '../src/answer/answer.js';
import { defaultCatalogue } from '../src/domain/catalogue.js';
import { BUNDLED_FACTS, PROJECT_ROOT } from '../src/paths.js';
import { FactStore, serializeStore } from '../src/store/fact-store.js';
import type { Fact } from '../src/store/schema.js';
import { understand } from '../src/understand/understand.js';

const TARGET = Number(process.env.BENCH_FACTS ?? 250_000);
const INDICATORS = ['export', 'import', 'retail', 'industrial_output', 'trade_total'];

function* synthetic(): Generator<Fact> {
  const cat = defaultCatalogue();
  let n = 0;
  for (let year = 2025; year >= 1990; year--)
    for (let month = 12; month >= 1; month--)
      for (const type of ['month', 'ytd'] as const)
        for (const p of cat.unitsFor({ type: 'month', year, month })) {
          for (const indicator of INDICATORS) {
            if (n++ >= TARGET) return;
            yield {
              place: p.id,
              indicator,
              period: { type, year, month },
              kind: 'actual',
              value: 100 + (n % 997) / 10,
              unit: cat.indicator(indicator).unit,
              mom_pct: type === 'month' ? (n % 41) - 20 : null,
              yoy_pct: (n % 53) - 10,
              plan_pct: null,
              estimate: n % 7 === 0,
              approx: null,
              scope: null,
              price_basis: null,
              post_merger: false,
              note: null,
              source: {
                publisher: `Cục Thống kê ${p.name}`,
                title: `Báo cáo ${month}/${year}`,
                date: `${year + (month === 12 ? 1 : 0)}-${String((month % 12) + 1).padStart(2, '0')}`,
                url: null,
              },
            };
          }
        }
}

/** `npm run ask` exactly as package.json runs it (its node flags included), without npm itself. */
function askCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
  const [node, ...args] = (pkg.scripts.ask as string).split(' ');
  if (node !== 'node') throw new Error('the ask script no longer starts with node');
  return args;
}

function timeAsk(factsPath: string): { seconds: number; rssMb: number } {
  const runs = [0, 1, 2, 3, 4].map(() => {
    const t0 = performance.now();
    const args = [...askCommand(), 'xuất khẩu Kiên Giang tháng 4/2020'];
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FACTS_PATH: factsPath },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(r.stderr);
    const rssKb = Number(r.stderr.trim().split('\n').at(-1));
    return { seconds: (performance.now() - t0) / 1000, rssMb: rssKb / 1024 };
  });
  // the median run: the machine's noise, not the best or the worst moment
  const median = runs.sort((a, b) => a.seconds - b.seconds)[2]!;
  return { seconds: median.seconds, rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

function lookupLatency(store: FactStore): { p50: number; p99: number } {
  const cat = defaultCatalogue();
  const places = cat.unitsFor({ type: 'month', year: 2020, month: 1 }).map((p) => p.name);
  const words = ['xuất khẩu', 'nhập khẩu', 'bán lẻ', 'giá trị sản xuất công nghiệp'];
  const today = { year: 2026, month: 11 };
  const times: number[] = [];
  for (let i = 0; i < 5_000; i++) {
    const q = `${words[i % 4]} ${places[(i * 7) % places.length]} ${i % 2 ? 'tháng' : 'lũy kế'} ${1 + (i % 12)}/${1995 + (i % 30)}`;
    const t0 = performance.now();
    answer(understand(q, null, today), store.index);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(times.length / 2)]!,
    p99: times[Math.floor(times.length * 0.99)]!,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'solieu-bench-store-'));
if (process.env.BENCH_WRITE_ONLY) {
  // `BENCH_WRITE_ONLY=path npm run bench:store`: only write the synthetic store (for profiling)
  writeFileSync(
    process.env.BENCH_WRITE_ONLY,
    serializeStore({ schema: 2, facts: [...synthetic()] }),
  );
  process.exit(0);
}
try {
  const path = join(dir, 'facts.json');
  const facts = [...synthetic()];
  writeFileSync(path, serializeStore({ schema: 2, facts }));
  console.log(`synthetic store: ${facts.length} figures`);
  const base = timeAsk(BUNDLED_FACTS);
  const big = timeAsk(path);
  console.log(
    `ask start, bundled data: ${base.seconds.toFixed(2)} s, peak RSS ${base.rssMb.toFixed(0)} MB`,
  );
  console.log(
    `ask start, ${facts.length} figures: ${big.seconds.toFixed(2)} s (${(big.seconds / base.seconds).toFixed(2)}x), peak RSS ${big.rssMb.toFixed(0)} MB`,
  );
  const store = await FactStore.open(path);
  const lat = lookupLatency(store);
  console.log(
    `lookup (question to reply): p50 ${lat.p50.toFixed(3)} ms, p99 ${lat.p99.toFixed(3)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
