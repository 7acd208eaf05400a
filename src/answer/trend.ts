/**
 * A place's series for one indicator as text and a chart. Single months, cumulative spans,
 * quarters and years are different series: never joined on one line, and a long series shows
 * its latest points.
 */
import { periodEnd } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure } from './figure.js';
import {
  bold,
  escapeHtml,
  indicatorName,
  indicatorNoun,
  italic,
  periodText,
  placeName,
  scopeText,
  sourceHtml,
} from './format.js';
import { nextStepsFor } from './lookup.js';
import type { ChartSeries, ChartSpec, Reply } from './reply.js';
import { chartSource, reply } from './reply.js';
import { seriesFor } from './resolve.js';

const MAX_LINES = 12;
const GROUP_NAMES: Record<Fact['period']['type'], string> = {
  month: 'Từng tháng',
  ytd: 'Lũy kế từ đầu năm',
  quarter: 'Từng quý',
  year: 'Cả năm',
};

/** The kind of span a question is best answered with: the one of the latest figure. */
function mainGroup(series: readonly Fact[]): Fact[] {
  const type = series.at(-1)!.period.type;
  const group = series.filter((f) => f.period.type === type);
  if (type !== 'ytd') return group;
  // cumulative spans compare only at the same month: Jan-Apr 2019 against Jan-Apr 2020
  const month = (group.at(-1)!.period as { month: number }).month;
  return group.filter((f) => (f.period as { month: number }).month === month);
}

function pointsOf(facts: readonly Fact[], growth: boolean): ChartSeries['points'][number][] {
  return facts.flatMap((f) => {
    const v = growth ? f.yoy_pct : f.value;
    return v === null ? [] : [{ label: periodText(f.period), value: v }];
  });
}

function sourcesLine(facts: readonly Fact[]): string {
  const sources = [...new Set(facts.map((f) => sourceHtml(f.source)))];
  const more = sources.length > 4 ? `; và ${sources.length - 4} nguồn khác` : '';
  return `<i>Nguồn: ${sources.slice(0, 4).join('; ')}${more}</i>`;
}

/** Several places: each one's series, and one chart with a line per place. */
function trendOfPlaces(q: Query, places: readonly string[], idx: FactIndex): Reply {
  const indicator = q.indicator!;
  const lines = [
    bold(`Diễn biến ${indicatorNoun(indicator)}: ${places.map(placeName).join(', ')}`),
  ];
  const all = places.map((p) => {
    const { series } = seriesFor(idx, p, indicator, q.scope);
    return { place: p, series };
  });
  const growth = all.some((a) => a.series.some((f) => f.value === null));
  for (const { place, series } of all) {
    lines.push(bold(placeName(place)));
    if (!series.length) lines.push('• chưa có số liệu');
    lines.push(...seriesLines(series));
  }
  const facts = all.flatMap((a) => a.series.slice(-MAX_LINES));
  if (facts.length) lines.push(sourcesLine(facts));
  const chartSeries = all
    .filter((a) => a.series.length)
    .map(({ place, series }) => {
      const main = mainGroup(series).slice(-MAX_LINES);
      const what = GROUP_NAMES[main[0]!.period.type].toLowerCase();
      return { name: `${placeName(place)} (${what})`, points: pointsOf(main, growth) };
    })
    .filter((s) => s.points.length);
  const unit = growth ? '% so với cùng kỳ' : idx.catalogue.indicator(indicator).unit;
  const kind = chartSeries.some((s) => s.points.length >= 2) ? 'line' : 'bar';
  const ends = facts.map((f) => f.period).sort((a, b) => periodEnd(a) - periodEnd(b));
  const span = ends.length ? `, ${periodText(ends[0]!)} – ${periodText(ends.at(-1)!)}` : '';
  const chart = chartSeries.length
    ? {
        kind,
        title: `${indicatorName(indicator)}${span}`,
        unit,
        series: chartSeries,
        source: chartSource(facts),
      }
    : null;
  return reply(lines, { chart: chart as ChartSpec | null });
}

function noSeriesReply(idx: FactIndex, indicator: string, place: string): Reply {
  const have = idx.provincesWith(indicator).slice(0, 12).map(placeName);
  return reply([
    `Chưa có chuỗi số liệu ${escapeHtml(indicatorNoun(indicator))} của ${escapeHtml(placeName(place))}.`,
    have.length ? escapeHtml(`Chỉ tiêu này có số liệu của: ${have.join(', ')}.`) : '',
  ]);
}

/** Text lines for every kind of span, each kind under its own heading, latest points only. */
function seriesLines(series: readonly Fact[]): string[] {
  const types = [...new Set(series.map((f) => f.period.type))];
  const lines: string[] = [];
  for (const type of types) {
    const group = series.filter((f) => f.period.type === type);
    const shown = group.slice(-MAX_LINES);
    if (types.length > 1) lines.push(italic(`${GROUP_NAMES[type]}:`));
    for (const f of shown)
      lines.push(`• ${escapeHtml(periodText(f.period))}: ${escapeHtml(shortFigure(f))}`);
    if (group.length > shown.length)
      lines.push(italic(`(${shown.length} kỳ gần nhất trong ${group.length} kỳ.)`));
  }
  return lines;
}

export function trendReply(q: Query, idx: FactIndex): Reply {
  const indicator = q.indicator!;
  if (q.places.length > 1) return trendOfPlaces(q, q.places, idx);
  const place = q.places[0]!;
  const { series, scope } = seriesFor(idx, place, indicator, q.scope);
  if (!series.length) return noSeriesReply(idx, indicator, place);
  const name = `${indicatorName(indicator)}${scope ? ` (${scopeText(scope)})` : ''} – ${placeName(place)}`;
  const lines = [bold(`Diễn biến ${name}`), ...seriesLines(series)];
  if (series.length < 3)
    lines.push(italic(`Kho dữ liệu mới có ${series.length} kỳ cho chỉ tiêu này.`));
  const shown = mainGroup(series).slice(-MAX_LINES);
  lines.push(sourcesLine(series.slice(-MAX_LINES)));
  const growth = shown.some((f) => f.value === null);
  const points = pointsOf(shown, growth);
  const unit = growth ? '% so với cùng kỳ' : idx.catalogue.indicator(indicator).unit;
  const span = `${periodText(shown[0]!.period)} – ${periodText(shown.at(-1)!.period)}`;
  const chart: ChartSpec | null = points.length
    ? {
        kind: points.length >= 2 ? 'line' : 'bar',
        title: `${name}, ${shown.length > 1 ? span : periodText(shown[0]!.period)}`,
        unit,
        series: [{ name: GROUP_NAMES[shown[0]!.period.type], points }],
        source: chartSource(shown),
      }
    : null;
  const steps = nextStepsFor(idx, indicator, place, null).filter(
    (s) => !s.label.includes('biểu đồ'),
  );
  return reply(lines, { chart, nextSteps: steps });
}
