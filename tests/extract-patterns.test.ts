/**
 * The clause grammar on the patterns real reports are written in (issue 20), each in a sentence
 * written for this project with figures of the kind reports publish. A case lists every figure
 * the text states (kind "actual"); `targets` lists the plans it states.
 */
import { describe, expect, it } from 'vitest';
import type { Period } from '../src/domain/period.js';
import { type ExtractedFigure, extractFigures } from '../src/extract/extract.js';

interface Expected {
  place?: string | null;
  indicator: string;
  period: Period;
  value?: number | null;
  mom_pct?: number | null;
  yoy_pct?: number | null;
  plan_pct?: number | null;
  scope?: string | null;
}

interface Case {
  name: string;
  text: string;
  place?: string;
  date?: string;
  figures: Expected[];
  targets?: Expected[];
}

const M = (year: number, month: number): Period => ({ type: 'month', year, month });
const YTD = (year: number, month: number): Period => ({ type: 'ytd', year, month });
const Q = (year: number, quarter: number): Period => ({ type: 'quarter', year, quarter });
const Y = (year: number): Period => ({ type: 'year', year });

function read(c: Case): ExtractedFigure[] {
  const front =
    c.place || c.date ? `---\nplace: ${c.place ?? ''}\ndate: ${c.date ?? ''}\n---\n` : '';
  return extractFigures(front + c.text);
}

function same(f: ExtractedFigure, e: Expected): boolean {
  const fields = { value: null, mom_pct: null, yoy_pct: null, plan_pct: null, ...e };
  return (
    f.indicator === e.indicator &&
    JSON.stringify(f.period) === JSON.stringify(e.period) &&
    (e.place === undefined || f.place === e.place) &&
    (e.scope === undefined || f.scope === e.scope) &&
    (['value', 'mom_pct', 'yoy_pct', 'plan_pct'] as const).every((k) => f[k] === fields[k])
  );
}

function check(c: Case): void {
  const found = read(c);
  const actual = found.filter((f) => f.kind === 'actual');
  const show = (f: ExtractedFigure) => JSON.stringify({ ...f, evidence: undefined });
  for (const e of c.figures)
    expect(
      actual.some((f) => same(f, e)),
      `missing ${JSON.stringify(e)} in\n${actual.map(show).join('\n')}`,
    ).toBe(true);
  for (const f of actual)
    expect(
      c.figures.some((e) => same(f, e)),
      `not stated: ${show(f)}`,
    ).toBe(true);
  const targets = found.filter((f) => f.kind === 'target');
  for (const e of c.targets ?? [])
    expect(
      targets.some((f) => same(f, e)),
      `target ${JSON.stringify(e)}`,
    ).toBe(true);
}

