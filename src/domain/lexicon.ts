/**
 * Loads the language data of intents/ once, checks it with zod and builds the
 * dictionaries the matchers use. Adding a synonym is a change to intents/*.json only.
 */
import { z } from 'zod';
import { intentsDir, readIntents } from './intents.js';
import { PhraseLists } from '../normalize/phrase-lists.js';
import { foldPhrase } from '../normalize/fold.js';
import { PhraseIndex } from '../normalize/phrase-index.js';

const PlaceSchema = z.object({
  id: z.string().regex(/^[a-z-]+$/),
  name: z.string(),
  kind: z.enum(['tỉnh', 'thành phố']),
  era: z.enum(['both', 'old']),
  mergedInto: z.string().optional(),
  aliases: z.array(z.string()).default([]),
  abbreviations: z.array(z.string()).default([]),
});
const PlacesFileSchema = z.object({
  mergerDate: z.string(),
  national: z.object({ id: z.literal('ca-nuoc'), name: z.string(), aliases: z.array(z.string()) }),
  places: z.array(PlaceSchema),
  sharedAbbreviations: z.record(z.string(), z.array(z.string()).min(2)).default({}),
});
const IndicatorSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  name: z.string(),
  short: z.string(),
  unit: z.string(),
  growthOnly: z.boolean().default(false),
  parent: z.string().optional(),
  phrases: z.array(z.string()),
  abbreviations: z.array(z.string()).default([]),
});
const IntentsFileSchema = z.object({
  help: z.array(z.string()),
  subscribe: z.array(z.string()),
  unsubscribe: z.array(z.string()),
  rank: z.array(z.string()),
  rankAscending: z.array(z.string()),
  trend: z.array(z.string()),
  compare: z.array(z.string()),
  compareLinks: z.array(z.string()),
  followup: z.array(z.string()),
  focus: z.object({
    mom: z.array(z.string()),
    yoy: z.array(z.string()),
    plan: z.array(z.string()),
    direction: z.array(z.string()),
  }),
  cumulativeFollowup: z.array(z.string()),
  monthFollowup: z.array(z.string()),
  previousYear: z.array(z.string()),
  /** "so với cùng kỳ": the change on a year earlier, never the figure of that year. */
  yoyComparison: z.array(z.string()),
  whichMore: z.array(z.string()),
  yesNo: z.array(z.string()),
  /** "thêm Bắc Ninh" after a comparison: one more place in it. */
  addPlace: z.array(z.string()),
  /** "tỉnh nào có số liệu …": asks which places, so a follow-up never reuses the last one. */
  whichPlaces: z.array(z.string()),
  /** A yes/no question about a fall ("có giảm không"): yes when the change is negative. */
  asksFall: z.array(z.string()),
  thanks: z.array(z.string()),
  greetings: z.array(z.string()),
  belongsTo: z.array(z.string()),
  offTopicHints: z.array(z.string()),
  otherStatistics: z.array(z.string()),
  /** Words that make a question about a place a data question ("số liệu", "tình hình"). */
  dataWords: z.array(z.string()),
  /** Times the store has no period for ("tuần trước", "hôm qua"): said as not read, never replaced silently. */
  unreadTime: z.array(z.string()),
  /** Words that make a question a ranking even beside "tỉnh nào có" ("tăng mạnh nhất"). */
  rankStrong: z.array(z.string()),
  /** A ranking by growth rather than by level; the ascending ones rank the falls first. */
  rankByGrowth: z.array(z.string()),
  rankGrowthAscending: z.array(z.string()),
  stopwords: z.array(z.string()),
  commodities: z.array(z.string()),
  rankLimit: z.object({ before: z.array(z.string()), after: z.array(z.string()) }),
  placeFalseFriends: z.record(z.string(), z.string()),
  scopes: z.object({ 'qua-dia-ban': z.array(z.string()), 'tru-dau-tho': z.array(z.string()) }),
  newUnit: z.array(z.string()),
  share: z.array(z.string()),
  average: z.array(z.string()),
  inventory: z.array(z.string()),
  sources: z.array(z.string()),
});
const PeriodsFileSchema = z.object({
  monthWords: z.record(z.string(), z.number().int().min(1).max(12)),
  quarterWords: z.record(z.string(), z.number().int().min(1).max(4)),
  halfYear: z.array(z.string()),
  /** "6 tháng cuối năm": July to December, a span the store keeps only as year minus half. */
  secondHalf: z.array(z.string()),
  wholeYear: z.array(z.string()),
  cumulativeMarkers: z.array(z.string()),
  /** Words after "tháng" that are not a month name (tháng này, tháng trước, đầu tháng…). */
  notMonthWords: z.array(z.string()),
  /** Words before "tháng" that make it plural: "các tháng năm 2024" is no May. */
  monthPlurals: z.array(z.string()),
  relative: z.record(
    z.string(),
    z.object({ unit: z.enum(['month', 'quarter', 'year']), offset: z.number().int() }),
  ),
});

