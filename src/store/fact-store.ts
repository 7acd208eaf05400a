/**
 * The statistics store: lowdb on a JSON file, checked with zod on load and before every
 * write (lowdb writes through a temporary file and a rename, so a write is atomic).
 * Lookups go through indexes built once at load.
 */
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import {
  type Period,
  periodEnd,
  periodKey,
  periodMonths,
  canonicalPeriod,
} from '../domain/period.js';
import { type Catalogue, defaultCatalogue } from '../domain/catalogue.js';
import { findImplausible } from './plausibility.js';
import { compareSources, differ } from './source-rule.js';
import { type Fact, parseStore, type Scope, type StoreData } from './schema.js';

/** What a lookup names: a figure of a place, or of the merged unit before it existed. */
export interface FigureKey {
  readonly kind?: Fact['kind'];
  readonly scope?: Scope | null;
  /** A figure stated for a unit formed on 1 July 2025, for a period before it (sum of parts). */
  readonly newUnit?: boolean;
}

const key = (place: string, indicator: string, period: Period, k: FigureKey = {}) =>
  [
    place,
    indicator,
    periodKey(canonicalPeriod(period)),
    k.kind ?? 'actual',
    k.scope ?? '',
    k.newUnit ? 'mới' : '',
  ].join('|');

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** The source rule first; among equals, the record added later. */
const chosenFirst = (a: { f: Fact; i: number }, b: { f: Fact; i: number }) =>
  compareSources(a.f, b.f) || b.i - a.i;

const byPeriodEnd = (a: Fact, b: Fact) =>
  periodEnd(a.period) - periodEnd(b.period) || periodMonths(a.period) - periodMonths(b.period);

export class FactIndex {
  private readonly byKey = new Map<string, Fact[]>();
  private readonly chosen: Fact[] = [];
  private readonly byPlaceIndicator = new Map<string, Fact[]>();
  private readonly byIndicator = new Map<string, Fact[]>();
  private readonly byPlace = new Map<string, Fact[]>();
  private readonly flags: Map<Fact, string>;

  constructor(
    readonly facts: readonly Fact[],
    readonly catalogue: Catalogue = defaultCatalogue(),
  ) {
    const grouped = new Map<string, { f: Fact; i: number }[]>();
    facts.forEach((f, i) => {
      pushTo(grouped, key(f.place, f.indicator, f.period, this.keyOf(f)), { f, i });
    });
    for (const [k, list] of grouped) {
      const sorted = list.sort(chosenFirst).map((x) => x.f);
      this.byKey.set(k, sorted);
      this.addChosen(sorted[0]!);
    }
    for (const m of [this.byPlaceIndicator, this.byIndicator, this.byPlace])
      for (const list of m.values()) list.sort(byPeriodEnd);
    this.flags = findImplausible(this.chosen);
  }

  private keyOf(f: Fact): FigureKey {
    const newUnit = f.post_merger && !this.catalogue.isAfterMerger(f.period);
    return { kind: f.kind, scope: f.scope, newUnit };
  }

  private addChosen(head: Fact): void {
    this.chosen.push(head);
    if (head.kind !== 'actual' || this.keyOf(head).newUnit) return;
    pushTo(this.byPlace, head.place, head);
    if (head.scope) return;
    pushTo(this.byPlaceIndicator, `${head.place}|${head.indicator}`, head);
    pushTo(this.byIndicator, head.indicator, head);
  }

  /** The record that answers for one figure (the source rule's choice). */
  get(place: string, indicator: string, period: Period, k: FigureKey = {}): Fact | undefined {
    return this.byKey.get(key(place, indicator, period, k))?.[0];
  }

  /** A target or plan set for the period. */
  target(place: string, indicator: string, period: Period): Fact | undefined {
    return this.get(place, indicator, period, { kind: 'target' });
  }

  /** Every record of one figure, the chosen one first. */
  revisions(place: string, indicator: string, period: Period, k: FigureKey = {}): readonly Fact[] {
    return this.byKey.get(key(place, indicator, period, k)) ?? [];
  }

  /** Other records of the same figure that state something different. */
  alternatives(f: Fact): Fact[] {
    return this.revisions(f.place, f.indicator, f.period, this.keyOf(f)).filter(
      (o) => o !== f && differ(o, f),
    );
  }

  /** Chosen actual figures (no scope) for a place and indicator, oldest period first. */
  series(place: string, indicator: string): readonly Fact[] {
    return this.byPlaceIndicator.get(`${place}|${indicator}`) ?? [];
  }

  /** Chosen actual figures of one scope ("qua địa bàn", "trừ dầu thô"). */
  scoped(place: string, indicator: string, scope: Scope): Fact[] {
    return this.forPlace(place).filter((f) => f.indicator === indicator && f.scope === scope);
  }

  forIndicator(indicator: string): readonly Fact[] {
    return this.byIndicator.get(indicator) ?? [];
  }

  /** Every chosen actual figure of a place, scoped ones included, oldest period first. */
  forPlace(place: string): readonly Fact[] {
    return this.byPlace.get(place) ?? [];
  }

  placesWith(indicator: string): string[] {
    return [...new Set(this.forIndicator(indicator).map((f) => f.place))];
  }

  /** Provinces with figures (the national unit apart). */
  provincesWith(indicator: string): string[] {
    return this.placesWith(indicator).filter((p) => !this.catalogue.isNational(p));
  }

  allPlaces(): string[] {
    return [...this.byPlace.keys()];
  }

  /** Plausibility warning for a figure, if any. */
  warning(f: Fact): string | undefined {
    return this.flags.get(f);
  }

  warnings(): ReadonlyMap<Fact, string> {
    return this.flags;
  }
}

/** The exact bytes of a store file: snapshots and the data file are written from this. */
export function serializeStore(data: StoreData): string {
  // one record a line: readable in a diff, and a reader can stream it
  const lines = data.facts.map((f) => JSON.stringify(f));
  return `{"schema":2,"facts":[\n${lines.join(',\n')}\n]}\n`;
}

/** The store on disk: open, read the index, replace atomically. */
export class FactStore {
  private constructor(
    private readonly db: Low<StoreData>,
    private idx: FactIndex,
  ) {}

  static async open(path: string): Promise<FactStore> {
    const adapter = new DataFile<StoreData>(path, {
      parse: (text) => parseStore(JSON.parse(text), path),
      // only replace() writes, and it validates first
      stringify: serializeStore,
    });
    const db = new Low<StoreData>(adapter, { schema: 2, facts: [] });
    await db.read();
    return new FactStore(db, new FactIndex(db.data.facts));
  }

  get index(): FactIndex {
    return this.idx;
  }

  /** Reads the file again (another process may have committed a version). */
  async reload(): Promise<void> {
    await this.db.read();
    this.idx = new FactIndex(this.db.data.facts);
  }

  /** Replaces every fact: validated first, then written atomically, then re-indexed. */
  async replace(facts: Fact[]): Promise<void> {
    const data = parseStore({ schema: 2, facts });
    const previous = this.db.data;
    this.db.data = data;
    try {
      await this.db.write();
    } catch (err) {
      this.db.data = previous;
      throw err;
    }
    this.idx = new FactIndex(data.facts);
  }
}
