/**
 * Lookups over a FactTable, through indexes built once at load: a figure by its key (place,
 * indicator, period, kind, scope, new unit) with the source rule's choice first, series per
 * place and indicator, figures per place and per indicator. Rows become Fact objects only
 * when asked for, through a bounded cache.
 */
import { type Catalogue, defaultCatalogue } from '../domain/catalogue.js';
import { canonicalPeriod, type Period } from '../domain/period.js';
import type { FactTable } from './fact-table.js';
import { tableOf } from './table-of.js';
import { implausibleRates, TRADE, tradeBelowRetail, UNIT_WARNING } from './plausibility.js';
import type { Fact, Scope } from './schema.js';
import { choiceKey, compareChoices, differ } from './source-rule.js';

/** What a lookup names beyond place, indicator and period. */
export interface FigureKey {
  readonly kind?: Fact['kind'];
  readonly scope?: Scope | null;
  /** A figure stated for a unit formed on 1 July 2025, for a period before it (sum of parts). */
  readonly newUnit?: boolean;
}

const CACHE_LIMIT = 20_000;
/** key * 2^21 + row in one exact double (key < 2^32): up to 2,097,152 rows in a file store. */
const ROW_SPACE = 2 ** 21;
const SCOPE_CODE = { 'qua-dia-ban': 1, 'tru-dau-tho': 2 } as const;

/**
 * 32 bits: place 7, indicator 4, period 17 (end month since 1980, length, type), kind 1,
 * scope 2, new unit 1. Sorted keys give each series in period order, the way replies list it.
 */
function packKey(pi: number, period: number, kind: number, scope: number, newUnit: number): number {
  return (((pi * 131072 + period) * 2 + kind) * 4 + scope) * 2 + newUnit;
}

/** The period part of a key: (end month index, months covered, type). */
function periodCode(type: number, year: number, sub: number): number {
  const endMonth = type === 2 ? sub * 3 : sub;
  const months = type === 0 ? 1 : type === 2 ? 3 : type === 3 ? 12 : sub;
  return (((year - 1980) * 12 + endMonth - 1) * 16 + months) * 4 + type;
}

const TYPE_CODE = { month: 0, ytd: 1, quarter: 2, year: 3 } as const;

function periodCodeOf(period: Period): number {
  const p = canonicalPeriod(period);
  const sub = p.type === 'year' ? 12 : p.type === 'quarter' ? p.quarter : p.month;
  return periodCode(TYPE_CODE[p.type], p.year, sub);
}