const COMPARISONS: Case[] = [
  {
    name: "a comparison's month is not the figure's",
    place: 'Nghệ An',
    text: 'Chỉ số sản xuất công nghiệp tháng 3/2024 ước tăng 6,2% so với tháng 2/2024 và tăng 11,4% so với cùng kỳ năm 2023.',
    figures: [{ indicator: 'iip', period: M(2024, 3), mom_pct: 6.2, yoy_pct: 11.4 }],
  },
  {
    name: 'a comparison year never becomes the year of the next span',
    place: 'Thanh Hóa',
    text: 'Kim ngạch xuất khẩu tháng 5/2023 đạt 612 triệu USD, tăng 3,1% so với cùng kỳ năm 2022. Lũy kế 5 tháng đạt 2.870 triệu USD.',
    figures: [
      { indicator: 'export', period: M(2023, 5), value: 612, yoy_pct: 3.1 },
      { indicator: 'export', period: YTD(2023, 5), value: 2870 },
    ],
  },
  {
    name: 'the same span a year before, in parentheses, is a figure of that year',
    place: 'cả nước',
    text: 'Tính chung 9 tháng năm 2024, chỉ số sản xuất toàn ngành công nghiệp ước tăng 8,1% so với cùng kỳ năm trước (cùng kỳ năm 2023 tăng 0,4%).',
    figures: [
      { indicator: 'iip', period: YTD(2024, 9), yoy_pct: 8.1 },
      { indicator: 'iip', period: YTD(2023, 9), yoy_pct: 0.4 },
    ],
  },
  {
    name: '"cao hơn mức tăng … của quý I năm …" is that quarter\'s figure',
    place: 'Bắc Ninh',
    text: 'Quý I năm 2022, chỉ số sản xuất công nghiệp của tỉnh ước tăng 9,12% so với cùng kỳ, cao hơn mức tăng 4,35% của quý I năm 2021.',
    figures: [
      { indicator: 'iip', period: Q(2022, 1), yoy_pct: 9.12 },
      { indicator: 'iip', period: Q(2021, 1), yoy_pct: 4.35 },
    ],
  },
  {
    name: '"so với tháng 6" for July is month on month',
    place: 'Hải Phòng',
    text: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 7/2022 đạt 9.340 tỷ đồng, tăng 1,8% so với tháng 6 và tăng 21,5% so với cùng kỳ.',
    figures: [
      { indicator: 'retail', period: M(2022, 7), value: 9340, mom_pct: 1.8, yoy_pct: 21.5 },
    ],
  },
  {
    name: 'the same month a year before is year on year',
    place: 'cả nước',
    text: 'Chỉ số sản xuất công nghiệp tháng 2/2022 tăng 7,4% so với tháng 2/2021.',
    figures: [{ indicator: 'iip', period: M(2022, 2), yoy_pct: 7.4 }],
  },
  {
    name: 'the comparison stated first, the change after it',
    place: 'cả nước',
    text: 'Kim ngạch nhập khẩu hàng hóa tháng 10/2021 ước đạt 28,3 tỷ USD. So với cùng kỳ năm trước, kim ngạch nhập khẩu tháng 10/2021 tăng 9,6%.',
    figures: [{ indicator: 'import', period: M(2021, 10), value: 28300, yoy_pct: 9.6 }],
  },
  {
    name: 'a growth in the next sentence joins its figure',
    place: 'cả nước',
    text: 'Chỉ số sản xuất công nghiệp tháng 6/2022 ước tăng 1,9% so với tháng trước. So với cùng kỳ năm trước, chỉ số này tháng 6/2022 tăng 12,7%.',
    figures: [{ indicator: 'iip', period: M(2022, 6), mom_pct: 1.9, yoy_pct: 12.7 }],
  },
];

const AMOUNTS: Case[] = [
  {
    name: 'a price base is not a year',
    place: 'Vĩnh Phúc',
    text: 'Giá trị sản xuất công nghiệp (giá so sánh 2010) tháng 8/2020 ước đạt 14.820 tỷ đồng, tăng 5,3% so với cùng kỳ.',
    figures: [{ indicator: 'industrial_output', period: M(2020, 8), value: 14820, yoy_pct: 5.3 }],
  },
  {
    name: 'an absolute change is not a percentage',
    place: 'cả nước',
    text: 'Kim ngạch xuất khẩu quý II/2021 đạt 82,1 tỷ USD, tăng 20,7 tỷ USD so với cùng kỳ năm trước.',
    figures: [{ indicator: 'export', period: Q(2021, 2), value: 82100 }],
  },
  {
    name: 'a threshold or a rate is not a figure',
    place: 'Đồng Nai',
    text: 'Kim ngạch xuất khẩu tháng 4/2024 đạt 1.930 triệu USD, vượt mốc 1,9 tỷ USD và duy trì trên 1,5 tỷ USD/tháng; nhập khẩu vẫn dưới ngưỡng 1.400 triệu USD.',
    figures: [{ indicator: 'export', period: M(2024, 4), value: 1930 }],
  },
  {
    name: 'a difference between places is not a figure',
    place: 'Bắc Ninh',
    text: 'Năm 2024, Bình Dương có kim ngạch xuất khẩu đạt 33,6 tỷ USD, kém Đồng Nai 0,9 tỷ USD.',
    figures: [{ place: 'binh-duong', indicator: 'export', period: Y(2024), value: 33600 }],
  },
  {
    name: 'the exact amount in parentheses replaces the rounded one',
    place: 'cả nước',
    text: 'Tính chung 4 tháng đầu năm 2021, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước vượt 1,7 triệu tỷ đồng (1,73 triệu tỷ đồng), tăng 10% so với cùng kỳ.',
    figures: [{ indicator: 'retail', period: YTD(2021, 4), value: 1730000, yoy_pct: 10 }],
  },
  {
    name: 'millions of đồng and thousands of USD in canonical units; a rate per person is no figure',
    place: 'Yên Bái',
    date: '2023-12-05',
    text: 'Giá trị sản xuất công nghiệp tháng 11 ước đạt 1.234.567 triệu đồng, tăng 5,2%; thu nhập bình quân đạt 8,5 triệu đồng/người/tháng. Kim ngạch xuất khẩu tháng 11 đạt 45.600 nghìn USD.',
    figures: [
      { indicator: 'industrial_output', period: M(2023, 11), value: 1234.567, yoy_pct: 5.2 },
      { indicator: 'export', period: M(2023, 11), value: 45.6 },
    ],
  },
  {
    name: 'amounts written in English number form',
    place: 'cả nước',
    text: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 9/2022 đạt 498.6 nghìn tỷ đồng, tăng 1.9% so với tháng trước; 9 tháng đạt 4,214.7 nghìn tỷ đồng.',
    figures: [
      { indicator: 'retail', period: M(2022, 9), value: 498600, mom_pct: 1.9 },
      { indicator: 'retail', period: YTD(2022, 9), value: 4214700 },
    ],
  },
];

