/**
 * A large JSON Lines upload written as a stream (the store's own record shape, one figure per
 * line): every province and the country x 5 indicators x months (and their year-to-date) back from 2024, each with its
 * source. `badAt` writes a row with an unknown indicator at that line.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { defaultCatalogue } from '../../src/domain/catalogue.js';

type MonthlyPeriod = { type: 'month' | 'ytd'; year: number; month: number };

const INDICATORS = ['export', 'import', 'retail', 'industrial_output', 'trade_total'];

function record(n: number, place: string, indicator: string, period: MonthlyPeriod) {
  const { year, month } = period;
  const unit = defaultCatalogue().indicator(indicator).unit;
  return {
    place,
    indicator,
    period,
    kind: 'actual',
    value: 100 + (n % 997) / 10,
    unit,
    mom_pct: period.type === 'month' ? (n % 41) - 20 : null,
    yoy_pct: (n % 53) - 10,
    plan_pct: null,
    estimate: false,
    approx: null,
    scope: null,
    source: {
      publisher: 'Sở Công Thương tổng hợp',
      title: `Báo cáo tình hình sản xuất công nghiệp, thương mại tháng ${month}/${year}`,
      date: `${year}-${String(month).padStart(2, '0')}-28`,
      url: `https://example.org/bao-cao/${year}/${month}/${place}`,
    },
  };
}

function* rows(count: number): Generator<Record<string, unknown>> {
  const cat = defaultCatalogue();
  const places = [cat.nationalId, ...cat.provinces().map((p) => p.id)];
  let n = 0;
  for (let year = 2024; year >= 1900; year--)
    for (let month = 12; month >= 1; month--)
      for (const type of ['month', 'ytd'] as const)
        for (const place of places)
          for (const indicator of INDICATORS) {
            if (n >= count) return;
            yield record(n++, place, indicator, { type, year, month });
          }
}

export async function writeBigJsonl(path: string, count: number, badAt?: number): Promise<void> {
  const out = createWriteStream(path);
  let line = 0;
  for (const row of rows(count)) {
    line++;
    const text = `${JSON.stringify(line === badAt ? { ...row, indicator: 'xuat_khau_moi' } : row)}\n`;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
