/**
 * A unit formed on 1 July 2025 asked about an earlier period: the figure a source stated for
 * the new unit if there is one, else its old parts' figures, summed only when every part has
 * the period and the indicator adds up (levels, not growth rates), and labelled as a sum.
 */
import type { Period } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import { figureBlock, shortFigure, sourceLine } from './figure.js';
import { bold, escapeHtml } from './format.js';
import { type Reply, reply } from './reply.js';
import type { Words } from './words.js';

function heading(
  w: Words,
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
): string[] {
  const parts = [place, ...idx.catalogue.absorbedBy(place).map((p) => p.id)];
  const named = { place: w.place(place), indicator: w.indicator(indicator) };
  return [
    bold(w.t('new_unit_title', { ...named, period: w.period(period) })),
    escapeHtml(
      w.t('new_unit_formed', {
        ...named,
        date: w.mergerDate(),
        parts: parts.map(w.place).join(', '),
      }),
    ),
  ];
}

export function partsReply(
  w: Words,
  idx: FactIndex,
  place: string,
  indicator: string,
  period: Period,
): Reply | null {
  const absorbed = idx.catalogue.absorbedBy(place);
  if (!absorbed.length) return null;
  const stated = idx.get(place, indicator, period, { newUnit: true });
  if (stated)
    return reply([...heading(w, idx, place, indicator, period), ...figureBlock(w, stated, idx)], {
      period,
    });
  const parts = [place, ...absorbed.map((p) => p.id)].map((id) => ({
    id,
    fact: idx.get(id, indicator, period),
  }));
  const lines = heading(w, idx, place, indicator, period);
  for (const p of parts) {
    const said = p.fact ? shortFigure(w, p.fact) : w.t('part_missing');
    lines.push(`• ${bold(w.place(p.id))}: ${escapeHtml(said)}`);
  }
  lines.push(...sumLines(w, idx, indicator, parts));
  for (const p of parts) if (p.fact) lines.push(sourceLine(w, p.fact));
  return reply(lines, { period });
}

function sumLines(
  w: Words,
  idx: FactIndex,
  indicator: string,
  parts: readonly { id: string; fact: Fact | undefined }[],
): string[] {
  const facts = parts.map((p) => p.fact);
  const additive = !idx.catalogue.indicator(indicator).growthOnly;
  if (!additive) return [escapeHtml(w.t('parts_not_additive'))];
  if (facts.some((f) => !f || f.value === null)) return [escapeHtml(w.t('parts_incomplete'))];
  const sum = facts.reduce((s, f) => s + f!.value!, 0);
  const digits = Math.max(...facts.map((f) => (String(f!.value).split('.')[1] ?? '').length));
  const unit = facts[0]!.unit;
  const total = `${w.amount(Number(sum.toFixed(digits)), unit)} ${w.t('computed_mark')}`;
  return [bold(w.t('parts_sum', { total }))];
}
