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
import { findImplausible } from './plausibility.js';
import { type Fact, type StoreData, parseStore } from './schema.js';

const key = (place: string, indicator: string, period: Period, kind: Fact['kind']) =>
  `${place}|${indicator}|${periodKey(canonicalPeriod(period))}|${kind}`;

function pushTo<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Later source first; among equal dates, the later record in the file wins. */
const newestFirst = (a: { f: Fact; i: number }, b: { f: Fact; i: number }) =>
  b.f.source.date.localeCompare(a.f.source.date) || b.i - a.i;

export class FactIndex {
  private readonly byKey = new Map<string, Fact[]>();
  private readonly latest: Fact[] = [];
  private readonly byPlaceIndicator = new Map<string, Fact[]>();
  private readonly byIndicator = new Map<string, Fact[]>();
  private readonly byPlace = new Map<string, Fact[]>();
  private readonly flags: Map<Fact, string>;

  constructor(readonly facts: readonly Fact[]) {
    const grouped = new Map<string, { f: Fact; i: number }[]>();
    facts.forEach((f, i) => {
      pushTo(grouped, key(f.place, f.indicator, f.period, f.kind), { f, i });
    });
    for (const [k, list] of grouped) {
      const sorted = list.sort(newestFirst).map((x) => x.f);
      this.byKey.set(k, sorted);
      const head = sorted[0]!;
      this.latest.push(head);
      if (head.kind === 'actual') {
        pushTo(this.byPlaceIndicator, `${head.place}|${head.indicator}`, head);
        pushTo(this.byIndicator, head.indicator, head);
        pushTo(this.byPlace, head.place, head);
      }
    }
    const byEnd = (a: Fact, b: Fact) =>
      periodEnd(a.period) - periodEnd(b.period) || periodMonths(a.period) - periodMonths(b.period);
    for (const m of [this.byPlaceIndicator, this.byIndicator, this.byPlace])
      for (const list of m.values()) list.sort(byEnd);
    this.flags = findImplausible(this.latest);
  }

  /** The latest revision of one figure. */
  get(
    place: string,
    indicator: string,
    period: Period,
    kind: Fact['kind'] = 'actual',
  ): Fact | undefined {
    return this.byKey.get(key(place, indicator, period, kind))?.[0];
  }

  /** Every revision of one figure, newest first. */
  revisions(
    place: string,
    indicator: string,
    period: Period,
    kind: Fact['kind'] = 'actual',
  ): readonly Fact[] {
    return this.byKey.get(key(place, indicator, period, kind)) ?? [];
  }

  /** Latest revisions of actual figures for a place and indicator, oldest period first. */
  series(place: string, indicator: string): readonly Fact[] {
    return this.byPlaceIndicator.get(`${place}|${indicator}`) ?? [];
  }

  forIndicator(indicator: string): readonly Fact[] {
    return this.byIndicator.get(indicator) ?? [];
  }

  forPlace(place: string): readonly Fact[] {
    return this.byPlace.get(place) ?? [];
  }

  placesWith(indicator: string): string[] {
    return [...new Set(this.forIndicator(indicator).map((f) => f.place))];
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
  return `${JSON.stringify(data, null, 1)}\n`;
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
    const db = new Low<StoreData>(adapter, { schema: 1, facts: [] });
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
    const data = parseStore({ schema: 1, facts });
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
