/**
 * A unit formed on 1 July 2025 asked about an earlier period: the figure a source stated for
 * the new unit if there is one, else its old parts' figures, summed only when every part has
 * the period and the indicator adds up (levels, not growth rates), and labelled as a sum.
 */
import type { Period } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { figureBlock, shortFigure, sourceLine } from './figure.js';
import { bold, escapeHtml, formatAmount, indicatorName, periodText, placeName } from './format.js';
import { type Reply, reply } from './reply.js';

function heading(idx: FactIndex, place: string, indicator: string, period: Period): string[] {
  const parts = [place, ...idx.catalogue.absorbedBy(place).map((p) => p.id)];
  return [
    bold(`${indicatorName(indicator)} – ${placeName(place)} (mới), ${periodText(period)}`),
    escapeHtml(
      `ℹ️ ${placeName(place)} (mới) hình thành từ ${idx.catalogue.mergerLabel}, gồm ${parts.map(placeName).join(', ')}.`,
    ),
  ];
}

export function partsReply(
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
): Reply | null {
  const absorbed = idx.catalogue.absorbedBy(place);
  if (!absorbed.length) return null;
  const stated = idx.get(place, indicator, period, { newUnit: true });
  if (stated)
    return reply([...heading(idx, place, indicator, period), ...figureBlock(stated, idx)], {
      period,
    });
  const parts = [place, ...absorbed.map((p) => p.id)].map((id) => ({
    id,
    fact: idx.get(id, indicator, period),
  }));
  const lines = heading(idx, place, indicator, period);
  for (const p of parts)
    lines.push(
      `• ${bold(placeName(p.id))}: ${p.fact ? escapeHtml(shortFigure(p.fact)) : 'chưa có số liệu kỳ này'}`,
    );
  lines.push(...sumLines(idx, indicator, parts));
  for (const p of parts) if (p.fact) lines.push(sourceLine(p.fact));
  return reply(lines, { period });
}

function sumLines(
  idx: FactIndex,
  indicator: string,
  parts: readonly { id: string; fact: Fact | undefined }[],
): string[] {
  const facts = parts.map((p) => p.fact);
  const additive = !idx.catalogue.indicator(indicator).growthOnly;
  if (!additive) return ['(Chỉ số tăng trưởng không cộng được giữa các tỉnh.)'];
  if (facts.some((f) => !f || f.value === null))
    return ['(Không tính tổng: chưa có đủ số liệu của mọi tỉnh cũ cho kỳ này.)'];
  const sum = facts.reduce((s, f) => s + f!.value!, 0);
  const digits = Math.max(...facts.map((f) => (String(f!.value).split('.')[1] ?? '').length));
  const unit = facts[0]!.unit;
  return [
    bold(
      `Tổng các tỉnh cũ: ${formatAmount(Number(sum.toFixed(digits)), unit)} (số liệu tính toán)`,
    ),
  ];
}