const GROWTH_ORDER: Case[] = [
  {
    name: 'estimate, month on month and year on year in one clause',
    place: 'Cần Thơ',
    text: 'Kim ngạch xuất khẩu tháng 11/2023 ước đạt 198,4 triệu USD, giảm 2,3% so với tháng trước và tăng 14,9% so với cùng kỳ.',
    figures: [
      { indicator: 'export', period: M(2023, 11), value: 198.4, mom_pct: -2.3, yoy_pct: 14.9 },
    ],
  },
  {
    name: '"vượt X% kế hoạch" is 100+X of the plan; "bằng … kế hoạch năm" its share',
    place: 'Long An',
    text: 'Năm 2023, kim ngạch xuất khẩu ước đạt 7.420 triệu USD, vượt 6,5% kế hoạch; kim ngạch nhập khẩu đạt 5.110 triệu USD, bằng 97,2% kế hoạch năm 2023.',
    figures: [
      { indicator: 'export', period: Y(2023), value: 7420, plan_pct: 106.5 },
      { indicator: 'import', period: Y(2023), value: 5110, plan_pct: 97.2 },
    ],
  },
  {
    name: '"tương đương cùng kỳ" is unchanged',
    place: 'Sơn La',
    text: 'Giá trị sản xuất công nghiệp 6 tháng đầu năm 2022 đạt 9.870 tỷ đồng, tương đương cùng kỳ năm trước.',
    figures: [{ indicator: 'industrial_output', period: YTD(2022, 6), value: 9870, yoy_pct: 0 }],
  },
  {
    name: 'a sentence with no subject goes on with the indicator before it',
    place: 'Khánh Hòa',
    text: 'Kim ngạch xuất khẩu tháng 9/2023 ước đạt 161 triệu USD, tăng 8% so với cùng kỳ. Lũy kế 9 tháng ước đạt 1.302 triệu USD, đạt 78,9% kế hoạch.',
    figures: [
      { indicator: 'export', period: M(2023, 9), value: 161, yoy_pct: 8 },
      { indicator: 'export', period: YTD(2023, 9), value: 1302, plan_pct: 78.9 },
    ],
  },
  {
    name: 'parts after "trong đó", each with its own change',
    place: 'cả nước',
    text: 'Tính chung 10 tháng năm 2022, tổng kim ngạch xuất nhập khẩu hàng hóa đạt 616,2 tỷ USD, tăng 13,8% so với cùng kỳ, trong đó xuất khẩu tăng 15,9%; nhập khẩu tăng 11,6%.',
    figures: [
      { indicator: 'trade_total', period: YTD(2022, 10), value: 616200, yoy_pct: 13.8 },
      { indicator: 'export', period: YTD(2022, 10), yoy_pct: 15.9 },
      { indicator: 'import', period: YTD(2022, 10), yoy_pct: 11.6 },
    ],
  },
  {
    name: 'a multiple is a percentage change',
    place: 'Hà Tĩnh',
    text: 'Kim ngạch xuất khẩu tháng 1/2024 đạt 210 triệu USD, gấp 2,5 lần cùng kỳ.',
    figures: [{ indicator: 'export', period: M(2024, 1), value: 210, yoy_pct: 150 }],
  },
];

