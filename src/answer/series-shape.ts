/**
 * What one line of a chart may join: one kind of span, in time order. Single months with single
 * months; cumulative spans only at the same month (January–April of each year), or within one
 * year where they only grow; never a 2-month total beside a 10-month one of another year.
 */
import { type Period, periodEnd } from '../domain/period.js';
import type { Fact } from '../store/schema.js';

const monthOf = (p: Period) => (p.type === 'month' || p.type === 'ytd' ? p.month : null);

/** The figures of `series` drawable on one line with `main`, in time order. */
export function sameShape(series: readonly Fact[], main: Period): Fact[] {
  const sameType = series.filter((f) => f.period.type === main.type);
  const shaped =
    main.type === 'ytd'
      ? sameType.filter((f) => monthOf(f.period) === monthOf(main) || f.period.year === main.year)
      : sameType;
  // within the main period's own year, cumulative spans run on; across years, one month only
  const line =
    main.type === 'ytd' && shaped.some((f) => f.period.year !== main.year)
      ? shaped.filter((f) => monthOf(f.period) === monthOf(main))
      : shaped;
  return [...line].sort((a, b) => periodEnd(a.period) - periodEnd(b.period));
}

/** The levels when two or more are stated, else the year-on-year growths: never both on a line. */
export function drawnValues(facts: readonly Fact[]): { facts: Fact[]; growth: boolean } {
  const levels = facts.filter((f) => f.value !== null);
  if (levels.length >= 2 || levels.length === facts.length) return { facts: levels, growth: false };
  return { facts: facts.filter((f) => f.yoy_pct !== null), growth: true };
}
