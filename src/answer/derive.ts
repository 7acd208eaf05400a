/**
 * Figures the sources imply but do not state: a month from two consecutive cumulative figures
 * (lũy kế 6 tháng − lũy kế 5 tháng), a quarter from cumulative figures (quý II = 6 tháng −
 * quý I). Levels only: no growth rate
 * is ever computed, and each derived figure names its inputs.
 */
import type { Period } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact, Scope } from '../store/schema.js';

export interface Derived {
  readonly period: Period;
  readonly value: number;
  readonly unit: string;
  /** The stated figures it comes from: the larger span first. */
  readonly inputs: readonly Fact[];
}

type Span =
  | { type: 'ytd'; year: number; month: number }
  | { type: 'quarter'; year: number; quarter: number };

/** A stated level for a span from January through `month` (a year, ytd or the first quarter). */
function cumulative(
  idx: FactIndex,
  place: string,
  indicator: string,
  year: number,
  month: number,
  scope: Scope | null,
): Fact | undefined {
  const spans: Span[] = [{ type: 'ytd', year, month }];
  if (month === 3) spans.push({ type: 'quarter', year, quarter: 1 });
  for (const p of spans) {
    const f = idx.get(place, indicator, p, { scope });
    if (f && f.value !== null) return f;
  }
  return undefined;
}

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
/** a − b, rounded to the coarser input's precision (never more precise than the sources). */
function difference(a: number, b: number): number {
  const d = Math.max(decimals(a), decimals(b));
  return Number((a - b).toFixed(d));
}

function fromCumulative(
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
  scope: Scope | null,
  range: [number, number],
): Derived | null {
  const [first, last] = range;
  const whole = cumulative(idx, place, indicator, period.year, last, scope);
  if (!whole) return null;
  if (first === 1) return null; // the same span under another name: a stated figure (resolve.ts)
  const before = cumulative(idx, place, indicator, period.year, first - 1, scope);
  if (!before || before.unit !== whole.unit) return null;
  const value = difference(whole.value!, before.value!);
  if (value < 0) return null; // inconsistent sources: better no figure than a wrong one
  return { period, value, unit: whole.unit, inputs: [whole, before] };
}

/** A level for `period` computed from stated figures, or null when the sources do not imply one. */
export function derive(
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
  scope: Scope | null,
): Derived | null {
  if (idx.catalogue.indicator(indicator).growthOnly) return null;
  if (period.type === 'month' && period.month > 1)
    return fromCumulative(idx, place, indicator, period, scope, [period.month, period.month]);
  if (period.type === 'quarter') {
    const last = period.quarter * 3;
    return fromCumulative(idx, place, indicator, period, scope, [last - 2, last]);
  }
  return null;
}
