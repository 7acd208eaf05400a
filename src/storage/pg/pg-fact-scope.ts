/**
 * Which figures a question reads when the data is too large to read whole: the series it names
 * (its places with their old parts or new unit and the country, for its indicators), or one
 * indicator over every place for the year asked (or the latest two), on top of the digest (the
 * latest figure of every series, kept in memory), so that "what else is there" and "who else
 * has it" come out as on the whole data.
 */
import type { Catalogue } from '../../domain/catalogue.js';
import type { Fact } from '../../store/schema.js';
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
 * A figure for one year reads its series around that year (the digest keeps the latest); two
 * periods compared ("tháng 4/2019 so với tháng 4/2020", each place its own) read around each.
 * null: the whole series (a trend, a comparison, a period with no year yet).
 */
function yearsRead(q: Query): number[] | null {
  if (q.intent === 'trend' || q.intent === 'compare') return null;
  const periods = [q.period, ...(q.periodsCompared ?? []), ...(q.periodsByPlace ?? [])];
  const named = periods.filter((p) => p !== null);
  if (!named.length || named.some((p) => p.year === null)) return null;
  return [...new Set(named.flatMap((p) => [p.year! - 1, p.year!, p.year! + 1]))];
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
    const years = yearsRead(q);
    if (years === null)
      return {
        sql: SERIES('place = ANY($1) AND indicator = ANY($2)'),
        params: [places, indicators],
        replaces: (f) => at.has(f.place) && inds.has(f.indicator),
      };
    const within = new Set(years);
    return {
      sql: SERIES('place = ANY($1) AND indicator = ANY($2) AND year = ANY($3::int[])'),
      params: [places, indicators, years],
      replaces: (f) => at.has(f.place) && inds.has(f.indicator) && within.has(f.period.year),
    };
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

/** The digest with the series read in place of their digest rows, in stored order. */
export function merged(digest: readonly StoredFact[], series: readonly StoredFact[], s: Scope) {
  const rows = digest.filter((d) => !s.replaces(d.fact)).concat(series);
  return rows.sort((a, b) => a.id - b.id).map((r) => r.fact);
}
