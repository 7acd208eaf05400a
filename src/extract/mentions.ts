/**
 * The clause scanner: a sentence's tokens become, left to right, the things a figure is built
 * from: indicators (and measures that are none), places, periods, amounts, changes with their
 * references, plan shares, and the marks that shape a clause (parentheses, "trong đó", targets,
 * estimates). Words that compare with something else (an absolute change, "kém Bắc Ninh 0,59 tỷ
 * USD", "chiếm 19,5% tổng …", "giá so sánh 2010") are read and dropped here, so that no number
 * of theirs reaches a figure.
 */
import {
  type Amount,
  amountAt,
  type Change,
  changeAt,
  percentAt,
  planAt,
  type Reference,
  referenceAt,
  shareOfLastYearAt,
} from './amount-words.js';
import { type Found, type PeriodRef, periodAt, yearSeriesAt } from './period-words.js';
import { lexicon } from '../domain/lexicon.js';
import { reportWords } from './report-words.js';
import { isYear, readNumber, type Token } from './tokens.js';

export type Mention =
  | { k: 'indicator'; id: string }
  | { k: 'weak'; id: string | null }
  | { k: 'part'; id: string | null }
  | { k: 'other' }
  | { k: 'place'; ids: string[]; afterOf: boolean }
  | { k: 'period'; p: PeriodRef }
  | { k: 'series'; years: number[] }
  | { k: 'amount'; a: Amount }
  | { k: 'change'; c: Change }
  | { k: 'pct'; pct: number }
  | { k: 'plan'; pct: number }
  | { k: 'prior'; pct: number; year: number | null; period: PeriodRef | null }
  | { k: 'absolute'; r: Reference | null }
  | { k: 'planIs'; pct: number }
  | { k: 'refpre'; r: Reference }
  | { k: 'breakdown' }
  | { k: 'target' }
  | { k: 'estimate' }
  | { k: 'scope'; scope: 'qua-dia-ban' | 'tru-dau-tho' }
  | { k: 'open' }
  | { k: 'close' }
  | { k: 'sep' }
  | { k: 'with' }
  /** A word of no vocabulary the scanner knows: the clause may have a subject of its own. */
  | { k: 'word' };

type Matcher = (toks: readonly Token[], i: number) => Found<Mention | null> | null;

const w = (toks: readonly Token[], i: number) => toks[i]?.w ?? '';
const ws = (toks: readonly Token[]) => toks.map((t) => t.w);
const dropped = (end: number): Found<null> => ({ value: null, end });

/** "(cùng kỳ năm 2024 tăng 6,5%)", "cao hơn mức tăng 5,81% của quý I năm 2020". */
const prior: Matcher = (toks, i) => {
  let j = i;
  if (w(toks, j) === '(') j += 1;
  else if (['cao', 'thap'].includes(w(toks, j)) && w(toks, j + 1) === 'hon') j += 2;
  else return null;
  let year: number | null = null;
  if (w(toks, j) === 'cung' && w(toks, j + 1) === 'ky') j += 2;
  else if (w(toks, j) !== 'nam' && w(toks, j) !== 'muc') return null;
  if (w(toks, j) === 'nam' && isYear(toks[j + 1])) {
    year = Number(w(toks, j + 1));
    j += 2;
  }
  while (['chi', 'cung', 'da', 'muc'].includes(w(toks, j))) j += 1;
  const change = changeAt(toks, j);
  if (change?.value.kind !== 'change') return null;
  let end = change.end;
  if (w(toks, end) === 'cua') {
    const ref = referenceAt(toks, end + 1) ?? periodAt(toks, end + 1);
    end = ref?.end ?? end + 1;
  }
  if (w(toks, i) === '(' && w(toks, end) === ')') end += 1;
  return { value: { k: 'prior', pct: change.value.change.pct, year, period: null }, end };
};

const PLAN_WORDS = [
  ['ke', 'hoach'],
  ['muc', 'tieu'],
  ['chi', 'tieu'],
];

/**
 * "(kế hoạch năm là 23%)", "(kế hoạch tăng 10%)": the growth planned for the figure before it,
 * a target of its own, never a second result.
 */