const SPANS: Case[] = [
  {
    name: '"hết tháng 2" and "tính chung N tháng" are spans from January',
    place: 'cả nước',
    text: 'Hết tháng 2/2023, kim ngạch nhập khẩu đạt 46,1 tỷ USD. Tính chung 2 tháng, xuất khẩu đạt 46,6 tỷ USD.',
    figures: [
      { indicator: 'import', period: YTD(2023, 2), value: 46100 },
      { indicator: 'export', period: YTD(2023, 2), value: 46600 },
    ],
  },
  {
    name: '"ba tháng đầu năm" is the first quarter',
    place: 'cả nước',
    text: 'Trong ba tháng đầu năm 2021, chỉ số sản xuất công nghiệp tăng 6,3% so với cùng kỳ.',
    figures: [{ indicator: 'iip', period: Q(2021, 1), yoy_pct: 6.3 }],
  },
  {
    name: '"từ đầu năm đến nay" is the span to the report\'s month',
    place: 'Lạng Sơn',
    date: '2024-06-28',
    text: 'Tháng 6, kim ngạch xuất khẩu ước đạt 58 triệu USD. Từ đầu năm đến nay, kim ngạch xuất khẩu ước đạt 302 triệu USD.',
    figures: [
      { indicator: 'export', period: M(2024, 6), value: 58 },
      { indicator: 'export', period: YTD(2024, 6), value: 302 },
    ],
  },
  {
    name: '"lần lượt" spreads its values over the years in order',
    place: 'cả nước',
    text: 'Chỉ số IIP các năm 2017-2019 lần lượt tăng 11,3%; 10,2% và 9,1%.',
    figures: [
      { indicator: 'iip', period: Y(2017), yoy_pct: 11.3 },
      { indicator: 'iip', period: Y(2018), yoy_pct: 10.2 },
      { indicator: 'iip', period: Y(2019), yoy_pct: 9.1 },
    ],
  },
  {
    name: 'a period named after the numbers is theirs',
    place: 'Bắc Giang',
    text: 'Bắc Giang đạt 3,1 tỷ USD xuất khẩu trong tháng 10/2024.',
    figures: [{ indicator: 'export', period: M(2024, 10), value: 3100 }],
  },
  {
    name: 'with no period named, the span before the page date',
    place: 'Quảng Trị',
    date: '2023-10-05',
    text: 'Chỉ số sản xuất công nghiệp toàn tỉnh tăng 6,4% so với cùng kỳ năm trước.',
    figures: [{ indicator: 'iip', period: YTD(2023, 9), yoy_pct: 6.4 }],
  },
];

const NAMES: Case[] = [
  {
    name: '"tổng kim ngạch xuất khẩu" is exports, bare "IIP" and "chỉ số này" are the index',
    place: 'cả nước',
    text: 'Tổng kim ngạch xuất khẩu quý III/2022 đạt 96,3 tỷ USD. IIP tháng 9/2022 tăng 2,9% so với tháng trước. Tính chung 9 tháng, chỉ số này tăng 8,8%.',
    figures: [
      { indicator: 'export', period: Q(2022, 3), value: 96300 },
      { indicator: 'iip', period: M(2022, 9), mom_pct: 2.9 },
      { indicator: 'iip', period: YTD(2022, 9), yoy_pct: 8.8 },
    ],
  },
  {
    name: 'a sector after "trong đó" is its own series, a product none',
    place: 'Phú Yên',
    text: 'Chỉ số sản xuất công nghiệp 6 tháng năm 2021 tăng 7,9%; trong đó ngành chế biến, chế tạo tăng 9,3%, sản xuất ô tô tăng 2,1 lần.',
    figures: [
      { indicator: 'iip', period: YTD(2021, 6), yoy_pct: 7.9 },
      { indicator: 'iip_manufacturing', period: YTD(2021, 6), yoy_pct: 9.3 },
    ],
  },
  {
    name: 'a trade surplus, tourism or the CPI lend no number to the indicator before them',
    place: 'cả nước',
    text: '5 tháng năm 2024, xuất khẩu đạt 156,8 tỷ USD, tăng 15,2%, xuất siêu 8,6 tỷ USD; doanh thu du lịch đạt 36,1 nghìn tỷ đồng; chỉ số giá tiêu dùng tăng 4,03%.',
    figures: [{ indicator: 'export', period: YTD(2024, 5), value: 156800, yoy_pct: 15.2 }],
  },
  {
    name: "a product's growth in a sentence of its own lends nothing to the index before it",
    place: 'Thanh Hóa',
    date: '2024-11-05',
    text: 'Chỉ số sản xuất công nghiệp tháng 10/2024 ước tăng 9,2% so với cùng kỳ. Sản lượng điện sản xuất tăng 5,1%; xi măng tăng 3,4%. Tính chung 10 tháng, chỉ số này tăng 8,7%.',
    figures: [
      { indicator: 'iip', period: M(2024, 10), yoy_pct: 9.2 },
      { indicator: 'iip', period: YTD(2024, 10), yoy_pct: 8.7 },
    ],
  },
  {
    name: 'a market, a product or a sector of exports is no headline figure',
    place: 'Bình Định',
    text: 'Kim ngạch xuất khẩu 9 tháng năm 2024 ước đạt 1.234,5 triệu USD, tăng 20,1%, trong đó xuất khẩu sang thị trường Mỹ đạt 400 triệu USD; xuất khẩu thủy sản đạt 150 triệu USD. Trong đó, xuất khẩu của doanh nghiệp FDI đạt 900 triệu USD.',
    figures: [{ indicator: 'export', period: YTD(2024, 9), value: 1234.5, yoy_pct: 20.1 }],
  },
  {
    name: 'a share of another total is no figure',
    place: 'cả nước',
    text: 'Năm 2023, TP. Hồ Chí Minh có kim ngạch xuất khẩu đạt 44,3 tỷ USD, chiếm 12,5% tổng kim ngạch xuất khẩu của nước ta.',
    figures: [{ place: 'ho-chi-minh', indicator: 'export', period: Y(2023), value: 44300 }],
  },
];

