/**
 * A place's series for one indicator as text and a chart. Single months, cumulative spans,
 * quarters and years are different series: never joined on one line, and a long series shows
 * its latest points.
 */
import { periodEnd } from '../domain/period.js';
import type { FactIndex } from '../store/fact-store.js';
import type { Fact } from '../store/schema.js';
import type { Query } from '../understand/query.js';
import { shortFigure, sourcesLine } from './figure.js';
import { bold, escapeHtml, italic } from './format.js';
import { nextStepsFor } from './lookup.js';
import type { ChartSeries, ChartSpec, Reply } from './reply.js';
import { chartSource, reply } from './reply.js';
import { seriesFor } from './resolve.js';
import { type Words, wordsOf } from './words.js';

const MAX_LINES = 12;
/** "Từng tháng", "Lũy kế từ đầu năm"…: the name of a kind of span. */
const groupName = (w: Words, type: Fact['period']['type']) => w.t(`series_${type}`);

/** The kind of span a question is best answered with: the one of the latest figure. */
function mainGroup(series: readonly Fact[]): Fact[] {
  const type = series.at(-1)!.period.type;
  const group = series.filter((f) => f.period.type === type);
  if (type !== 'ytd') return group;
  // cumulative spans compare only at the same month: Jan-Apr 2019 against Jan-Apr 2020
  const month = (group.at(-1)!.period as { month: number }).month;
  return group.filter((f) => (f.period as { month: number }).month === month);
}

function pointsOf(
  w: Words,
  facts: readonly Fact[],
  growth: boolean,
): ChartSeries['points'][number][] {
  return facts.flatMap((f) => {
    const v = growth ? f.yoy_pct : f.value;
    return v === null ? [] : [{ label: w.period(f.period), value: v }];
  });
}

const MAX_SOURCES = 4;

/** Several places: each one's series, and one chart with a line per place. */
function trendOfPlaces(q: Query, places: readonly string[], idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const heading = w.t('trend_places_title', {
    indicator: w.indicatorNoun(indicator),
    places: places.map(w.place).join(', '),
  });
  const lines = [bold(heading)];
  const all = places.map((p) => {
    const { series } = seriesFor(idx, p, indicator, q.scope);
    return { place: p, series };
  });
  const growth = all.some((a) => a.series.some((f) => f.value === null));
  for (const { place, series } of all) {
    lines.push(bold(w.place(place)));
    if (!series.length) lines.push(`• ${escapeHtml(w.t('series_none'))}`);
    lines.push(...seriesLines(w, series));
  }
  const facts = all.flatMap((a) => a.series.slice(-MAX_LINES));
  const sources = sourcesLine(w, facts, MAX_SOURCES);
  if (sources) lines.push(sources);
  const chartSeries = all
    .filter((a) => a.series.length)
    .map(({ place, series }) => {
      const main = mainGroup(series).slice(-MAX_LINES);
      const what = groupName(w, main[0]!.period.type).toLowerCase();
      return { name: `${w.place(place)} (${what})`, points: pointsOf(w, main, growth) };
    })
    .filter((s) => s.points.length);
  const unit = growth ? w.t('unit_yoy') : w.unit(idx.catalogue.indicator(indicator).unit);
  const kind = chartSeries.some((s) => s.points.length >= 2) ? 'line' : 'bar';
  const ends = facts.map((f) => f.period).sort((a, b) => periodEnd(a) - periodEnd(b));
  const span = ends.length ? `, ${w.period(ends[0]!)} – ${w.period(ends.at(-1)!)}` : '';
  const chart = chartSeries.length
    ? {
        kind,
        title: `${w.indicator(indicator)}${span}`,
        unit,
        series: chartSeries,
        source: chartSource(w, facts),
      }
    : null;
  return reply(lines, { chart: chart as ChartSpec | null });
}

function noSeriesReply(w: Words, idx: FactIndex, indicator: string, place: string): Reply {
  const have = idx.provincesWith(indicator).slice(0, 12).map(w.place);
  const none = w.t('trend_none', {
    indicator: w.indicatorNoun(indicator),
    place: w.placeInline(place),
  });
  return reply([
    escapeHtml(none),
    have.length ? escapeHtml(w.t('indicator_held_by', { places: have.join(', '), more: '' })) : '',
  ]);
}

/** Text lines for every kind of span, each kind under its own heading, latest points only. */
function seriesLines(w: Words, series: readonly Fact[]): string[] {
  const types = [...new Set(series.map((f) => f.period.type))];
  const lines: string[] = [];
  for (const type of types) {
    const group = series.filter((f) => f.period.type === type);
    const shown = group.slice(-MAX_LINES);
    if (types.length > 1) lines.push(italic(`${groupName(w, type)}:`));
    for (const f of shown)
      lines.push(`• ${escapeHtml(w.period(f.period))}: ${escapeHtml(shortFigure(w, f))}`);
    if (group.length > shown.length)
      lines.push(italic(w.t('series_latest', { shown: shown.length, of: group.length })));
  }
  return lines;
}

export function trendReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  if (q.places.length > 1) return trendOfPlaces(q, q.places, idx);
  const place = q.places[0]!;
  const { series, scope } = seriesFor(idx, place, indicator, q.scope);
  if (!series.length) return noSeriesReply(w, idx, indicator, place);
  const name = `${w.indicator(indicator)}${scope ? ` (${w.scope(scope)})` : ''} – ${w.place(place)}`;
  const lines = [bold(w.t('trend_title', { name })), ...seriesLines(w, series)];
  if (series.length < 3) lines.push(italic(w.t('series_few', { n: series.length })));
  const shown = mainGroup(series).slice(-MAX_LINES);
  lines.push(sourcesLine(w, series.slice(-MAX_LINES), MAX_SOURCES)!);
  const growth = shown.some((f) => f.value === null);
  const points = pointsOf(w, shown, growth);
  const unit = growth ? w.t('unit_yoy') : w.unit(idx.catalogue.indicator(indicator).unit);
  const span = `${w.period(shown[0]!.period)} – ${w.period(shown.at(-1)!.period)}`;
  const chart: ChartSpec | null = points.length
    ? {
        kind: points.length >= 2 ? 'line' : 'bar',
        title: `${name}, ${shown.length > 1 ? span : w.period(shown[0]!.period)}`,
        unit,
        series: [{ name: groupName(w, shown[0]!.period.type), points }],
        source: chartSource(w, shown),
      }
    : null;
  // the chart comes with this answer: no button for it
  const chartStep = w.t('step_chart');
  const steps = nextStepsFor(w, idx, indicator, place, null).filter((s) => s.label !== chartStep);
  return reply(lines, { chart, nextSteps: steps });
}
