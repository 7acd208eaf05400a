/** The extractor on report-style sentences written for this project (not copied from any report). */
import { describe, expect, it } from 'vitest';
import { extractFigures, parseViNumber } from '../src/extract/extract.js';

const REPORT = [
  'Sở Công Thương tỉnh Kiên Giang tổng kết tháng 4 năm 2020.',
  'Tháng 4, kim ngạch xuất khẩu của tỉnh ước đạt 43,7 triệu USD, giảm 36,65% so tháng trước; lũy kế 4 tháng đạt 205,11 triệu USD, đạt 26,30% kế hoạch và tăng 23,68% so cùng kỳ.',
  'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ cả năm ước đạt hơn 144 ngàn tỷ đồng, tăng 8,67% so với cùng kỳ.',
].join('\n');

describe('extractor', () => {
  it('reads Vietnamese numbers', () => {
    expect(parseViNumber('3.611,46')).toBe(3611.46);
    expect(parseViNumber('17, 5')).toBe(17.5);
    expect(parseViNumber('1.320')).toBe(1320);
  });
  it('finds value, unit, comparisons, estimate and approx flags', () => {
    const figures = extractFigures(REPORT);
    expect(figures).toContainEqual({ place: 'kien-giang', indicator: 'export', period: { type: 'month', year: 2020, month: 4 }, value: 43.7, unit: 'triệu USD', mom_pct: -36.65, yoy_pct: null, plan_pct: null, estimate: true, approx: null, kind: 'actual', scope: null });
    expect(figures).toContainEqual({ place: 'kien-giang', indicator: 'export', period: { type: 'ytd', year: 2020, month: 4 }, value: 205.11, unit: 'triệu USD', mom_pct: null, yoy_pct: 23.68, plan_pct: 26.3, estimate: false, approx: null, kind: 'actual', scope: null });
    const retail = figures.find((f) => f.indicator === 'retail')!;
    expect(retail).toMatchObject({ value: 144000, unit: 'tỷ đồng', approx: 'hơn', estimate: true, yoy_pct: 8.67 });
  });
  it('finds nothing in a text without figures', () => {
    expect(extractFigures('Hội nghị diễn ra tốt đẹp, các đại biểu thống nhất nhiều giải pháp.')).toEqual([]);
  });
});
