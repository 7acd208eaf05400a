/**
 * Review that catches what reading cannot (issue 20): contradictions with the store or the report
 * itself, the report's own title rather than its letterhead, plans kept out of the store unless
 * the admin keeps them. Report texts written for this project.
 */
import { describe, expect, it } from 'vitest';
import { consistencyFlags } from '../src/admin/consistency.js';
import { readReport, reportFacts, reportTitle } from '../src/admin/report.js';
import { applyReview } from '../src/admin/report-review.js';
import type { Period } from '../src/domain/period.js';
import { type Fact, parseFact } from '../src/store/schema.js';

const SOURCE = { publisher: 'Sở Công Thương', title: 'Báo cáo thử', date: '2024-10-05', url: null };

function fact(
  indicator: string,
  period: Period,
  value: number | null,
  more: Partial<Fact> = {},
): Fact {
  const unit = indicator === 'retail' ? 'tỷ đồng' : 'triệu USD';
  const r = parseFact({
    place: 'khanh-hoa',
    indicator,
    period,
    value,
    unit,
    source: SOURCE,
    ...more,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues[0]!.problem));
  return r.fact;
}

const lookupOf = (stored: Fact[]) => (place: string, indicator: string, period: Period) =>
  stored.find(
    (f) =>
      f.place === place &&
      f.indicator === indicator &&
      JSON.stringify(f.period) === JSON.stringify(period),
  );

describe('consistency flags', () => {
  const stored = [
    fact('export', { type: 'ytd', year: 2024, month: 9 }, 1302),
    fact('export', { type: 'month', year: 2023, month: 10 }, 150),
  ];

  it('an 11-month total below the stored 9-month total', () => {
    const report = [fact('export', { type: 'ytd', year: 2024, month: 11 }, 1280)];
    const [flags] = consistencyFlags(report, lookupOf(stored));
    expect(flags!.join()).toContain('trái với 9 tháng đầu năm 2024');
  });

  it('a month above its own span from January, within the report', () => {
    const report = [
      fact('export', { type: 'month', year: 2024, month: 10 }, 1600),
      fact('export', { type: 'ytd', year: 2024, month: 10 }, 1450),
    ];
    const flags = consistencyFlags(report, lookupOf([]));
    expect(flags[0]!.join()).toContain('lớn hơn 10 tháng đầu năm 2024');
    expect(flags[1]!.join()).toContain('nhỏ hơn tháng 10/2024');
  });

  it('a growth whose sign disagrees with the two values', () => {
    const report = [
      fact('export', { type: 'month', year: 2024, month: 10 }, 140, { yoy_pct: 6.5 }),
    ];
    const [flags] = consistencyFlags(report, lookupOf(stored));
    expect(flags!.join()).toContain('6,5%');
  });

  it('figures that agree raise nothing', () => {
    const report = [
      fact('export', { type: 'month', year: 2024, month: 10 }, 160, { yoy_pct: 6.5 }),
      fact('export', { type: 'ytd', year: 2024, month: 10 }, 1462),
    ];
    expect(consistencyFlags(report, lookupOf(stored))).toEqual([[], []]);
  });
});

describe("the report's own title", () => {
  it('skips the letterhead, the number and the place and date line', () => {
    const text = [
      'UBND TỈNH KHÁNH HÒA',
      'SỞ CÔNG THƯƠNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 215/BC-SCT',
      'Khánh Hòa, ngày 5 tháng 10 năm 2024',
      'BÁO CÁO',
      'Tình hình hoạt động ngành Công Thương tháng 9 và 9 tháng năm 2024',
      'Kim ngạch xuất khẩu tháng 9 ước đạt 161 triệu USD.',
    ].join('\n');
    expect(reportTitle(text)).toBe(
      'Tình hình hoạt động ngành Công Thương tháng 9 và 9 tháng năm 2024',
    );
  });

  it('a report without letterhead keeps its first line', () => {
    expect(reportTitle('Xuất khẩu 9 tháng tăng khá\nKim ngạch …')).toBe(
      'Xuất khẩu 9 tháng tăng khá',
    );
  });
});

describe('plans stay out of the store unless kept', () => {
  const text = [
    '---',
    'place: Khánh Hòa',
    '---',
    'Tháng 9/2024, kim ngạch xuất khẩu ước đạt 161 triệu USD, tăng 8% so với cùng kỳ.',
    'Năm 2024, tỉnh phấn đấu kim ngạch xuất khẩu đạt 1.650 triệu USD.',
  ].join('\n');

  it('a target is shown apart, and "giữ kế hoạch" keeps it as a plan', () => {
    const { items, plans } = reportFacts(readReport(text), 'khanh-hoa', SOURCE);
    expect(items.map((i) => i.fact.kind)).toEqual(['actual']);
    expect(plans.map((p) => [p.fact.kind, p.fact.value])).toEqual([['target', 1650]]);
    const kept = applyReview({ items, plans }, 'giữ kế hoạch');
    expect(kept.ok && kept.items.map((i) => i.fact.kind)).toEqual(['actual', 'target']);
    expect(kept.ok && kept.plans).toEqual([]);
  });

  it('other edits leave the plans apart; keeping none says so', () => {
    const { items, plans } = reportFacts(readReport(text), 'khanh-hoa', SOURCE);
    const edited = applyReview({ items, plans }, 'sửa 1 162');
    expect(edited.ok && edited.plans?.length).toBe(1);
    const none = applyReview({ items, plans: [] }, 'giữ kế hoạch');
    expect(none.ok).toBe(false);
  });
});
