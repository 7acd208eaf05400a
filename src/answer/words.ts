/**
 * The wording of replies in one language: the message catalogue (locales/<lang>/) plus the
 * things every sentence is built from — numbers as the locale writes them (vi 3.611,46; en
 * 3,611.46), changes with their direction, periods, units, indicator and place names. Every
 * composing function takes a Words and never writes a word itself.
 */
import type { Period, PeriodQuery } from '../domain/period.js';
import { type Lang, type MessageValues, t } from '../messages.js';
import { foldDiacritics, foldPhrase } from '../normalize/fold.js';
import { formatNumber } from './number-format.js';
import type { Fact } from '../store/schema.js';
import { lexicon } from '../domain/lexicon.js';

export interface Words {
  readonly lang: Lang;
  /** A message of the catalogue. */
  t(key: string, values?: MessageValues): string;
  number(n: number): string;
  /** "tăng 23,68%" / "up 23.68%"; "bằng" / "unchanged" for 0. */
  change(pct: number): string;
  /** The change with what it is against: "giảm 5% so với cùng kỳ năm trước". */
  changeSentence(pct: number, against: 'mom' | 'yoy'): string;
  period(p: Period | PeriodQuery): string;
  /** The day of the 1 July 2025 merger (intents/places.json), as this language writes a date. */
  mergerDate(): string;
  /** The first month whose figures are the new units'. */
  mergerMonth(): string;
  place(id: string): string;
  /** The place inside a sentence: "cả nước" rather than "Cả nước" in Vietnamese. */
  placeInline(id: string): string;
  indicator(id: string): string;
  /** The indicator's short form: "XK" as reports write it, "exports" in English. */
  short(id: string): string;
  /** The indicator inside a sentence: lower case first, acronyms kept. */
  indicatorNoun(id: string): string;
  unit(unit: string): string;
  /** A level as reports write large ones: "2,533 tỷ USD (2.533 triệu USD)". */
  amount(value: number, unit: string): string;
  value(f: Pick<Fact, 'value' | 'unit' | 'approx'>): string | null;
  /** "hơn " / "more than ", or "" when the figure is exact. */
  approx(approx: string | null): string;
  sourceDate(iso: string | null): string;
  scope(scope: string | null, long?: boolean): string;
  priceBasis(basis: string | null): string;
  /** A question the bot can be asked back (a button), in this language's words. */
  question(key: string, parts: QuestionParts): string;
}

export interface QuestionParts {
  readonly indicator?: string;
  readonly place?: string;
  readonly other?: string;
  readonly period?: Period | PeriodQuery | null;
}

const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
const slug = (s: string) => foldPhrase(s).replace(/ /g, '_') || 'percent';
const ROMAN = ['', 'I', 'II', 'III', 'IV'];

function numberFormats(lang: Lang) {
  return (n: number, digits = 3) => formatNumber(n, digits, lang);
}

/** A period in the catalogue's words: the month's name and the quarter's numeral are given. */
function periodWords(lang: Lang, p: Period | PeriodQuery): string {
  const open = p.year === null ? '_open' : '';
  const year = p.year === null ? '' : String(p.year);
  const values: MessageValues = { year };
  if (p.type === 'month' || p.type === 'ytd') {
    values.month = p.month;
    values.monthName = t(lang, `month_${p.month}`);
  }
  if (p.type === 'quarter') {
    values.quarter = p.quarter;
    values.roman = ROMAN[p.quarter]!;
  }
  const type = p.type === 'ytd' && p.month === 12 ? 'year' : p.type;
  return t(lang, `period_${type}${open}`, values);
}

/** The merger's day and first month, from the data's date ("2025-07-01"). */
function mergerWords(lang: Lang): { date: string; month: string } {
  const [year, month, day] = lexicon().mergerDate.split('-') as [string, string, string];
  const values = {
    year,
    month,
    day,
    dayNumber: Number(day),
    monthName: t(lang, `month_${Number(month)}`),
  };
  const first = { type: 'month' as const, year: Number(year), month: Number(month) };
  return { date: t(lang, 'merger_date', values), month: periodWords(lang, first) };
}

const once = <V>(make: () => V): (() => V) => {
  let v: V | undefined;
  return () => (v ??= make());
};

/** Names and periods recur in every answer: each is worded once per language. */
function memoized<A>(key: (a: A) => string, make: (a: A) => string): (a: A) => string {
  const seen = new Map<string, string>();
  return (a) => {
    const k = key(a);
    let v = seen.get(k);
    if (v === undefined) {
      v = make(a);
      seen.set(k, v);
    }
    return v;
  };
}

const periodId = (p: Period | PeriodQuery) =>
  `${p.type}${p.year ?? ''}-${'month' in p ? p.month : 'quarter' in p ? p.quarter : ''}`;

