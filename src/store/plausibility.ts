/**
 * Flags figures whose order of magnitude jumps against the place's own history (same
 * indicator, its other periods), comparing monthly rates. Size alone is no evidence: a small
 * province's exports (Cao Bằng, Lai Châu) are small, not wrong, so other places are not a
 * reference. A flag never changes a figure: it is shown next to it ("số liệu nguồn có thể sai
 * đơn vị").
 */
import { msg } from '../messages.js';
import { periodMonths } from '../domain/period.js';
import type { Fact } from './schema.js';
import { getOrCreate } from '../util/collections.js';

export const HISTORY_RATIO = 10;
/**
 * Triệu USD per tỷ đồng, to the order of magnitude the check needs (about 25.000 đồng a dollar):
 * a province's goods trade is never a hundredth of its retail sales.
 */
const USD_PER_BILLION_DONG = 0.04;
const SAME_SOURCE_RATIO = 100;
export const TRADE = new Set(['export', 'import', 'trade_total']);

/** Monthly trade (triệu USD) a hundred times below the same report's monthly retail (tỷ đồng). */
export const tradeBelowRetail = (tradeRate: number, retailRate: number): boolean =>
  tradeRate * SAME_SOURCE_RATIO < retailRate * USD_PER_BILLION_DONG;
export const UNIT_WARNING = msg('unit_warning_title');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const rate = (f: Fact) => (f.value as number) / periodMonths(f.period);
const off = (r: number, ref: number, k: number) =>
  ref > 0 && r > 0 && (r / ref >= k || ref / r >= k);

/** The first index of x in a sorted list (binary search: lists run to thousands). */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Median of a sorted list without one of its values (the figure being judged). */
function medianWithout(sorted: readonly number[], x: number): number {
  const at = lowerBound(sorted, x);
  const m = (sorted.length - 1) >> 1;
  const pick = (k: number) => sorted[k >= at ? k + 1 : k]!;
  return (sorted.length - 1) % 2 ? pick(m) : (pick(m - 1) + pick(m)) / 2;
}

/**
 * Items i of one indicator, each with its place and its monthly rate: the indexes that look
 * implausible against the place's own history (at least two other figures to judge by).
 */
export function implausibleRates(places: ArrayLike<number>, rates: ArrayLike<number>): number[] {
  const byPlace = new Map<number, number[]>();
  for (let i = 0; i < rates.length; i++) getOrCreate(byPlace, places[i]!, () => []).push(rates[i]!);
  for (const rs of byPlace.values()) rs.sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < rates.length; i++) {
    const own = byPlace.get(places[i]!)!;
    if (own.length >= 3 && off(rates[i]!, medianWithout(own, rates[i]!), HISTORY_RATIO))
      out.push(i);
  }
  return out;
}

/** Returns the facts that look implausible, with the reason. O(n log n). */
export function findImplausible(facts: readonly Fact[]): Map<Fact, string> {
  const flags = new Map<Fact, string>();
  const byIndicator = new Map<string, Fact[]>();
  for (const f of facts)
    if (f.value !== null && f.kind === 'actual' && !f.unit.includes('%'))
      getOrCreate(byIndicator, f.indicator, () => []).push(f);
  for (const list of byIndicator.values()) {
    const placeIds = new Map<string, number>();
    const places = list.map((f) => getOrCreate(placeIds, f.place, () => placeIds.size));
    for (const i of implausibleRates(places, list.map(rate))) flags.set(list[i]!, UNIT_WARNING);
  }
  for (const f of againstSameSource(facts)) flags.set(f, UNIT_WARNING);
  return flags;
}

const sourceKey = (f: Fact) =>
  [f.place, f.source.publisher, f.source.title, f.source.date, f.period.year].join('|');

/**
 * "kim ngạch xuất khẩu gần 19 triệu USD" beside "tổng mức bán lẻ 144 ngàn tỷ đồng" in the same
 * report, for the same place and year: trade a hundred times below retail sales.
 */
function againstSameSource(facts: readonly Fact[]): Fact[] {
  const retail = new Map<string, number>();
  for (const f of facts)
    if (f.indicator === 'retail' && f.value && f.kind === 'actual')
      retail.set(sourceKey(f), rate(f));
  return facts.filter((f) => {
    if (!TRADE.has(f.indicator) || !f.value || f.kind !== 'actual') return false;
    const sales = retail.get(sourceKey(f));
    return sales !== undefined && tradeBelowRetail(rate(f), sales);
  });
}

/**
 * The value a figure flagged as implausible was most likely meant to have, when it is off by a
 * factor of about a thousand against the place's own series: "gần 19 triệu USD" among billions
 * reads as 19 tỷ USD. Never guessed from other places (a small province is not a typo): null
 * then, or when no such factor explains it.
 */
export function likelyIntended(f: Fact, own: readonly Fact[]): number | null {
  if (f.value === null || f.value <= 0) return null;
  const history = own
    .filter((x) => x !== f && x.value !== null && x.value > 0 && x.kind === 'actual')
    .map(rate)
    .sort((a, b) => a - b);
  if (history.length < 2) return null;
  const ratio = median(history) / rate(f);
  if (ratio >= 300 && ratio <= 3000) return f.value * 1000;
  if (ratio <= 1 / 300 && ratio >= 1 / 3000) return f.value / 1000;
  return null;
}