const ExtractionSchema = z.object({
  textFixups: z.array(z.tuple([z.string(), z.string()])),
  breakdown: z.record(z.string(), z.array(z.string())),
  targetMarkers: z.array(z.string()),
  breakdownMarkers: z.array(z.string()),
  /** Totals that contain an indicator without being it ("tổng mức bán hàng hóa …"). */
  notIndicators: z.array(z.string()),
});
export type ExtractionWords = z.infer<typeof ExtractionSchema>;

export type PlaceEntry = z.infer<typeof PlaceSchema> & { readonly national?: boolean };
export type IndicatorEntry = z.infer<typeof IndicatorSchema>;
export type IntentPhrases = z.infer<typeof IntentsFileSchema>;
export type PeriodWords = z.infer<typeof PeriodsFileSchema>;

export interface PlaceAlias {
  readonly id: string;
  readonly abbreviation: boolean;
  /** A short form several places go by ("BD": Bình Dương, Bình Định): the user says which. */
  readonly shared?: readonly string[];
}

export interface Lexicon {
  /** The day the 34 units replaced the 63 (YYYY-MM-DD), from intents/places.json. */
  readonly mergerDate: string;
  readonly places: ReadonlyMap<string, PlaceEntry>;
  readonly placeIndex: PhraseIndex<PlaceAlias>;
  /** Every full-word place alias (folded), for fuzzy matching. */
  readonly placeNames: readonly { key: string; id: string }[];
  readonly indicators: ReadonlyMap<string, IndicatorEntry>;
  readonly indicatorIndex: PhraseIndex<string>;
  readonly indicatorNames: readonly { key: string; id: string }[];
  readonly intents: IntentPhrases;
  /** Every phrase list of intents and periods, found in a text in one scan (anyPhrase). */
  readonly phraseLists: PhraseLists;
  readonly periods: PeriodWords;
  /**
   * Products (gạo, thủy sản…) the store has no separate figures for: folded phrase -> as written.
   */
  readonly commodityIndex: PhraseIndex<string>;
  /** Words the report extractor needs (intents/indicators.json, "$extraction"). */
  readonly extraction: ExtractionWords;
  /** Function words of questions: never fuzzy-matched as places or indicators. */
  readonly stopwords: ReadonlySet<string>;
  /** Folded place names that are also ordinary words (folded -> the word with its accents). */
  readonly placeFalseFriends: ReadonlyMap<string, string>;
}

function buildPlaces(file: z.infer<typeof PlacesFileSchema>) {
  const places = new Map<string, PlaceEntry>();
  const placeIndex = new PhraseIndex<PlaceAlias>();
  const placeNames: { key: string; id: string }[] = [];
  const national: PlaceEntry = {
    ...{ id: file.national.id, name: file.national.name, kind: 'tỉnh', era: 'both' },
    ...{ aliases: file.national.aliases, abbreviations: [], national: true },
  };
  for (const p of [...file.places, national]) {
    if (places.has(p.id)) throw new Error(`intents/places.json: duplicate id ${p.id}`);
    places.set(p.id, p);
    for (const a of [p.name, ...p.aliases]) {
      placeIndex.add(a, { id: p.id, abbreviation: false });
      const key = foldPhrase(a);
      if (key.length >= 4) placeNames.push({ key, id: p.id });
    }
    for (const a of p.abbreviations) placeIndex.add(a, { id: p.id, abbreviation: true });
  }
  for (const p of places.values())
    if (p.mergedInto && !places.has(p.mergedInto))
      throw new Error(`intents/places.json: ${p.id} merges into unknown ${p.mergedInto}`);
  for (const [short, ids] of Object.entries(file.sharedAbbreviations)) {
    const unknown = ids.find((id) => !places.has(id));
    if (unknown) throw new Error(`intents/places.json: "${short}" names unknown ${unknown}`);
    placeIndex.add(short, { id: ids[0]!, abbreviation: true, shared: ids });
  }
  return { places, placeIndex, placeNames };
}

