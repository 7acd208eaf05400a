/**
 * Hundreds of questions in our own words, written the ways DOMAIN.md says people type:
 * with and without diacritics, upper case, NFD, emoji, typos, report abbreviations and
 * every period form. Each must reach the right place, indicator, period and figure.
 */
import { describe, expect, it } from 'vitest';
import { ask } from './helpers.js';

interface Case {
  q: string;
  place: string;
  indicator: string;
  period: Record<string, number | string>;
  has: string[];
}

const KG = [
  'Kiên Giang',
  'kien giang',
  'KIÊN GIANG',
  'KG',
  'tỉnh Kiên Giang',
  'kiêng giang',
  'kien gian',
  'kiengiang',
];
const HP = ['Hải Phòng', 'hai phong', 'HP', 'TP Hải Phòng', 'thành phố Hải Phòng', 'haiphong'];
const LS = ['Lạng Sơn', 'lang son', 'LS', 'tỉnh Lạng Sơn', 'lạng sơn'];

const EXPORT = [
  'xuất khẩu',
  'xuat khau',
  'XK',
  'KNXK',
  'kim ngạch xuất khẩu',
  'giá trị xuất khẩu',
  'kim ngach xuat khau',
];
const IMPORT = ['nhập khẩu', 'nhap khau', 'NK', 'KNNK', 'kim ngạch nhập khẩu'];
const RETAIL = [
  'bán lẻ',
  'ban le',
  'TMBL',
  'tổng mức bán lẻ',
  'doanh thu bán lẻ',
  'tổng mức bán lẻ hàng hóa và doanh thu dịch vụ',
];
const OUTPUT = [
  'giá trị sản xuất công nghiệp',
  'GTSXCN',
  'gia tri san xuat cong nghiep',
  'giá trị SXCN',
  'GTSX CN',
  'gt sxcn',
];
const IIP = [
  'IIP',
  'chỉ số sản xuất công nghiệp',
  'chi so san xuat cong nghiep',
  'chỉ số SXCN',
  'chỉ số phát triển công nghiệp',
];

const APRIL = [
  'tháng 4/2020',
  'T4/2020',
  '04/2020',
  'tháng 4 năm 2020',
  'tháng tư năm 2020',
  'thang 4 2020',
  'tháng 4',
];
const JAN_APR = [
  'lũy kế 4 tháng',
  '4 tháng đầu năm 2020',
  '4T/2020',
  'tính đến tháng 4 năm 2020',
  'từ đầu năm đến hết tháng 4',
  'luy ke 4 thang nam 2020',
  'lũy kế 4 tháng năm 2020',
];
const H1 = [
  '6 tháng đầu năm 2020',
  'nửa đầu năm 2020',
  '6T/2020',
  'lũy kế 6 tháng 2020',
  '6 tháng 2020',
  'sáu tháng đầu năm 2020',
];
const FEB = ['tháng 2/2020', 'T2/2020', 'tháng 02/2020', 'tháng hai năm 2020'];
const JAN_FEB = ['2 tháng đầu năm 2020', '2T/2020', 'lũy kế 2 tháng 2020', '2 thang 2020'];
const YEAR = ['năm 2020', 'cả năm 2020', '2020'];

const month = (m: number) => ({ type: 'month', month: m });
const ytd = (m: number) => ({ type: 'ytd', month: m });

function grid(
  places: string[],
  inds: string[],
  periods: string[],
  place: string,
  indicator: string,
  period: Record<string, number | string>,
  has: string[],
): Case[] {
  const out: Case[] = [];
  let k = 0;
  for (const p of places)
    for (const i of inds) {
      const per = periods[k++ % periods.length]!;
      // three word orders people use
      const forms = [`${i} ${p} ${per}`, `${p} ${i} ${per}`, `${i} ${per} ${p}`];
      out.push({ q: forms[k % 3]!, place, indicator, period, has });
    }
  for (const per of periods)
    out.push({ q: `${inds[0]} ${places[0]} ${per}`, place, indicator, period, has });
  return out;
}

