/** A column table built from Fact objects already checked (uploads, restores, old store files). */
import { canonicalPeriod } from '../domain/period.js';
import type { Catalogue } from '../domain/catalogue.js';
import {
  APPROX,
  BASES,
  ESTIMATE,
  FactTable,
  POST_MERGER,
  SCOPES,
  TARGET,
  TYPES,
} from './fact-table.js';
import type { RowCells } from './row-check.js';
import type { Fact, Source } from './schema.js';

/** Builds a table from facts already checked (uploads, restores, old store files). */
export function tableOf(facts: readonly Fact[], cat: Catalogue): FactTable {
  const places = [...new Set(facts.map((f) => f.place))].sort();
  const indicators = [...new Set(facts.map((f) => f.indicator))].sort();
  const sources: Source[] = [];
  const noteIds = new Map<string, number>();
  const notes: string[] = [];
  const units = indicators.map((i) => cat.indicator(i).unit);
  const placeIds = new Map(places.map((p, i) => [p, i]));
  const indicatorIds = new Map(indicators.map((p, i) => [p, i]));
  const table = new FactTable(places, indicators, sources, notes, units, facts.length);
  const sourceOf = sourceNumbering(sources);
  for (const f of facts) {
    if (f.note !== null && !noteIds.has(f.note)) noteIds.set(f.note, notes.push(f.note) - 1);
    table.push(
      cellsOf(
        f,
        placeIds.get(f.place)!,
        indicatorIds.get(f.indicator)!,
        sourceOf(f.source),
        f.note === null ? -1 : noteIds.get(f.note)!,
      ),
    );
  }
  return table;
}

/**
 * Each distinct source numbered once, in order of first use: by the object first (rows of one
 * report share theirs), then by its four fields (control characters, and so NUL, are refused in
 * them), which is what JSON.stringify compared at four times the cost.
 */
function sourceNumbering(sources: Source[]): (s: Source) => number {
  const byObject = new Map<Source, number>();
  const byFields = new Map<string, number>();
  return (s) => {
    const known = byObject.get(s);
    if (known !== undefined) return known;
    const key = `${s.publisher}\u0000${s.title}\u0000${s.date}\u0000${s.url}`;
    let id = byFields.get(key);
    if (id === undefined) {
      id = sources.push(s) - 1;
      byFields.set(key, id);
    }
    byObject.set(s, id);
    return id;
  };
}

function cellsOf(
  f: Fact,
  place: number,
  indicator: number,
  source: number,
  note: number,
): RowCells {
  const p = canonicalPeriod(f.period);
  const flags =
    (f.kind === 'target' ? TARGET : 0) |
    (f.estimate ? ESTIMATE : 0) |
    (f.post_merger ? POST_MERGER : 0);
  return {
    place,
    indicator,
    type: TYPES.indexOf(p.type),
    year: p.year,
    sub: p.type === 'year' ? 12 : p.type === 'quarter' ? p.quarter : p.month,
    flags,
    approx: APPROX.indexOf(f.approx),
    scope: SCOPES.indexOf(f.scope),
    basis: BASES.indexOf(f.price_basis),
    value: f.value,
    mom: f.mom_pct,
    yoy: f.yoy_pct,
    plan: f.plan_pct,
    note,
    source,
  };
}
