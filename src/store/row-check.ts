/**
 * Checks one row of a schema-3 store file: the same rules as the record schema (schema.ts),
 * written out by hand because a store of 250,000 rows is read at every start.
 */
import type { Catalogue } from '../domain/catalogue.js';
import { MAX_LEVEL, type Source } from './schema.js';

export interface RowCells {
  place: number;
  indicator: number;
  type: number;
  year: number;
  sub: number;
  flags: number;
  approx: number;
  scope: number;
  basis: number;
  value: number | null;
  mom: number | null;
  yoy: number | null;
  plan: number | null;
  note: number;
  source: number;
}

export interface RowContext {
  readonly cat: Catalogue;
  readonly places: readonly string[];
  readonly indicators: readonly string[];
  readonly sources: readonly Source[];
  /** How many notes the table has. */
  readonly notes: number;
}

type Checked = { ok: true; cells: RowCells } | { ok: false; error: string };

const PERIOD = /^(\d{4})-([MYQ])(\d{1,2})$/;
const isIndex = (x: unknown, n: number): x is number =>
  Number.isInteger(x) && (x as number) >= 0 && (x as number) < n;
const isNum = (x: unknown): x is number | null =>
  x === null || (typeof x === 'number' && Number.isFinite(x));
const isPct = (x: unknown): x is number | null =>
  x === null || (typeof x === 'number' && Number.isFinite(x) && x >= -100 && x <= 100000);

/** [type, year, sub] of a period key ("2020-M04", "2020-Y06", "2020-Q1", "2020-Y12"). */
export function readPeriodKey(key: unknown): [number, number, number] | null {
  const m = typeof key === 'string' ? PERIOD.exec(key) : null;
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[3]);
  if (m[2] === 'Q') return n >= 1 && n <= 4 ? [2, year, n] : null;
  if (n < 1 || n > 12) return null;
  if (m[2] === 'M') return [0, year, n];
  return n === 12 ? [3, year, 12] : [1, year, n];
}

function rangeError(c: RowCells, ctx: RowContext): string | null {
  if (!isIndex(c.place, ctx.places.length)) return 'place: chỉ số địa phương sai';
  if (!isIndex(c.indicator, ctx.indicators.length)) return 'indicator: chỉ số chỉ tiêu sai';
  if (!isIndex(c.flags, 8)) return 'cờ (loại, ước tính, đơn vị mới) sai';
  if (!isNum(c.value)) return 'value: không phải số';
  if (!isPct(c.mom) || !isPct(c.yoy) || !isPct(c.plan)) return 'tỷ lệ %: không phải số hợp lệ';
  if (!isIndex(c.approx, 4) || !isIndex(c.scope, 3) || !isIndex(c.basis, 3))
    return 'approx/scope/price_basis sai';
  if (!(c.note === -1 || isIndex(c.note, ctx.notes))) return 'note: chỉ số ghi chú sai';
  if (!isIndex(c.source, ctx.sources.length)) return 'source: chỉ số nguồn sai';
  return null;
}

/** The domain rules (schema.ts domainIssues) on the row's cells. */
function domainError(c: RowCells, ctx: RowContext): string | null {
  const cat = ctx.cat;
  const place = cat.place(ctx.places[c.place]!)!;
  const ind = cat.indicator(ctx.indicators[c.indicator]!);
  const target = (c.flags & 1) !== 0;
  if (ind.growthOnly && c.value !== null && !target)
    return `value: ${ind.id} chỉ công bố tốc độ tăng (%), value phải là null`;
  if (c.value === null && c.mom === null && c.yoy === null && c.plan === null)
    return 'value: bản ghi không có số liệu nào';
  if (c.value !== null && c.value < 0 && ind.unit !== '%') return 'value: giá trị âm không hợp lệ';
  if (c.value !== null && Math.abs(c.value) > (MAX_LEVEL[ind.unit] ?? Number.POSITIVE_INFINITY))
    return 'value: vượt xa mọi số liệu có thể có';
  if (c.year < 1990 || c.year > 2100) return `period.year: năm ${c.year} không hợp lệ`;
  const end = c.year * 12 + (c.type === 2 ? c.sub * 3 : c.sub) - 1;
  const date = ctx.sources[c.source]!.date;
  const setBefore = target && date !== null && date < cat.lexicon.mergerDate;
  if (place.era === 'old' && end >= cat.mergerMonthIndex && !setBefore)
    return `place: ${place.name} đã sáp nhập từ ${cat.mergerLabel}, không thể có số liệu kỳ này`;
  if ((c.flags & 4) !== 0 && place.era !== 'both')
    return `post_merger: ${place.name} không phải đơn vị sau sáp nhập`;
  return null;
}

/** Null when the row is good; otherwise what is wrong, with the record's name. */
export function checkCells(c: RowCells, ctx: RowContext): string | null {
  const problem = rangeError(c, ctx) ?? domainError(c, ctx);
  if (!problem) return null;
  const name = `${ctx.places[c.place] ?? '?'} ${ctx.indicators[c.indicator] ?? '?'} ${c.year}`;
  return `(${name}): ${problem}`;
}

/** A row read with JSON.parse (a store held as text: snapshots). */
export function checkRow(line: string, ctx: RowContext): Checked {
  let r: unknown;
  try {
    r = JSON.parse(line);
  } catch {
    return { ok: false, error: ': không phải JSON hợp lệ' };
  }
  if (!Array.isArray(r) || r.length !== 13)
    return { ok: false, error: ': không phải một dòng số liệu' };
  const period = readPeriodKey(r[2]);
  if (!period) return { ok: false, error: ': period: kỳ không hợp lệ' };
  const cells: RowCells = {
    place: r[0] as number,
    indicator: r[1] as number,
    type: period[0],
    year: period[1],
    sub: period[2],
    flags: r[3] as number,
    value: r[4] as number | null,
    mom: r[5] as number | null,
    yoy: r[6] as number | null,
    plan: r[7] as number | null,
    approx: r[8] as number,
    scope: r[9] as number,
    basis: r[10] as number,
    note: r[11] as number,
    source: r[12] as number,
  };
  const problem = checkCells(cells, ctx);
  return problem ? { ok: false, error: ` ${problem}` } : { ok: true, cells };
}
