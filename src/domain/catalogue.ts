/**
 * The domain catalogue: places, indicators, units, short names, the national unit, the
 * merger date and map, built once from intents/ and handed to every layer (the store carries
 * it, so answer/, admin/, push/ and extract/ read it from the index they are given).
 */
import type { IndicatorEntry, Lexicon, PlaceEntry } from './lexicon.js';
import { lexicon } from './lexicon.js';
import { type Period, periodEnd } from './period.js';

export class Catalogue {
  readonly nationalId: string;
  /** "01/07/2025": the merger date as replies write it. */
  readonly mergerLabel: string;
  /** year*12 + month-1 of the first month counted by the new units. */
  readonly mergerMonthIndex: number;
  private readonly absorbed = new Map<string, PlaceEntry[]>();

  constructor(readonly lexicon: Lexicon) {
    const national = [...lexicon.places.values()].find((p) => p.national);
    if (!national) throw new Error('intents/places.json: no national unit');
    this.nationalId = national.id;
    const [y, m, d] = lexicon.mergerDate.split('-').map(Number) as [number, number, number];
    this.mergerLabel = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
    this.mergerMonthIndex = y * 12 + m - 1;
    for (const p of lexicon.places.values()) {
      if (!p.mergedInto) continue;
      const list = this.absorbed.get(p.mergedInto) ?? [];
      list.push(p);
      this.absorbed.set(p.mergedInto, list);
    }
  }

  place(id: string): PlaceEntry | undefined {
    return this.lexicon.places.get(id);
  }

  placeName(id: string): string {
    return this.place(id)?.name ?? id;
  }

  isNational(id: string): boolean {
    return id === this.nationalId;
  }

  /** Provinces and cities (never the national unit). */
  provinces(): PlaceEntry[] {
    return [...this.lexicon.places.values()].filter((p) => !p.national);
  }

  /** The units that report for a period: the 63 before the merger, the 34 after. */
  unitsFor(period: Period | null): PlaceEntry[] {
    const after = period !== null && this.isAfterMerger(period);
    return this.provinces().filter((p) => !after || p.era === 'both');
  }

  /** Old provinces that merged into `id` (empty for an unchanged one). */
  absorbedBy(id: string): readonly PlaceEntry[] {
    return this.absorbed.get(id) ?? [];
  }

  /** Data for a period ending on or after the merger is by new unit. */
  isAfterMerger(p: Period): boolean {
    return periodEnd(p) >= this.mergerMonthIndex;
  }

  /** The unit a place's figures live under for a period: itself, or what it merged into. */
  unitFor(place: string, period: Period | null): { place: string; mergedFrom: string | null } {
    const entry = this.place(place);
    if (entry?.era === 'old' && entry.mergedInto && period && this.isAfterMerger(period))
      return { place: entry.mergedInto, mergedFrom: place };
    return { place, mergedFrom: null };
  }

  indicator(id: string): IndicatorEntry {
    const entry = this.lexicon.indicators.get(id);
    if (!entry) throw new Error(`unknown indicator ${id}`);
    return entry;
  }

  hasIndicator(id: string): boolean {
    return this.lexicon.indicators.has(id);
  }

  indicators(): IndicatorEntry[] {
    return [...this.lexicon.indicators.values()];
  }

  /** Headline indicators (not sub-series). */
  isHeadline(id: string): boolean {
    return !this.lexicon.indicators.get(id)?.parent;
  }
}

let cached: Catalogue | null = null;
/** The catalogue of intents/, for entry points that build the store. */
export function defaultCatalogue(): Catalogue {
  cached ??= new Catalogue(lexicon());
  return cached;
}
