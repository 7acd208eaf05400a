/**
 * An own-words corpus of report tables in the layouts statistics offices and departments of
 * industry and trade publish (issue 26): a retail table by month and span from January, an IIP
 * table of sectors with index columns, a trade table with a unit column and a plan column,
 * provinces in rows, change columns ("Tăng/giảm"), units in the row labels, plans beside
 * results. Each table comes with the figures it states (its gold). Deterministic.
 */
import type { Period } from '../../src/domain/period.js';
import type { GoldFigure } from './report-corpus.js';

export interface CorpusTable {
  readonly name: string;
  /** Lines before the table: its number and title, its unit. */
  readonly caption: readonly string[];
  /** Header rows, then body rows (cells as written). */
  readonly header: readonly (readonly string[])[];
  readonly rows: readonly (readonly string[])[];
  /** A sentence of prose around the table, and its figures in the gold too. */
  readonly prose: string;
  readonly place: string;
  readonly placeName: string;
  readonly gold: readonly GoldFigure[];
  /** Plans the table states: kind "target", never a result. */
  readonly targets: readonly GoldFigure[];
  readonly format: 'docx' | 'pdf';
}

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const vi = (n: number, d = 1) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);
const r1 = (n: number) => Math.round(n * 10) / 10;

const PLACES: [string, string][] = [
  ['khanh-hoa', 'Khánh Hòa'],
  ['nghe-an', 'Nghệ An'],
  ['can-tho', 'Cần Thơ'],
  ['thanh-hoa', 'Thanh Hóa'],
  ['bac-ninh', 'Bắc Ninh'],
  ['lam-dong', 'Lâm Đồng'],
  ['quang-ninh', 'Quảng Ninh'],
  ['dong-thap', 'Đồng Tháp'],
];

const M = (year: number, month: number): Period => ({ type: 'month', year, month });
const Y = (year: number, month: number): Period =>
  month === 3 ? { type: 'quarter', year, quarter: 1 } : { type: 'ytd', year, month };

interface Spec {
  readonly i: number;
  readonly rand: () => number;
  readonly place: [string, string];
  readonly year: number;
  readonly month: number;
  readonly format: 'docx' | 'pdf';
}

/** Retail by month and span, the month before, index columns ("Biểu 3" of a monthly report). */
function retailTable(s: Spec): CorpusTable {
  const { year, month, rand } = s;
  const total = Math.round(4000 + rand() * 9000);
  const rows = [
    ['Tổng số', 'retail', 1],
    ['Bán lẻ hàng hóa', 'retail_goods', 0.7],
    ['Dịch vụ lưu trú, ăn uống', null, 0.18],
    ['Dịch vụ khác', null, 0.12],
  ] as const;
  const gold: GoldFigure[] = [];
  const body = rows.map(([label, id, share]) => {
    const now = r1(total * share);
    const before = r1(now * (0.95 + rand() * 0.08));
    const ytd = r1(now * month * (0.93 + rand() * 0.05));
    const yoy = r1(104 + rand() * 12);
    const ytdYoy = r1(103 + rand() * 10);
    if (id) {
      gold.push({ place: s.place[0], indicator: id, period: M(year, month - 1), value: before });
      gold.push({
        place: s.place[0],
        indicator: id,
        period: M(year, month),
        value: now,
        yoy_pct: r1(yoy - 100),
      });
      gold.push({
        place: s.place[0],
        indicator: id,
        period: Y(year, month),
        value: ytd,
        yoy_pct: r1(ytdYoy - 100),
      });
    }
    return [label, vi(before), vi(now), vi(ytd), vi(yoy), vi(ytdYoy)];
  });
  return {
    name: `retail by month, ${s.place[1]} ${month}/${year}`,
    caption: [
      `Biểu ${3 + (s.i % 3)}. Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tháng ${month} năm ${year}`,
      'Đơn vị tính: Tỷ đồng',
    ],
    header: [
      [
        'Chỉ tiêu',
        `Thực hiện tháng ${month - 1} năm ${year}`,
        `Ước tính tháng ${month} năm ${year}`,
        `Lũy kế ${month} tháng năm ${year}`,
        `Tháng ${month}/${year} so với cùng kỳ năm trước (%)`,
        `${month} tháng năm ${year} so với cùng kỳ năm trước (%)`,
      ],
    ],
    rows: body,
    prose: `Cục Thống kê tỉnh ${s.place[1]} công bố số liệu thương mại tháng ${month} năm ${year}.`,
    place: s.place[0],
    placeName: s.place[1],
    gold,
    targets: [],
    format: s.format,
  };
}

