/**
 * Amounts, changes, plan shares and comparison references as reports write them, read from a
 * sentence's tokens at a position: "hơn 4,4 tỉ USD", "1 tỷ 953 triệu USD", "US$1.59 billion",
 * "tăng mạnh 16,8% so với cùng kỳ năm 2024", "gấp 1,5 lần", "bằng 95% so với cùng kỳ",
 * "đạt 82,15% kịch bản tăng trưởng năm", "vượt gần 20% kế hoạch".
 */
import { type Found, type PeriodRef, periodAt } from './period-words.js';
import { reportWords } from './report-words.js';
import { isYear, readNumber, type Token } from './tokens.js';

export type Approx = 'hơn' | 'gần' | 'khoảng';
export type Measure = 'yoy' | 'mom';

export interface Amount {
  readonly value: number;
  readonly unit: 'usd' | 'vnd';
  readonly approx: Approx | null;
}

export interface Reference {
  readonly measure: Measure | null;
  readonly ref: PeriodRef | null;
}

export interface Change extends Reference {
  readonly pct: number;
}

const w = (toks: readonly Token[], i: number) => toks[i]?.w ?? '';
const ws = (toks: readonly Token[]) => toks.map((t) => t.w);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** "%", "percent", "per cent", "phần trăm": the index after it, or -1. */
export function percentAt(toks: readonly Token[], i: number): number {
  if (w(toks, i) === '%' || w(toks, i) === 'percent') return i + 1;
  if (w(toks, i) === 'per' && w(toks, i + 1) === 'cent') return i + 2;
  if (w(toks, i) === 'phan' && w(toks, i + 1) === 'tram') return i + 2;
  return -1;
}

/** A percentage's number: "17,5" and "17, 5" (a space after the comma) alike. */
export function percentNumberAt(toks: readonly Token[], i: number): Found<number> | null {
  if (!toks[i]?.num || isYear(toks[i])) return null;
  const spaced = w(toks, i + 1) === ',' && /^\d{1,2}$/.test(w(toks, i + 2));
  if (spaced && percentAt(toks, i + 3) > 0)
    return { value: readNumber(`${w(toks, i)},${w(toks, i + 2)}`), end: i + 3 };
  return { value: readNumber(w(toks, i)), end: i + 1 };
}

/** A number written "305, 53" or "13 350" before a unit is one number. */
function numberAt(toks: readonly Token[], i: number): Found<number> | null {
  const t = toks[i];
  if (!t?.num) return null;
  const next = toks[i + 1];
  const unitAfter = (k: number) => reportWords().units.at(ws(toks), k) !== null;
  if (next?.w === ',' && toks[i + 2]?.num && /^\d{1,2}$/.test(w(toks, i + 2)) && unitAfter(i + 3))
    return { value: readNumber(`${t.w},${w(toks, i + 2)}`), end: i + 3 };
  if (next?.num && /^\d{3}$/.test(next.w) && /^\d{1,3}$/.test(t.w) && unitAfter(i + 2))
    return { value: Number(t.w + next.w), end: i + 2 };
  return { value: readNumber(t.w), end: i + 1 };
}

function approxAt(toks: readonly Token[], i: number): Found<Approx> | null {
  const hit = reportWords().approx.at(ws(toks), i);
  if (!hit) return null;
  // "gần đạt 4,6 triệu tỷ đồng": the approximation stands before the verb
  return { value: hit.value, end: w(toks, hit.end) === 'dat' ? hit.end + 1 : hit.end };
}

/** "1 tỷ 953 triệu USD": one amount written in two units. */
function mixedUsdAt(toks: readonly Token[], i: number): Found<number> | null {
  const ok =
    toks[i]?.num &&
    ['ty', 'ti'].includes(w(toks, i + 1)) &&
    toks[i + 2]?.num &&
    w(toks, i + 3) === 'trieu' &&
    ['usd', 'do'].includes(w(toks, i + 4));
  if (!ok) return null;
  const end = w(toks, i + 4) === 'do' ? i + 6 : i + 5;
  return { value: Number(w(toks, i)) * 1000 + readNumber(w(toks, i + 2)), end };
}

/** "US$ 1.59 billion", "VNĐ25.6 trillion". */
function prefixedAt(toks: readonly Token[], i: number): Found<Omit<Amount, 'approx'>> | null {
  let j = i;
  let currency = reportWords().prefixUnits.at(ws(toks), j);
  if (currency) j = currency.end;
  if (w(toks, j) === '$') {
    currency ??= reportWords().prefixUnits.at(['usd'], 0);
    j += 1;
  }
  if (!currency || !toks[j]?.num) return null;
  const scale = currency.value[1][w(toks, j + 1)];
  if (!scale) return null;
  return {
    value: { value: round(readNumber(w(toks, j)) * scale), unit: currency.value[0] },
    end: j + 2,
  };
}

/** An amount with its unit, converted to triệu USD or tỷ đồng. */
export function amountAt(toks: readonly Token[], i: number): Found<Amount> | null {
  const approx = approxAt(toks, i);
  const j = approx?.end ?? i;
  const a = approx?.value ?? null;
  const mixed = mixedUsdAt(toks, j);
  if (mixed) return { value: { value: mixed.value, unit: 'usd', approx: a }, end: mixed.end };
  const prefixed = prefixedAt(toks, j);
  if (prefixed) return { value: { ...prefixed.value, approx: a }, end: prefixed.end };
  const n = numberAt(toks, j);
  if (!n) return null;
  const unit = reportWords().units.at(ws(toks), n.end);
  if (!unit) return null;
  const [currency, scale] = unit.value;
  return { value: { value: round(n.value * scale), unit: currency, approx: a }, end: unit.end };
}

