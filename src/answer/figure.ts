/** The lines that state one figure: value and unit, every comparison, flags and source. */
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { lexicon } from '../understand/lexicon.js';
import {
  bold,
  changeSentence,
  escapeHtml,
  formatNumber,
  formatValue,
  italic,
  sourceText,
} from './format.js';

/** "43,7 triệu USD (ước tính)" or, for growth-only figures, the growth itself. */
export function headline(f: Fact): string {
  const value = formatValue(f);
  const scope = f.scope ? ` (${f.scope})` : '';
  const est = f.estimate ? ' (ước tính)' : '';
  if (value) return `${value}${scope}${est}`;
  if (f.yoy_pct !== null) return `${changeSentence(f.yoy_pct, 'yoy')}${scope}${est}`;
  if (f.mom_pct !== null) return `${changeSentence(f.mom_pct, 'mom')}${scope}${est}`;
  return `đạt ${formatNumber(f.plan_pct ?? 0)}% kế hoạch năm${est}`;
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

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One-line summary used in lists (comparison, ranking, trend). */
export function shortFigure(f: Fact): string {
  const parts = [headline(f)];
  if (f.value !== null && f.yoy_pct !== null) parts.push(`${changeSentence(f.yoy_pct, 'yoy')}`);
  else if (f.value !== null && f.mom_pct !== null)
    parts.push(`${changeSentence(f.mom_pct, 'mom')}`);
  if (f.plan_pct !== null && f.value !== null) parts.push(`đạt ${formatNumber(f.plan_pct)}% KH`);
  return parts.join(', ');
}

/** The full block for one figure, with its target, sub-series, revisions, warning and source. */
export function figureBlock(f: Fact, idx: FactIndex): string[] {
  const lines = [`${bold(cap(headline(f)))}`];
  for (const c of comparisons(f)) lines.push(`• ${escapeHtml(c)}`);
  const target = idx.get(f.place, f.indicator, f.period, 'target');
  if (target) lines.push(`• ${escapeHtml(targetText(target))}`);
  const children = [...lexicon().indicators.values()].filter((i) => i.parent === f.indicator);
  const parts = children.map((c) => idx.get(f.place, c.id, f.period)).filter((x): x is Fact => !!x);
  if (parts.length)
    lines.push(
      `Trong đó: ${escapeHtml(parts.map((p) => `${lexicon().indicators.get(p.indicator)!.short} ${headline(p).replace(' so với cùng kỳ năm trước', '').replace(' (ước tính)', '')}`).join('; '))}`,
    );
  const warning = idx.warning(f);
  if (warning)
    lines.push(
      `⚠️ ${escapeHtml(cap(warning))}: nguồn ghi “${formatValue(f)}”, khác xa các số liệu khác cùng chỉ tiêu; số được giữ nguyên như nguồn.`,
    );
  const revisions = idx.revisions(f.place, f.indicator, f.period);
  if (revisions.length > 1)
    lines.push(
      italic(
        `Số liệu đã được cập nhật; bản trước: ${revisions
          .slice(1)
          .map(
            (r) =>
              `${formatValue(r) ?? headline(r)} (${r.source.date.split('-').reverse().join('/')})`,
          )
          .join('; ')}.`,
      ),
    );
  lines.push(italic(`Nguồn: ${sourceText(f.source)}`));
  return lines;
}

export function targetText(t: Fact): string {
  const v = formatValue(t);
  if (v) return `Kế hoạch/mục tiêu cả kỳ: ${v}`;
  if (t.yoy_pct !== null) return `Kế hoạch/mục tiêu: ${changeSentence(t.yoy_pct, 'yoy')}`;
  return 'Có kế hoạch/mục tiêu cho kỳ này';
}
