/** The statistics store's records, checked with zod on load and on every write. */
import { msg } from '../messages.js';
import { type Problem, problem, problemText } from '../domain/problem.js';
import { z } from 'zod';

// every message zod writes itself reaches admins: in Vietnamese
z.config(z.locales.vi());
import { type Catalogue, defaultCatalogue } from '../domain/catalogue.js';
import { PeriodSchema } from '../domain/period.js';

/** A publication date as precisely as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD. */
const SourceDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'rule_date_form')
  .refine(isRealDate, 'rule_date_unreal')
  .refine((d) => d <= tomorrow(), 'rule_date_future');

function isRealDate(d: string): boolean {
  const y = Number(d.slice(0, 4));
  const m = d.length >= 7 ? Number(d.slice(5, 7)) : undefined;
  const day = d.length === 10 ? Number(d.slice(8, 10)) : undefined;
  if (y < 1990) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  return day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// read once an hour: a store of 250,000 figures checks every source date at each start
let tomorrowCache = { at: 0, day: '' };
function tomorrow(): string {
  const now = Date.now();
  if (now - tomorrowCache.at > 3_600_000)
    tomorrowCache = { at: now, day: new Date(now + 86_400_000).toISOString().slice(0, 10) };
  return tomorrowCache.day;
}

const HttpUrl = z
  .string()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), 'rule_url');

// NUL, ESC, bidi overrides and the like never belong in a publisher's name or a title
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const CleanText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), 'rule_control');

