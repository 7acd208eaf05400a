/**
 * Amounts and comparisons as reports write them, read from folded text (no diacritics, đ -> d):
 * levels in their units ("43,7 triệu USD", "1 tỷ 953 triệu USD", "hơn 144 ngàn tỷ đồng"),
 * changes ("tăng 5,2% so với cùng kỳ", "gấp 2 lần", "bằng 95% so với cùng kỳ"), plan shares
 * ("đạt 26,3% kế hoạch", "vượt 6% kế hoạch"), estimates and approximations.
 */

import { foldDiacritics } from '../normalize/fold.js';

/** The fields of a figure being read that an amount or a comparison fills. */
export interface Amounts {
  value: number | null;
  unit: string;
  mom_pct: number | null;
  yoy_pct: number | null;
  plan_pct: number | null;
  approx: 'hơn' | 'gần' | 'khoảng' | null;
}

/** "3.611,46" -> 3611.46; "17, 5" -> 17.5 */
export function parseViNumber(s: string): number {
  return Number(s.replace(/\s/g, '').replace(/\./g, '').replace(',', '.'));
}

const NUM = String.raw`\d{1,3}(?:\.\d{3})+(?:,\s?\d+)?|\d+(?:,\s?\d+)?`;
// the patterns read folded text (no diacritics, đ -> d): "triệu USD" and "trieu USD" alike
const VALUE = new RegExp(
  String.raw`(hon|gan|khoang|tren|xap xi|ngot)?\s*(${NUM})\s*(ngan|nghin)?\s*(t[yi] dong|trieu USD|t[yi] USD|trieu do la)`,
  'iu',
);
export const CHANGE = new RegExp(
  String.raw`(tang|giam)\s+(?:(?:gan|hon|khoang|tren|xap xi)\s+)?(${NUM})\s*%\s*(?:so\s+(?:voi\s+)?(thang truoc|quy truoc|cung ky|thang\s+\d{1,2}\/\d{4}))?`,
  'giu',
);
/** "tăng 1,5 lần", "gấp 2 lần": +50%, +100%. */
const MULTIPLE = new RegExp(
  String.raw`(?:tang|gap)\s+(${NUM})\s+lan\s*(?:so\s+(?:voi\s+)?(thang truoc|quy truoc|cung ky))?`,
  'iu',
);
/** "bằng 95% so với cùng kỳ": -5%. */
const SHARE_OF_LAST_YEAR = new RegExp(
  String.raw`bang\s+(${NUM})\s*%\s*so\s+(?:voi\s+)?cung ky`,
  'iu',
);
/** "1 tỷ 953 triệu USD", "1,4 triệu tỷ đồng": one amount in two units. */
const MIXED_USD =
  /(hon|gan|khoang|tren|xap xi|ngot)?\s*(\d+)\s*t[yi]\s+(\d{1,3})\s*trieu\s*(?:USD|do la)/iu;
const MILLION_BILLION = new RegExp(
  String.raw`(hon|gan|khoang|tren|xap xi|ngot)?\s*(${NUM})\s*trieu\s+t[yi]\s+dong`,
  'iu',
);
export const PLAN = new RegExp(
  String.raw`(?:dat|bang)\s+(${NUM})\s*%\s*(?:so voi\s+)?ke hoach`,
  'iu',
);
/** "vượt 6% kế hoạch" is 106% of the plan. */
export const PLAN_BEYOND = new RegExp(
  String.raw`vuot\s+(${NUM})\s*%\s*(?:so voi\s+)?ke hoach`,
  'iu',
);
export const PLAN_IS = new RegExp(String.raw`ke hoach(?: nam)? la\s+(${NUM})\s*%`, 'iu');
const SHARE = new RegExp(String.raw`(?:uoc\s+)?dat\s+(${NUM})\s*%(?!\s*ke hoach)`, 'iu');
export const SAME = /bang (?:so voi )?cung ky/iu;
export const ESTIMATE = /(?:^|[^\p{L}])uoc(?!\p{L})/iu;
const APPROX: Record<string, 'hơn' | 'gần' | 'khoảng'> = {
  hon: 'hơn',
  tren: 'hơn',
  gan: 'gần',
  ngot: 'gần',
  khoang: 'khoảng',
  'xap xi': 'khoảng',
};

function canonicalValue(
  value: number,
  thousand: boolean,
  unit: string,
): { value: number; unit: string } {
  const v = thousand ? value * 1000 : value;
  if (/t[yi] USD/i.test(unit))
    return { value: Math.round(v * 1000 * 1000) / 1000, unit: 'triệu USD' };
  if (/trieu/i.test(unit)) return { value: v, unit: 'triệu USD' };
  return { value: v, unit: 'tỷ đồng' };
}

/** A level ("43,7 triệu USD", "hơn 144 ngàn tỷ đồng") or, for a share, its percentage. */
export const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Changes written as a multiple or as a share of last year's figure. */
export function readOtherChanges(segment: string, current: Amounts): void {
  const multiple = MULTIPLE.exec(segment);
  if (multiple) {
    const pct = round((parseViNumber(multiple[1]!) - 1) * 100);
    if (multiple[2] && /truoc/i.test(multiple[2])) current.mom_pct ??= pct;
    else current.yoy_pct ??= pct;
  }
  const share = SHARE_OF_LAST_YEAR.exec(segment);
  if (share) current.yoy_pct ??= round(parseViNumber(share[1]!) - 100);
}

/** "1 tỷ 953 triệu USD" (1.953 triệu USD), "1,4 triệu tỷ đồng" (1.400.000 tỷ đồng). */
function readMixedLevel(segment: string, current: Amounts): boolean {
  const usd = MIXED_USD.exec(segment);
  const dong = usd ? null : MILLION_BILLION.exec(segment);
  const m = usd ?? dong;
  if (!m) return false;
  current.value = usd
    ? Number(usd[2]) * 1000 + Number(usd[3])
    : round(parseViNumber(dong![2]!) * 1_000_000);
  current.unit = usd ? 'triệu USD' : 'tỷ đồng';
  current.approx = m[1] ? (APPROX[m[1].toLowerCase()] ?? null) : null;
  return true;
}

export function readLevel(original: string, unit: string, current: Amounts): void {
  const segment = foldDiacritics(original);
  const share = unit.includes('%') ? SHARE.exec(segment) : null;
  if (share) {
    current.value = parseViNumber(share[1]!);
    current.unit = unit;
    return;
  }
  if (readMixedLevel(segment, current)) return;
  const v = VALUE.exec(segment);
  if (!v) return;
  const c = canonicalValue(parseViNumber(v[2]!), !!v[3], v[4]!);
  current.value = c.value;
  current.unit = c.unit;
  current.approx = v[1] ? (APPROX[v[1].toLowerCase()] ?? null) : null;
}
