/**
 * Flags figures whose order of magnitude jumps against the place's own history or its
 * peers (same indicator, other places), comparing monthly rates. A flag never changes a
 * figure: it is shown next to it ("số liệu nguồn có thể sai đơn vị").
 */
import { msg } from '../messages.js';
import { periodMonths } from '../domain/period.js';
import type { Fact } from './schema.js';
import { getOrCreate } from '../util/collections.js';

export const HISTORY_RATIO = 10;
export const PEER_RATIO = 20;
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
 * implausible against the place's own history or, with too little history, its peers.
 */
export function implausibleRates(places: ArrayLike<number>, rates: ArrayLike<number>): number[] {
  const byPlace = new Map<number, number[]>();
  for (let i = 0; i < rates.length; i++) getOrCreate(byPlace, places[i]!, () => []).push(rates[i]!);
  for (const rs of byPlace.values()) rs.sort((a, b) => a - b);
  const placeMedians = new Map([...byPlace].map(([p, rs]) => [p, median(rs)]));
  const allMedians = [...placeMedians.values()].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 0; i < rates.length; i++) {
    const own = byPlace.get(places[i]!)!;
    const r = rates[i]!;
    if (own.length >= 3) {
      if (off(r, medianWithout(own, r), HISTORY_RATIO)) out.push(i);
      continue;
    }
    const peers = medianWithout(allMedians, placeMedians.get(places[i]!)!);
    if (allMedians.length >= 3 && off(r, peers, PEER_RATIO)) out.push(i);
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
  return flags;
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