const planIs: Matcher = (toks, i) => {
  const lead = PLAN_WORDS.find((p) => p.every((x, k) => w(toks, i + k) === x));
  if (!lead) return null;
  let j = i + lead.length;
  if (w(toks, j) === 'nam') j += isYear(toks[j + 1]) ? 2 : 1;
  if (['la', 'de', 'ra'].includes(w(toks, j))) j += 1;
  const sign = w(toks, j) === 'giam' ? -1 : 1;
  if (['tang', 'giam'].includes(w(toks, j))) j += 1;
  if (w(toks, i - 1) !== '(' && w(toks, i + lead.length) !== 'nam') return null;
  if (!toks[j]?.num || isYear(toks[j])) return null;
  const after = percentAt(toks, j + 1);
  if (after < 0) return null;
  return { value: { k: 'planIs', pct: sign * readNumber(w(toks, j)) }, end: after };
};

/** "…, so với 4,8% so với cùng kỳ năm trước trong tháng 3/2024": an earlier period's figure. */
const priorCompared: Matcher = (toks, i) => {
  if (w(toks, i) !== 'so' || w(toks, i + 1) !== 'voi' || !toks[i + 2]?.num) return null;
  let j = percentAt(toks, i + 3);
  if (j < 0) return null;
  j = referenceAt(toks, j)?.end ?? j;
  if (w(toks, j) === 'trong') j += 1;
  const p = periodAt(toks, j);
  if (!p) return null;
  const pct = readNumber(w(toks, i + 2));
  return { value: { k: 'prior', pct, year: p.value.year, period: p.value }, end: p.end };
};

/** "… tăng 1,59% so với tháng trước và 2,61% so với cùng kỳ": the verb said once. */
const continuedChange = (toks: readonly Token[], i: number, last: Mention | undefined) => {
  if (last?.k !== 'change' || !['va', 'and', 'et'].includes(w(toks, i))) return null;
  const j = ['de', 'by'].includes(w(toks, i + 1)) ? i + 2 : i + 1;
  const after = toks[j]?.num ? percentAt(toks, j + 1) : -1;
  const ref = after > 0 ? referenceAt(toks, after) : null;
  if (!ref) return null;
  const pct = Math.sign(last.c.pct || 1) * readNumber(w(toks, j));
  return { value: { k: 'change', c: { pct, ...ref.value } } as Mention, end: ref.end };
};

const period: Matcher = (toks, i) => {
  const series = yearSeriesAt(toks, i);
  if (series) return { value: { k: 'series', years: series.value }, end: series.end };
  const p = periodAt(toks, i);
  return p ? { value: { k: 'period', p: p.value }, end: p.end } : null;
};

const change: Matcher = (toks, i) => {
  const share = shareOfLastYearAt(toks, i);
  if (share) return { value: { k: 'change', c: share.value }, end: share.end };
  const c = changeAt(toks, i);
  if (!c) return null;
  if (c.value.kind === 'absolute') return { value: { k: 'absolute', r: c.value.ref }, end: c.end };
  return { value: { k: 'change', c: c.value.change }, end: c.end };
};

const BEFORE_THRESHOLD = ['tren', 'duoi', 'hon', 'vuot', 'qua', 'cao'];

/** "vượt mốc 900 tỉ USD", "dưới ngưỡng 100 triệu USD", "trên 40 tỉ USD/tháng": no figure. */
function threshold(toks: readonly Token[], i: number, end: number): boolean {
  if (w(toks, end) === '/') return true;
  let j = i - 1;
  while (j >= i - 3 && BEFORE_THRESHOLD.includes(w(toks, j))) j -= 1;
  return reportWords().thresholds.has(w(toks, j));
}

const amount: Matcher = (toks, i) => {
  const a = amountAt(toks, i);
  if (!a) return null;
  if (threshold(toks, i, a.end)) return dropped(a.end);
  return { value: { k: 'amount', a: a.value }, end: a.end };
};

