/**
 * Chart pictures for trend, comparison and ranking replies: a vega-lite spec, compiled
 * to vega, rendered to SVG in process, then to PNG by resvg with the Be Vietnam Pro TTF
 * font from npm (resvg draws no text with woff fonts), so Vietnamese labels render.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartSpec } from '../answer/reply.js';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  require.resolve('@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf'),
];
const FONT = 'Be Vietnam Pro';
const HEIGHT = 300;
const NUMBERS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
};
/** d3's number locale of the axes: "1.234,5" in Vietnamese, "1,234.5" in English. */
const LOCALES = {
  vi: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] },
};

function chartValues(chart: ChartSpec) {
  const format = NUMBERS[chart.lang ?? 'vi'];
  return chart.series.flatMap((s) =>
    s.points.map((p, order) => ({
      series: s.name,
      label: p.label,
      value: p.value,
      at: p.at ?? order,
      order,
      text: format.format(p.value),
    })),
  );
}

function axes(chart: ChartSpec) {
  const many = chart.series[0]!.points.length > 4;
  // points placed in time run in time whatever series first names a period
  const timed = chart.series.every((s) => s.points.every((p) => p.at !== undefined));
  const x = {
    field: 'label',
    type: 'nominal' as const,
    sort: timed ? { field: 'at', op: 'min' as const } : null,
    title: null,
    // labels are never cut: slanted when many, a place's period on a second line, no limit
    axis: {
      labelAngle: many ? -35 : 0,
      labelLimit: 0,
      labelOverlap: false,
      labelExpr: "split(replace(datum.label, /\\)$/, ''), ' (')",
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: chart.unit,
    axis: { format: ',.2~f' },
  };
  return { x, y };
}

function layers(chart: ChartSpec): unknown[] {
  const { x, y } = axes(chart);
  const multi = chart.series.length > 1;
  const color = multi ? { field: 'series', type: 'nominal', title: null } : { value: '#1f6fb2' };
  const offset = multi ? { xOffset: { field: 'series' } } : {};
  if (chart.kind === 'line')
    return [{ mark: { type: 'line', point: true, strokeWidth: 2 }, encoding: { x, y, color } }];
  return [
    {
      mark: { type: 'bar', color: '#1f6fb2' },
      encoding: { x, y, ...offset, ...(multi ? { color } : {}) },
    },
    {
      mark: { type: 'text', dy: -8, fontSize: 11 },
      encoding: { x, y, text: { field: 'text' }, ...offset },
    },
  ];
}

/** The source under the plot, below the axis labels (slanted ones take more room). */
function footnote(chart: ChartSpec): unknown[] {
  if (!chart.source) return [];
  const many = chart.series[0]!.points.length > 4;
  const twoLines = chart.series[0]!.points.some((p) => p.label.includes(' ('));
  return [
    {
      data: { values: [{}] },
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'top',
        fontSize: 10,
        color: '#666666',
        limit: 640,
      },
      encoding: {
        x: { value: 0 },
        y: { value: HEIGHT + (many ? 75 : twoLines ? 56 : 40) },
        text: { value: chart.source },
      },
    },
  ];
}

/** "Indicator – place, period": the period goes to a subtitle so that neither is cut. */
function titleOf(title: string) {
  const at = title.lastIndexOf(', ');
  const text = at > 0 ? title.slice(0, at) : title;
  const subtitle = at > 0 ? title.slice(at + 2) : undefined;
  return {
    text,
    subtitle,
    font: FONT,
    subtitleFont: FONT,
    fontSize: 16,
    subtitleFontSize: 12,
    anchor: 'start',
  };
}

export function vegaLiteSpec(chart: ChartSpec): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 560,
    height: HEIGHT,
    background: 'white',
    padding: 16,
    title: titleOf(chart.title),
    config: {
      font: FONT,
      axis: { labelFont: FONT, titleFont: FONT, labelFontSize: 11 },
      legend: { labelFont: FONT, titleFont: FONT, labelLimit: 300 },
      locale: { number: LOCALES[chart.lang ?? 'vi'] },
    },
    data: { values: chartValues(chart) },
    layer: [...layers(chart), ...footnote(chart)],
  } as TopLevelSpec;
}

export async function chartSvg(chart: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(vegaLiteSpec(chart)).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG bytes of a chart. */
export async function renderChart(chart: ChartSpec): Promise<Buffer> {
  const svg = await chartSvg(chart);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: 1000 },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