export class FactIndex {
  private readonly placeIds: Map<string, number>;
  private readonly indicatorIds: Map<string, number>;
  /** key * 2^21 + row, sorted: the rows of one key are adjacent, the chosen one first. */
  private readonly sorted: Float64Array;
  /** The chosen actual rows without scope, series after series, each in period order. */
  private readonly chosenRows: Int32Array;
  /** place * 16 + indicator -> [start, end) in chosenRows. */
  private readonly series_ = new Map<number, [number, number]>();
  private readonly scopedByPlace = new Map<number, number[]>();
  private readonly placeRows = new Map<number, Int32Array>();
  private readonly indicatorRows = new Map<number, Int32Array>();
  private readonly flaggedBy = new Map<number, Map<number, string>>();
  private readonly cache = new Map<number, Fact>();
  private readonly rows = new WeakMap<Fact, number>();
  private readonly placesCache = new Map<string, string[]>();
  private allPlaces_: string[] | null = null;
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly table: FactTable,
    readonly catalogue: Catalogue = defaultCatalogue(),
  ) {
    this.placeIds = new Map(table.places.map((p, i) => [p, i]));
    this.indicatorIds = new Map(table.indicators.map((p, i) => [p, i]));
    this.chosenRows = new Int32Array(table.length);
    this.sorted = this.group();
  }

  /** Builds an index over facts already checked (tests, previews). */
  static of(facts: readonly Fact[], catalogue: Catalogue = defaultCatalogue()): FactIndex {
    return new FactIndex(tableOf(facts, catalogue), catalogue);
  }

  private rowKey(i: number): number {
    const t = this.table;
    const after = this.catalogue.mergerMonthIndex;
    const end = t.year[i]! * 12 + (t.type[i] === 2 ? t.sub[i]! * 3 : t.sub[i]!) - 1;
    const newUnit = t.isPostMerger(i) && end < after ? 1 : 0;
    const period = periodCode(t.type[i]!, t.year[i]!, t.sub[i]!);
    const pi = t.place[i]! * 16 + t.indicator[i]!;
    return packKey(pi, period, t.isTarget(i) ? 1 : 0, t.scope[i]!, newUnit);
  }

  /** Sorts rows by key, orders each key's sources, and lays out the chosen series. */
  private group(): Float64Array {
    const n = this.table.length;
    const sorted = new Float64Array(n);
    for (let i = 0; i < n; i++) sorted[i] = this.rowKey(i) * ROW_SPACE + i;
    sorted.sort();
    let filled = 0;
    for (let a = 0; a < n; ) {
      const key = Math.floor(sorted[a]! / ROW_SPACE);
      let b = a + 1;
      while (b < n && sorted[b]! < (key + 1) * ROW_SPACE) b++;
      if (b - a > 1) this.orderGroup(sorted, a, b, key);
      filled = this.addChosen(sorted[a]! % ROW_SPACE, key, filled);
      a = b;
    }
    return sorted;
  }

  /** Several sources for one key: the source rule decides which row comes first. */
  private orderGroup(sorted: Float64Array, a: number, b: number, key: number): void {
    const rows = Array.from(sorted.subarray(a, b), (x) => x % ROW_SPACE);
    // each row's choice key made once: a sort compares every row several times
    const keys = new Map(rows.map((r) => [r, choiceKey(this.table.fact(r))]));
    rows.sort((x, y) => compareChoices(keys.get(x)!, keys.get(y)!) || y - x);
    rows.forEach((r, k) => {
      sorted[a + k] = key * ROW_SPACE + r;
    });
  }

  /** A chosen row: into its series (actual, own scope) or its place's scoped list. */
  private addChosen(i: number, key: number, filled: number): number {
    const newUnit = key % 2;
    const scope = Math.floor(key / 2) % 4;
    const target = Math.floor(key / 8) % 2;
    if (target || newUnit) return filled;
    const t = this.table;
    if (scope) {
      push(this.scopedByPlace, t.place[i]!, i);
      return filled;
    }
    const pi = t.place[i]! * 16 + t.indicator[i]!;
    const range = this.series_.get(pi);
    if (range) range[1] = filled + 1;
    else this.series_.set(pi, [filled, filled + 1]);
    this.chosenRows[filled] = i;
    return filled + 1;
  }

  /** The rows of one key, the chosen one first. */
  private rowsOf(key: number): number[] {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    const first = key * ROW_SPACE;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid]! < first) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < s.length && s[k]! < first + ROW_SPACE; k++) out.push(s[k]! % ROW_SPACE);
    return out;
  }

  /** Plausibility flags of one indicator, computed the first time one of its figures is shown. */
  private flagsOf(indicator: number): Map<number, string> {
    let flags = this.flaggedBy.get(indicator);
    if (flags) return flags;
    const t = this.table;
    const rows: number[] = [];
    for (const [pi, [a, b]] of this.series_)
      if (pi % 16 === indicator) for (let k = a; k < b; k++) rows.push(this.chosenRows[k]!);
    for (const list of this.scopedByPlace.values())
      for (const i of list) if (t.indicator[i] === indicator) rows.push(i);
    flags = new Map();
    if (!t.units[indicator]!.includes('%')) {
      const levels = rows.filter((i) => !Number.isNaN(t.value[i]!));
      const places = levels.map((i) => t.place[i]!);
      const rates = levels.map((i) => t.value[i]! / monthsOf(t, i));
      for (const k of implausibleRates(places, rates)) flags.set(levels[k]!, UNIT_WARNING);
      if (TRADE.has(t.indicators[indicator]!))
        for (const i of this.belowSameSourceRetail(levels)) flags.set(i, UNIT_WARNING);
    }
    this.flaggedBy.set(indicator, flags);
    return flags;
  }

  /** Trade rows a hundred times below the retail sales their own report states (same year). */
  private belowSameSourceRetail(rows: readonly number[]): number[] {
    const t = this.table;
    const retail = t.indicators.indexOf('retail');
    const key = (i: number) => `${t.place[i]}|${t.source[i]}|${t.year[i]}`;
    const sales = new Map<string, number>();
    for (let i = 0; i < t.length; i++)
      if (t.indicator[i] === retail && !Number.isNaN(t.value[i]!))
        sales.set(key(i), t.value[i]! / monthsOf(t, i));
    return rows.filter((i) => {
      const s = sales.get(key(i));
      return s !== undefined && tradeBelowRetail(t.value[i]! / monthsOf(t, i), s);
    });
  }

  /** Rows in period order (merging series). */
  private inPeriodOrder(rows: number[]): Int32Array {
    const t = this.table;
    const code = (i: number) => periodCode(t.type[i]!, t.year[i]!, t.sub[i]!);
    const out = Int32Array.from(rows);
    const codes = new Map(rows.map((i) => [i, code(i)]));
    out.sort((a, b) => codes.get(a)! - codes.get(b)! || a - b);
    return out;
  }

  /** Row i as a Fact; the same object while it stays in the cache. */
  private fact(i: number): Fact {
    let f = this.cache.get(i);
    if (f) return f;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    f = this.table.fact(i);
    this.cache.set(i, f);
    this.rows.set(f, i);
    return f;
  }

  private facts_(rows: ArrayLike<number>): Fact[] {
    return Array.from(rows, (i) => this.fact(i));
  }

  private keyOf(place: string, indicator: string, period: Period, k: FigureKey): number | null {
    const p = this.placeIds.get(place);
    const ind = this.indicatorIds.get(indicator);
    if (p === undefined || ind === undefined) return null;
    const scope = k.scope ? SCOPE_CODE[k.scope] : 0;
    const kind = k.kind === 'target' ? 1 : 0;
    return packKey(p * 16 + ind, periodCodeOf(period), kind, scope, k.newUnit ? 1 : 0);
  }

  /** Every figure, as Fact objects (admin work and exports, not lookups). */
  get facts(): readonly Fact[] {
    return Array.from({ length: this.table.length }, (_, i) => this.table.fact(i));
  }

  get size(): number {
    return this.table.length;
  }

  /** The record that answers for one figure (the source rule's choice). */
  get(place: string, indicator: string, period: Period, k: FigureKey = {}): Fact | undefined {
    const key = this.keyOf(place, indicator, period, k);
    const i = key === null ? undefined : this.rowsOf(key)[0];
    return i === undefined ? undefined : this.fact(i);
  }

  /** A target or plan set for the period. */
  target(place: string, indicator: string, period: Period): Fact | undefined {
    return this.get(place, indicator, period, { kind: 'target' });
  }

  /** Every record of one figure, the chosen one first. */
  revisions(place: string, indicator: string, period: Period, k: FigureKey = {}): readonly Fact[] {
    const key = this.keyOf(place, indicator, period, k);
    return key === null ? [] : this.facts_(this.rowsOf(key));
  }

  /** Other records of the same figure that state something different. */
  alternatives(f: Fact): Fact[] {
    const key = this.keyOf(f.place, f.indicator, f.period, this.figureKey(f));
    if (key === null) return [];
    const self = this.rows.get(f);
    return this.rowsOf(key)
      .filter((r) => r !== self)
      .map((r) => this.fact(r))
      .filter((o) => o !== f && differ(o, f));
  }

  private figureKey(f: Fact): FigureKey {
    const newUnit = f.post_merger && !this.catalogue.isAfterMerger(f.period);
    return { kind: f.kind, scope: f.scope, newUnit };
  }

  private seriesRows(place: string, indicator: string): Int32Array {
    const p = this.placeIds.get(place);
    const ind = this.indicatorIds.get(indicator);
    const range = p === undefined || ind === undefined ? undefined : this.series_.get(p * 16 + ind);
    return range ? this.chosenRows.subarray(range[0], range[1]) : new Int32Array(0);
  }

  /** Chosen actual figures (no scope) for a place and indicator, oldest period first. */
  series(place: string, indicator: string): readonly Fact[] {
    return this.facts_(this.seriesRows(place, indicator));
  }

  /** How many periods a place's series of an indicator has (without making its Facts). */
  seriesLength(place: string, indicator: string): number {
    return this.seriesRows(place, indicator).length;
  }

  /** Chosen actual figures of one scope ("qua địa bàn", "trừ dầu thô"). */
  scoped(place: string, indicator: string, scope: Scope): Fact[] {
    return this.forPlace(place).filter((f) => f.indicator === indicator && f.scope === scope);
  }

  /** Chosen actual figures (no scope) of an indicator, every place, oldest period first. */
  forIndicator(indicator: string): readonly Fact[] {
    const ind = this.indicatorIds.get(indicator);
    if (ind === undefined) return [];
    let rows = this.indicatorRows.get(ind);
    if (!rows) {
      const all: number[] = [];
      for (const [pi, [a, b]] of this.series_)
        if (pi % 16 === ind) for (let k = a; k < b; k++) all.push(this.chosenRows[k]!);
      rows = this.inPeriodOrder(all);
      this.indicatorRows.set(ind, rows);
    }
    return this.facts_(rows);
  }

  /** Every chosen actual figure of a place, scoped ones included, oldest period first. */
  forPlace(place: string): readonly Fact[] {
    const p = this.placeIds.get(place);
    if (p === undefined) return [];
    let rows = this.placeRows.get(p);
    if (!rows) {
      const all = [...(this.scopedByPlace.get(p) ?? [])];
      for (const [pi, [a, b]] of this.series_)
        if (Math.floor(pi / 16) === p) for (let k = a; k < b; k++) all.push(this.chosenRows[k]!);
      rows = this.inPeriodOrder(all);
      this.placeRows.set(p, rows);
    }
    return this.facts_(rows);
  }

  placesWith(indicator: string): string[] {
    let out = this.placesCache.get(indicator);
    if (!out) {
      const ind = this.indicatorIds.get(indicator);
      const found = [...this.series_.keys()].filter((pi) => pi % 16 === ind);
      out = found.map((pi) => this.table.places[Math.floor(pi / 16)]!);
      this.placesCache.set(indicator, out);
    }
    return out;
  }

  /** Provinces with figures (the national unit apart). */
  provincesWith(indicator: string): string[] {
    return this.placesWith(indicator).filter((p) => !this.catalogue.isNational(p));
  }

  allPlaces(): string[] {
    if (!this.allPlaces_) {
      const ids = new Set([...this.series_.keys()].map((pi) => Math.floor(pi / 16)));
      for (const p of this.scopedByPlace.keys()) ids.add(p);
      this.allPlaces_ = [...ids].map((p) => this.table.places[p]!);
    }
    return this.allPlaces_;
  }

  /** A value computed once per index (answers' own summaries of the whole store). */
  memo<T>(name: string, make: () => T): T {
    if (!this.memos.has(name)) this.memos.set(name, make());
    return this.memos.get(name) as T;
  }

  /** Plausibility warning for a figure, if any. */
  warning(f: Fact): string | undefined {
    const i = this.rows.get(f);
    return i === undefined ? undefined : this.flagsOf(this.table.indicator[i]!).get(i);
  }
}

function monthsOf(t: FactTable, i: number): number {
  const type = t.type[i]!;
  return type === 0 ? 1 : type === 2 ? 3 : type === 3 ? 12 : t.sub[i]!;
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