function buildIndicators(list: readonly IndicatorEntry[]) {
  const indicators = new Map<string, IndicatorEntry>();
  const indicatorIndex = new PhraseIndex<string>();
  const indicatorNames: { key: string; id: string }[] = [];
  for (const ind of list) indicators.set(ind.id, ind);
  for (const ind of list)
    for (const ph of [...ind.phrases, ...ind.abbreviations, ind.short]) {
      indicatorIndex.add(ph, ind.id);
      const key = foldPhrase(ph);
      if (key.includes(' ') && key.length >= 6) indicatorNames.push({ key, id: ind.id });
    }
  for (const ind of indicators.values())
    if (ind.parent && !indicators.has(ind.parent))
      throw new Error(`intents/indicators.json: ${ind.id} has unknown parent ${ind.parent}`);
  return { indicators, indicatorIndex, indicatorNames };
}

/** Every phrase list of intents.json folded, nested groups too (products keep their accents). */
function foldIntents(raw: IntentPhrases): IntentPhrases {
  const foldList = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === 'string' ? foldPhrase(x) : x))
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v).map(([k, x]) => [k, Array.isArray(x) ? foldList(x) : x]),
          )
        : v;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw))
    out[k] = k === 'commodities' || k === 'placeFalseFriends' ? v : foldList(v);
  return out as IntentPhrases;
}

function foldPeriods(raw: PeriodWords): PeriodWords {
  const keys = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [foldPhrase(k), v]));
  return {
    ...raw,
    halfYear: raw.halfYear.map(foldPhrase),
    secondHalf: raw.secondHalf.map(foldPhrase),
    wholeYear: raw.wholeYear.map(foldPhrase),
    cumulativeMarkers: raw.cumulativeMarkers.map(foldPhrase),
    notMonthWords: raw.notMonthWords.map(foldPhrase),
    monthPlurals: raw.monthPlurals.map(foldPhrase),
    monthWords: keys(raw.monthWords),
    quarterWords: keys(raw.quarterWords),
    relative: keys(raw.relative),
  };
}

/** The lexicon of an intents folder (the project's, or SOLIEU_INTENTS_DIR). */
export function loadLexicon(dir = intentsDir()): Lexicon {
  const readJson = <T>(file: string, schema: z.ZodType<T>) => readIntents(file, schema, dir);
  const placesFile = readJson('places.json', PlacesFileSchema);
  const indicatorsFile = readJson(
    'indicators.json',
    z.object({ indicators: z.array(IndicatorSchema), $extraction: ExtractionSchema }),
  );
  const rawIntents = readJson('vi/intents.json', IntentsFileSchema);
  const stopwords = new Set(rawIntents.stopwords.flatMap((w) => foldPhrase(w).split(' ')));
  const placeFalseFriends = new Map(
    Object.keys(rawIntents.placeFalseFriends).map((w) => [
      foldPhrase(w),
      w.normalize('NFC').toLowerCase(),
    ]),
  );
  const commodityIndex = new PhraseIndex<string>();
  for (const c of rawIntents.commodities) commodityIndex.add(c, c);
  const intents = foldIntents(rawIntents);
  const periods = foldPeriods(readJson('vi/periods.json', PeriodsFileSchema));
  const phraseLists = new PhraseLists([...phraseListsIn(intents), ...phraseListsIn(periods)]);
  return {
    ...buildPlaces(placesFile),
    ...buildIndicators(indicatorsFile.indicators),
    mergerDate: placesFile.mergerDate,
    ...{ intents, periods, phraseLists },
    ...{ commodityIndex, extraction: indicatorsFile.$extraction, placeFalseFriends, stopwords },
  };
}

/** Every list of strings in a folded file, nested groups too (registered as PhraseLists). */
function phraseListsIn(value: unknown): (readonly string[])[] {
  if (Array.isArray(value)) return value.every((x) => typeof x === 'string') ? [value] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.values(value).flatMap(phraseListsIn);
}

let cached: Lexicon | null = null;
/** The lexicon of intents/, loaded on first use. */
export function lexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
