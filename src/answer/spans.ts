/**
 * Spans a question names that the store keeps no figure for as such: the second half of a year
 * (the year minus its first half, derived and labelled, no growth rate), and periods that do not
 * exist ("tháng 13"), refused with the reason. Never another span's figure.
 */
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure, sourceLine } from './figure.js';
import { bold, escapeHtml } from './format.js';
import { type Reply, reply } from './reply.js';
import { nearestPeriods, seriesFor } from './resolve.js';
import { wordsOf } from './words.js';

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
  const w = wordsOf(q);
  const place = q.places[0]!;
  const indicator = q.indicator!;
  const year = q.period?.year ?? null;
  const half = w.t(year ? 'second_half' : 'second_half_open', { year: year ?? '' });
  const title = `${w.indicator(indicator)} – ${w.place(place)}, ${half}`;
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
    const periods = near.map(w.period).join('; ');
    return reply([
      bold(title),
      escapeHtml(w.t('second_half_missing', { half })),
      near.length ? escapeHtml(w.t('periods_held', { periods })) : null,
    ]);
  }
  const { whole, first, value } = found as { whole: Fact; first: Fact; value: number };
  const how = w.t('second_half_how', {
    year: year ?? '',
    wholeFigure: shortFigure(w, whole),
    firstFigure: shortFigure(w, first),
  });
  return reply(
    [
      bold(title),
      bold(`${w.amount(value, whole.unit)} ${w.t('computed_mark')}`),
      escapeHtml(how),
      sourceLine(w, whole),
      first.source !== whole.source ? sourceLine(w, first) : null,
    ],
    { period: whole.period },
  );
}

export function invalidPeriodReply(q: Query): Reply {
  const w = wordsOf(q);
  return reply([
    escapeHtml(w.t(`invalid_${q.invalidPeriod?.unit ?? 'month'}`, { n: q.invalidPeriod?.n ?? 0 })),
    escapeHtml(w.t('period_forms')),
  ]);
}
