/**
 * Follow-ups: what a turn leaves open, filled from the turn before — the places, the indicator,
 * the period, changed as the follow-up asks ("còn lũy kế?", "năm trước đó", "so với tháng 3",
 * "bên nào nhiều hơn").
 */
import type { PeriodQuery } from '../domain/period.js';
import type { Lexicon } from '../domain/lexicon.js';
import type { Context, Intent } from './query.js';
import { language } from './language.js';
import { anyPhrase, type Reading, readFocus } from './reading.js';

/**
 * "so với tháng 3" about a figure of April is "so với tháng trước" (and "so với năm 2019" about
 * 2020 is "so với năm trước"): the comparison the source states, asked by its period.
 */
export function comparedWithPrevious(input: string, context: Context | null): string {
  const p = context?.period;
  if (!p || p.year === null) return input;
  const month = p.type === 'month' ? p.month : null;
  const said = language().comparedWith;
  return input
    .replace(said.month.re, (m, n: string) =>
      month !== null && Number(n) === (month === 1 ? 12 : month - 1) ? said.month.previous : m,
    )
    .replace(said.year.re, (m, y: string) => (Number(y) === p.year! - 1 ? said.year.previous : m));
}

/** A turn that asks only about the figure being discussed: "tăng hay giảm vậy", "còn lũy kế?". */
function asksAboutPrevious(r: Reading, lex: Lexicon): boolean {
  if (r.places.length || r.indicator) return false;
  const i = lex.intents;
  const f = readFocus(r.joined, lex);
  return (
    f.mom ||
    f.yoy ||
    f.plan ||
    f.direction ||
    [i.cumulativeFollowup, i.monthFollowup, i.previousYear, i.whichMore].some((p) =>
      anyPhrase(r.joined, p),
    )
  );
}

/**
 * The span of the turn before, changed as the follow-up asks (lũy kế, riêng tháng, năm liền trước).
 */
function followUpPeriod(r: Reading, prior: Context['period'], lex: Lexicon): PeriodQuery | null {
  if (!prior) return null;
  const i = lex.intents;
  const month = prior.type === 'month' || prior.type === 'ytd' ? prior.month : null;
  if ((asksPreviousYear(r, lex) || relativeYear(r)) && prior.year !== null)
    return { ...prior, year: prior.year - 1 } as PeriodQuery;
  if (month && anyPhrase(r.joined, i.cumulativeFollowup))
    return { type: 'ytd', year: prior.year, month };
  if (month && anyPhrase(r.joined, i.monthFollowup))
    return { type: 'month', year: prior.year, month };
  return prior as PeriodQuery;
}

/** "so với Hải Phòng" after a question about Kiên Giang: a comparison with what was asked. */
function comparesWithPrevious(r: Reading, context: Context, lex: Lexicon): boolean {
  const joins =
    anyPhrase(r.joined, lex.intents.compareLinks) ||
    // "thêm Bắc Ninh" after a comparison: one more place in it
    (context.intent === 'compare' && anyPhrase(r.joined, lex.intents.addPlace));
  return (
    r.places.length === 1 &&
    context.places.length > 0 &&
    !context.places.includes(r.places[0]!) &&
    joins &&
    r.indicator === null
  );
}

function reusePlacesAndIndicator(r: Reading, context: Context, lex: Lexicon): void {
  // "hủy đăng ký" stops what the user names, never what the last answer was about
  if (r.intent === 'subscribe' && anyPhrase(r.joined, lex.intents.unsubscribe)) return;
  if (comparesWithPrevious(r, context, lex)) {
    r.places = [...context.places.filter((p) => p !== r.places[0]), r.places[0]!];
    r.intent = 'compare';
    r.reused.push('places');
  }
  const asksWhichPlaces = anyPhrase(r.joined, lex.intents.whichPlaces);
  if (r.places.length === 0 && r.intent !== 'rank' && !asksWhichPlaces && context.places.length) {
    r.places = [...context.places];
    r.reused.push('places');
    if (r.intent === 'lookup' && (context.intent === 'compare' || context.intent === 'trend'))
      r.intent = context.intent;
  }
  if (r.indicator === null && context.indicator) {
    r.indicator = context.indicator;
    r.reused.push('indicator');
  }
}

function reusePeriod(r: Reading, context: Context, partial: boolean, lex: Lexicon): void {
  const prior = context.period;
  if (r.period === null && prior && partial && r.intent !== 'trend') {
    r.period = prior as PeriodQuery;
    r.reused.push('period');
  } else if (r.period && r.period.year === null && prior?.year != null && !r.relative) {
    r.period = { ...r.period, year: prior.year };
    r.reused.push('year');
  } else if (sameSpanOtherYear(r, prior, lex)) {
    // "còn năm 2019?" after "6 tháng 2020": the same span, another year ("cả năm 2019" stays the
    // year)
    r.period = { ...prior!, year: r.period!.year } as PeriodQuery;
    r.reused.push('period');
  }
}

