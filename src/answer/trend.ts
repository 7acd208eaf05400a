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
import type { ChartPoint, ChartSpec, Reply } from './reply.js';
import { chartSource, reply } from './reply.js';
import { seriesFor } from './resolve.js';
import { drawnValues, sameShape } from './series-shape.js';
import { type Words, wordsOf } from './words.js';

const MAX_LINES = 12;
/** "Từng tháng", "Lũy kế từ đầu năm"…: the name of a kind of span. */
const groupName = (w: Words, type: Fact['period']['type']) => w.t(`series_${type}`);

/** The kind of span a question is best answered with: the one of the latest figure. */
function mainGroup(series: readonly Fact[]): Fact[] {
  return sameShape(series, series.at(-1)!.period);
}

function pointsOf(w: Words, facts: readonly Fact[], growth: boolean): ChartPoint[] {
  return facts.flatMap((f) => {
    const v = growth ? f.yoy_pct : f.value;
    return v === null ? [] : [{ label: w.period(f.period), value: v, at: periodEnd(f.period) }];
  });
}

/** The shape most places have (the latest such): the one shape a chart of places draws. */
function commonShape(all: readonly { series: readonly Fact[] }[]): Fact['period'] | null {
  const mains = all.filter((a) => a.series.length).map((a) => mainGroup(a.series).at(-1)!.period);
  const key = (p: Fact['period']) => `${p.type}:${'month' in p ? p.month : ''}`;
  const count = (p: Fact['period']) => mains.filter((m) => key(m) === key(p)).length;
  return [...mains].sort((a, b) => count(b) - count(a) || periodEnd(b) - periodEnd(a))[0] ?? null;
}

const MAX_SOURCES = 4;

interface PlaceLine {
  readonly place: string;
  readonly series: readonly Fact[];
  /** The figures drawn: the shape every place shares, in time order. */
  readonly line: readonly Fact[];
}

/** One chart of several places: one kind of span for all, in time order. */
function placesChart(w: Words, idx: FactIndex, indicator: string, drawn: readonly PlaceLine[]) {
  const growth = drawn.some((a) => a.line.length && drawnValues(a.line).growth);
  const chartSeries = drawn
    .filter((a) => a.line.length)
    .map(({ place, line }) => {
      const what = groupName(w, line[0]!.period.type).toLowerCase();
      return { name: `${w.place(place)} (${what})`, points: pointsOf(w, line, growth) };
    })
    .filter((s) => s.points.length);
  if (!chartSeries.length) return null;
  const ends = drawn
    .flatMap((a) => a.line.map((f) => f.period))
    .sort((a, b) => periodEnd(a) - periodEnd(b));
  const span = ends.length ? `, ${w.period(ends[0]!)} – ${w.period(ends.at(-1)!)}` : '';
  const spec: ChartSpec = {
    kind: chartSeries.some((s) => s.points.length >= 2) ? 'line' : 'bar',
    lang: w.lang,
    title: `${w.indicator(indicator)}${span}`,
    unit: growth ? w.t('unit_yoy') : w.unit(idx.catalogue.indicator(indicator).unit),
    series: chartSeries,
    source: chartSource(
      w,
      drawn.flatMap((a) => a.series.slice(-MAX_LINES)),
    ),
  };
  return spec;
}