/** IIP by sector: index columns against the month before, the same month and span a year before. */
function iipTable(s: Spec): CorpusTable {
  const { year, month, rand } = s;
  const rows = [
    ['Toàn ngành công nghiệp', 'iip'],
    ['Khai khoáng', 'iip_mining'],
    ['Công nghiệp chế biến, chế tạo', 'iip_manufacturing'],
    ['Sản xuất và phân phối điện', 'iip_electricity'],
    ['Cung cấp nước, hoạt động quản lý và xử lý rác thải, nước thải', 'iip_water'],
  ] as const;
  const gold: GoldFigure[] = [];
  const body = rows.map(([label, id]) => {
    const mom = r1(96 + rand() * 10);
    const yoy = r1(98 + rand() * 16);
    const ytd = r1(99 + rand() * 12);
    gold.push({
      place: s.place[0],
      indicator: id,
      period: M(year, month),
      value: null,
      mom_pct: r1(mom - 100),
      yoy_pct: r1(yoy - 100),
    });
    gold.push({
      place: s.place[0],
      indicator: id,
      period: Y(year, month),
      value: null,
      yoy_pct: r1(ytd - 100),
    });
    return [label, vi(mom), vi(yoy), vi(ytd)];
  });
  return {
    name: `IIP by sector, ${s.place[1]} ${month}/${year}`,
    caption: [
      `Biểu ${1 + (s.i % 2)}. Chỉ số sản xuất công nghiệp tháng ${month} năm ${year}`,
      'Đơn vị tính: %',
    ],
    header: [
      [
        'Ngành công nghiệp',
        `Tháng ${month} năm ${year} so với`,
        `Tháng ${month} năm ${year} so với`,
        `${month} tháng năm ${year} so với`,
      ],
      ['Ngành công nghiệp', 'tháng trước', 'cùng kỳ năm trước', 'cùng kỳ năm trước'],
    ],
    rows: body,
    prose: `Sản xuất công nghiệp của tỉnh ${s.place[1]} trong tháng ${month} tiếp tục ổn định.`,
    place: s.place[0],
    placeName: s.place[1],
    gold,
    targets: [],
    format: s.format,
  };
}

