/**
 * Which figures a question reads when the data is too large to read whole: the series it names
 * (its places with their old parts or new unit and the country, for its indicators), or one
 * indicator over every place for the year asked (or the latest two), on top of the digest (the
 * latest figure of every series, kept in memory), so that "what else is there" and "who else
 * has it" come out as on the whole data.
 */
import type { Catalogue } from '../../domain/catalogue.js';
import { type Period, periodKey } from '../../domain/period.js';
import type { Fact } from '../../store/schema.js';
import type { JoinedRow } from '../../store/table-join.js';
import type { Query } from '../../understand/query.js';

export interface StoredFact {
  readonly id: number;
  readonly fact: Fact;
}

export interface Scope {
  /** The series rows to read (id, fact). */
  readonly sql: string;
  readonly params: unknown[];
  /** The digest rows those series replace. */
  readonly replaces: (f: Fact) => boolean;
  /**
   * A place or indicator without the figure asked: its reply lists every period its series has,
   * so the whole series is read instead.
   */
  readonly unless?: { readonly holds: (series: readonly StoredFact[]) => boolean; wider: Scope };
}

/** The places a question about `places` may read: themselves, their parts, their new unit. */
function placesRead(places: readonly string[], cat: Catalogue): string[] {
  const read = new Set<string>();
  for (const p of places) {
    read.add(p);
    for (const part of cat.absorbedBy(p)) read.add(part.id);
    const into = cat.place(p)?.mergedInto;
    if (into) read.add(into);
  }
  return [...read];
}

// the stored json as text: parsed here in one go (the driver would parse it row by row)
const SERIES = (where: string) =>
  `SELECT id, fact::text AS fact FROM facts WHERE to_version IS NULL AND ${where} ORDER BY id`;

/**
 * A figure's own period with every source (a reply names the others), and around it each
 * figure's chosen record only (the source rule's order, rule 6 being the later record): the
 * partition is the figure's key (place, indicator, period, variant) or finer.
 */
const FIGURE_SERIES = (where: string) =>
  `SELECT id, fact::text AS fact FROM (
     SELECT id, fact, period, choice, row_number() OVER (PARTITION BY place, indicator, period,
       variant ORDER BY choice DESC NULLS LAST, id DESC) AS rank
       FROM facts WHERE to_version IS NULL AND ${where}) f
    WHERE rank = 1 OR choice IS NULL OR period = ANY($4) ORDER BY id`;

/**
 * A figure for one year reads its series for that year and the one before: everything a figure's
 * reply uses (its period, the months and quarters it is derived from, the same period a year
 * before, the month before January, the year's plan); the digest keeps the latest. Two periods
 * compared ("tháng 4/2019 so với tháng 4/2020", each place its own) read each one's years.
 * null: the whole series (a trend, a comparison, a period with no year yet).
 */
function periodsRead(q: Query): Period[] | null {
  if (q.intent === 'trend' || q.intent === 'compare') return null;
  const periods = [q.period, ...(q.periodsCompared ?? []), ...(q.periodsByPlace ?? [])];
  const named = periods.filter((p) => p !== null);
  if (!named.length || named.some((p) => p.year === null)) return null;
  return named as Period[];
}

/**
 * Every place asked has its own result (not a plan, not its parts') of every indicator asked for
 * a period asked; else its reply lists what its series has, and the whole series is read.
 */
function holdsAsked(q: Query, indicators: readonly string[], asked: ReadonlySet<string>) {
  return (series: readonly StoredFact[]) =>
    q.places.every((place) =>
      indicators.every((ind) =>
        series.some(
          ({ fact: f }) =>
            f.kind === 'actual' &&
            f.place === place &&
            f.indicator === ind &&
            asked.has(periodKey(f.period)),
        ),
      ),
    );
}

/**
 * A figure of periods before the merger, not asked as a new unit's ("An Giang mới"): each place
 * is its own unit then, and neither its old parts nor its new unit answer for it.
 */
function figurePlaces(q: Query, periods: readonly Period[], cat: Catalogue): string[] {
  const before = !q.newUnit && periods.every((p) => !cat.isAfterMerger(p));
  return before ? [...q.places] : placesRead(q.places, cat);
}

function figureScope(
  q: Query,
  cat: Catalogue,
  indicators: readonly string[],
  periods: readonly Period[],
  whole: Scope,
): Scope {
  const places = figurePlaces(q, periods, cat);
  const at = new Set(places);
  const inds = new Set(indicators);
  const years = [...new Set(periods.flatMap((p) => [p.year - 1, p.year]))];
  const asked = new Set(periods.map(periodKey));
  const within = new Set(years);
  return {
    sql: FIGURE_SERIES('place = ANY($1) AND indicator = ANY($2) AND year = ANY($3::int[])'),
    params: [places, indicators, years, [...asked]],
    replaces: (f) => at.has(f.place) && inds.has(f.indicator) && within.has(f.period.year),
    unless: { holds: holdsAsked(q, indicators, asked), wider: whole },
  };
}

/** null: the question names neither a place nor an indicator (the digest alone answers it). */
export function scopeOf(q: Query, cat: Catalogue, digest: readonly StoredFact[]): Scope | null {
  const indicators = [q.indicator, ...q.otherIndicators].filter((i): i is string => !!i);
  const inds = new Set(indicators);
  if (q.places.length) {
    const places = placesRead(q.places, cat);
    const at = new Set(places);
    if (!indicators.length)
      return { sql: SERIES('place = ANY($1)'), params: [places], replaces: (f) => at.has(f.place) };
    const whole: Scope = {
      sql: SERIES('place = ANY($1) AND indicator = ANY($2)'),
      params: [places, indicators],
      replaces: (f) => at.has(f.place) && inds.has(f.indicator),
    };
    const periods = periodsRead(q);
    return periods === null ? whole : figureScope(q, cat, indicators, periods, whole);
  }
  if (!indicators.length) return null;
  const latest = Math.max(
    0,
    ...digest.filter((d) => inds.has(d.fact.indicator)).map((d) => d.fact.period.year),
  );
  const from = q.period?.year ?? latest - 1;
  return {
    sql: SERIES('indicator = ANY($1) AND year >= $2'),
    params: [indicators, from],
    replaces: (f) => inds.has(f.indicator) && f.period.year >= from,
  };
}

/**
 * The digest with the series read in place of their digest rows, in stored order: rows of the
 * digest's table (0) and of the series' (1), both already in that order.
 */
export function mergedRows(
  digest: readonly StoredFact[],
  series: readonly StoredFact[],
  s: Scope,
): JoinedRow[] {
  const rows: JoinedRow[] = [];
  let k = 0;
  digest.forEach((d, i) => {
    while (k < series.length && series[k]!.id < d.id) rows.push([1, k++]);
    if (!s.replaces(d.fact)) rows.push([0, i]);
  });
  while (k < series.length) rows.push([1, k++]);
  return rows;
}
