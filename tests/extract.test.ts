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
    const figures = extractFigures(REPORT).map(({ evidence: _e, note: _n, ...f }) => f);
    expect(figures).toContainEqual({
      place: 'kien-giang',
      indicator: 'export',
      period: { type: 'month', year: 2020, month: 4 },
      value: 43.7,
      unit: 'triệu USD',
      mom_pct: -36.65,
      yoy_pct: null,
      plan_pct: null,
      estimate: true,
      approx: null,
      kind: 'actual',
      scope: null,
    });
    expect(figures).toContainEqual({
      place: 'kien-giang',
      indicator: 'export',
      period: { type: 'ytd', year: 2020, month: 4 },
      value: 205.11,
      unit: 'triệu USD',
      mom_pct: null,
      yoy_pct: 23.68,
      plan_pct: 26.3,
      estimate: false,
      approx: null,
      kind: 'actual',
      scope: null,
    });
    const retail = figures.find((f) => f.indicator === 'retail')!;
    expect(retail).toMatchObject({
      value: 144000,
      unit: 'tỷ đồng',
      approx: 'hơn',
      estimate: true,
      yoy_pct: 8.67,
    });
  });
  it('finds nothing in a text without figures', () => {
    expect(
      extractFigures('Hội nghị diễn ra tốt đẹp, các đại biểu thống nhất nhiều giải pháp.'),
    ).toEqual([]);
  });
});

describe('extractor: breakdowns, asides, targets, scopes (own-words fixture)', () => {
  const text = [
    'Ngành Công Thương tỉnh Lạng Sơn cho biết 9 tháng năm 2021 tổng kim ngạch xuất nhập khẩu qua địa bàn ước đạt 2.410 triệu USD, tăng 12,5% so với cùng kỳ, trong đó xuất khẩu 1.105 triệu USD, tăng 8,2%; nhập khẩu 1.305 triệu USD, tăng 16,1%.',
    'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ 9 tháng đạt 12.050 tỷ đồng, tăng 3,4% so với cùng kỳ (cả nước tăng 1,9%).',
    'Năm 2022, ngành phấn đấu đưa kim ngạch xuất khẩu đạt 1,6 tỷ USD.',
  ].join('\n');
  const figures = extractFigures(text);
  it('inherits estimate and scope in a breakdown', () => {
    expect(figures.find((f) => f.indicator === 'export' && f.kind === 'actual')).toMatchObject({
      place: 'lang-son',
      value: 1105,
      yoy_pct: 8.2,
      estimate: true,
      scope: 'qua-dia-ban',
      period: { type: 'ytd', year: 2021, month: 9 },
    });
    expect(figures.find((f) => f.indicator === 'import')).toMatchObject({
      value: 1305,
      yoy_pct: 16.1,
      estimate: true,
    });
  });
  it('reads a national figure in parentheses as its own', () => {
    expect(figures.find((f) => f.place === 'ca-nuoc')).toMatchObject({
      indicator: 'retail',
      yoy_pct: 1.9,
      value: null,
    });
  });
  it('reads a goal as a target in canonical units', () => {
    expect(figures.find((f) => f.kind === 'target')).toMatchObject({
      indicator: 'export',
      value: 1600,
      unit: 'triệu USD',
      period: { type: 'year', year: 2022 },
    });
  });

  it('says where each figure was read: offsets of its sentence in the file as given', () => {
    for (const f of extractFigures(REPORT)) {
      const [start, end] = f.evidence;
      const words = REPORT.slice(start, end);
      expect(words).toMatch(/kim ngạch xuất khẩu|Tổng mức bán lẻ/i);
      expect(words).not.toContain('\n');
    }
  });

  it('front matter: place and date used only where the text does not say, offsets from the first character', () => {
    const text =
      '---\nplace: Khánh Hòa\ndate: 2021-01-05\n---\nKim ngạch xuất khẩu tháng 12 ước đạt 120,5 triệu USD.\n';
    const [f] = extractFigures(text);
    expect(f).toMatchObject({
      place: 'khanh-hoa',
      period: { type: 'month', year: 2020, month: 12 },
    });
    expect(f!.note).toBe('năm lấy từ ngày đăng');
    expect(text.slice(...f!.evidence)).toMatch(/^Kim ngạch xuất khẩu tháng 12/);
  });

  it('a year written nowhere and no publication date: no figure rather than a guess', () => {
    expect(extractFigures('Kim ngạch xuất khẩu tháng 5 ước đạt 30 triệu USD.')).toEqual([]);
  });
});

describe('extractor: whose figure, and which indicator', () => {
  const text = [
    '---',
    'place: Quảng Ngãi',
    'date: 2021-01-08',
    '---',
    'Tình hình tháng 12',
    'Chỉ số sản xuất công nghiệp tháng 12 tăng 17, 5% so với tháng trước (tỉnh Bình Định tăng 9%).',
    'Tổng mức bán hàng hóa và doanh thu dịch vụ cả năm đạt 60.000 tỷ đồng, trong đó tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 45.300 tỷ đồng.',
  ].join('\n');
  const found = extractFigures(text);

  it('a province named only in parentheses is not what the report is about', () => {
    const iip = found.filter((f) => f.indicator === 'iip');
    expect(iip.map((f) => f.place)).toEqual(['quang-ngai', 'binh-dinh']);
    expect(iip[0]).toMatchObject({
      mom_pct: 17.5,
      period: { type: 'month', year: 2020, month: 12 },
    });
  });

  it('total sales are not retail: only the retail figure inside them is read', () => {
    const sales = found.filter((f) => f.indicator.startsWith('retail'));
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ indicator: 'retail', value: 45300, place: 'quang-ngai' });
  });
});