function sameSpanOtherYear(r: Reading, prior: Context['period'], lex: Lexicon): boolean {
  return (
    r.period?.type === 'year' &&
    r.period.year !== null &&
    !!prior &&
    prior.type !== 'year' &&
    r.entities.places.length === 0 &&
    r.entities.indicators.length === 0 &&
    !anyPhrase(
      r.joined,
      lex.periods.wholeYear.filter((w) => w !== 'nam'),
    )
  );
}

/** "cùng kỳ năm ngoái bao nhiêu" asks the figure a year earlier; "so với cùng kỳ" its change. */
function asksPreviousYear(r: Reading, lex: Lexicon): boolean {
  const i = lex.intents;
  return anyPhrase(r.joined, i.previousYear) && !anyPhrase(r.joined, i.yoyComparison);
}

/** "năm ngoái", "last year" said alone: a year counted back from today. */
function relativeYear(r: Reading): boolean {
  return r.relative && r.period?.type === 'year';
}

/**
 * "còn năm trước đó?", "how about last year?" in a conversation about April 2020: the year
 * before the one being discussed, not the year before today.
 */
function asksYearBeforeDiscussed(r: Reading, context: Context, lex: Lexicon): boolean {
  return (
    r.places.length === 0 &&
    r.indicator === null &&
    context.period?.year != null &&
    (asksPreviousYear(r, lex) || relativeYear(r))
  );
}

/** "bên nào nhiều hơn" after one place, then another: the two compared. */
function comparesEarlierPlaces(r: Reading, context: Context, lex: Lexicon): void {
  if (context.intent === 'compare' || !context.earlierPlaces?.length) return;
  if (!anyPhrase(r.joined, lex.intents.whichMore)) return;
  r.intent = 'compare';
  r.places = [...context.earlierPlaces, ...context.places];
  r.reused.push('places');
}

/**
 * A complete question of its own starts afresh: what exists about a place or an indicator ("có
 * số liệu gì về Nghệ An", "bao nhiêu tỉnh có số liệu xuất khẩu"), a ranking that names its
 * indicator ("top 5 IIP"). Only an elliptic turn inherits.
 */
function startsAfresh(r: Reading, lex: Lexicon): boolean {
  const named = r.places.length > 0 || r.indicator !== null;
  if (named && anyPhrase(r.joined, lex.intents.inventory) && r.intent !== 'rank') return true;
  return r.intent === 'rank' && r.indicator !== null;
}

/** A ranking followed by a place asks that place's figure; otherwise the ranking goes on. */
function carriedIntent(r: Reading, context: Context): Intent {
  return context.intent === 'rank' && r.places.length > 0 ? 'lookup' : context.intent;
}

/**
 * "còn nhập khẩu thì sao", "how about 2024?" after a ranking: the same ranking of another
 * indicator or period. A turn that names a place asks about that place instead.
 */
function continuesRanking(r: Reading, context: Context): boolean {
  return (
    context.intent === 'rank' &&
    r.intent === 'lookup' &&
    r.places.length === 0 &&
    r.entities.ambiguousPlaces.length === 0 &&
    (r.indicator !== null || r.period !== null)
  );
}

/** Fills what a follow-up leaves open from the turn before. */
export function applyContext(r: Reading, context: Context | null, lex: Lexicon): void {
  if (!context || context.intent === 'help' || context.intent === 'unknown') return;
  if (startsAfresh(r, lex)) return;
  if (asksYearBeforeDiscussed(r, context, lex)) {
    if (r.intent === 'unknown' || r.intent === 'lookup') r.intent = carriedIntent(r, context);
    r.period = followUpPeriod(r, context.period, lex);
    r.reused.push('year');
  } else if (r.intent === 'unknown' && asksAboutPrevious(r, lex)) {
    r.intent = carriedIntent(r, context);
    r.period = followUpPeriod(r, context.period, lex);
    // "còn lũy kế?" changes the span: the note then says only what was carried over
    if (JSON.stringify(r.period) === JSON.stringify(context.period)) r.reused.push('period');
    comparesEarlierPlaces(r, context, lex);
  }
  if (continuesRanking(r, context)) {
    r.intent = 'rank';
    r.rankingCarried = true;
  }
  if (r.intent === 'help' || r.intent === 'unknown') return;
  const partial = r.places.length === 0 || r.indicator === null;
  reusePlacesAndIndicator(r, context, lex);
  reusePeriod(r, context, partial, lex);
}