/** Several places: each one's series, and one chart with a line per place. */
function trendOfPlaces(q: Query, places: readonly string[], idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  const heading = w.t('trend_places_title', {
    indicator: w.indicatorNoun(indicator),
    places: places.map(w.place).join(', '),
  });
  const lines = [bold(heading)];
  const all = places.map((p) => ({
    place: p,
    series: seriesFor(idx, p, indicator, q.scope).series,
  }));
  const shape = commonShape(all);
  const drawn = all.map((a) => ({
    ...a,
    line: shape ? sameShape(a.series, shape).slice(-MAX_LINES) : [],
  }));
  for (const { place, series } of all) {
    lines.push(bold(w.place(place)));
    if (!series.length) lines.push(`• ${escapeHtml(w.t('series_none'))}`);
    lines.push(...seriesLines(w, series));
  }
  const sources = sourcesLine(
    w,
    all.flatMap((a) => a.series.slice(-MAX_LINES)),
    MAX_SOURCES,
  );
  if (sources) lines.push(sources);
  return reply(lines, { chart: placesChart(w, idx, indicator, drawn) });
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

function trendChart(
  w: Words,
  name: string,
  unit: string,
  shown: readonly Fact[],
  points: ChartPoint[],
): ChartSpec {
  const span = `${w.period(shown[0]!.period)} – ${w.period(shown.at(-1)!.period)}`;
  return {
    kind: points.length >= 2 ? 'line' : 'bar',
    lang: w.lang,
    title: `${name}, ${shown.length > 1 ? span : w.period(shown[0]!.period)}`,
    unit,
    series: [{ name: groupName(w, shown[0]!.period.type), points }],
    source: chartSource(w, shown),
  };
}

/**
 * The line a trend draws: with a year asked ("biểu đồ xuất khẩu 2025"), that year's months (or
 * its cumulative spans); otherwise the latest figure's kind of span over the years.
 */
function chartLine(series: readonly Fact[], q: Query): Fact[] {
  const year = q.period?.year;
  const inYear = year ? series.filter((f) => f.period.year === year) : [];
  if (inYear.length) {
    const months = inYear.filter((f) => f.period.type === 'month' && f.value !== null);
    const main = months.length >= 2 ? months.at(-1)! : inYear.at(-1)!;
    return sameShape(inYear, main.period).slice(-MAX_LINES);
  }
  return mainGroup(series).slice(-MAX_LINES);
}

/**
 * "diễn biến xuất khẩu các tháng năm 2024": the figures of that year; when the year has none,
 * every year, saying so.
 */
function yearListed(
  w: Words,
  series: readonly Fact[],
  q: Query,
): { series: readonly Fact[]; title: string | null; notes: string[] } {
  const year = q.period?.year;
  if (!year) return { series, title: null, notes: [] };
  const inYear = series.filter((f) => f.period.year === year);
  const yearName = w.period({ type: 'year', year });
  if (inYear.length) return { series: inYear, title: yearName, notes: [] };
  return { series, title: null, notes: [italic(w.t('trend_year_none', { year: yearName }))] };
}

export function trendReply(q: Query, idx: FactIndex): Reply {
  const w = wordsOf(q);
  const indicator = q.indicator!;
  if (q.places.length > 1) return trendOfPlaces(q, q.places, idx);
  const place = q.places[0]!;
  const { series, scope } = seriesFor(idx, place, indicator, q.scope);
  if (!series.length) return noSeriesReply(w, idx, indicator, place);
  const name = `${w.indicator(indicator)}${scope ? ` (${w.scope(scope)})` : ''} – ${w.place(place)}`;
  const listed = yearListed(w, series, q);
  const title = bold(
    w.t('trend_title', { name: listed.title ? `${name}, ${listed.title}` : name }),
  );
  const lines = [title, ...listed.notes, ...seriesLines(w, listed.series)];
  if (series.length < 3) lines.push(italic(w.t('series_few', { n: series.length })));
  lines.push(sourcesLine(w, listed.series.slice(-MAX_LINES), MAX_SOURCES)!);
  const { facts: shown, growth } = drawnValues(chartLine(series, q));
  const points = pointsOf(w, shown, growth);
  const unit = growth ? w.t('unit_yoy') : w.unit(idx.catalogue.indicator(indicator).unit);
  const chart = points.length ? trendChart(w, name, unit, shown, points) : null;
  // the chart comes with this answer: no button for it
  const chartStep = w.t('step_chart');
  const steps = nextStepsFor(w, idx, indicator, place, null).filter((s) => s.label !== chartStep);
  return reply(lines, { chart, nextSteps: steps });
}