/** "so với cùng kỳ năm 2024", "so với tháng trước", "so với tháng 6 năm 2022", "year on year". */
export function referenceAt(toks: readonly Token[], i: number): Found<Reference> | null {
  const rw = reportWords();
  const lead = rw.comparison.at(ws(toks), i);
  const j = lead?.end ?? i;
  const named = rw.references.at(ws(toks), j);
  if (named) {
    let end = named.end;
    while (['nam', 'in', 'en', 'de'].includes(w(toks, end)) && !isYear(toks[end])) end += 1;
    if (isYear(toks[end])) end += 1;
    return { value: { measure: named.value, ref: null }, end };
  }
  if (!lead) return null;
  // "so với kết quả thực hiện của năm 2017": a few words may stand before what is compared
  for (let k = j; k < j + 7 && k < toks.length && !toks[k]!.num && !STOP.has(w(toks, k)); k++) {
    const period = periodAt(toks, k);
    if (period) return { value: { measure: null, ref: period.value }, end: period.end };
    const named = k > j ? rw.references.at(ws(toks), k) : null;
    if (named) return { value: { measure: named.value, ref: null }, end: named.end };
  }
  return null;
}

const STOP = new Set([',', ';', '.', '(', ')', 'tang', 'giam', 'dat', 'va']);

function skipFillers(toks: readonly Token[], i: number, max = 4): number {
  let j = i;
  const fillers = reportWords().fillers;
  while (j < i + max && fillers.has(w(toks, j)) && !toks[j]?.num) j += 1;
  return j;
}

export type ChangeRead =
  | { kind: 'change'; change: Change }
  | { kind: 'absolute'; ref: Reference | null }
  | { kind: 'multiple'; change: Change };

/** "tăng 5,2% so với cùng kỳ", "giảm nhẹ 0,3%", "tăng 4,2 lần", "tăng 4,43 tỷ USD" (absolute). */
export function changeAt(toks: readonly Token[], i: number): Found<ChangeRead> | null {
  const verb = reportWords().changeVerbs.at(ws(toks), i);
  if (!verb) return null;
  const absolute = amountAt(toks, skipFillers(toks, verb.end));
  if (absolute) {
    const ref = referenceAt(toks, absolute.end);
    return { value: { kind: 'absolute', ref: ref?.value ?? null }, end: ref?.end ?? absolute.end };
  }
  const j = skipFillers(toks, verb.end);
  const number = percentNumberAt(toks, j);
  if (!number) return null;
  const n = number.value * verb.value;
  const multiple = w(toks, number.end) === 'lan';
  const after = multiple ? number.end + 1 : percentAt(toks, number.end);
  if (after < 0) return null;
  const ref = referenceAt(toks, after);
  const pct = multiple ? round((n - 1) * 100) : n;
  const change = { pct, measure: ref?.value.measure ?? null, ref: ref?.value.ref ?? null };
  return { value: { kind: multiple ? 'multiple' : 'change', change }, end: ref?.end ?? after };
}

/** "bằng so với cùng kỳ", "tương đương cùng kỳ": unchanged. */
function unchangedAt(toks: readonly Token[], i: number): Found<Change> | null {
  const j =
    w(toks, i) === 'bang'
      ? i + 1
      : w(toks, i) === 'tuong' && w(toks, i + 1) === 'duong'
        ? i + 2
        : -1;
  if (j < 0) return null;
  const ref = referenceAt(toks, w(toks, j) === 'voi' ? j + 1 : j);
  if (!ref?.value.measure) return null;
  return { value: { pct: 0, measure: ref.value.measure, ref: null }, end: ref.end };
}

/** "bằng 95% so với cùng kỳ": a change of -5%; "bằng so với cùng kỳ": none. */
export function shareOfLastYearAt(toks: readonly Token[], i: number): Found<Change> | null {
  if (w(toks, i) === 'bang' && !toks[i + 1]?.num) return unchangedAt(toks, i);
  if (w(toks, i) === 'tuong') return unchangedAt(toks, i);
  if (!['bang', 'soit'].includes(w(toks, i)) || !toks[i + 1]?.num) return null;
  const after = percentAt(toks, i + 2);
  const ref = after > 0 ? referenceAt(toks, after) : null;
  if (ref?.value.measure !== 'yoy') return null;
  const pct = round(readNumber(w(toks, i + 1)) - 100);
  return { value: { pct, measure: 'yoy', ref: null }, end: ref.end };
}

const PLAN_LINKS = [
  'so',
  'voi',
  'of',
  'the',
  'its',
  'du',
  'cua',
  'annual',
  'full',
  'year',
  'higher',
  'than',
  'above',
];

/** "đạt 26,3% kế hoạch", "vượt 6% kế hoạch" (106%), "bằng 82,15% kịch bản tăng trưởng năm". */
export function planAt(toks: readonly Token[], i: number): Found<number> | null {
  if (!toks[i]?.num) return null;
  const after = percentAt(toks, i + 1);
  if (after < 0) return null;
  let j = after;
  while (PLAN_LINKS.includes(w(toks, j)) && !reportWords().plans.at(ws(toks), j)) j += 1;
  const plan = reportWords().plans.at(ws(toks), j);
  if (!plan) return null;
  let end = plan.end;
  for (const tail of [['tang', 'truong'], ['de', 'ra'], ['giao'], ['ca', 'nam'], ['nam']])
    if (tail.every((t, k) => w(toks, end + k) === t)) end += tail.length;
  if (isYear(toks[end])) end += 1;
  const beyond =
    [1, 2].some((k) => w(toks, i - k) === 'vuot') || ['higher', 'above'].includes(w(toks, after));
  const pct = readNumber(w(toks, i));
  return { value: beyond ? round(100 + pct) : pct, end };
}
