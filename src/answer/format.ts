/** Vietnamese number, change and label formatting for replies (vi-VN: 3.611,46; 43,7). */
import type { Fact, Source } from '../store/schema.js';
import { lexicon } from '../understand/lexicon.js';
import { periodLabel, type Period, type PeriodQuery } from '../domain/period.js';

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });

/** 3611.46 -> "3.611,46"; never more decimals than the stored figure has. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** "tăng 23,68%", "giảm 36,65%", "bằng" (0). */
export function formatChange(pct: number): string {
  if (pct === 0) return 'bằng';
  return `${pct > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(pct))}%`;
}

export function changeSentence(pct: number, against: 'mom' | 'yoy'): string {
  if (pct === 0) return against === 'yoy' ? 'bằng cùng kỳ năm trước' : 'bằng tháng trước';
  return `${formatChange(pct)} so với ${against === 'yoy' ? 'cùng kỳ năm trước' : 'tháng trước'}`;
}

const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;

/** n / 10^k with exactly the digits n has: 2533.4 / 1000 -> "2,5334", never more precise. */
const scaledFormats = new Map<number, Intl.NumberFormat>();
function scaled(n: number, k: number): string {
  const digits = Math.min(decimalsOf(n) + k, 12);
  let format = scaledFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits });
    scaledFormats.set(digits, format);
  }
  return format.format(n / 10 ** k);
}

/** A level as reports write large ones: 2533 triệu USD -> "2,533 tỷ USD (2.533 triệu USD)". */
export function formatAmount(value: number, unit: string): string {
  const exact = `${formatNumber(value)}${unit === '% GRDP' ? '% GRDP' : ` ${unit}`}`;
  if (unit === 'triệu USD' && Math.abs(value) >= 1000)
    return `${scaled(value, 3)} tỷ USD (${exact})`;
  if (unit === 'tỷ đồng' && Math.abs(value) >= 1_000_000)
    return `${scaled(value, 6)} triệu tỷ đồng (${exact})`;
  return exact;
}

export function formatValue(f: Pick<Fact, 'value' | 'unit' | 'approx'>): string | null {
  if (f.value === null) return null;
  return `${f.approx ? `${f.approx} ` : ''}${formatAmount(f.value, f.unit)}`;
}

const SCOPE_WORDS: Record<string, string> = {
  'qua-dia-ban': 'hàng hóa qua địa bàn (các cửa khẩu của tỉnh), không phải của riêng tỉnh',
  'tru-dau-tho': 'không kể dầu thô',
};
const SCOPE_SHORT: Record<string, string> = {
  'qua-dia-ban': 'qua địa bàn',
  'tru-dau-tho': 'trừ dầu thô',
};
/** "qua địa bàn", "trừ dầu thô": the series a figure belongs to, in words. */
export const scopeText = (scope: string | null, long = false) =>
  scope ? ((long ? SCOPE_WORDS : SCOPE_SHORT)[scope] ?? scope) : '';

export const priceBasisText = (basis: string | null) =>
  basis === 'hien-hanh' ? 'giá hiện hành' : basis === 'so-sanh-2010' ? 'giá so sánh 2010' : '';

export function placeName(id: string): string {
  return lexicon().places.get(id)?.name ?? id;
}

export function indicatorName(id: string): string {
  return lexicon().indicators.get(id)?.name ?? id;
}

/**
 * The indicator's name inside a sentence: first letter in lower case, acronyms (IIP, GRDP) kept.
 */
export function indicatorNoun(id: string): string {
  const name = indicatorName(id);
  // "IIP ngành khai khoáng" keeps its acronym; "Kim ngạch…" becomes "kim ngạch…"
  if (/^\p{Lu}{2}/u.test(name)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function periodText(p: Period | PeriodQuery): string {
  return periodLabel(p);
}

/** 2020-05-04 -> 04/05/2020, 2020-05 -> 05/2020, 2020 -> 2020. */
export const sourceDate = (iso: string | null) =>
  iso ? iso.split('-').reverse().join('/') : 'không rõ ngày';

/** The source with a link (http/https only: the schema refuses anything else). */
export function sourceHtml(s: Source): string {
  const label = escapeHtml(
    [s.publisher, s.title ? `“${s.title}”` : null].filter(Boolean).join(', '),
  );
  const linked =
    s.url && /^https?:\/\//i.test(s.url) ? `<a href="${escapeHtml(s.url)}">${label}</a>` : label;
  return `${linked}, ${escapeHtml(sourceDate(s.date))}`;
}

export function sourceText(s: Source): string {
  return [s.publisher, s.title ? `“${s.title}”` : null, sourceDate(s.date)]
    .filter(Boolean)
    .join(', ');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** The plain text of a reply's HTML (what `npm run ask` prints). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<a href="([^"]*)">([^<]*)<\/a>/g, '$2 ($1)')
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!,
    );
}

export const bold = (s: string) => `<b>${escapeHtml(s)}</b>`;
export const italic = (s: string) => `<i>${escapeHtml(s)}</i>`;
