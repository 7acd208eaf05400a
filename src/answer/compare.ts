/**
 * Side-by-side figures for two or more places, saying so when their periods differ. Against
 * the whole country, a province's share is computed from two stated figures of the same
 * period and labelled as computed.
 */
import { type Period, type PeriodQuery, periodEnd, samePeriod } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  formatNumber,
  indicatorName,
  indicatorNoun,
  italic,
  periodText,
  placeName,
  sourceHtml,
} from './format.js';
import { mergerNote } from './lookup.js';
import { type ChartSpec, chartSource, type Reply, reply } from './reply.js';
import { nearestPeriods, resolve, seriesFor } from './resolve.js';

interface Row {
  readonly place: string;
  readonly fact: Fact | null;
  readonly note: string | null;
}
type Found = Row & { readonly fact: Fact };

/** With no period asked: the latest period that every place has, if any. */
function commonPeriod(q: Query, idx: FactIndex, indicator: string): Period | null {
  const sets = q.places.map((p) =>
    seriesFor(idx, p, indicator, q.scope).series.map((f) => f.period),
  );
  if (sets.some((s) => !s.length)) return null;
  const shared = sets[0]!.filter((p) => sets.every((s) => s.some((x) => samePeriod(p, x))));
  return shared.sort((a, b) => periodEnd(b) - periodEnd(a))[0] ?? null;
}

function rowFor(q: Query, idx: FactIndex, asked: string, period: Period | PeriodQuery | null): Row {
  const r = resolve(idx, asked, q.indicator!, period, q.scope);
  // with no shared period, a cumulative figure (from January) compares better than a single month
  const fact =
    r.facts.find((f) => f.value !== null && f.period.type !== 'month') ??
    r.facts.find((f) => f.value !== null) ??
    r.facts[0] ??
    null;
  const note = r.mergedFrom ? mergerNote(idx.catalogue, r.mergedFrom, r.place) : null;
  return { place: r.place, fact, note };
}

/** The latest periods a place has for the indicator: offered when the one asked is missing. */
function heldPeriods(idx: FactIndex, place: string, indicator: string): string {
  const held = nearestPeriods(idx, place, indicator, null, 3).map(periodText);
  return held.length ? ` (có: ${held.join('; ')})` : '';
}

function rowLine(
  row: Row,
  idx: FactIndex,
  period: Period | PeriodQuery | null,
  indicator: string,
): string {
  if (!row.fact)
    return `• ${bold(placeName(row.place))}: chưa có số liệu${period ? ` ${escapeHtml(periodText(period))}` : ''}${escapeHtml(heldPeriods(idx, row.place, indicator))}`;
  const warning = idx.warning(row.fact);
  return `• ${bold(placeName(row.place))} (${escapeHtml(periodText(row.fact.period))}): ${escapeHtml(shortFigure(row.fact))}${warning ? ` ⚠️ ${escapeHtml(warning)}` : ''}`;
}

/** "Kiên Giang gấp 1,5 lần Hải Phòng", or a province's share of the whole country. */
function relationLine(found: readonly Found[], idx: FactIndex): string | null {
  if (found.length !== 2 || found.some((r) => r.fact.value === null || r.fact.value <= 0))
    return null;
  const [a, b] = found as [Found, Found];
  const national = [a, b].find((r) => idx.catalogue.isNational(r.place));
  if (national) {
    const province = national === a ? b : a;
    const share = (province.fact.value! / national.fact.value!) * 100;
    return escapeHtml(
      `${placeName(province.place)} chiếm ${formatNumber(Math.round(share * 100) / 100)}% ${indicatorNoun(province.fact.indicator)} cả nước (số liệu tính toán từ hai số liệu trên, cùng kỳ).`,
    );
  }
  const [big, small] = a.fact.value! >= b.fact.value! ? [a, b] : [b, a];
  const ratio = Math.round((big.fact.value! / small.fact.value!) * 100) / 100;
  return escapeHtml(
    `${placeName(big.place)} gấp ${formatNumber(ratio)} lần ${placeName(small.place)}.`,
  );
}

function compareChart(
  found: readonly Found[],
  indicator: string,
  idx: FactIndex,
): ChartSpec | null {
  const values = found.filter((r) => r.fact.value !== null || r.fact.yoy_pct !== null);
  if (values.length < 2) return null;
  const useGrowth = found.some((r) => r.fact.value === null);
  const first = values[0]!.fact.period;
  // the period in the title when shared; otherwise each bar says its own
  const when = values.every((r) => samePeriod(r.fact.period, first))
    ? periodText(first)
    : 'mỗi nơi một kỳ';
  return {
    source: chartSource(values.map((r) => r.fact)),
    kind: 'bar',
    title: `${indicatorName(indicator)}${useGrowth ? ' (% so với cùng kỳ)' : ''}, ${when}`,
    unit: useGrowth ? '%' : idx.catalogue.indicator(indicator).unit,
    series: [
      {
        name: indicatorName(indicator),
        points: values.map((r) => ({
          label: `${placeName(r.place)} (${periodText(r.fact.period)})`,
          value: useGrowth ? (r.fact.yoy_pct ?? 0) : r.fact.value!,
        })),
      },
    ],
  };
}

export function compareReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const period = q.period ?? commonPeriod(q, idx, indicator);
  const own = q.periodsByPlace;
  const rows = q.places.map((asked, i) => rowFor(q, idx, asked, own?.[i] ?? period));
  const sameSpan = !own && period && period.year !== null;
  const heading = `So sánh ${indicatorNoun(indicator)}${sameSpan ? `, ${periodText(period)}` : ''}`;
  const lines = [bold(heading)];
  rows.forEach((row, i) => {
    if (row.note) lines.push(escapeHtml(row.note));
    // a place missing its own period says which one it lacks
    lines.push(rowLine(row, idx, own?.[i] ?? period, indicator));
  });
  const found = rows.filter((r): r is Found => r.fact !== null);
  const samePeriods =
    found.length >= 2 && found.every((r) => samePeriod(r.fact.period, found[0]!.fact.period));
  if (found.length >= 2 && !samePeriods)
    lines.push(italic('Lưu ý: các số liệu thuộc những kỳ khác nhau, chỉ nên so sánh tương đối.'));
  const relation = samePeriods ? relationLine(found, idx) : null;
  if (relation) lines.push(relation);
  const sources = [...new Set(found.map((r) => sourceHtml(r.fact.source)))];
  if (sources.length) lines.push(`<i>Nguồn: ${sources.join('; ')}</i>`);
  return reply(lines, {
    period: period && period.year !== null ? period : null,
    chart: compareChart(found, indicator, idx),
  });
}
