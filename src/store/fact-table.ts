/**
 * The store in memory and on disk, column by column: a figure is a row of typed arrays
 * (about 60 bytes), its place, indicator, source and note indexes into small tables. A Fact
 * object is made only when a lookup asks for one. On disk (schema 3) the tables come first,
 * then one JSON array a row; every row is checked as it is read, and the first bad one is
 * refused by its number and name, so nothing is ever half-loaded.
 */
import { msg } from '../messages.js';
import { z } from 'zod';
import type { Catalogue } from '../domain/catalogue.js';
import { type Period, periodKey } from '../domain/period.js';
import { checkRow, type RowCells } from './row-check.js';
import { type Fact, isPlainSource, type Scope, type Source, SourceSchema } from './schema.js';

export const APPROX = [null, 'hơn', 'gần', 'khoảng'] as const;
export const SCOPES = [null, 'qua-dia-ban', 'tru-dau-tho'] as const;
export const BASES = [null, 'so-sanh-2010', 'hien-hanh'] as const;
export const TYPES = ['month', 'ytd', 'quarter', 'year'] as const;
export const TARGET = 1;
export const ESTIMATE = 2;
export const POST_MERGER = 4;

const HeaderSchema = z
  .object({
    schema: z.literal(3),
    places: z.array(z.string()),
    indicators: z.array(z.string()),
    sources: z.array(z.unknown()),
    notes: z.array(z.string().max(300)),
    count: z.number().int().min(0),
  })
  .strict();

/** The sources of a header: each checked by hand when it plainly passes, by zod otherwise. */
function readSources(raw: readonly unknown[], where: string): Source[] {
  return raw.map((s, i) => {
    if (isPlainSource(s)) return s;
    const r = SourceSchema.safeParse(s);
    if (r.success) return r.data;
    const issue = r.error.issues[0]!;
    const at = { where, n: i + 1, path: issue.path.join('.'), issue: issue.message };
    throw new Error(msg('lookup_bad_source', at));
  });
}

/** Where a row points into its table's lists. */
type RowIndexes = Pick<RowCells, 'place' | 'indicator' | 'note' | 'source'>;

const num = (x: number) => (Number.isNaN(x) ? null : x);
const cell = (x: number | null) => (x === null ? Number.NaN : x);

export class FactTable {
  readonly place: Uint8Array;
  readonly indicator: Uint8Array;
  readonly type: Uint8Array;
  readonly year: Uint16Array;
  /** The month (month, ytd) or the quarter; 12 for a year. */
  readonly sub: Uint8Array;
  readonly flags: Uint8Array;
  readonly approx: Uint8Array;
  readonly scope: Uint8Array;
  readonly basis: Uint8Array;
  readonly value: Float64Array;
  readonly mom: Float64Array;
  readonly yoy: Float64Array;
  readonly plan: Float64Array;
  readonly note: Int32Array;
  readonly source: Int32Array;
  length = 0;

  get capacity(): number {
    return this.place.length;
  }

  constructor(
    readonly places: readonly string[],
    readonly indicators: readonly string[],
    readonly sources: readonly Source[],
    readonly notes: readonly string[],
    readonly units: readonly string[],
    capacity: number,
  ) {
    this.place = new Uint8Array(capacity);
    this.indicator = new Uint8Array(capacity);
    this.type = new Uint8Array(capacity);
    this.year = new Uint16Array(capacity);
    this.sub = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.approx = new Uint8Array(capacity);
    this.scope = new Uint8Array(capacity);
    this.basis = new Uint8Array(capacity);
    this.value = new Float64Array(capacity);
    this.mom = new Float64Array(capacity);
    this.yoy = new Float64Array(capacity);
    this.plan = new Float64Array(capacity);
    this.note = new Int32Array(capacity);
    this.source = new Int32Array(capacity);
  }

  period(i: number): Period {
    const type = TYPES[this.type[i]!]!;
    const year = this.year[i]!;
    if (type === 'year') return { type, year };
    if (type === 'quarter') return { type, year, quarter: this.sub[i]! };
    return { type, year, month: this.sub[i]! };
  }

  isTarget(i: number): boolean {
    return (this.flags[i]! & TARGET) !== 0;
  }
  isPostMerger(i: number): boolean {
    return (this.flags[i]! & POST_MERGER) !== 0;
  }
  scopeOf(i: number): Scope | null {
    return SCOPES[this.scope[i]!]!;
  }

