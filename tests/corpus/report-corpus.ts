/**
 * An own-words corpus of report sentences with their gold figures, built from templates that
 * cover how reports are written (units and their spellings, spans, comparisons in their many
 * shapes, targets, breakdowns and other places' figures that are not the province's, missing
 * diacritics). Deterministic: the same corpus on every run. No sentence of any real report.
 */
import type { Period } from '../../src/domain/period.js';

export interface GoldFigure {
  readonly place: string;
  readonly indicator: string;
  readonly period: Period;
  readonly value: number | null;
  readonly yoy_pct?: number | null;
  readonly mom_pct?: number | null;
  readonly plan_pct?: number | null;
  readonly kind?: 'actual' | 'target';
  readonly scope?: 'qua-dia-ban' | 'tru-dau-tho' | null;
  readonly approx?: 'hơn' | 'gần' | 'khoảng' | null;
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null
    ? (b ?? null) === null
    : b !== null && b !== undefined && Math.abs(a! - b) <= Math.abs(a!) * 1e-6 + 1e-9;

/**
 * An extracted figure is the gold one: place, indicator, period, kind, value and every stated
 * comparison (and, where the gold gives them, scope and approximation).
 */
export function sameFigure(
  f: {
    place: string | null;
    indicator: string;
    period: Period;
    kind: string;
    value: number | null;
    mom_pct: number | null;
    yoy_pct: number | null;
    plan_pct: number | null;
    scope: string | null;
    approx: string | null;
  },
  g: GoldFigure,
): boolean {
  return (
    f.place === g.place &&
    f.indicator === g.indicator &&
    JSON.stringify(f.period) === JSON.stringify(g.period) &&
    f.kind === (g.kind ?? 'actual') &&
    close(g.value, f.value) &&
    (['yoy_pct', 'mom_pct', 'plan_pct'] as const).every(
      (k) => g[k] === undefined || close(g[k], f[k]),
    ) &&
    (g.scope === undefined || f.scope === g.scope) &&
    (g.approx === undefined || f.approx === g.approx)
  );
}

export interface CorpusItem {
  readonly pattern: string;
  readonly text: string;
  readonly gold: readonly GoldFigure[];
}

const PLACES: [string, string][] = [
  ['kien-giang', 'Kiên Giang'],
  ['khanh-hoa', 'Khánh Hòa'],
  ['nghe-an', 'Nghệ An'],
  ['binh-duong', 'Bình Dương'],
  ['thanh-hoa', 'Thanh Hóa'],
  ['lam-dong', 'Lâm Đồng'],
  ['can-tho', 'Cần Thơ'],
  ['bac-ninh', 'Bắc Ninh'],
  ['quang-ninh', 'Quảng Ninh'],
  ['ha-tinh', 'Hà Tĩnh'],
  ['dong-thap', 'Đồng Tháp'],
  ['gia-lai', 'Gia Lai'],
  ['tay-ninh', 'Tây Ninh'],
];

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

/** A span from January: three months are the first quarter, one month is the month. */
const span = (year: number, month: number): Period =>
  month === 3
    ? { type: 'quarter', year, quarter: 1 }
    : month === 1
      ? { type: 'month', year, month }
      : { type: 'ytd', year, month };
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const ROMAN = ['', 'I', 'II', 'III', 'IV'];
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd');

type Maker = (r: () => number, p: [string, string], y: number) => CorpusItem;

const makers: Record<string, Maker> = {
  'month, estimate, yoy': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(20 + r() * 400, 1);
    const g = round(r() * 30, 2);
    return {
      pattern: 'month, estimate, yoy',
      text: `Tháng ${m}/${y}, kim ngạch xuất khẩu của tỉnh ${name} ước đạt ${vi(v)} triệu USD, tăng ${vi(g)}% so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'export',
          period: { type: 'month', year: y, month: m },
          value: v,
          yoy_pct: g,
        },
      ],
    };
  },
  'cumulative retail with plan': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 9);
    const v = round(5000 + r() * 60000, 1);
    const k = round(20 + r() * 60, 1);
    return {
      pattern: 'cumulative retail with plan',
      text: `Lũy kế ${n} tháng năm ${y}, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng trên địa bàn ${name} đạt ${vi(v)} tỷ đồng, đạt ${vi(k)}% kế hoạch năm.`,
      gold: [
        {
          place: id,
          indicator: 'retail',
          period: span(y, n),
          value: v,
          plan_pct: k,
        },
      ],
    };
  },
  'IIP growth only': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 9);
    const g = round(1 + r() * 15, 1);
    return {
      pattern: 'IIP growth only',
      text: `Chỉ số sản xuất công nghiệp (IIP) ${n} tháng đầu năm ${y} của ${name} tăng ${vi(g)}% so với cùng kỳ năm trước.`,
      gold: [
        {
          place: id,
          indicator: 'iip',
          period: span(y, n),
          value: null,
          yoy_pct: g,
        },
      ],
    };
  },
  'quarter in tỷ USD, decrease': (r, [id, name], y) => {
    const q = 1 + Math.floor(r() * 4);
    const v = round(1 + r() * 8, 2);
    const g = round(r() * 20, 1);
    return {
      pattern: 'quarter in tỷ USD, decrease',
      text: `Quý ${ROMAN[q]} năm ${y}, kim ngạch nhập khẩu của ${name} đạt ${vi(v)} tỷ USD, giảm ${vi(g)}% so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'import',
          period: { type: 'quarter', year: y, quarter: q },
          value: round(v * 1000, 3),
          yoy_pct: -g,
        },
      ],
    };
  },
  'year, more than, beyond plan': (r, [id, name], y) => {
    const v = round(200 + r() * 3000, 0);
    const k = round(1 + r() * 15, 0);
    return {
      pattern: 'year, more than, beyond plan',
      text: `Năm ${y}, kim ngạch xuất khẩu hàng hóa của ${name} đạt hơn ${vi(v)} triệu USD, vượt ${vi(k)}% kế hoạch.`,
      gold: [
        {
          place: id,
          indicator: 'export',
          period: { type: 'year', year: y },
          value: v,
          plan_pct: 100 + k,
        },
      ],
    };
  },
  target: (r, [id, name], y) => {
    const v = round(500 + r() * 4000, 0);
    return {
      pattern: 'target',
      text: `Năm ${y}, ${name} phấn đấu đưa kim ngạch xuất khẩu đạt ${vi(v)} triệu USD.`,
      gold: [
        {
          place: id,
          indicator: 'export',
          period: { type: 'year', year: y },
          value: v,
          kind: 'target',
        },
      ],
    };
  },
  'no diacritics': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(20 + r() * 300, 1);
    return {
      pattern: 'no diacritics',
      text: fold(`Thang ${m} nam ${y}, kim ngach xuat khau cua ${name} dat ${vi(v)} trieu USD.`),
      gold: [
        { place: id, indicator: 'export', period: { type: 'month', year: y, month: m }, value: v },
      ],
    };
  },
  'tỉ spelling, month on month': (r, [id, name], y) => {
    const m = 2 + Math.floor(r() * 10);
    const v = round(1000 + r() * 9000, 1);
    const g = round(r() * 10, 2);
    return {
      pattern: 'tỉ spelling, month on month',
      text: `Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ tháng ${m} năm ${y} tại ${name} ước đạt ${vi(v)} tỉ đồng, tăng ${vi(g)}% so với tháng trước.`,
      gold: [
        {
          place: id,
          indicator: 'retail',
          period: { type: 'month', year: y, month: m },
          value: v,
          mom_pct: g,
        },
      ],
    };
  },
  'breakdown is not the total': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(100 + r() * 500, 1);
    const part = round(v * (0.1 + r() * 0.3), 1);
    return {
      pattern: 'breakdown is not the total',
      text: `Tháng ${m}/${y}, xuất khẩu của ${name} đạt ${vi(v)} triệu USD; trong đó thủy sản đạt ${vi(part)} triệu USD.`,
      gold: [
        { place: id, indicator: 'export', period: { type: 'month', year: y, month: m }, value: v },
      ],
    };
  },
  'the whole country in parentheses': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 9);
    const g = round(1 + r() * 12, 1);
    const c = round(1 + r() * 10, 1);
    return {
      pattern: 'the whole country in parentheses',
      text: `Chỉ số sản xuất công nghiệp ${n} tháng năm ${y} của ${name} tăng ${vi(g)}% so với cùng kỳ (cả nước tăng ${vi(c)}%).`,
      gold: [
        {
          place: id,
          indicator: 'iip',
          period: span(y, n),
          value: null,
          yoy_pct: g,
        },
        {
          place: 'ca-nuoc',
          indicator: 'iip',
          period: span(y, n),
          value: null,
          yoy_pct: c,
        },
      ],
    };
  },
  'a span named in the sentence before': (r, [id, name], y) => {
    const m = 2 + Math.floor(r() * 10);
    const a = round(30 + r() * 200, 1);
    const b = round(a * m * (0.8 + r() * 0.4), 1);
    return {
      pattern: 'a span named in the sentence before',
      text: `Tháng ${m} năm ${y}, kim ngạch xuất khẩu của ${name} ước đạt ${vi(a)} triệu USD; lũy kế ${m} tháng đạt ${vi(b)} triệu USD.`,
      gold: [
        { place: id, indicator: 'export', period: { type: 'month', year: y, month: m }, value: a },
        { place: id, indicator: 'export', period: span(y, m), value: b },
      ],
    };
  },
  'unchanged on last year': (r, [id, name], y) => {
    const n = 3 * (1 + Math.floor(r() * 3));
    const v = round(2000 + r() * 20000, 0);
    return {
      pattern: 'unchanged on last year',
      text: `${n} tháng đầu năm ${y}, giá trị sản xuất công nghiệp của ${name} ước đạt ${vi(v)} tỷ đồng, bằng so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'industrial_output',
          period: span(y, n),
          value: v,
          yoy_pct: 0,
        },
      ],
    };
  },
  'growth as a multiple (lần)': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(50 + r() * 300, 1);
    const x = [1.5, 2, 1.2, 3][Math.floor(r() * 4)]!;
    const word = r() < 0.5 ? `tăng ${vi(x)} lần` : `gấp ${vi(x)} lần`;
    return {
      pattern: 'growth as a multiple (lần)',
      text: `Tháng ${m}/${y}, kim ngạch xuất khẩu của ${name} đạt ${vi(v)} triệu USD, ${word} so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'export',
          period: { type: 'month', year: y, month: m },
          value: v,
          yoy_pct: round((x - 1) * 100),
        },
      ],
    };
  },
  'equal to a share of last year (bằng X%)': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 9);
    const v = round(100 + r() * 900, 1);
    const k = round(80 + r() * 19, 1);
    return {
      pattern: 'equal to a share of last year (bằng X%)',
      text: `${n} tháng đầu năm ${y}, nhập khẩu của ${name} đạt ${vi(v)} triệu USD, bằng ${vi(k)}% so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'import',
          period: span(y, n),
          value: v,
          yoy_pct: round(k - 100),
        },
      ],
    };
  },
  'mixed units (1 tỷ 953 triệu USD)': (r, [id, name], y) => {
    const b = 1 + Math.floor(r() * 5);
    const mm = 100 + Math.floor(r() * 899);
    return {
      pattern: 'mixed units (1 tỷ 953 triệu USD)',
      text: `Năm ${y}, kim ngạch xuất khẩu của ${name} đạt ${b} tỷ ${mm} triệu USD.`,
      gold: [
        { place: id, indicator: 'export', period: { type: 'year', year: y }, value: b * 1000 + mm },
      ],
    };
  },
  'quarter against the previous quarter': (r, [id, name], y) => {
    const q = 2 + Math.floor(r() * 3);
    const v = round(1000 + r() * 20000, 1);
    const g = round(r() * 9, 1);
    return {
      pattern: 'quarter against the previous quarter',
      text: `Quý ${ROMAN[q]}/${y}, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của ${name} đạt ${vi(v)} tỷ đồng, tăng ${vi(g)}% so với quý trước.`,
      gold: [
        {
          place: id,
          indicator: 'retail',
          period: { type: 'quarter', year: y, quarter: q },
          value: v,
          mom_pct: g,
        },
      ],
    };
  },
  'border trade, then its parts in the next sentence (Trong đó)': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 10);
    const ex = round(200 + r() * 900, 1);
    const im = round(100 + r() * 600, 1);
    const gate = r() < 0.5 ? 'qua các cửa khẩu trên địa bàn' : 'qua cửa khẩu';
    return {
      pattern: 'border trade, then its parts in the next sentence (Trong đó)',
      text: `Lũy kế ${n} tháng năm ${y}, hàng hóa xuất nhập khẩu ${gate} ${name} đạt ${vi(round(ex + im, 1))} triệu USD. Trong đó xuất khẩu đạt ${vi(ex)} triệu USD, nhập khẩu ${vi(im)} triệu USD.`,
      gold: [
        {
          place: id,
          indicator: 'trade_total',
          period: span(y, n),
          value: round(ex + im, 1),
          scope: 'qua-dia-ban',
        },
        {
          place: id,
          indicator: 'export',
          period: span(y, n),
          value: ex,
          scope: 'qua-dia-ban',
        },
        {
          place: id,
          indicator: 'import',
          period: span(y, n),
          value: im,
          scope: 'qua-dia-ban',
        },
      ],
    };
  },
  'the whole country in a clause of its own': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(100 + r() * 900, 1);
    const nat = round(20 + r() * 40, 2);
    return {
      pattern: 'the whole country in a clause of its own',
      text: `Tháng ${m}/${y}, xuất khẩu của ${name} đạt ${vi(v)} triệu USD. Cả nước tháng này xuất khẩu đạt ${vi(nat)} tỷ USD.`,
      gold: [
        { place: id, indicator: 'export', period: { type: 'month', year: y, month: m }, value: v },
        {
          place: 'ca-nuoc',
          indicator: 'export',
          period: { type: 'month', year: y, month: m },
          value: round(nat * 1000, 3),
        },
      ],
    };
  },
  'approximate words (trên, ngót, xấp xỉ)': (r, [id, name], y) => {
    const v = round(1000 + r() * 9000, 1);
    const [word, approx] = (
      [
        ['trên', 'hơn'],
        ['ngót', 'gần'],
        ['xấp xỉ', 'khoảng'],
      ] as const
    )[Math.floor(r() * 3)]!;
    return {
      pattern: 'approximate words (trên, ngót, xấp xỉ)',
      text: `Cả năm ${y}, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của ${name} đạt ${word} ${vi(v)} tỷ đồng.`,
      gold: [
        { place: id, indicator: 'retail', period: { type: 'year', year: y }, value: v, approx },
      ],
    };
  },
  'total sales that contain retail (tổng mức bán hàng … trong đó)': (r, [id, name], y) => {
    const n = 2 + Math.floor(r() * 10);
    const retail = round(5000 + r() * 40000, 1);
    const total = round(retail * (1.2 + r() * 0.5), 1);
    const g = round(r() * 15, 1);
    return {
      pattern: 'total sales that contain retail (tổng mức bán hàng … trong đó)',
      text: `${n} tháng năm ${y}, tổng mức bán hàng hóa và doanh thu dịch vụ của ${name} đạt ${vi(total)} tỷ đồng, trong đó tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt ${vi(retail)} tỷ đồng, tăng ${vi(g)}% so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'retail',
          period: span(y, n),
          value: retail,
          yoy_pct: g,
        },
      ],
    };
  },
  'growth with an approximate word (tăng gần 28%)': (r, [id, name], y) => {
    const m = 1 + Math.floor(r() * 11);
    const v = round(20 + r() * 400, 1);
    const g = Math.round(5 + r() * 40);
    const word = ['gần', 'hơn', 'khoảng'][Math.floor(r() * 3)]!;
    return {
      pattern: 'growth with an approximate word (tăng gần 28%)',
      text: `Tháng ${m}/${y}, kim ngạch xuất khẩu hàng hóa địa phương của ${name} đạt ${vi(v)} triệu USD, tăng ${word} ${g}% so với cùng kỳ.`,
      gold: [
        {
          place: id,
          indicator: 'export_local',
          period: { type: 'month', year: y, month: m },
          value: v,
          yoy_pct: g,
        },
      ],
    };
  },
};

/** 26 sentences of each of the 21 patterns: 546 items. */
export function reportCorpus(): CorpusItem[] {
  const r = rng(20261201);
  const out: CorpusItem[] = [];
  for (const make of Object.values(makers))
    for (let k = 0; k < 26; k++) {
      const place = PLACES[Math.floor(r() * PLACES.length)]!;
      out.push(make(r, place, 2018 + Math.floor(r() * 7)));
    }
  return out;
}
