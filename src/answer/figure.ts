/** The lines that state one figure: value and unit, every comparison, flags and source. */
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { likelyIntended } from '../store/plausibility.js';
import {
  bold,
  changeSentence,
  escapeHtml,
  formatNumber,
  formatValue,
  italic,
  priceBasisText,
  scopeText,
  sourceDate,
  sourceHtml,
} from './format.js';
import { msg } from '../messages.js';

/** "(qua địa bàn)", "(giá hiện hành)", "(ước tính)": what kind of figure this is. */
function qualifiers(f: Fact): string {
  const parts = [scopeText(f.scope), priceBasisText(f.price_basis), f.estimate ? 'ước tính' : ''];
  return parts
    .filter(Boolean)
    .map((p) => ` (${p})`)
    .join('');
}

/** "43,7 triệu USD (ước tính)" or, for growth-only figures, the growth itself. */
export function headline(f: Fact): string {
  const value = formatValue(f);
  const q = qualifiers(f);
  if (value) return `${value}${q}`;
  const approx = f.approx ? `${f.approx} ` : '';
  if (f.yoy_pct !== null) return `${approx}${changeSentence(f.yoy_pct, 'yoy')}${q}`;
  if (f.mom_pct !== null) return `${approx}${changeSentence(f.mom_pct, 'mom')}${q}`;
  return `đạt ${formatNumber(f.plan_pct ?? 0)}% kế hoạch năm${q}`;
}

/** Comparisons not already said by the headline. */
export function comparisons(f: Fact): string[] {
  const out: string[] = [];
  const growthHeadline = f.value === null;
  if (f.mom_pct !== null && !(growthHeadline && f.yoy_pct === null))
    out.push(cap(changeSentence(f.mom_pct, 'mom')));
  if (f.yoy_pct !== null && !growthHeadline) out.push(cap(changeSentence(f.yoy_pct, 'yoy')));
  if (f.plan_pct !== null && !(growthHeadline && f.yoy_pct === null && f.mom_pct === null))
    out.push(`Đạt ${formatNumber(f.plan_pct)}% kế hoạch năm`);
  return out;
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One-line summary used in lists (comparison, ranking, trend). */
export function shortFigure(f: Fact): string {
  const parts = [headline(f)];
  if (f.value !== null && f.yoy_pct !== null) parts.push(`${changeSentence(f.yoy_pct, 'yoy')}`);
  else if (f.value !== null && f.mom_pct !== null)
    parts.push(`${changeSentence(f.mom_pct, 'mom')}`);
  if (f.plan_pct !== null && f.value !== null) parts.push(`đạt ${formatNumber(f.plan_pct)}% KH`);
  return parts.join(', ');
}

/** "Trong đó: bán lẻ hàng hóa …; dịch vụ …" when the store has the sub-series. */
function partsLine(f: Fact, idx: FactIndex): string | null {
  const children = idx.catalogue.indicators().filter((i) => i.parent === f.indicator);
  const parts = children.map((c) => idx.get(f.place, c.id, f.period)).filter((x) => !!x);
  if (!parts.length) return null;
  const text = parts.map((p) => {
    const short = headline(p).replace(' so với cùng kỳ năm trước', '').replace(' (ước tính)', '');
    return `${idx.catalogue.indicator(p.indicator).short} ${short}`;
  });
  return `Trong đó: ${escapeHtml(text.join('; '))}`;
}

/** Other sources that state another figure for the same thing, named. */
export function otherSourcesLine(f: Fact, idx: FactIndex): string | null {
  const others = idx.alternatives(f);
  if (!others.length) return null;
  const said = others.slice(0, 3).map((o) => {
    const what = o.value !== null ? `${formatValue(o)}${qualifiers(o)}` : headline(o);
    return `${o.source.publisher} (${sourceDate(o.source.date)}) ghi ${what}`;
  });
  return italic(`Nguồn khác: ${said.join('; ')}. Số trên theo quy tắc chọn nguồn (xem /nguon).`);
}

/** "⚠️ Số liệu nguồn có thể sai đơn vị: nguồn ghi “gần 19 triệu USD” … Có thể là 19 tỷ USD?" */
function unitWarningLine(f: Fact, warning: string, idx: FactIndex): string {
  const meant = likelyIntended(f, idx.series(f.place, f.indicator));
  const guess =
    meant === null
      ? ''
      : ` ${msg('unit_guess', { value: formatValue({ ...f, value: meant }) ?? '' })}`;
  return `⚠️ ${escapeHtml(cap(warning))}: ${escapeHtml(msg('unit_warning', { value: formatValue(f) ?? '' }) + guess)}`;
}

/** The full block for one figure, with its target, sub-series, warning and sources. */
export function figureBlock(f: Fact, idx: FactIndex): string[] {
  const lines = [`${bold(cap(headline(f)))}`];
  for (const c of comparisons(f)) lines.push(`• ${escapeHtml(c)}`);
  const target = idx.target(f.place, f.indicator, f.period);
  if (target) lines.push(`• ${escapeHtml(targetText(target))}`);
  const parts = partsLine(f, idx);
  if (parts) lines.push(parts);
  const warning = idx.warning(f);
  if (warning) lines.push(unitWarningLine(f, warning, idx));
  const others = otherSourcesLine(f, idx);
  if (others) lines.push(others);
  lines.push(sourceLine(f));
  return lines;
}

/** "Nguồn: publisher, “title”, date" with the link in Telegram and the URL in plain text. */
export function sourceLine(f: Fact): string {
  return `<i>Nguồn: ${sourceHtml(f.source)}</i>`;
}

export function targetText(t: Fact): string {
  const v = formatValue(t);
  if (v) return `Kế hoạch/mục tiêu cả kỳ: ${v}`;
  if (t.yoy_pct !== null) return `Kế hoạch/mục tiêu: ${changeSentence(t.yoy_pct, 'yoy')}`;
  return 'Có kế hoạch/mục tiêu cho kỳ này';
}