/** A plan share, or a bare percentage ("Phú Thọ (26,4%)", "lần lượt tăng 3,3%; 4,7%"). */
const percentage: Matcher = (toks, i) => {
  const plan = planAt(toks, i);
  if (plan) return { value: { k: 'plan', pct: plan.value }, end: plan.end };
  if (!toks[i]?.num || isYear(toks[i])) return null;
  const after = percentAt(toks, i + 1);
  if (after < 0) return null;
  const sign = w(toks, i - 1) === '-' ? -1 : 1;
  const pct = sign * readNumber(w(toks, i));
  // "an 18.36 per cent increase year-on-year"
  const verb = reportWords().changeVerbs.at(ws(toks), after);
  if (verb) {
    const ref = referenceAt(toks, verb.end);
    const c = {
      pct: pct * verb.value,
      measure: ref?.value.measure ?? null,
      ref: ref?.value.ref ?? null,
    };
    return { value: { k: 'change', c }, end: ref?.end ?? verb.end };
  }
  return signedChange(toks, i, pct, after) ?? { value: { k: 'pct', pct }, end: after };
};

/** "780 triệu USD (+12,6% so với cùng kỳ)": a written sign and a reference make it a change. */
function signedChange(
  toks: readonly Token[],
  i: number,
  pct: number,
  after: number,
): Found<Mention> | null {
  if (!['+', '-'].includes(w(toks, i - 1))) return null;
  const ref = referenceAt(toks, after);
  if (!ref) return null;
  const c = { pct, measure: ref.value.measure, ref: ref.value.ref };
  return { value: { k: 'change', c }, end: ref.end };
}

const STOPS = new Set([',', ';', '.', ')', '(', 'va', 'and', 'et']);

/** "chiếm 19,5% tổng kim ngạch xuất khẩu của nước ta": a share of something else. */
const share: Matcher = (toks, i) => {
  if (w(toks, i) !== 'chiem') return null;
  const plan = planAt(toks, i + 1);
  if (plan) return { value: { k: 'plan', pct: plan.value }, end: plan.end };
  let j = i + 1;
  while (j < toks.length && !STOPS.has(w(toks, j))) j += 1;
  return dropped(j);
};

const COMPARATIVES = [
  ['kem'],
  ['cao', 'hon'],
  ['thap', 'hon'],
  ['nhieu', 'hon'],
  ['it', 'hon'],
  ['hon'],
];

/** "kém Bắc Ninh 0,59 tỷ USD", "cao hơn tới 1,33 tỷ USD": a difference, not a figure. */
const difference: Matcher = (toks, i) => {
  for (const c of COMPARATIVES) {
    if (!c.every((x, k) => w(toks, i + k) === x)) continue;
    let j = i + c.length;
    const place = reportWords().senses.at(ws(toks), j);
    if (place?.value.kind === 'place') j = place.end;
    else if (c[0] === 'hon') return null;
    while (['toi', 'khoang', 'gan', 'den', 'la'].includes(w(toks, j))) j += 1;
    const a = amountAt(toks, j);
    if (a) return dropped(a.end);
  }
  return null;
};

const priceBase: Matcher = (toks, i) => {
  if (!(w(toks, i) === 'gia' && w(toks, i + 1) === 'so' && w(toks, i + 2) === 'sanh')) return null;
  let j = i + 3;
  if (w(toks, j) === 'nam') j += 1;
  return dropped(isYear(toks[j]) ? j + 1 : j);
};

const preposedReference: Matcher = (toks, i) => {
  // "So với cùng kỳ năm trước, …" (never "Sở", which folds alike)
  if (w(toks, i) !== 'so' || w(toks, i + 1) !== 'voi') return null;
  const r = referenceAt(toks, i);
  return r ? { value: { k: 'refpre', r: r.value }, end: r.end } : null;
};

const MATCHERS: Matcher[] = [
  priceBase,
  prior,
  priorCompared,
  planIs,
  period,
  change,
  amount,
  percentage,
  share,
  difference,
  preposedReference,
];

export function scanMentions(toks: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  let lastEnd = -1;
  while (i < toks.length) {
    const hit = matchAt(toks, i, out, lastEnd);
    if (hit.value) {
      out.push(hit.value);
      lastEnd = hit.end;
    }
    i = Math.max(hit.end, i + 1);
  }
  return out;
}

