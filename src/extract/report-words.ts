/**
 * The words of written reports (intents/reports.json), folded and indexed for the clause
 * scanner: indicator names, measures that are no indicator, sectors, target and estimate words,
 * number and month words, and the place names of the lexicon.
 */
import { z } from 'zod';
import { readIntents } from '../domain/intents.js';
import { foldPhrase } from '../normalize/fold.js';
import { lexicon } from '../domain/lexicon.js';

const ReportWordsSchema = z.object({
  indicators: z.record(z.string(), z.array(z.string())),
  weak: z.record(z.string(), z.string().nullable()),
  parts: z.record(z.string(), z.string().nullable()),
  others: z.array(z.string()),
  breakdown: z.array(z.string()),
  targets: z.array(z.string()),
  notTargets: z.array(z.string()),
  estimates: z.array(z.string()),
  plans: z.array(z.string()),
  fillers: z.array(z.string()),
  thresholds: z.array(z.string()),
  letterhead: z.array(z.string()),
  proseWords: z.array(z.string()),
  narrowers: z.array(z.string()),
  tables: z.object({
    totals: z.array(z.string()),
    units: z.record(z.string(), z.tuple([z.enum(['usd', 'vnd']), z.number().positive()])),
    unitLabels: z.array(z.string()),
    pctChange: z.array(z.string()),
    reportMonth: z.array(z.string()),
    previousMonth: z.array(z.string()),
    fromJanuary: z.array(z.string()),
    plans: z.array(z.string()),
  }),
  approx: z.record(z.string(), z.enum(['hơn', 'gần', 'khoảng'])),
  numberWords: z.record(z.string(), z.number().int()),
  monthNames: z.record(z.string(), z.number().int().min(1).max(12)),
  units: z.record(z.string(), z.tuple([z.enum(['usd', 'vnd']), z.number().positive()])),
  prefixUnits: z.record(
    z.string(),
    z.tuple([z.enum(['usd', 'vnd']), z.record(z.string(), z.number().positive())]),
  ),
  changeVerbs: z.record(z.string(), z.union([z.literal(1), z.literal(-1)])),
  comparisonWords: z.array(z.string()),
  references: z.record(z.string(), z.enum(['yoy', 'mom'])),
});

/** What a run of words names, for the scanner. */
export type WordSense =
  | { kind: 'indicator'; id: string }
  | { kind: 'weak'; id: string | null }
  | { kind: 'part'; id: string | null }
  | { kind: 'other' }
  | { kind: 'breakdown' }
  | { kind: 'target' }
  | { kind: 'notTarget' }
  | { kind: 'estimate' }
  | { kind: 'scope'; scope: 'qua-dia-ban' | 'tru-dau-tho' }
  | { kind: 'place'; id: string };

/** Longest-first phrase table over folded words. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  add(phrase: string, value: T): void {
    const words = foldPhrase(phrase).split(' ').filter(Boolean);
    if (!words.length) return;
    const list = this.byFirst.get(words[0]!) ?? [];
    if (list.some((e) => e.words.join(' ') === words.join(' '))) return;
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
  }

  /** The longest phrase starting at word `i`: its value and the index after it. */
  at(words: readonly string[], i: number): { value: T; end: number } | null {
    for (const e of this.byFirst.get(words[i] ?? '') ?? []) {
      if (e.words.every((w, k) => words[i + k] === w))
        return { value: e.value, end: i + e.words.length };
    }
    return null;
  }
}

export interface TableWords {
  readonly totals: readonly string[];
  readonly units: PhraseTable<readonly ['usd' | 'vnd', number]>;
  readonly unitLabels: readonly string[];
  readonly pctChange: readonly string[];
  readonly reportMonth: readonly string[];
  readonly previousMonth: readonly string[];
  readonly fromJanuary: readonly string[];
  readonly plans: readonly string[];
}

export interface ReportWords {
  readonly senses: PhraseTable<WordSense>;
  readonly plans: PhraseTable<true>;
  readonly fillers: ReadonlySet<string>;
  /** "ngưỡng", "mốc": an amount after them is a threshold, not a figure. */
  readonly thresholds: ReadonlySet<string>;
  /** Words that open a letterhead line ("UBND TỈNH …", "Số: 12/BC-SCT"): not a report's title. */
  readonly letterhead: readonly string[];
  /** The words of report prose that name no subject ("tính chung", "theo", "của"…). */
  readonly proseWords: ReadonlySet<string>;
  /** Words right after an indicator that narrow it to a part ("xuất khẩu sang Mỹ", "… thủy sản"). */
  readonly narrowers: PhraseTable<true>;
  /** The words of report tables: header phrases, total rows, units (folded phrases). */
  readonly tables: TableWords;
  readonly approx: PhraseTable<'hơn' | 'gần' | 'khoảng'>;
  readonly numbers: PhraseTable<number>;
  readonly months: PhraseTable<number>;
  /** "tỷ USD" -> USD, x1000 (to triệu USD); "nghìn tỷ đồng" -> đồng, x1000 (to tỷ đồng). */
  readonly units: PhraseTable<readonly ['usd' | 'vnd', number]>;
  /** "US$ 1.5 billion", "VNĐ25.6 trillion": the currency first, the scale after the number. */
  readonly prefixUnits: PhraseTable<readonly ['usd' | 'vnd', Record<string, number>]>;
  readonly changeVerbs: PhraseTable<1 | -1>;
  readonly comparison: PhraseTable<true>;
  readonly references: PhraseTable<'yoy' | 'mom'>;
  /** Units of each headline indicator: a level in USD or đồng, or growth only. */
  readonly unitOf: (indicator: string) => 'usd' | 'vnd' | 'pct';
  readonly growthOnly: (indicator: string) => boolean;
}