const PLACES: Case[] = [
  {
    name: 'a ranking: each place with its own figure, asides in parentheses',
    place: 'Phú Thọ',
    text: 'Năm 2024, chỉ số IIP của Phú Thọ tăng 19,2%, chỉ xếp sau Bắc Giang (27,3%) và Thái Bình (21,1%). Tiếp theo là Hà Nam tăng 16,4%, Hải Phòng và Khánh Hòa cùng tăng 12,1%.',
    figures: [
      { place: 'phu-tho', indicator: 'iip', period: Y(2024), yoy_pct: 19.2 },
      { place: 'bac-giang', indicator: 'iip', period: Y(2024), yoy_pct: 27.3 },
      { place: 'thai-binh', indicator: 'iip', period: Y(2024), yoy_pct: 21.1 },
      { place: 'ha-nam', indicator: 'iip', period: Y(2024), yoy_pct: 16.4 },
      { place: 'hai-phong', indicator: 'iip', period: Y(2024), yoy_pct: 12.1 },
      { place: 'khanh-hoa', indicator: 'iip', period: Y(2024), yoy_pct: 12.1 },
    ],
  },
  {
    name: 'a place named right after an amount owns it',
    place: 'Bắc Ninh',
    text: 'Tháng 3/2025, kim ngạch xuất khẩu của Bắc Ninh đạt 6,4 tỷ USD, vượt con số 6,1 tỷ USD của TP. Hồ Chí Minh.',
    figures: [
      { place: 'bac-ninh', indicator: 'export', period: M(2025, 3), value: 6400 },
      { place: 'ho-chi-minh', indicator: 'export', period: M(2025, 3), value: 6100 },
    ],
  },
  {
    name: "the whole country's figure in a provincial report is the whole country's",
    place: 'Gia Lai',
    text: 'Tháng 8/2023, chỉ số sản xuất công nghiệp của tỉnh tăng 5,6% so với cùng kỳ (cả nước tăng 2,6%).',
    figures: [
      { place: 'gia-lai', indicator: 'iip', period: M(2023, 8), yoy_pct: 5.6 },
      { place: 'ca-nuoc', indicator: 'iip', period: M(2023, 8), yoy_pct: 2.6 },
    ],
  },
];

const TARGETS: Case[] = [
  {
    name: 'goals are targets, never results',
    place: 'Tuyên Quang',
    text: 'Năm 2024, tỉnh phấn đấu kim ngạch xuất khẩu đạt 320 triệu USD. Mục tiêu giá trị sản xuất công nghiệp năm 2025 đạt 29.500 tỷ đồng.',
    figures: [],
    targets: [
      { indicator: 'export', period: Y(2024), value: 320 },
      { indicator: 'industrial_output', period: Y(2025), value: 29500 },
    ],
  },
  {
    name: '"vượt xa mục tiêu" is a result',
    place: 'cả nước',
    text: 'Năm 2022, xuất khẩu đạt 371,3 tỷ USD, tăng 10,6% và vượt xa mục tiêu cả năm.',
    figures: [{ indicator: 'export', period: Y(2022), value: 371300, yoy_pct: 10.6 }],
  },
];

