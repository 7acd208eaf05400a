/** A place's series for one indicator as text (and a chart spec for the picture). */
import type { FactIndex } from '../store/fact-store.js';
import type { Query } from '../understand/query.js';
import { lexicon } from '../understand/lexicon.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  indicatorName,
  italic,
  periodText,
  placeName,
  sourceText,
  indicatorNoun,
} from './format.js';
import { nextStepsFor } from './lookup.js';
import { type ChartSeries, type Reply, reply } from './reply.js';

/** Several places: each one's series, and one chart with a line per place. */
function trendOfPlaces(indicator: string, places: readonly string[], idx: FactIndex): Reply {
  const lines = [
    bold(`Diễn biến ${indicatorNoun(indicator)}: ${places.map(placeName).join(', ')}`),
  ];
  const all = places.map((p) => ({ place: p, series: idx.series(p, indicator) }));
  const growth = all.some((a) => a.series.some((f) => f.value === null));
  for (const { place, series } of all) {
    lines.push(bold(placeName(place)));
    if (!series.length) lines.push('• chưa có số liệu');
    for (const f of series)
      lines.push(`• ${escapeHtml(periodText(f.period))}: ${escapeHtml(shortFigure(f))}`);
  }
  const sources = [...new Set(all.flatMap((a) => a.series.map((f) => sourceText(f.source))))];
  if (sources.length) lines.push(italic(`Nguồn: ${sources.join('; ')}`));
  const chartSeries = all
    .map(({ place, series }) => ({
      name: placeName(place),
      points: series.flatMap((f) => {
        const v = growth ? f.yoy_pct : f.value;
        return v === null ? [] : [{ label: periodText(f.period), value: v }];
      }),
    }))
    .filter((s) => s.points.length);
  const unit = growth ? '% so với cùng kỳ' : lexicon().indicators.get(indicator)!.unit;
  const chart = chartSeries.length
    ? {
        kind: (chartSeries.some((s) => s.points.length >= 2) ? 'line' : 'bar') as 'line' | 'bar',
        title: indicatorName(indicator),
        unit,
        series: chartSeries,
      }
    : null;
  return reply(lines, { chart });
}

export function trendReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  if (q.places.length > 1) return trendOfPlaces(indicator, q.places, idx);
  const place = q.places[0]!;
  const series = idx.series(place, indicator);
  const name = `${indicatorName(indicator)} – ${placeName(place)}`;
  if (!series.length) {
    const have = idx.placesWith(indicator).map(placeName);
    return reply([
      `Chưa có chuỗi số liệu ${escapeHtml(indicatorNoun(indicator))} của ${escapeHtml(placeName(place))}.`,
      have.length ? escapeHtml(`Chỉ tiêu này có số liệu của: ${have.join(', ')}.`) : '',
    ]);
  }
  const lines = [bold(`Diễn biến ${name}`)];
  for (const f of series)
    lines.push(`• ${escapeHtml(periodText(f.period))}: ${escapeHtml(shortFigure(f))}`);
  if (series.length < 3)
    lines.push(italic(`Kho dữ liệu mới có ${series.length} kỳ cho chỉ tiêu này.`));
  lines.push(italic(`Nguồn: ${[...new Set(series.map((f) => sourceText(f.source)))].join('; ')}`));
  const growth = series.some((f) => f.value === null);
  const groups = new Map<string, ChartSeries['points'][number][]>();
  for (const f of series) {
    const kind =
      f.period.type === 'month'
        ? 'Từng tháng'
        : f.period.type === 'quarter'
          ? 'Từng quý'
          : 'Lũy kế từ đầu năm';
    const v = growth ? f.yoy_pct : f.value;
    if (v === null) continue;
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind)!.push({ label: periodText(f.period), value: v });
  }
  const unit = growth ? '% so với cùng kỳ' : lexicon().indicators.get(indicator)!.unit;
  const chartSeries = [...groups].map(([n, points]) => ({ name: n, points }));
  const chart = chartSeries.some((s) => s.points.length)
    ? {
        kind: (chartSeries.some((s) => s.points.length >= 2) ? 'line' : 'bar') as 'line' | 'bar',
        title: name,
        unit,
        series: chartSeries,
      }
    : null;
  return reply(lines, {
    chart,
    nextSteps: nextStepsFor(idx, indicator, place, null).filter(
      (s) => !s.label.includes('biểu đồ'),
    ),
  });
}
