/**
 * Periods as reports write them, read from a sentence's tokens at a given position: a month
 * ("tháng 10/2024", "tháng Bảy", "in October"), a span from January ("10 tháng năm 2024",
 * "tính chung hai tháng đầu năm", "hết tháng 2", "từ đầu năm đến nay", "first ten months"), a
 * quarter ("quý IV/2024", "Q1-2025") or a year ("năm 2025", "cả năm"). The year is what the
 * words say, or open (null) for the reader to take from the sentence before or the page date.
 */
import { reportWords } from './report-words.js';
import { isYear, type Token } from './tokens.js';

export interface PeriodRef {
  readonly type: 'month' | 'ytd' | 'quarter' | 'year';
  /** The month (month, ytd) or quarter; null: the month the report is about. */
  readonly n: number | null;
  /** The year the words name, or null. */
  readonly year: number | null;
}

export interface Found<T> {
  readonly value: T;
  readonly end: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const word = (toks: readonly Token[], i: number) => toks[i]?.w ?? '';
const words = (toks: readonly Token[]) => toks.map((t) => t.w);

function seq(toks: readonly Token[], i: number, ...ws: string[]): number {
  return ws.every((w, k) => word(toks, i + k) === w) ? i + ws.length : -1;
}

/** A count or a month number: digits, or a word ("hai", "mười một", "ten"). */
export function smallNumberAt(toks: readonly Token[], i: number, max = 12): Found<number> | null {
  const t = toks[i];
  if (t?.num && /^\d{1,2}$/.test(t.w)) {
    const n = Number(t.w);
    return n >= 1 && n <= max ? { value: n, end: i + 1 } : null;
  }
  const hit = reportWords().numbers.at(words(toks), i);
  return hit && hit.value <= max ? { value: hit.value, end: hit.end } : null;
}

/** Words after a period that name no year of their own ("đầu năm nay", "of the year"). */
const OPEN_TAILS = [
  ['dau', 'nam', 'nay'],
  ['cua', 'nam', 'nay'],
  ['nam', 'nay'],
  ['of', 'the', 'year'],
  ['of', 'this', 'year'],
  ['de', 'l', 'annee'],
  ['dau', 'nam'],
  ['cua', 'nam'],
];
const YEAR_LEADS = [
  ['dau', 'nam'],
  ['cua', 'nam'],
  ['nam'],
  ['of'],
  ['de'],
  ['in'],
  ['/'],
  ['-'],
  ['.'],
  [],
];

/** What follows a period: its year ("/2024", "năm 2024", "đầu năm 2023", "of 2023"), if any. */
function yearAfter(toks: readonly Token[], i: number): Found<number | null> {
  for (const lead of YEAR_LEADS) {
    const k = seq(toks, i, ...lead);
    if (k >= 0 && isYear(toks[k])) return { value: Number(word(toks, k)), end: k + 1 };
  }
  for (const tail of OPEN_TAILS) {
    const k = seq(toks, i, ...tail);
    if (k >= 0) return { value: null, end: k };
  }
  return { value: null, end: i };
}

function withYear(
  toks: readonly Token[],
  end: number,
  type: PeriodRef['type'],
  n: number | null,
): Found<PeriodRef> {
  const y = yearAfter(toks, end);
  return { value: { type, n, year: y.value }, end: y.end };
}

/** "tháng 10", "tháng 3.2018", "tháng Bảy", "tháng này", "trong tháng". */
function monthAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  if (word(toks, i) !== 'thang') return null;
  const joined = /^(\d{1,2})\.((?:19|20)\d\d)$/.exec(word(toks, i + 1));
  if (joined && Number(joined[1]) <= 12)
    return { value: { type: 'month', n: Number(joined[1]), year: Number(joined[2]) }, end: i + 2 };
  const named = word(toks, i + 1) === 'gieng' ? { value: 1, end: i + 2 } : null;
  const n = named ?? (word(toks, i + 1) === 'nam' ? null : smallNumberAt(toks, i + 1));
  if (n) return withYear(toks, n.end, 'month', n.value);
  for (const tail of [['nay'], ['qua'], ['vua', 'qua'], ['bao', 'cao']])
    if (seq(toks, i + 1, ...tail) > 0)
      return { value: { type: 'month', n: null, year: null }, end: i + 1 + tail.length };
  return word(toks, i - 1) === 'trong'
    ? { value: { type: 'month', n: null, year: null }, end: i + 1 }
    : null;
}

/** "10 tháng", "hai tháng đầu năm 2023", "first ten months of", "neuf premiers mois de". */
function countAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  if (word(toks, i - 1) === 'thang' || word(toks, i - 1) === '/') return null;
  const start = word(toks, i) === 'first' ? i + 1 : i;
  const n = smallNumberAt(toks, start);
  if (!n) return null;
  let j = n.end;
  if (word(toks, j) === 'thang') j += 1;
  else if (seq(toks, j, 'premiers', 'mois') > 0) j += 2;
  else if (word(toks, j) === 'months') j += 1;
  else return null;
  if (word(toks, j) === 'dau' && word(toks, j + 1) !== 'nam') j += 1;
  for (const tail of [['vua', 'qua'], ['qua']]) if (seq(toks, j, ...tail) > 0) j += tail.length;
  return withYear(toks, j, 'ytd', n.value);
}