function makeWords(lang: Lang): Words {
  const format = numberFormats(lang);
  const english = lang === 'en';
  const own = (key: string, fallback: string) => (english ? t(lang, key) : fallback);
  const mergerOf = once(() => mergerWords(lang));
  const words: Words = {
    lang,
    t: (key, values) => t(lang, key, values),
    number: (n) => format(n),
    change: (pct) =>
      t(lang, pct === 0 ? 'change_same' : pct > 0 ? 'change_up' : 'change_down', {
        pct: format(Math.abs(pct)),
      }),
    changeSentence: (pct, against) =>
      pct === 0
        ? t(lang, `change_same_${against}`)
        : t(lang, `change_${against}`, { change: words.change(pct) }),
    period: memoized(periodId, (p) => periodWords(lang, p)),
    mergerDate: () => mergerOf().date,
    mergerMonth: () => mergerOf().month,
    place: (id) => {
      const name = lexicon().places.get(id)?.name ?? id;
      return id === 'ca-nuoc' ? own('place_national', name) : name;
    },
    placeInline: (id) => (id === 'ca-nuoc' ? t(lang, 'place_national_inline') : words.place(id)),
    indicator: (id) => own(`indicator_${id}`, lexicon().indicators.get(id)?.name ?? id),
    short: (id) =>
      english ? t(lang, `indicator_short_${id}`) : (lexicon().indicators.get(id)?.short ?? id),
    indicatorNoun: (id) => {
      const name = words.indicator(id);
      // "IIP ngành khai khoáng" keeps its acronym; "Kim ngạch…" becomes "kim ngạch…"
      if (/^\p{Lu}{2}/u.test(name)) return name;
      return name.charAt(0).toLowerCase() + name.slice(1);
    },
    unit: memoized(String, (unit) => t(lang, `unit_${slug(unit)}`)),
    amount: (value, unit) => amountIn(words, format, value, unit),
    value: (f) =>
      f.value === null ? null : `${words.approx(f.approx)}${words.amount(f.value, f.unit)}`,
    approx: (approx) => (approx ? `${t(lang, `approx_${slug(approx)}`)} ` : ''),
    sourceDate: (iso) => (iso ? iso.split('-').reverse().join('/') : t(lang, 'date_unknown')),
    scope: (scope, long = false) =>
      scope ? t(lang, `scope_${slug(scope)}${long ? '_long' : ''}`) : '',
    priceBasis: (basis) => (basis ? t(lang, `price_${slug(basis)}`) : ''),
    question: (key, parts) => questionIn(words, key, parts),
  };
  return words;
}

function amountIn(
  w: Words,
  format: (n: number, digits?: number) => string,
  value: number,
  unit: string,
): string {
  const exact = `${format(value)}${unit === '% GRDP' ? w.unit(unit) : ` ${w.unit(unit)}`}`;
  // n / 10^k with exactly the digits n has: 2533.4 / 1000 -> "2,5334", never more precise
  const scaled = (k: number) => format(value / 10 ** k, Math.min(decimalsOf(value) + k, 12));
  if (unit === 'triệu USD' && Math.abs(value) >= 1000)
    return `${scaled(3)} ${w.unit('tỷ USD')} (${exact})`;
  if (unit === 'tỷ đồng' && Math.abs(value) >= 1_000_000)
    return `${scaled(6)} ${w.unit('triệu tỷ đồng')} (${exact})`;
  return exact;
}

/**
 * A button's question: Vietnamese with the short forms people type ("XK Kiên Giang tháng
 * 4/2020"); English with unaccented names ("exports Kien Giang April 2020") so that the answer
 * to it comes back in English too.
 */
function questionIn(w: Words, key: string, parts: QuestionParts): string {
  const english = w.lang === 'en';
  const name = (id: string) => (english ? foldDiacritics(w.place(id)) : w.place(id));
  const period = parts.period ? w.period(parts.period) : '';
  return w
    .t(key, {
      indicator: parts.indicator ? w.short(parts.indicator) : '',
      place: parts.place ? name(parts.place) : '',
      other: parts.other ? name(parts.other) : '',
      period,
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const cache = new Map<Lang, Words>();

export function wordsFor(lang: Lang): Words {
  let w = cache.get(lang);
  if (!w) {
    w = makeWords(lang);
    cache.set(lang, w);
  }
  return w;
}

/** The words of the language a question was asked in. */
export const wordsOf = (q: { readonly english: boolean }): Words =>
  wordsFor(q.english ? 'en' : 'vi');

/** Vietnamese: what every non-answer caller (admin, push) writes in. */
export const vi = (): Words => wordsFor('vi');
