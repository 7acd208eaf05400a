/** Side-by-side figures for two or more places, saying so when their periods differ. */
import { type Period, periodEnd, samePeriod } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { lexicon } from '../understand/lexicon.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  formatNumber,
  indicatorName,
  italic,
  periodText,
  placeName,
  sourceText,
  indicatorNoun,
} from './format.js';
import { mergerNote } from './lookup.js';
import { type Reply, reply } from './reply.js';
import { resolve } from './resolve.js';

/** With no period asked: the latest period that every place has, if any. */
function commonPeriod(idx: FactIndex, places: readonly string[], indicator: string): Period | null {
  const sets = places.map((p) => idx.series(p, indicator).map((f) => f.period));
  if (sets.some((s) => !s.length)) return null;
  const shared = sets[0]!.filter((p) => sets.every((s) => s.some((q) => samePeriod(p, q))));
  return shared.sort((a, b) => periodEnd(b) - periodEnd(a))[0] ?? null;
}

export function compareReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const period = q.period ?? commonPeriod(idx, q.places, indicator);
  const rows: { place: string; fact: Fact | null; note: string | null }[] = [];
  for (const asked of q.places) {
    const r = resolve(idx, asked, indicator, period);
    // with no shared period, a cumulative figure (from January) compares better than a single month
    const fact =
      r.facts.find((f) => f.value !== null && f.period.type !== 'month') ??
      r.facts.find((f) => f.value !== null) ??
      r.facts[0] ??
      null;
    rows.push({
      place: r.place,
      fact,
      note: r.mergedFrom ? mergerNote(r.mergedFrom, r.place) : null,
    });
  }
  const lines = [
    bold(
      `So sánh ${indicatorNoun(indicator)}${period && period.year !== null ? `, ${periodText(period)}` : ''}`,
    ),
  ];
  for (const row of rows) {
    if (row.note) lines.push(escapeHtml(row.note));
    lines.push(
      row.fact
        ? `• ${bold(placeName(row.place))} (${escapeHtml(periodText(row.fact.period))}): ${escapeHtml(shortFigure(row.fact))}${idx.warning(row.fact) ? ` ⚠️ ${escapeHtml(idx.warning(row.fact)!)}` : ''}`
        : `• ${bold(placeName(row.place))}: chưa có số liệu${period ? ` ${escapeHtml(periodText(period))}` : ''}`,
    );
  }
  const found = rows.filter(
    (r): r is { place: string; fact: Fact; note: string | null } => r.fact !== null,
  );
  const samePeriods =
    found.length >= 2 && found.every((r) => samePeriod(r.fact.period, found[0]!.fact.period));
  if (found.length >= 2 && !samePeriods)
    lines.push(italic('Lưu ý: các số liệu thuộc những kỳ khác nhau, chỉ nên so sánh tương đối.'));
  if (samePeriods && found.every((r) => r.fact.value !== null) && found.length === 2) {
    const [a, b] = found as [(typeof found)[0], (typeof found)[0]];
    const ratio = a.fact.value! / b.fact.value!;
    if (Number.isFinite(ratio) && ratio > 0) {
      const big = ratio >= 1 ? a : b,
        small = ratio >= 1 ? b : a;
      lines.push(
        escapeHtml(
          `${placeName(big.place)} gấp ${formatNumber(Math.round((big.fact.value! / small.fact.value!) * 100) / 100)} lần ${placeName(small.place)}.`,
        ),
      );
    }
  }
  const sources = [...new Set(found.map((r) => sourceText(r.fact.source)))];
  if (sources.length) lines.push(italic(`Nguồn: ${sources.join('; ')}`));
  const unit = lexicon().indicators.get(indicator)!.unit;
  const values = found.filter((r) => r.fact.value !== null || r.fact.yoy_pct !== null);
  const useGrowth = found.some((r) => r.fact.value === null);
  const chart =
    values.length >= 2
      ? {
          kind: 'bar' as const,
          title: `${indicatorName(indicator)}${useGrowth ? ' (% so với cùng kỳ)' : ''}`,
          unit: useGrowth ? '%' : unit,
          series: [
            {
              name: indicatorName(indicator),
              points: values.map((r) => ({
                label: `${placeName(r.place)} (${periodText(r.fact.period)})`,
                value: useGrowth ? (r.fact.yoy_pct ?? 0) : r.fact.value!,
              })),
            },
          ],
        }
      : null;
  return reply(lines, { period: period && period.year !== null ? period : null, chart });
}