const SINCE_JANUARY = [
  ['since', 'the', 'beginning', 'of', 'this', 'year'],
  ['since', 'the', 'beginning', 'of', 'the', 'year'],
  ['depuis', 'le', 'debut', 'de', 'l', 'annee'],
  ['depuis', 'le', 'debut', 'de', 'cette', 'annee'],
];

/**
 * "tính đến hết ngày 15/11/2024": a span to a day, which no period of ours is. Its figure cannot
 * be placed: a month of 0 that the reader never resolves, so that the figure is left out rather
 * than given the report's month.
 */
function toDayAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  if (!['het', 'den'].includes(word(toks, i))) return null;
  const j = word(toks, i + 1) === 'het' ? i + 2 : i + 1;
  if (word(toks, j) !== 'ngay' || !toks[j + 1]?.num || !['/', '-'].includes(word(toks, j + 2)))
    return null;
  if (!toks[j + 3]?.num) return null;
  const withYear = ['/', '-'].includes(word(toks, j + 4)) && isYear(toks[j + 5]);
  const year = withYear ? Number(word(toks, j + 5)) : null;
  return { value: { type: 'ytd', n: 0, year }, end: withYear ? j + 6 : j + 4 };
}

/** "hết tháng 2", "tính đến hết tháng 4", "từ tháng 1 đến tháng 4", "từ đầu năm đến nay". */
function untilAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  const day = toDayAt(toks, i);
  if (day) return day;
  let j = i;
  for (const since of SINCE_JANUARY)
    if (seq(toks, i, ...since) > 0)
      return { value: { type: 'ytd', n: null, year: null }, end: i + since.length };
  if (seq(toks, j, 'tu', 'thang', '1', 'den') > 0) j += 4;
  else if (seq(toks, j, 'tu', 'dau', 'nam') > 0) {
    j += 3;
    if (seq(toks, j, 'den', 'nay') > 0 || word(toks, j) !== 'den')
      return {
        value: { type: 'ytd', n: null, year: null },
        end: seq(toks, j, 'den', 'nay') > 0 ? j + 2 : j,
      };
    j += 1;
  } else if (word(toks, j) === 'het' || word(toks, j) === 'den') j += 1;
  else return null;
  if (word(toks, j) === 'het') j += 1;
  if (word(toks, j) === 'quy') return quarterAt(toks, j);
  if (word(toks, j) !== 'thang') return null;
  const n = smallNumberAt(toks, j + 1);
  return n ? withYear(toks, n.end, 'ytd', n.value) : null;
}

function quarterAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  if (!['quy', 'q', 'quarter'].includes(word(toks, i))) return null;
  const w = word(toks, i + 1);
  const n = ROMAN[w] ?? (/^[1-4]$/.test(w) ? Number(w) : null);
  if (!n) return null;
  return withYear(toks, i + 2, 'quarter', n);
}

function yearAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  const thisYear = (end: number) => ({
    value: { type: 'year' as const, n: null, year: null },
    end,
  });
  if (word(toks, i) === 'nam' && isYear(toks[i + 1]))
    return { value: { type: 'year', n: null, year: Number(word(toks, i + 1)) }, end: i + 2 };
  if (['in', 'en'].includes(word(toks, i)) && isYear(toks[i + 1]))
    return { value: { type: 'year', n: null, year: Number(word(toks, i + 1)) }, end: i + 2 };
  if (seq(toks, i, 'ca', 'nam') > 0) return withYear(toks, i + 2, 'year', null);
  if (seq(toks, i, 'nam', 'nay') > 0) return thisYear(i + 2);
  if (seq(toks, i, 'trong', 'nam') > 0 && !isYear(toks[i + 2])) return thisYear(i + 2);
  if (seq(toks, i, 'nua', 'dau', 'nam') > 0) return withYear(toks, i + 3, 'ytd', 6);
  return null;
}

/** "January-July", "entre janvier et septembre", "in February", "en avril". */
function monthNameAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  const ws = words(toks);
  const start = ['between', 'entre'].includes(ws[i] ?? '') ? i + 1 : i;
  const first = reportWords().months.at(ws, start);
  if (!first) return null;
  const link = ['-', 'to', 'through', 'and', 'et'].includes(ws[first.end] ?? '') ? 1 : 0;
  const last = first.value === 1 ? reportWords().months.at(ws, first.end + link) : null;
  // "the January-July period of 2022"
  const tail = (end: number) => (['period', 'periode'].includes(ws[end] ?? '') ? end + 1 : end);
  if (last) return withYear(toks, tail(last.end), 'ytd', last.value);
  return start === i ? withYear(toks, first.end, 'month', first.value) : null;
}

/** The period that starts at token `i`, if one does. */
export function periodAt(toks: readonly Token[], i: number): Found<PeriodRef> | null {
  return (
    untilAt(toks, i) ??
    countAt(toks, i) ??
    monthAt(toks, i) ??
    quarterAt(toks, i) ??
    yearAt(toks, i) ??
    monthNameAt(toks, i)
  );
}

/** "các năm 2020-2024": the years a "lần lượt" list of values runs over. */
export function yearSeriesAt(toks: readonly Token[], i: number): Found<number[]> | null {
  const j = seq(toks, i, 'cac', 'nam');
  if (j < 0 || !isYear(toks[j]) || word(toks, j + 1) !== '-' || !isYear(toks[j + 2])) return null;
  const from = Number(word(toks, j));
  const to = Number(word(toks, j + 2));
  if (to <= from || to - from > 20) return null;
  return { value: Array.from({ length: to - from + 1 }, (_, k) => from + k), end: j + 3 };
}
