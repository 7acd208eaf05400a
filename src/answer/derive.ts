/**
 * Figures the sources imply but do not state: a month from two consecutive cumulative figures
 * (lũy kế 6 tháng − lũy kế 5 tháng), a quarter from cumulative figures (quý II = 6 tháng −
 * quý I), a cumulative span from the next one and its month (quý I = 4 tháng − tháng 4).
 * Levels only: no growth rate
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

export const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;
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

/** "3 tháng đầu năm" (or quý I) = "4 tháng đầu năm" − "tháng 4", when both are stated. */
function fromNextMonth(
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
  scope: Scope | null,
  months: number,
): Derived | null {
  if (months >= 12) return null;
  const next = { type: 'month' as const, year: period.year, month: months + 1 };
  const whole = cumulative(idx, place, indicator, period.year, months + 1, scope);
  const month = idx.get(place, indicator, next, { scope });
  if (!whole || !month || month.value === null || month.unit !== whole.unit) return null;
  const value = difference(whole.value!, month.value);
  if (value < 0) return null;
  return { period, value, unit: whole.unit, inputs: [whole, month] };
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
    const fromSpans = fromCumulative(idx, place, indicator, period, scope, [last - 2, last]);
    if (fromSpans || period.quarter !== 1) return fromSpans;
    return fromNextMonth(idx, place, indicator, period, scope, 3);
  }
  if (period.type === 'ytd')
    return fromNextMonth(idx, place, indicator, period, scope, period.month);
  return null;
}
