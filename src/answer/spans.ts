/**
 * Spans a question names that the store keeps no figure for as such: the second half of a year
 * (the year minus its first half, derived and labelled, no growth rate), and periods that do not
 * exist ("tháng 13"), refused with the reason. Never another span's figure.
 */
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure, sourceLine } from './figure.js';
import { bold, escapeHtml, formatAmount, indicatorName, periodText, placeName } from './format.js';
import { type Reply, reply } from './reply.js';
import { nearestPeriods, seriesFor } from './resolve.js';

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

/** July to December: the year's level minus the first half's, both stated. */
function secondHalfOf(idx: FactIndex, place: string, indicator: string, year: number, q: Query) {
  const { scope } = seriesFor(idx, place, indicator, q.scope);
  const whole = idx.get(place, indicator, { type: 'year', year }, { scope });
  const first = idx.get(place, indicator, { type: 'ytd', year, month: 6 }, { scope });
  if (!whole || !first || whole.value === null || first.value === null) return null;
  const d = Math.max(decimals(whole.value), decimals(first.value));
  const value = Number((whole.value - first.value).toFixed(d));
  return value >= 0 ? { whole, first, value } : null;
}

export function secondHalfReply(q: Query, idx: FactIndex): Reply {
  const place = q.places[0]!;
  const indicator = q.indicator!;
  const year = q.period?.year ?? null;
  const title = `${indicatorName(indicator)} – ${placeName(place)}, 6 tháng cuối năm${year ? ` ${year}` : ''}`;
  const found = year !== null ? secondHalfOf(idx, place, indicator, year, q) : null;
  if (!found) {
    const near = nearestPeriods(
      idx,
      place,
      indicator,
      year ? { type: 'year', year } : null,
      4,
      q.scope,
    );
    return reply([
      bold(title),
      escapeHtml(
        `Chưa có số liệu 6 tháng cuối năm${year ? ` ${year}` : ''}: cần cả số liệu cả năm và 6 tháng đầu năm để tính.`,
      ),
      near.length ? escapeHtml(`Có số liệu cho: ${near.map(periodText).join('; ')}.`) : null,
    ]);
  }
  const { whole, first, value } = found as { whole: Fact; first: Fact; value: number };
  return reply(
    [
      bold(title),
      bold(`${formatAmount(value, whole.unit)} (số liệu tính toán)`),
      escapeHtml(
        `Tính bằng năm ${year} (${shortFigure(whole)}) trừ 6 tháng đầu năm (${shortFigure(first)}); không có tốc độ tăng cho số tính toán.`,
      ),
      sourceLine(whole),
      first.source !== whole.source ? sourceLine(first) : null,
    ],
    { period: whole.period },
  );
}

export function invalidPeriodReply(q: Query): Reply {
  return reply([
    escapeHtml(`Kỳ không hợp lệ: ${q.invalidPeriod}.`),
    'Kỳ số liệu viết như: tháng 4/2020, T4/2020, 4T/2020 (lũy kế 4 tháng), quý I/2020, năm 2020.',
  ]);
}