function readWords(): z.infer<typeof ReportWordsSchema> {
  return readIntents('reports.json', ReportWordsSchema);
}

function addPlaces(senses: PhraseTable<WordSense>): void {
  for (const p of lexicon().places.values())
    for (const name of [p.name, ...p.aliases]) senses.add(name, { kind: 'place', id: p.id });
  for (const name of ['nước ta', 'toàn quốc', 'vietnam', 'viet nam'])
    senses.add(name, { kind: 'place', id: 'ca-nuoc' });
}

function buildSenses(w: z.infer<typeof ReportWordsSchema>): PhraseTable<WordSense> {
  const senses = new PhraseTable<WordSense>();
  for (const [id, phrases] of Object.entries(w.indicators))
    for (const p of phrases) senses.add(p, { kind: 'indicator', id });
  for (const [p, id] of Object.entries(w.weak)) senses.add(p, { kind: 'weak', id });
  for (const [p, id] of Object.entries(w.parts)) senses.add(p, { kind: 'part', id });
  for (const p of w.others) senses.add(p, { kind: 'other' });
  for (const p of w.breakdown) senses.add(p, { kind: 'breakdown' });
  for (const p of w.notTargets) senses.add(p, { kind: 'notTarget' });
  for (const p of w.targets) senses.add(p, { kind: 'target' });
  for (const p of w.estimates) senses.add(p, { kind: 'estimate' });
  for (const [scope, phrases] of Object.entries(lexicon().intents.scopes))
    for (const p of phrases)
      senses.add(p, { kind: 'scope', scope: scope as 'qua-dia-ban' | 'tru-dau-tho' });
  addPlaces(senses);
  return senses;
}

function table<T>(entries: [string, T][]): PhraseTable<T> {
  const t = new PhraseTable<T>();
  for (const [k, v] of entries) t.add(k, v);
  return t;
}

function tableWords(t: z.infer<typeof ReportWordsSchema>['tables']): TableWords {
  const fold = (list: string[]) => list.map(foldPhrase).filter(Boolean);
  return {
    ...{ totals: fold(t.totals), units: table(Object.entries(t.units)) },
    ...{ unitLabels: fold(t.unitLabels), pctChange: fold(t.pctChange) },
    ...{ reportMonth: fold(t.reportMonth), previousMonth: fold(t.previousMonth) },
    ...{ fromJanuary: fold(t.fromJanuary), plans: fold(t.plans) },
  };
}

let cached: ReportWords | null = null;

export function reportWords(): ReportWords {
  if (cached) return cached;
  const w = readWords();
  const indicators = lexicon().indicators;
  cached = {
    senses: buildSenses(w),
    plans: table(w.plans.map((p) => [p, true as const])),
    fillers: new Set(w.fillers.flatMap((f) => foldPhrase(f).split(' '))),
    thresholds: new Set(w.thresholds.map(foldPhrase)),
    letterhead: w.letterhead.map(foldPhrase),
    narrowers: table(w.narrowers.map((p) => [p, true as const])),
    proseWords: new Set(
      [...w.proseWords, ...lexicon().stopwords].flatMap((p) => foldPhrase(p).split(' ')),
    ),
    tables: tableWords(w.tables),
    approx: table(Object.entries(w.approx)),
    numbers: table(Object.entries(w.numberWords)),
    months: table(Object.entries(w.monthNames)),
    units: table(Object.entries(w.units)),
    prefixUnits: table(Object.entries(w.prefixUnits)),
    changeVerbs: table(Object.entries(w.changeVerbs)),
    comparison: table(w.comparisonWords.map((p) => [p, true as const])),
    references: table(Object.entries(w.references)),
    unitOf: (id) => {
      const unit = indicators.get(id)?.unit ?? '%';
      return unit.includes('USD') ? 'usd' : unit.includes('đồng') ? 'vnd' : 'pct';
    },
    growthOnly: (id) => indicators.get(id)?.growthOnly === true,
  };
  return cached;
}
