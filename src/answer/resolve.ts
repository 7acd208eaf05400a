/**
 * Look-up: from a question's place, indicator, scope and (possibly open) period to the figure
 * the store holds, applying the 1 July 2025 merger and never borrowing a figure from another
 * place or period. A series of another scope ("qua địa bàn") answers only when the place has
 * no figure of its own, and the reply then says which series it is.
 */
import {
  type Period,
  type PeriodQuery,
  periodEnd,
  samePeriod,
  withYear,
} from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact, Scope } from '../store/schema.js';

export interface Resolution {
  /** The place whose figures answer (the merged unit after July 2025). */
  readonly place: string;
  /** Set when the asked place had merged into `place` for that period. */
  readonly mergedFrom: string | null;
  readonly period: Period | PeriodQuery | null;
  /** The year was left out and the latest year with the figure was used. */
  readonly yearChosen: boolean;
  readonly facts: readonly Fact[];
  /** The scope of the series that answers (the asked one, or the only one the place has). */
  readonly scope: Scope | null;
}

const SCOPES: readonly Scope[] = ['qua-dia-ban', 'tru-dau-tho'];

/** "quý I" and "3 tháng đầu năm", "tháng 1" and "lũy kế 1 tháng": one span, two names. */
export function sameSpans(p: Period): Period[] {
  if (p.type === 'quarter' && p.quarter === 1) return [p, { type: 'ytd', year: p.year, month: 3 }];
  if (p.type === 'ytd' && p.month === 3) return [p, { type: 'quarter', year: p.year, quarter: 1 }];
  if (p.type === 'month' && p.month === 1) return [p, { type: 'ytd', year: p.year, month: 1 }];
  if (p.type === 'ytd' && p.month === 1) return [p, { type: 'month', year: p.year, month: 1 }];
  return [p];
}

function matchesShape(f: Fact, q: PeriodQuery): boolean {
  if (q.type === 'year')
    return f.period.type === 'year' || (f.period.type === 'ytd' && f.period.month === 12);
  if (q.type === 'quarter') return f.period.type === 'quarter' && f.period.quarter === q.quarter;
  return f.period.type === q.type && f.period.month === q.month;
}

/** The series a question reads: its own scope, else (unscoped and empty) the place's scoped one. */
export function seriesFor(
  idx: FactIndex,
  place: string,
  indicator: string,
  scope: Scope | null,
): { series: readonly Fact[]; scope: Scope | null } {
  if (scope) return { series: idx.scoped(place, indicator, scope), scope };
  const own = idx.series(place, indicator);
  if (own.length) return { series: own, scope: null };
  for (const s of SCOPES) {
    const series = idx.scoped(place, indicator, s);
    if (series.length) return { series, scope: s };
  }
  return { series: own, scope: null };
}

function exactPeriod(
  idx: FactIndex,
  askedPlace: string,
  indicator: string,
  period: Period,
  scope: Scope | null,
): Resolution {
  const { place, mergedFrom } = idx.catalogue.unitFor(askedPlace, period);
  const base = { place, mergedFrom, period, yearChosen: false };
  const own = sameSpans(period)
    .map((p) => idx.get(place, indicator, p, { scope }))
    .find((f) => f !== undefined);
  if (own || scope) return { ...base, facts: own ? [own] : [], scope };
  // the province's own figure is missing: one of another series, said as such in the reply
  for (const s of SCOPES) {
    const f = idx.get(place, indicator, period, { scope: s });
    if (f) return { ...base, facts: [f], scope: s };
  }
  return { ...base, facts: [], scope: null };
}

export function resolve(
  idx: FactIndex,
  askedPlace: string,
  indicator: string,
  asked: PeriodQuery | Period | null,
  askedScope: Scope | null = null,
): Resolution {
  if (asked && asked.year !== null)
    return exactPeriod(idx, askedPlace, indicator, withYear(asked, asked.year), askedScope);
  const { series, scope } = seriesFor(idx, askedPlace, indicator, askedScope);
  const base = { place: askedPlace, mergedFrom: null, scope };
  if (asked) {
    // open year: the latest year that has this figure
    const latest = series.filter((f) => matchesShape(f, asked)).at(-1);
    if (latest) return { ...base, period: latest.period, yearChosen: true, facts: [latest] };
    return { ...base, period: asked, yearChosen: false, facts: [] };
  }
  // no period: the latest figures (a month and its cumulative total share an end month)
  const last = series.at(-1);
  if (!last) return { ...base, period: null, yearChosen: false, facts: [] };
  const end = periodEnd(last.period);
  const facts = series.filter((f) => periodEnd(f.period) === end);
  return { ...base, period: facts[0]!.period, yearChosen: false, facts };
}

/** Periods the store holds for a place and indicator, nearest to `around` first. */
export function nearestPeriods(
  idx: FactIndex,
  place: string,
  indicator: string,
  around: Period | null,
  limit = 4,
  scope: Scope | null = null,
): Period[] {
  const periods = seriesFor(idx, place, indicator, scope).series.map((f) => f.period);
  if (!around) return periods.slice(-limit).reverse();
  const at = periodEnd(around);
  return periods
    .filter((p) => !samePeriod(p, around))
    .sort((a, b) => Math.abs(periodEnd(a) - at) - Math.abs(periodEnd(b) - at))
    .slice(0, limit);
}
