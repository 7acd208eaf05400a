/**
 * Look-up: from a question's place, indicator and (possibly open) period to the figure
 * the store holds, applying the 1 July 2025 merger and never borrowing a figure from
 * another place or period.
 */
import {
  type Period,
  type PeriodQuery,
  isAfterMerger,
  periodEnd,
  samePeriod,
  withYear,
} from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { lexicon } from '../understand/lexicon.js';

export interface Resolution {
  /** The place whose figures answer (the merged unit after July 2025). */
  readonly place: string;
  /** Set when the asked place had merged into `place` for that period. */
  readonly mergedFrom: string | null;
  readonly period: Period | PeriodQuery | null;
  /** The year was left out and the latest year with the figure was used. */
  readonly yearChosen: boolean;
  readonly facts: readonly Fact[];
}

function matchesShape(f: Fact, q: PeriodQuery): boolean {
  if (q.type === 'year')
    return f.period.type === 'year' || (f.period.type === 'ytd' && f.period.month === 12);
  if (q.type === 'quarter') return f.period.type === 'quarter' && f.period.quarter === q.quarter;
  return f.period.type === q.type && f.period.month === q.month;
}

/** The unit a place's figures live under for a period: itself, or what it merged into. */
export function placeForPeriod(
  place: string,
  period: Period | null,
): { place: string; mergedFrom: string | null } {
  const entry = lexicon().places.get(place);
  if (entry?.era === 'old' && entry.mergedInto && period && isAfterMerger(period))
    return { place: entry.mergedInto, mergedFrom: place };
  return { place, mergedFrom: null };
}

export function resolve(
  idx: FactIndex,
  askedPlace: string,
  indicator: string,
  asked: PeriodQuery | Period | null,
): Resolution {
  if (asked && asked.year !== null) {
    const period = withYear(asked, asked.year);
    const { place, mergedFrom } = placeForPeriod(askedPlace, period);
    const f = idx.get(place, indicator, period);
    return { place, mergedFrom, period, yearChosen: false, facts: f ? [f] : [] };
  }
  const series = idx.series(askedPlace, indicator);
  if (asked) {
    // open year: the latest year that has this figure
    const hits = series.filter((f) => matchesShape(f, asked));
    const latest = hits[hits.length - 1];
    if (latest)
      return {
        place: askedPlace,
        mergedFrom: null,
        period: latest.period,
        yearChosen: true,
        facts: [latest],
      };
    return { place: askedPlace, mergedFrom: null, period: asked, yearChosen: false, facts: [] };
  }
  // no period: the latest figures (a month and its cumulative total share an end month)
  const last = series[series.length - 1];
  if (!last)
    return { place: askedPlace, mergedFrom: null, period: null, yearChosen: false, facts: [] };
  const end = periodEnd(last.period);
  const facts = series.filter((f) => periodEnd(f.period) === end);
  return {
    place: askedPlace,
    mergedFrom: null,
    period: facts[0]!.period,
    yearChosen: false,
    facts,
  };
}

/** Periods the store holds for a place and indicator, nearest to `around` first. */
export function nearestPeriods(
  idx: FactIndex,
  place: string,
  indicator: string,
  around: Period | null,
  limit = 4,
): Period[] {
  const periods = idx.series(place, indicator).map((f) => f.period);
  if (!around) return periods.slice(-limit).reverse();
  const at = periodEnd(around);
  return periods
    .filter((p) => !samePeriod(p, around))
    .sort((a, b) => Math.abs(periodEnd(a) - at) - Math.abs(periodEnd(b) - at))
    .slice(0, limit);
}
