/**
 * What a clause is about while it is read: the place, indicator and period named last, and
 * the marks that colour the figures after them (an estimate, a target, a scope, a breakdown).
 */
import type { Period } from '../domain/period.js';
import type { Reference } from './amount-words.js';
import type { Draft } from './draft.js';
import type { PeriodRef } from './period-words.js';

/** Not an indicator: a measure of something else, or a part the store has no series for. */
export const NONE = '-';

export interface Subject {
  places: string[];
  /** The place before the last one named: a place's aside returns to it. */
  previous: string[];
  indicator: string | null;
  period: PeriodRef;
  /** The period was named in this sentence (not carried from the one before). */
  periodStated: boolean;
  estimate: boolean;
  /** A breakdown's parts are estimates when their whole is. */
  baseEstimate: boolean;
  target: boolean;
  scope: Draft['scope'];
  /** "So với cùng kỳ năm trước, …": the comparison a later bare change is made against. */
  refpre: Reference | null;
  /** The indicator "trong đó" breaks down. */
  breakdownOf: string | null;
  /** "các năm 2020-2024 lần lượt …": the years still waiting for their value. */
  series: number[] | null;
  /** The sentence opened with "Với …": its numbers belong to the place named after them. */
  withClause: boolean;
  placeNamed: boolean;
  /** The indicator was taken from the report as a whole, not named by the sentence. */
  indicatorInferred: boolean;
  /** The sentence named an indicator itself (not carried from the one before). */
  indicatorNamed: boolean;
  /** The last headline indicator the sentence named: the next sentence goes on with it. */
  headline: string | null;
  /** Words of no known vocabulary before the sentence's first number: a subject of its own. */
  unread: number;
}

/** What the reader knows of the report as a whole. */
export interface ReaderContext {
  place: string | null;
  /** The indicator of the sentence before: a sentence that names none goes on with it. */
  indicator: string | null;
  /** The indicator the report is about, per unit: for a number whose sentence names none. */
  topic: (unit: 'usd' | 'vnd') => string | null;
  /** The period of a figure before any is named: the report's own. */
  readonly defaultPeriod: PeriodRef;
  /** A period in the store's terms, its open parts taken from the report. */
  resolve: (p: PeriodRef) => Period | null;
}

export function freshSubject(ctx: ReaderContext, period: PeriodRef | null): Subject {
  const place = ctx.place ? [ctx.place] : [];
  return {
    ...{ places: place, previous: place, indicator: ctx.indicator },
    period: period ?? ctx.defaultPeriod,
    ...{ periodStated: false, estimate: false, baseEstimate: false, target: false },
    ...{ scope: null, refpre: null, breakdownOf: null, series: null },
    ...{ withClause: false, placeNamed: false, indicatorInferred: false },
    ...{ indicatorNamed: false, unread: 0, headline: null },
  };
}

export const named = (s: Subject): string | null =>
  s.indicator && s.indicator !== NONE ? s.indicator : null;