/** Trade and retail with a unit column, the span's growth and its share of the year's plan. */
function tradeTable(s: Spec): CorpusTable {
  const { year, month, rand } = s;
  const ex = r1(80 + rand() * 400);
  const im = r1(50 + rand() * 300);
  const rt = Math.round(3000 + rand() * 8000);
  const rows = [
    ['Kim ngạch xuất khẩu', 'Triệu USD', 'export', ex, 1],
    ['Kim ngạch nhập khẩu', 'Triệu USD', 'import', im, 1],
    ['Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'Tỷ đồng', 'retail', rt, 1],
  ] as const;
  const gold: GoldFigure[] = [];
  const body = rows.map(([label, unit, id, now]) => {
    const ytd = r1(now * month * (0.9 + rand() * 0.1));
    const yoy = r1(2 + rand() * 20);
    const plan = r1((month / 12) * 100 * (0.9 + rand() * 0.2));
    gold.push({ place: s.place[0], indicator: id, period: M(year, month), value: now });
    gold.push({
      place: s.place[0],
      indicator: id,
      period: Y(year, month),
      value: ytd,
      yoy_pct: yoy,
      plan_pct: plan,
    });
    return [label, unit, vi(now), vi(ytd), vi(yoy), vi(plan)];
  });
  return {
    name: `trade with a unit column, ${s.place[1]} ${month}/${year}`,
    caption: [`Bảng ${s.i}: Một số chỉ tiêu thương mại tháng ${month}/${year}`],
    header: [
      [
        'Chỉ tiêu',
        'Đơn vị tính',
        `Tháng ${month}/${year}`,
        `${month} tháng năm ${year}`,
        'Tăng/giảm so với cùng kỳ (%)',
        'So với kế hoạch năm (%)',
      ],
    ],
    rows: body,
    prose: `Sở Công Thương ${s.place[1]} báo cáo tình hình thương mại ${month} tháng năm ${year}.`,
    place: s.place[0],
    placeName: s.place[1],
    gold,
    targets: [],
    format: s.format,
  };
}

/** Provinces in rows: each one's exports for the month, changes in percent. */
function provincesTable(s: Spec): CorpusTable {
  const { year, month, rand } = s;
  const gold: GoldFigure[] = [];
  const body = PLACES.slice(0, 5).map(([id, name]) => {
    const v = r1(200 + rand() * 3000);
    const yoy = r1(-8 + rand() * 30);
    gold.push({ place: id, indicator: 'export', period: M(year, month), value: v, yoy_pct: yoy });
    return [name, vi(v), vi(yoy)];
  });
  return {
    name: `provinces in rows, ${month}/${year}`,
    caption: [
      `Biểu 7. Kim ngạch xuất khẩu của một số địa phương tháng ${month} năm ${year}`,
      'Đơn vị tính: Triệu USD',
    ],
    header: [['Địa phương', `Tháng ${month}/${year}`, 'Tăng (+), giảm (-) so với cùng kỳ (%)']],
    rows: body,
    prose: `Số liệu sơ bộ về xuất khẩu của các địa phương tháng ${month} năm ${year}.`,
    place: 'ca-nuoc',
    placeName: 'Cả nước',
    gold,
    targets: [],
    format: s.format,
  };
}

/** A plan beside what was done: the plan is a target, the share of it a result's. */
function planTable(s: Spec): CorpusTable {
  const { year, month, rand } = s;
  const plan = Math.round(600 + rand() * 900);
  const done = r1(plan * (month / 12) * (0.85 + rand() * 0.3));
  const share = r1((done / plan) * 100);
  const yoy = r1(1 + rand() * 15);
  return {
    name: `a plan beside the result, ${s.place[1]} ${month}/${year}`,
    caption: [`Biểu 4. Kết quả xuất khẩu ${month} tháng năm ${year}`],
    header: [
      [
        'Chỉ tiêu',
        `Kế hoạch năm ${year}`,
        `Ước thực hiện ${month} tháng năm ${year}`,
        `So với kế hoạch năm (%)`,
        'So với cùng kỳ năm trước (%)',
      ],
    ],
    rows: [[`Kim ngạch xuất khẩu (triệu USD)`, vi(plan, 0), vi(done), vi(share), vi(100 + yoy)]],
    prose: `Tỉnh ${s.place[1]} đánh giá kết quả thực hiện kế hoạch xuất khẩu.`,
    place: s.place[0],
    placeName: s.place[1],
    gold: [
      {
        place: s.place[0],
        indicator: 'export',
        period: Y(year, month),
        value: done,
        plan_pct: share,
        yoy_pct: yoy,
      },
    ],
    targets: [
      {
        place: s.place[0],
        indicator: 'export',
        period: { type: 'year', year },
        value: plan,
        kind: 'target',
      },
    ],
    format: s.format,
  };
}

const LAYOUTS = [retailTable, iipTable, tradeTable, provincesTable, planTable];

/** At least 20 tables: each layout in Word and in PDF, over places, months and years. */
export function tableCorpus(): CorpusTable[] {
  const rand = rng(20251107);
  const out: CorpusTable[] = [];
  for (let i = 0; i < 24; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length]!;
    const month = 2 + Math.floor(rand() * 10);
    const spec: Spec = {
      ...{ i, rand, place: PLACES[i % PLACES.length]!, year: 2021 + (i % 5), month },
      format: i % 2 ? 'pdf' : 'docx',
    };
    out.push(layout(spec));
  }
  return out;
}