function matchAt(
  toks: readonly Token[],
  i: number,
  out: Mention[],
  lastEnd: number,
): Found<Mention | null> {
  for (const m of MATCHERS) {
    const hit = m(toks, i);
    if (hit) return hit;
  }
  const continued = continuedChange(toks, i, out.at(-1));
  if (continued) return continued;
  const sense = senseAt(toks, i, ownerBefore(toks, i, lastEnd, out.at(-1)));
  if (sense) return sense;
  const plan = planOfIndicator(toks, i);
  if (plan) return plan;
  return { value: markAt(w(toks, i), i === 0) ?? unknownWord(w(toks, i)), end: i + 1 };
}

/** "Kế hoạch xuất khẩu năm 2024 là …": a plan word naming the indicator after it opens a target. */
function planOfIndicator(toks: readonly Token[], i: number): Found<Mention> | null {
  const plan = reportWords().plans.at(ws(toks), i);
  if (!plan) return null;
  const next = reportWords().senses.at(ws(toks), plan.end);
  return next?.value.kind === 'indicator' ? { value: { k: 'target' }, end: plan.end } : null;
}

function unknownWord(word: string): Mention | null {
  return /^[a-z]{2,}$/.test(word) && !reportWords().proseWords.has(word) ? { k: 'word' } : null;
}

const PLACE_PREFIXES = new Set(['.', 'tp', 'tinh', 'thanh', 'pho']);

/** "7,83 tỷ USD của TP. Hồ Chí Minh": the place right after an amount owns it. */
function ownerBefore(toks: readonly Token[], i: number, lastEnd: number, last?: Mention): boolean {
  let j = i - 1;
  while (j > lastEnd && PLACE_PREFIXES.has(w(toks, j))) j -= 1;
  return ['cua', 'of'].includes(w(toks, j)) && lastEnd === j && last?.k === 'amount';
}

function markAt(word: string, first: boolean): Mention | null {
  if (word === '(') return { k: 'open' };
  if (word === ')') return { k: 'close' };
  if (word === ';') return { k: 'sep' };
  if (word === 'voi' && first) return { k: 'with' };
  return null;
}

/** Words of the report vocabulary: indicators, places, parts, targets… */
function senseAt(toks: readonly Token[], i: number, owner: boolean): Found<Mention | null> | null {
  const hit = reportWords().senses.at(ws(toks), i);
  if (!hit) return null;
  const s = hit.value;
  switch (s.kind) {
    case 'indicator':
      // "xuất khẩu sang thị trường Mỹ", "xuất khẩu thủy sản": a part, no headline figure
      if (narrowed(toks, hit.end)) return { value: { k: 'part', id: null }, end: hit.end };
      return { value: { k: 'indicator', id: s.id }, end: hit.end };
    case 'weak':
      return { value: { k: 'weak', id: s.id }, end: hit.end };
    case 'part':
      return { value: { k: 'part', id: s.id }, end: hit.end };
    case 'place':
      return placeList(toks, hit.end, s.id, owner);
    case 'scope':
      return { value: { k: 'scope', scope: s.scope }, end: hit.end };
    case 'notTarget':
      return dropped(hit.end);
    default:
      return { value: { k: s.kind } as Mention, end: hit.end };
  }
}

/** The words after an indicator narrow it to a market, a product or a sector of the economy. */
function narrowed(toks: readonly Token[], end: number): boolean {
  const words = ws(toks);
  // "xuất khẩu vào tháng 10 đạt …" is a time, not a market
  if (words[end] === 'vao' && periodAt(toks, end + 1)) return false;
  if (reportWords().narrowers.at(words, end)) return true;
  return lexicon().commodityIndex.scan(words.slice(end, end + 3))[0]?.start === 0;
}

/** "Quảng Ninh và Tây Ninh cùng tăng 14,9%": one figure for each of the places. */
function placeList(
  toks: readonly Token[],
  end: number,
  id: string,
  afterOf: boolean,
): Found<Mention> {
  const next = w(toks, end) === 'va' ? reportWords().senses.at(ws(toks), end + 1) : null;
  if (next?.value.kind === 'place' && ['cung', 'deu'].includes(w(toks, next.end)))
    return { value: { k: 'place', ids: [id, next.value.id], afterOf }, end: next.end };
  return { value: { k: 'place', ids: [id], afterOf }, end };
}