export const SourceSchema = z
  .object({
    publisher: CleanText(300).pipe(z.string().min(1, 'rule_no_publisher')),
    title: CleanText(500).default(''),
    date: SourceDate.nullable().default(null),
    url: HttpUrl.nullable().default(null),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

const SOURCE_KEYS = new Set(['publisher', 'title', 'date', 'url']);
const DATE_FORM = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The same rules as SourceSchema, by hand, for a complete source (all four fields): stores
 * cite thousands of sources and check them all at every start. Anything else goes to zod.
 */
export function isPlainSource(s: unknown): s is Source {
  if (!s || typeof s !== 'object') return false;
  const o = s as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length !== 4 || !keys.every((k) => SOURCE_KEYS.has(k))) return false;
  const { publisher, title, date, url } = o;
  if (typeof publisher !== 'string' || !publisher || publisher.length > 300) return false;
  if (typeof title !== 'string' || title.length > 500) return false;
  if (CONTROL.test(publisher) || CONTROL.test(title)) return false;
  if (
    date !== null &&
    !(typeof date === 'string' && DATE_FORM.test(date) && isRealDate(date) && date <= tomorrow())
  )
    return false;
  return (
    url === null ||
    (typeof url === 'string' &&
      url.length <= 2000 &&
      /^https?:\/\/[^\s]+$/i.test(url) &&
      URL.canParse(url))
  );
}

const pct = z.number().finite().min(-100).max(100000).nullable().default(null);

/** Old store files wrote the border-gate scope in words. */
const Scope = z.preprocess(
  (v) => (v === 'qua địa bàn' ? 'qua-dia-ban' : v),
  z.enum(['qua-dia-ban', 'tru-dau-tho']).nullable().default(null),
);
export type Scope = 'qua-dia-ban' | 'tru-dau-tho';

export const FactShape = z
  .object({
    place: z.string(),
    indicator: z.string(),
    period: PeriodSchema,
    /** actual = a result (possibly an estimate); target = a plan or goal set for the period. */
    kind: z.enum(['actual', 'target']).default('actual'),
    value: z.number().finite().nullable(),
    unit: z.string(),
    mom_pct: pct,
    yoy_pct: pct,
    plan_pct: pct,
    estimate: z.boolean().default(false),
    approx: z.enum(['hơn', 'gần', 'khoảng']).nullable().default(null),
    /**
     * qua-dia-ban: trade through the province's border gates; tru-dau-tho: exports less crude oil.
     */
    scope: Scope,
    /** Output values: at constant 2010 prices or at current prices, when the source says. */
    price_basis: z.enum(['so-sanh-2010', 'hien-hanh']).nullable().default(null),
    /** A figure of a unit formed on 1 July 2025. */
    post_merger: z.boolean().default(false),
    /** How a field was read when the source was not plain about it. */
    note: CleanText(300).nullable().default(null),
    source: SourceSchema,
  })
  .strict();
export type Fact = z.infer<typeof FactShape>;

/**
 * Levels no source can state: the whole country's yearly trade is under a million triệu USD
 * (a thousand tỷ USD) and its retail under a hundred million tỷ đồng; ten times that leaves room.
 */
export const MAX_LEVEL: Record<string, number> = {
  'triệu USD': 10_000_000,
  'tỷ đồng': 1_000_000_000,
  '%': 100_000,
  '% GRDP': 100,
};
export type FactInput = z.input<typeof FactShape>;

export interface FactIssue {
  readonly path: string;
  readonly problem: Problem;
}

/** A message zod writes: a code of ours (the schema's own checks), or zod's own Vietnamese. */
const zodProblem = (message: string): Problem =>
  /^rule_[a-z_]+$/.test(message) ? problem(message) : problem('rule_as_written', { text: message });

/** The domain rules a record must meet beyond its shape. */
export function domainIssues(f: Fact, cat: Catalogue): FactIssue[] {
  const out: FactIssue[] = [];
  const add = (path: string, p: Problem) => out.push({ path, problem: p });
  const place = cat.place(f.place);
  const ind = cat.hasIndicator(f.indicator) ? cat.indicator(f.indicator) : null;
  if (!place) add('place', problem('rule_unknown_place', { place: f.place }));
  if (!ind) add('indicator', problem('rule_unknown_indicator', { indicator: f.indicator }));
  if (ind && f.unit !== ind.unit)
    add('unit', problem('rule_unit', { indicator: f.indicator, unit: ind.unit, given: f.unit }));
  if (ind?.growthOnly && f.value !== null && f.kind === 'actual')
    add('value', problem('rule_growth_only', { indicator: f.indicator }));
  if (f.value === null && f.mom_pct === null && f.yoy_pct === null && f.plan_pct === null)
    add('value', problem('rule_no_figure'));
  if (f.value !== null && f.value < 0 && ind?.unit !== '%') add('value', problem('rule_negative'));
  const ceiling = ind ? MAX_LEVEL[ind.unit] : undefined;
  if (f.value !== null && ceiling !== undefined && Math.abs(f.value) > ceiling)
    add('value', problem('rule_too_large', { value: f.value, unit: f.unit, ceiling }));
  if (place?.era === 'old' && cat.isAfterMerger(f.period) && !setBeforeMerger(f, cat))
    add('place', problem('rule_merged', { place: place.name, date: cat.mergerLabel }));
  if (f.post_merger && place?.era !== 'both')
    add('post_merger', problem('rule_not_new_unit', { place: place?.name ?? f.place }));
  if (f.period.year < 1990 || f.period.year > 2100)
    add('period.year', problem('rule_bad_year', { year: f.period.year }));
  return out;
}

/** A target an old province set for a later period before it merged is a real figure. */
function setBeforeMerger(f: Fact, cat: Catalogue): boolean {
  return f.kind === 'target' && f.source.date !== null && f.source.date < cat.lexicon.mergerDate;
}

export type ParsedFact = { ok: true; fact: Fact } | { ok: false; issues: FactIssue[] };

export function parseFact(rec: unknown, cat: Catalogue = defaultCatalogue()): ParsedFact {
  const shape = FactShape.safeParse(rec);
  if (!shape.success)
    return {
      ok: false,
      issues: shape.error.issues.map((i) => ({
        path: i.path.join('.'),
        problem: zodProblem(i.message),
      })),
    };
  const issues = domainIssues(shape.data, cat);
  return issues.length ? { ok: false, issues } : { ok: true, fact: shape.data };
}

export const StoreFileSchema = z
  .object({ schema: z.union([z.literal(1), z.literal(2)]), facts: z.array(z.unknown()) })
  .strict();

export interface StoreData {
  schema: 2;
  facts: Fact[];
}

/** Parses a whole store; the error names the first bad record, nothing is half-loaded. */
export function parseStore(raw: unknown, where = 'store', cat = defaultCatalogue()): StoreData {
  const top = StoreFileSchema.safeParse(raw);
  if (!top.success) {
    const issue = top.error.issues[0]!;
    throw new Error(
      msg('store_bad_shape', { where, path: issue.path.join('.'), issue: issue.message }),
    );
  }
  return { schema: 2, facts: top.data.facts.map((rec, i) => factOrThrow(rec, i, where, cat)) };
}

/**
 * Every record a valid figure, or an error naming the first that is not; nothing is kept, so a
 * check before a write of 250,000 figures does not hold a second copy of them.
 */
export function checkFacts(facts: readonly unknown[], where = 'store', cat = defaultCatalogue()) {
  facts.forEach((rec, i) => {
    factOrThrow(rec, i, where, cat);
  });
}

function factOrThrow(rec: unknown, i: number, where: string, cat: Catalogue): Fact {
  const r = parseFact(rec, cat);
  if (r.ok) return r.fact;
  const issue = r.issues[0]!;
  const path = issue.path || msg('store_record');
  const record = { where, n: i + 1, what: describeRecord(rec) };
  throw new Error(msg('store_bad_record', { ...record, path, issue: problemText(issue.problem) }));
}

function describeRecord(rec: unknown): string {
  if (rec && typeof rec === 'object') {
    const o = rec as Record<string, unknown>;
    return [o.place, o.indicator, JSON.stringify(o.period)].filter(Boolean).join(' ');
  }
  return String(rec).slice(0, 40);
}