const MONTHLY_REPORT: Case[] = [
  {
    name: 'a provincial monthly report: output at constant prices, trade, retail, IIP by sector',
    place: 'Tây Ninh',
    date: '2024-06-05',
    text: [
      'Giá trị sản xuất công nghiệp (theo giá so sánh 2010) tháng 5 ước đạt 3.210 tỷ đồng, tăng 2,1% so với tháng trước và tăng 9,8% so với cùng kỳ năm trước; lũy kế 5 tháng ước đạt 15.430 tỷ đồng, đạt 41,2% kế hoạch năm, tăng 8,7% so với cùng kỳ.',
      'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng 5 ước thực hiện 5.432 tỷ đồng, tăng 1,5% so với tháng trước.',
      'Chỉ số sản xuất toàn ngành công nghiệp (IIP) tháng 5 ước tăng 3,2% so với tháng trước và tăng 11,5% so với cùng kỳ năm trước, trong đó: ngành khai khoáng giảm 2,1%; chế biến, chế tạo tăng 12,8%.',
      'Kim ngạch nhập khẩu 5 tháng đầu năm ước đạt 210 triệu USD, bằng 98,5% so với cùng kỳ năm trước.',
    ].join('\n'),
    figures: [
      {
        indicator: 'industrial_output',
        period: M(2024, 5),
        value: 3210,
        mom_pct: 2.1,
        yoy_pct: 9.8,
      },
      {
        indicator: 'industrial_output',
        period: YTD(2024, 5),
        value: 15430,
        yoy_pct: 8.7,
        plan_pct: 41.2,
      },
      { indicator: 'retail', period: M(2024, 5), value: 5432, mom_pct: 1.5 },
      { indicator: 'iip', period: M(2024, 5), mom_pct: 3.2, yoy_pct: 11.5 },
      { indicator: 'iip_mining', period: M(2024, 5), yoy_pct: -2.1 },
      { indicator: 'iip_manufacturing', period: M(2024, 5), yoy_pct: 12.8 },
      { indicator: 'import', period: YTD(2024, 5), value: 210, yoy_pct: -1.5 },
    ],
  },
  {
    name: 'a year-end forecast is an estimate; the plan in parentheses is a target',
    place: 'Tây Ninh',
    date: '2024-12-10',
    text: 'Dự kiến cả năm 2024, kim ngạch xuất khẩu đạt 1.100 triệu USD, tăng 8% so với năm 2023, đạt 100,5% kế hoạch. Năm 2024, chỉ số sản xuất công nghiệp (IIP) ước tăng 10,5%, vượt kế hoạch đề ra (kế hoạch tăng 10%).',
    figures: [
      { indicator: 'export', period: Y(2024), value: 1100, yoy_pct: 8, plan_pct: 100.5 },
      { indicator: 'iip', period: Y(2024), yoy_pct: 10.5 },
    ],
    targets: [{ indicator: 'iip', period: Y(2024), yoy_pct: 10 }],
  },
];

const NATIONAL_RELEASE: Case[] = [
  {
    name: 'a national release: sectors of trade and a share, a price-adjusted growth, a day span',
    place: 'cả nước',
    date: '2024-12-06',
    text: [
      'Trong 11 tháng năm 2024, kim ngạch xuất khẩu hàng hóa ước đạt 369,9 tỷ USD, tăng 14,4% so với cùng kỳ năm trước. Trong đó, khu vực kinh tế trong nước đạt 104,3 tỷ USD, tăng 21,8%, chiếm 28,2% tổng kim ngạch xuất khẩu.',
      'Cán cân thương mại hàng hóa 11 tháng năm 2024 ước tính xuất siêu 24,31 tỷ USD.',
      'Tính chung 11 tháng năm 2024, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng theo giá hiện hành ước đạt 5.819,3 nghìn tỷ đồng, tăng 8,8% so với cùng kỳ năm trước, nếu loại trừ yếu tố giá tăng 6%.',
      'Doanh thu bán lẻ hàng hóa 11 tháng ước đạt 4.430,8 nghìn tỷ đồng, chiếm 76,1% tổng mức và tăng 8,2% so với cùng kỳ năm trước.',
      'Theo Tổng cục Hải quan, tính đến hết ngày 15/11/2024, tổng kim ngạch xuất nhập khẩu cả nước đạt 680 tỷ USD.',
    ].join('\n'),
    figures: [
      { indicator: 'export', period: YTD(2024, 11), value: 369900, yoy_pct: 14.4 },
      { indicator: 'retail', period: YTD(2024, 11), value: 5819300, yoy_pct: 8.8 },
      { indicator: 'retail_goods', period: YTD(2024, 11), value: 4430800, yoy_pct: 8.2 },
    ],
  },
];

