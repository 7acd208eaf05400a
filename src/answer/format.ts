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

export function formatValue(f: Pick<Fact, 'value' | 'unit' | 'approx'>): string | null {
  if (f.value === null) return null;
  const unit = f.unit === '% GRDP' ? '% GRDP' : ` ${f.unit}`;
  return `${f.approx ? `${f.approx} ` : ''}${formatNumber(f.value)}${unit}`;
}

export function placeName(id: string): string {
  return lexicon().places.get(id)?.name ?? id;
}

export function indicatorName(id: string): string {
  return lexicon().indicators.get(id)?.name ?? id;
}

/** The indicator's name inside a sentence: first letter in lower case, acronyms (IIP, GRDP) kept. */
export function indicatorNoun(id: string): string {
  const name = indicatorName(id);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function periodText(p: Period | PeriodQuery): string {
  return periodLabel(p);
}

const date = (iso: string) => iso.split('-').reverse().join('/');

export function sourceText(s: Source): string {
  return `${s.publisher}, “${s.title}”, ${date(s.date)}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** The plain text of a reply's HTML (what `npm run ask` prints). */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(
      /&(lt|gt|quot|amp);/g,
      (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!,
    );
}

export const bold = (s: string) => `<b>${escapeHtml(s)}</b>`;
export const italic = (s: string) => `<i>${escapeHtml(s)}</i>`;
