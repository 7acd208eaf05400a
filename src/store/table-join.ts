/**
 * Rows of two tables as one table, in an order the caller gives: a question on a large
 * PostgreSQL store lays the series it read over the digest's table (built once per version)
 * without turning the digest's figures back into cells at every question.
 */
import type { FactTable } from './fact-table.js';
import { FactTable as Table } from './fact-table.js';
import type { Source } from './schema.js';

/** A row of one of the two tables: 0 the first, 1 the second. */
export type JoinedRow = readonly [0 | 1, number];

const sourceKey = (s: Source) => `${s.publisher}\u0000${s.title}\u0000${s.date}\u0000${s.url}`;

/** The union of two name lists, sorted as tables keep them, and where each name went. */
function unionOf(a: readonly string[], b: readonly string[]) {
  const names = [...new Set([...a, ...b])].sort();
  const at = new Map(names.map((n, i) => [n, i]));
  return { names, maps: [a.map((n) => at.get(n)!), b.map((n) => at.get(n)!)] as const };
}

/** Where each entry of a list is, by its key: a digest's lists are joined at every question. */
const positions = new WeakMap<readonly unknown[], Map<string, number>>();

function positionsOf<T>(list: readonly T[], key: (x: T) => string): Map<string, number> {
  let at = positions.get(list);
  if (!at) {
    at = new Map();
    for (const [i, x] of list.entries()) if (!at.has(key(x))) at.set(key(x), i);
    positions.set(list, at);
  }
  return at;
}

/** The first list, then what the second adds: each entry once, by its key. */
function appended<T>(a: readonly T[], b: readonly T[], key: (x: T) => string) {
  const list = [...a];
  const inA = positionsOf(a, key);
  const added = new Map<string, number>();
  const mapB = b.map((x) => {
    const k = key(x);
    let i = inA.get(k) ?? added.get(k);
    if (i === undefined) {
      i = list.push(x) - 1;
      added.set(k, i);
    }
    return i;
  });
  return { list, maps: [null, mapB] as const };
}

export function joinTables(
  tables: readonly [FactTable, FactTable],
  rows: readonly JoinedRow[],
  unitOf: (indicator: string) => string,
): FactTable {
  const [a, b] = tables;
  const places = unionOf(a.places, b.places);
  const indicators = unionOf(a.indicators, b.indicators);
  const sources = appended(a.sources, b.sources, sourceKey);
  const notes = appended(a.notes, b.notes, (n) => n);
  const units = indicators.names.map(unitOf);
  const out = new Table(
    places.names,
    indicators.names,
    sources.list,
    notes.list,
    units,
    rows.length,
  );
  for (const [t, i] of rows) {
    const from = tables[t];
    const note = from.note[i]!;
    out.pushFrom(from, i, {
      place: places.maps[t][from.place[i]!]!,
      indicator: indicators.maps[t][from.indicator[i]!]!,
      note: note < 0 || t === 0 ? note : notes.maps[1][note]!,
      source: t === 0 ? from.source[i]! : sources.maps[1][from.source[i]!]!,
    });
  }
  return out;
}