const OTHER_LANGUAGES: Case[] = [
  {
    name: 'English: January-July, per cent, year on year',
    place: 'cả nước',
    text: "The country's export turnover rose 12.4 percent year on year to 186.3 billion USD in the January-July period of 2022.",
    figures: [{ indicator: 'export', period: YTD(2022, 7), value: 186300, yoy_pct: 12.4 }],
  },
  {
    name: 'English: an increase written after its number, a share of the annual plan',
    place: 'Tây Ninh',
    text: 'In the first eight months of 2023, its export turnover reached US$3.1 billion, marking a 6.2 per cent increase year-on-year and fulfilling 64.5 per cent of the annual plan.',
    figures: [
      { indicator: 'export', period: YTD(2023, 8), value: 3100, yoy_pct: 6.2, plan_pct: 64.5 },
    ],
  },
  {
    name: 'English: VND written before an amount in quadrillions and trillions',
    place: 'cả nước',
    date: '2024-12-06',
    text: 'In the first eleven months, retail sales of goods and consumer services came to VND 5.82 quadrillion, up 8.8 percent year on year. Industrial output value of the province totalled VND 41.3 trillion in November.',
    figures: [
      { indicator: 'retail', period: YTD(2024, 11), value: 5820000, yoy_pct: 8.8 },
      { indicator: 'industrial_output', period: M(2024, 11), value: 41300 },
    ],
  },
  {
    name: 'bằng X% so với cùng kỳ is a change of X − 100; gấp N lần is (N − 1) × 100',
    place: 'Đồng Nai',
    date: '2024-04-03',
    text: 'Quý I năm 2024, giá trị xuất khẩu của tỉnh ước đạt 5,1 tỷ USD, chỉ bằng 95,6% so với cùng kỳ năm 2023. Nhập khẩu quý I đạt 3,6 tỷ USD, gấp 1,2 lần cùng kỳ.',
    figures: [
      { indicator: 'export', period: Q(2024, 1), value: 5100, yoy_pct: -4.4 },
      { indicator: 'import', period: Q(2024, 1), value: 3600, yoy_pct: 20 },
    ],
  },
  {
    name: 'a bulleted summary: a signed change in parentheses, a plan that names its indicator first',
    place: 'Long An',
    date: '2024-11-02',
    text: 'Tình hình tháng 10 năm 2024:\n- Kim ngạch xuất khẩu: 780 triệu USD (+12,6% so với cùng kỳ).\n- Nhập khẩu đạt 560 triệu USD (-1,2% so với tháng trước).\nKế hoạch xuất khẩu năm 2024 là 9,2 tỷ USD.',
    figures: [
      { indicator: 'export', period: M(2024, 10), value: 780, yoy_pct: 12.6 },
      { indicator: 'import', period: M(2024, 10), value: 560, mom_pct: -1.2 },
    ],
    targets: [{ indicator: 'export', period: Y(2024), value: 9200 }],
  },
  {
    name: 'French: premiers mois, hausse, en glissement annuel',
    place: 'Bình Dương',
    text: 'Au cours des cinq premiers mois de 2023, les exportations de la province ont atteint 10,2 milliards de dollars, en hausse de 3,5% en glissement annuel.',
    figures: [{ indicator: 'export', period: YTD(2023, 5), value: 10200, yoy_pct: 3.5 }],
  },
];

describe.each([
  ['comparisons', COMPARISONS],
  ['amounts', AMOUNTS],
  ['growth in every order', GROWTH_ORDER],
  ['spans', SPANS],
  ['indicator names', NAMES],
  ['places', PLACES],
  ['targets', TARGETS],
  ['a monthly report', MONTHLY_REPORT],
  ['a national release', NATIONAL_RELEASE],
  ['English and French', OTHER_LANGUAGES],
])('extractor patterns: %s', (_group, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => check(c));
});
