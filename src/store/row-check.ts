/**
 * Checks one row of a schema-3 store file: the same rules as the record schema (schema.ts),
 * written out by hand because a store of 250,000 rows is read at every start.
 */
import { msg } from '../messages.js';
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
  if (!isIndex(c.place, ctx.places.length)) return msg('row_place_index');
  if (!isIndex(c.indicator, ctx.indicators.length)) return msg('row_indicator_index');
  if (!isIndex(c.flags, 8)) return msg('row_flags');
  if (!isNum(c.value)) return msg('row_value');
  if (!isPct(c.mom) || !isPct(c.yoy) || !isPct(c.plan)) return msg('row_rates');
  if (!isIndex(c.approx, 4) || !isIndex(c.scope, 3) || !isIndex(c.basis, 3))
    return msg('row_qualifiers');
  if (!(c.note === -1 || isIndex(c.note, ctx.notes))) return msg('row_note_index');
  if (!isIndex(c.source, ctx.sources.length)) return msg('row_source_index');
  return null;
}

/** The domain rules (schema.ts domainIssues) on the row's cells. */
function domainError(c: RowCells, ctx: RowContext): string | null {
  const cat = ctx.cat;
  const place = cat.place(ctx.places[c.place]!)!;
  const ind = cat.indicator(ctx.indicators[c.indicator]!);
  const target = (c.flags & 1) !== 0;
  if (ind.growthOnly && c.value !== null && !target)
    return `value: ${msg('rule_growth_only', { indicator: ind.id })}`;
  if (c.value === null && c.mom === null && c.yoy === null && c.plan === null)
    return `value: ${msg('rule_no_figure')}`;
  if (c.value !== null && c.value < 0 && ind.unit !== '%') return `value: ${msg('rule_negative')}`;
  if (c.value !== null && Math.abs(c.value) > (MAX_LEVEL[ind.unit] ?? Number.POSITIVE_INFINITY))
    return `value: ${msg('rule_too_large_any')}`;
  if (c.year < 1990 || c.year > 2100)
    return `period.year: ${msg('rule_bad_year', { year: c.year })}`;
  const end = c.year * 12 + (c.type === 2 ? c.sub * 3 : c.sub) - 1;
  const date = ctx.sources[c.source]!.date;
  const setBefore = target && date !== null && date < cat.lexicon.mergerDate;
  if (place.era === 'old' && end >= cat.mergerMonthIndex && !setBefore)
    return `place: ${msg('rule_merged', { place: place.name, date: cat.mergerLabel })}`;
  if ((c.flags & 4) !== 0 && place.era !== 'both')
    return `post_merger: ${msg('rule_not_new_unit', { place: place.name })}`;
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
    return { ok: false, error: `: ${msg('row_not_json')}` };
  }
  if (!Array.isArray(r) || r.length !== 13) return { ok: false, error: `: ${msg('row_not_row')}` };
  const period = readPeriodKey(r[2]);
  if (!period) return { ok: false, error: `: period: ${msg('cell_bad_period')}` };
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
