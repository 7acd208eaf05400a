import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize/fold.js';
import { lexicon } from '../src/domain/lexicon.js';
import { readPeriod } from '../src/understand/periods.js';

const read = (q: string) =>
  readPeriod(normalize(q).flat, lexicon(), { year: 2026, month: 11 }).period;

describe('period forms of DOMAIN.md', () => {
  it.each([
    ['tháng 4', { type: 'month', year: null, month: 4 }],
    ['tháng tư', { type: 'month', year: null, month: 4 }],
    ['tháng mười hai năm 2019', { type: 'month', year: 2019, month: 12 }],
    ['tháng giêng 2021', { type: 'month', year: 2021, month: 1 }],
    ['T4/2020', { type: 'month', year: 2020, month: 4 }],
    ['t12', { type: 'month', year: null, month: 12 }],
    ['04/2020', { type: 'month', year: 2020, month: 4 }],
    ['tháng 02/2020', { type: 'month', year: 2020, month: 2 }],
    ['4T/2020', { type: 'ytd', year: 2020, month: 4 }],
    ['T1-T4/2020', { type: 'ytd', year: 2020, month: 4 }],
    ['tháng 1 đến tháng 4 năm 2020', { type: 'ytd', year: 2020, month: 4 }],
    ['tháng 1-4/2020', { type: 'ytd', year: 2020, month: 4 }],
    ['từ tháng 1 tới tháng 6/2020', { type: 'ytd', year: 2020, month: 6 }],
    ['tháng 1 2020', { type: 'month', year: 2020, month: 1 }],
    ['T11/2020', { type: 'month', year: 2020, month: 11 }],
    ['tháng 10 năm 2020', { type: 'month', year: 2020, month: 10 }],
    ['4T2020', { type: 'ytd', year: 2020, month: 4 }],
    ['2 tháng/2020', { type: 'ytd', year: 2020, month: 2 }],
    ['T4/20', { type: 'month', year: 2020, month: 4 }],
    ['lũy kế 4 tháng', { type: 'ytd', year: null, month: 4 }],
    ['luỹ kế tháng 4/2020', { type: 'ytd', year: 2020, month: 4 }],
    ['4 tháng đầu năm', { type: 'ytd', year: null, month: 4 }],
    ['nửa đầu năm 2020', { type: 'ytd', year: 2020, month: 6 }],
    ['6 tháng đầu năm', { type: 'ytd', year: null, month: 6 }],
    ['sáu tháng đầu năm', { type: 'ytd', year: null, month: 6 }],
    ['9 tháng năm 2019', { type: 'ytd', year: 2019, month: 9 }],
    ['chín tháng', { type: 'ytd', year: null, month: 9 }],
    ['tính đến tháng 4', { type: 'ytd', year: null, month: 4 }],
    ['tính đến hết tháng 4 năm 2020', { type: 'ytd', year: 2020, month: 4 }],
    ['từ đầu năm đến hết tháng 4', { type: 'ytd', year: null, month: 4 }],
    ['quý I', { type: 'quarter', year: null, quarter: 1 }],
    ['quý 1', { type: 'quarter', year: null, quarter: 1 }],
    ['quý III/2021', { type: 'quarter', year: 2021, quarter: 3 }],
    ['Q2 2020', { type: 'quarter', year: 2020, quarter: 2 }],
    ['cả năm', { type: 'year', year: null }],
    ['năm 2020', { type: 'year', year: 2020 }],
    ['2019', { type: 'year', year: 2019 }],
    ['tháng trước', { type: 'month', year: 2026, month: 10 }],
    ['tháng này', { type: 'month', year: 2026, month: 11 }],
    ['năm ngoái', { type: 'year', year: 2025 }],
    ['năm nay', { type: 'year', year: 2026 }],
    ['lũy kế tháng trước', { type: 'ytd', year: 2026, month: 10 }],
    ['quý này', { type: 'quarter', year: 2026, quarter: 4 }],
  ])('%s', (q, expected) => {
    expect(read(q)).toEqual(expected);
  });

  it('is not fooled by comparisons inside the question', () => {
    expect(read('tháng 2 tăng bao nhiêu so với cùng kỳ năm 2019')).toEqual({
      type: 'month',
      year: null,
      month: 2,
    });
    expect(read('tháng 4/2020 so với tháng trước')).toEqual({
      type: 'month',
      year: 2020,
      month: 4,
    });
  });

  it('has no period when none is asked', () => {
    expect(read('xuất khẩu Kiên Giang')).toBeNull();
    expect(read('tháng 13')).toBeNull();
  });

  it('does not read a year out of a figure', () => {
    expect(read('xuất khẩu 2.020,5 triệu USD')).toBeNull();
  });
});
