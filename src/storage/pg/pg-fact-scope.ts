/**
 * Which figures a question reads when the data is too large to read whole: the series it names
 * (its places with their old parts or new unit and the country, for its indicators), or one
 * indicator over every place for the year asked (or the latest two), plus the digest (the latest
 * figure of every other series), so that "what else is there" and "who else has it" still come
 * out as on the whole data.
 */
import type { Catalogue } from '../../domain/catalogue.js';
import type { Query } from '../../understand/query.js';

export interface ScopedSql {
  readonly sql: string;
  readonly params: unknown[];
}

/** The places a question about `places` may read: themselves, their parts, their unit, VN. */
function placesRead(places: readonly string[], cat: Catalogue): string[] {
  const read = new Set<string>([cat.nationalId]);
  for (const p of places) {
    read.add(p);
    for (const part of cat.absorbedBy(p)) read.add(part.id);
    const into = cat.place(p)?.mergedInto;
    if (into) read.add(into);
  }
  return [...read];
}

// in the order the figures were stored, as when the data is read whole
const WITH_DIGEST = (series: string, digestNot: string) => `
  SELECT id, fact FROM facts WHERE to_version IS NULL AND ${series}
  UNION ALL
  SELECT id, fact FROM fact_digest WHERE NOT (${digestNot})
  ORDER BY id`;

/** null: the question names neither a place nor an indicator (the digest alone answers it). */
export function scopedSql(q: Query, cat: Catalogue): ScopedSql | null {
  const indicators = [q.indicator, ...q.otherIndicators].filter((i): i is string => !!i);
  if (q.places.length) {
    const places = placesRead(q.places, cat);
    if (!indicators.length)
      return { sql: WITH_DIGEST('place = ANY($1)', 'place = ANY($1)'), params: [places] };
    const cond = 'place = ANY($1) AND indicator = ANY($2)';
    return { sql: WITH_DIGEST(cond, cond), params: [places, indicators] };
  }
  if (!indicators.length) return null;
  const from = `coalesce($2::int, (SELECT max(year) FROM facts
                 WHERE to_version IS NULL AND indicator = ANY($1)) - 1)`;
  return {
    sql: WITH_DIGEST(
      `indicator = ANY($1) AND year >= ${from}`,
      `indicator = ANY($1) AND (fact->'period'->>'year')::int >= ${from}`,
    ),
    params: [indicators, q.period?.year ?? null],
  };
}