  /** Row i as a Fact (a new object each call). */
  fact(i: number): Fact {
    const f = this.flags[i]!;
    return {
      place: this.places[this.place[i]!]!,
      indicator: this.indicators[this.indicator[i]!]!,
      period: this.period(i),
      kind: f & TARGET ? 'target' : 'actual',
      value: num(this.value[i]!),
      unit: this.units[this.indicator[i]!]!,
      mom_pct: num(this.mom[i]!),
      yoy_pct: num(this.yoy[i]!),
      plan_pct: num(this.plan[i]!),
      estimate: (f & ESTIMATE) !== 0,
      approx: APPROX[this.approx[i]!]!,
      scope: SCOPES[this.scope[i]!]!,
      price_basis: BASES[this.basis[i]!]!,
      post_merger: (f & POST_MERGER) !== 0,
      note: this.note[i]! < 0 ? null : this.notes[this.note[i]!]!,
      source: this.sources[this.source[i]!]!,
    };
  }

  /** Appends row i of another table, with its indexes into this table's lists. */
  pushFrom(from: FactTable, i: number, at: RowIndexes): void {
    const r = this.length++;
    this.place[r] = at.place;
    this.indicator[r] = at.indicator;
    this.note[r] = at.note;
    this.source[r] = at.source;
    this.type[r] = from.type[i]!;
    this.year[r] = from.year[i]!;
    this.sub[r] = from.sub[i]!;
    this.flags[r] = from.flags[i]!;
    this.approx[r] = from.approx[i]!;
    this.scope[r] = from.scope[i]!;
    this.basis[r] = from.basis[i]!;
    this.value[r] = from.value[i]!;
    this.mom[r] = from.mom[i]!;
    this.yoy[r] = from.yoy[i]!;
    this.plan[r] = from.plan[i]!;
  }

  /** Appends one checked row. */
  push(c: RowCells): void {
    const i = this.length++;
    this.place[i] = c.place;
    this.indicator[i] = c.indicator;
    this.type[i] = c.type;
    this.year[i] = c.year;
    this.sub[i] = c.sub;
    this.flags[i] = c.flags;
    this.approx[i] = c.approx;
    this.scope[i] = c.scope;
    this.basis[i] = c.basis;
    this.value[i] = cell(c.value);
    this.mom[i] = cell(c.mom);
    this.yoy[i] = cell(c.yoy);
    this.plan[i] = cell(c.plan);
    this.note[i] = c.note;
    this.source[i] = c.source;
  }
}

/** The tables of a store file, checked against the catalogue. */
export function readHeader(
  line: string,
  cat: Catalogue,
  where: string,
): Omit<z.infer<typeof HeaderSchema>, 'sources'> & { sources: Source[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new Error(msg('lookup_not_json', { where }));
  }
  const h = HeaderSchema.safeParse(raw);
  if (!h.success) {
    const issue = h.error.issues[0]!;
    throw new Error(msg('lookup_bad', { where, path: issue.path.join('.'), issue: issue.message }));
  }
  for (const p of h.data.places)
    if (!cat.place(p)) throw new Error(msg('lookup_unknown_place', { where, place: p }));
  for (const i of h.data.indicators)
    if (!cat.hasIndicator(i))
      throw new Error(msg('lookup_unknown_indicator', { where, indicator: i }));
  return { ...h.data, sources: readSources(h.data.sources, where) };
}

/** Parses a schema-3 store file; the error names the first bad record. */
export function parseTable(text: string, cat: Catalogue, where = 'store'): FactTable {
  const lines = text.split('\n');
  const h = readHeader(lines[0] ?? '', cat, where);
  const units = h.indicators.map((i) => cat.indicator(i).unit);
  const table = new FactTable(h.places, h.indicators, h.sources, h.notes, units, h.count);
  const context = {
    cat,
    places: h.places,
    indicators: h.indicators,
    sources: h.sources,
    notes: h.notes.length,
  };
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (!line) continue;
    if (table.length >= h.count) throw new Error(msg('store_too_many', { where, count: h.count }));
    const checked = checkRow(line, context);
    if (!checked.ok)
      throw new Error(
        msg('store_row_problem', { where, n: table.length + 1, problem: checked.error }),
      );
    table.push(checked.cells);
  }
  if (table.length !== h.count)
    throw new Error(msg('store_cut', { where, n: table.length, count: h.count }));
  return table;
}

/** The exact bytes of a schema-3 store file. */
export function serializeTable(t: FactTable): string {
  return [...tablePieces(t)].join('');
}

/** The same bytes a line at a time: a file of 250,000 figures written without one big string. */
export function* tablePieces(t: FactTable): Generator<string> {
  const header = {
    schema: 3,
    places: t.places,
    indicators: t.indicators,
    sources: t.sources,
    notes: t.notes,
    count: t.length,
  };
  yield `${JSON.stringify(header)}\n`;
  for (let i = 0; i < t.length; i++) {
    const row = [
      t.place[i],
      t.indicator[i],
      periodKey(t.period(i)),
      t.flags[i],
      num(t.value[i]!),
      num(t.mom[i]!),
      num(t.yoy[i]!),
      num(t.plan[i]!),
      t.approx[i],
      t.scope[i],
      t.basis[i],
      t.note[i],
      t.source[i],
    ];
    yield `${JSON.stringify(row)}\n`;
  }
}
