/**
 * "xuất khẩu bình quân mỗi tháng năm 2025": no source states an average, so it is computed from
 * the span's stated level and its number of months, and said to be computed.
 */
import { periodMonths } from '../domain/period.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { decimals } from './derive.js';
import type { Words } from './words.js';

/** The answer line to an average asked for, or null when the question asks none. */
export function averageAnswer(w: Words, q: Query, f: Fact | undefined): string | null {
  if (!q.average || !f) return null;
  const months = periodMonths(f.period);
  if (months === 1) return null; // a month is its own average
  if (f.value === null) return w.t('average_none', { period: w.period(f.period) });
  // as precise as the source, never more
  const value = Number((f.value / months).toFixed(decimals(f.value)));
  return w.t('average_per_month', {
    value: w.amount(value, f.unit),
    total: `${w.approx(f.approx)}${w.amount(f.value, f.unit)}`,
    months,
  });
}