const cases: Case[] = [
  ...grid(KG, EXPORT, APRIL, 'kien-giang', 'export', month(4), ['43,7', 'triệu USD', '36,65']),
  ...grid(KG, EXPORT, JAN_APR, 'kien-giang', 'export', ytd(4), ['205,11', '26,3', '23,68']),
  ...grid(KG, IMPORT, APRIL, 'kien-giang', 'import', month(4), ['18,5', '8,89']),
  ...grid(KG, IMPORT, JAN_APR, 'kien-giang', 'import', ytd(4), ['67,66', '84,58', '175,26']),
  ...grid(KG, RETAIL, APRIL, 'kien-giang', 'retail', month(4), ['6.598,4', '16,37']),
  ...grid(KG, RETAIL, JAN_APR, 'kien-giang', 'retail', ytd(4), ['31.538,42', '28,93', '1,07']),
  ...grid(KG, OUTPUT, APRIL, 'kien-giang', 'industrial_output', month(4), [
    '3.611,46',
    '0,33',
    'tỷ đồng',
  ]),
  ...grid(KG, OUTPUT, JAN_APR, 'kien-giang', 'industrial_output', ytd(4), [
    '15.201,68',
    '29,41',
    '1,57',
  ]),
  ...grid(HP, IIP, FEB, 'hai-phong', 'iip', month(2), ['30,11', '10,16']),
  ...grid(HP, IIP, JAN_FEB, 'hai-phong', 'iip', ytd(2), ['23,57']),
  ...grid(HP, RETAIL, FEB, 'hai-phong', 'retail', month(2), ['11.159', '8,84', '10,82']),
  ...grid(HP, RETAIL, JAN_FEB, 'hai-phong', 'retail', ytd(2), ['23.400', '11,75']),
  ...grid(HP, RETAIL, YEAR, 'hai-phong', 'retail', { type: 'year', year: 2020 }, [
    '144.000',
    '8,67',
    '92%',
  ]),
  ...grid(HP, EXPORT, YEAR, 'hai-phong', 'export', { type: 'year', year: 2020 }, [
    '19',
    '18,46',
    '100,12',
    'sai đơn vị',
  ]),
  ...grid(HP, IMPORT, YEAR, 'hai-phong', 'import', { type: 'year', year: 2020 }, [
    '17,5',
    '86,02',
    'Bằng cùng kỳ',
  ]),
  ...grid(HP, IIP, YEAR, 'hai-phong', 'iip', { type: 'year', year: 2020 }, ['15,05', '23%']),
  ...grid(LS, EXPORT, H1, 'lang-son', 'export', ytd(6), ['640', '52,9', 'qua địa bàn']),
  ...grid(LS, IMPORT, H1, 'lang-son', 'import', ytd(6), ['680', '28,4']),
  ...grid(
    LS,
    ['tổng kim ngạch xuất nhập khẩu', 'XNK', 'xuat nhap khau', 'tổng KNXNK'],
    H1,
    'lang-son',
    'trade_total',
    ytd(6),
    ['1.320', '47,6'],
  ),
  ...grid(LS, RETAIL, H1, 'lang-son', 'retail', ytd(6), ['9.316', '8,64']),
  ...grid(LS, IIP, H1, 'lang-son', 'iip', ytd(6), ['2,83', 'khai khoáng']),
  ...grid(
    LS,
    ['xuất khẩu hàng hóa địa phương', 'mặt hàng địa phương xuất khẩu', 'xk hàng địa phương'],
    H1,
    'lang-son',
    'export_local',
    ytd(6),
    ['42', '37,3'],
  ),
];

describe('questions of our own (report figures)', () => {
  it('has several hundred of them', () => {
    expect(cases.length).toBeGreaterThan(300);
  });
  it.each(cases.map((c) => [c.q, c] as const))('%s', (_q, c) => {
    for (const variant of [c.q, c.q.normalize('NFD')]) {
      const { query, reply } = ask(variant);
      expect(query.intent).toBe('lookup');
      expect(query.places).toEqual([c.place]);
      expect(query.indicator).toBe(c.indicator);
      expect(reply.period).toMatchObject(c.period);
      for (const s of c.has) expect(reply.text).toContain(s);
    }
  });
});

describe('noise around a question', () => {
  it.each([
    '   xuất   khẩu    Kiên Giang   tháng 4 năm 2020  ',
    '📊 xuất khẩu Kiên Giang tháng 4/2020 ??',
    'Cho mình hỏi xuất khẩu của Kiên Giang tháng 4 năm 2020 đạt bao nhiêu ạ?',
    'XUẤT KHẨU KIÊN GIANG THÁNG 4 NĂM 2020!!!',
    'xuất khẩu, Kiên Giang; tháng 4 - 2020',
  ])('%s', (q) => {
    const { query, reply } = ask(q);
    expect(query.places).toEqual(['kien-giang']);
    expect(query.indicator).toBe('export');
    expect(reply.text).toContain('43,7 triệu USD');
  });
});
