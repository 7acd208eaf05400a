/**
 * Chart pictures: the period in the title, the source as a footnote, labels never cut, a
 * comparison of different periods marked on each bar, months and cumulative totals never on one
 * line, and the words in English for a question asked in English.
 */
import { describe, expect, it } from 'vitest';
import { chartSvg, vegaLiteSpec } from '../src/charts/render.js';
import { bundled, conversation } from './helpers.js';

const chartOf = (...turns: string[]) => {
  const c = conversation(bundled);
  const replies = turns.map((t) => c.ask(t).reply);
  return replies.at(-1)!.chart!;
};

describe('charts', () => {
  it('a trend: the span in the title, every source publisher in the footnote', async () => {
    const chart = chartOf('xu hướng xuất khẩu cả nước');
    // the levels of the years that state one (a year with growth only is left off the line)
    expect(chart.title).toMatch(/– Cả nước, năm 2019 – năm 2025$/);
    expect(chart.unit).toBe('triệu USD');
    expect(chart.source).toMatch(/^Nguồn: .+ và \d+ nguồn khác$/);
    const svg = await chartSvg(chart);
    expect(svg).toContain('năm 2019 – năm 2025'); // the subtitle
    expect(svg).toContain('Nguồn: ');
  });

  it('a comparison of different periods says so in the title and on each bar', async () => {
    const chart = chartOf('so sánh bán lẻ Hải Phòng với Kiên Giang');
    expect(chart.title).toMatch(/, mỗi nơi một kỳ$/);
    expect(chart.series[0]!.points.map((p) => p.label)).toEqual([
      'Hải Phòng (10 tháng đầu năm 2025)',
      'Kiên Giang (4 tháng đầu năm 2020)',
    ]);
    const svg = await chartSvg(chart);
    // each label whole, on two lines, never cut with an ellipsis
    expect(svg).toContain('10 tháng đầu năm 2025');
    expect(svg).not.toContain('…');
  });

  it('a comparison on one period names it in the title', () => {
    const chart = chartOf('so sánh xuất khẩu Bắc Ninh và Thái Nguyên năm 2025');
    expect(chart.title).toMatch(/, năm 2025$/);
    expect(chart.source).toBe('Nguồn: VietNamNet');
  });

  it('axis labels have no length limit and the footnote sits below them', () => {
    const spec = vegaLiteSpec(chartOf('tỉnh nào xuất khẩu nhiều nhất 2025')) as unknown as {
      layer: { mark: { type: string }; encoding: { x: { axis?: { labelLimit: number } } } }[];
    };
    expect(spec.layer[0]!.encoding.x.axis!.labelLimit).toBe(0);
    expect(spec.layer.at(-1)!.mark.type).toBe('text');
  });

  it('a trend line never joins single months and cumulative totals', () => {
    const chart = chartOf('xu hướng xuất khẩu Kiên Giang');
    for (const s of chart.series) {
      const labels = s.points.map((p) => p.label);
      const cumulative = labels.filter((l) => /tháng đầu năm|LK/.test(l));
      expect(cumulative.length === 0 || cumulative.length === labels.length).toBe(true);
    }
  });

  it('in English for a question asked in English', () => {
    const chart = chartOf('export trend Vietnam');
    expect(chart.title).toBe('Merchandise exports – Vietnam, 2019 – 2025');
    expect(chart.unit).toBe('million USD');
    expect(chart.lang).toBe('en');
    expect(chart.source).toMatch(/^Source: .+ and \d+ other sources$/);
  });

  it('"biểu đồ xuất khẩu cả nước 2025": the months of 2025, not the growth of other years', () => {
    const chart = chartOf('biểu đồ xuất khẩu cả nước 2025');
    const labels = chart.series[0]!.points.map((p) => p.label);
    expect(labels.every((l) => /^tháng \d+\/2025$/.test(l))).toBe(true);
    expect(chart.unit).toBe('triệu USD');
  });

  it('a trend of places after a comparison: one kind of span, the x axis in time order', () => {
    const chart = chartOf('so sánh xuất khẩu Bắc Ninh và Hải Phòng', 'xu hướng');
    const types = new Set(chart.series.flatMap((s) => s.points.map((p) => p.label.split(' ')[0])));
    expect(types.size).toBe(1);
    for (const s of chart.series) {
      const at = s.points.map((p) => p.at!);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
    const spec = JSON.stringify(vegaLiteSpec(chart));
    expect(spec).toContain('"sort":{"field":"at","op":"min"}');
  });

  it('English charts write English numbers, Vietnamese ones Vietnamese numbers', () => {
    const en = JSON.stringify(
      vegaLiteSpec({
        kind: 'bar',
        lang: 'en',
        title: 't',
        unit: '%',
        series: [{ name: 'a', points: [{ label: 'x', value: 7.01 }] }],
      }),
    );
    expect(en).toContain('"text":"7.01"');
    expect(en).toContain('"decimal":"."');
    const vi = JSON.stringify(
      vegaLiteSpec({
        kind: 'bar',
        title: 't',
        unit: '%',
        series: [{ name: 'a', points: [{ label: 'x', value: 7.01 }] }],
      }),
    );
    expect(vi).toContain('"text":"7,01"');
  });
});
