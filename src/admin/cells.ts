/**
 * Reading one cell of an upload: places and indicators with a did-you-mean, periods (never a
 * month 13 read as a year), numbers by their column's convention, yes/no, source defaults.
 */
import { type Problem, problem } from '../domain/problem.js';
import { type Period, PeriodSchema, canonicalPeriod } from '../domain/period.js';
import { foldPhrase, normalize } from '../normalize/fold.js';
import type { Source } from '../store/schema.js';
import { editDistance } from '../understand/fuzzy.js';
import { lexicon } from '../domain/lexicon.js';
import { readPeriod } from '../understand/periods.js';
import { type Convention, columnConvention } from './numbers.js';
import type { RawRow } from './read-upload.js';

export const empty = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

export const NUMBER_COLUMNS = ['value', 'mom_pct', 'yoy_pct', 'plan_pct'] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];
export type Conventions = Record<NumberColumn, Convention>;

/** Each number column's decimal convention, read from the whole file. */
export function conventionsOf(rows: readonly RawRow[]): Conventions {
  const out = {} as Conventions;
  for (const col of NUMBER_COLUMNS)
    out[col] = columnConvention(rows.map((r) => pctFree(r[col], col)));
  return out;
}

/** A percent column may write its % sign; a value column may not. */
export const pctFree = (v: unknown, col: NumberColumn) =>
  col !== 'value' && typeof v === 'string' ? v.trim().replace(/%$/, '') : v;

function closest(typed: string, options: Iterable<[string, string]>): string | null {
  const t = foldPhrase(typed);
  let best: string | null = null,
    bestD = 3;
  for (const [key, label] of options) {
    const d = editDistance(t, foldPhrase(key), 3);
    if (d < bestD) {
      bestD = d;
      best = label;
    }
  }
  return best;
}

export function resolvePlace(v: unknown): { id: string } | { error: Problem } {
  const lex = lexicon();
  const s = String(v ?? '').trim();
  if (!s) return { error: problem('cell_no_place') };
  if (lex.places.has(s)) return { id: s };
  const byName = lex.placeIndex.get(s);
  if (byName && !byName.abbreviation) return { id: byName.id };
  const guess = closest(
    s,
    [...lex.places.values()].flatMap(
      (p) =>
        [
          [p.id, p.id],
          [p.name, p.id],
        ] as [string, string][],
    ),
  );
  return {
    error: problem('cell_unknown_place', {
      value: s,
      guess: guess ? problem('cell_guess', { guess }) : '',
    }),
  };
}

export function resolveIndicator(v: unknown): { id: string } | { error: Problem } {
  const lex = lexicon();
  const s = String(v ?? '').trim();
  if (!s) return { error: problem('cell_no_indicator') };
  if (lex.indicators.has(s)) return { id: s };
  const byName = lex.indicatorIndex.get(s);
  if (byName) return { id: byName };
  const guess = closest(
    s,
    [...lex.indicators.keys()].map((k) => [k, k] as [string, string]),
  );
  return {
    error: problem('cell_unknown_indicator', {
      value: s,
      guess: guess ? problem('cell_guess', { guess }) : '',
    }),
  };
}

/** "T13/2020", "quý 5", "13/2020": a month or quarter that does not exist, never read as a year. */
function impossiblePeriod(s: string): Problem | null {
  const f = foldPhrase(s.replace(/\//g, ' / '));
  const month = /(?:^| )(?:t|thang|m)\s?(\d{1,3})(?: |$)/.exec(f) ?? /^(\d{1,3}) \/ \d{4}$/.exec(f);
  if (month && (Number(month[1]) < 1 || Number(month[1]) > 12))
    return problem('no_such_month', { n: month[1]! });
  const quarter = /(?:^| )(?:quy|q)\s?(\d{1,2})(?: |$)/.exec(f);
  if (quarter && (Number(quarter[1]) < 1 || Number(quarter[1]) > 4))
    return problem('no_such_quarter', { n: quarter[1]! });
  const span = /^(\d{1,3}) ?t(?: |$)|(?:^| )(\d{1,3}) thang dau nam/.exec(f);
  const n = span ? Number(span[1] ?? span[2]) : null;
  if (n !== null && (n < 1 || n > 12)) return problem('no_such_span', { n });
  return null;
}

export function resolvePeriod(v: unknown): { period: Period } | { error: Problem } {
  if (v && typeof v === 'object') {
    const r = PeriodSchema.safeParse(v);
    return r.success ? { period: r.data } : { error: problem('cell_bad_period') };
  }
  const s = String(v ?? '').trim();
  if (!s) return { error: problem('cell_no_period') };
  const impossible = impossiblePeriod(s);
  if (impossible)
    return { error: problem('cell_impossible_period', { value: s.slice(0, 30), why: impossible }) };
  const key = /^(\d{4})-(M|Y|Q)(\d{1,2})$/.exec(s);
  if (key) {
    const n = Number(key[3]);
    const p =
      key[2] === 'M'
        ? { type: 'month', year: Number(key[1]), month: n }
        : key[2] === 'Q'
          ? { type: 'quarter', year: Number(key[1]), quarter: n }
          : { type: 'ytd', year: Number(key[1]), month: n };
    const r = PeriodSchema.safeParse(p);
    return r.success
      ? { period: canonicalPeriod(r.data) }
      : { error: problem('cell_bad_period_key', { value: s }) };
  }
  const read = readPeriod(normalize(s).flat, lexicon(), { year: 2000, month: 1 }).period;
  if (!read) return { error: problem('cell_unread_period', { value: s }) };
  if (read.year === null) return { error: problem('cell_period_no_year', { value: s }) };
  return { period: canonicalPeriod({ ...read, year: read.year } as Period) };
}

// a row naming its publisher keeps its own (possibly unknown) title and date
export const titleDefault = (raw: RawRow, d: Source) =>
  empty(raw.source_publisher) ? d.title : '';
export const dateDefault = (raw: RawRow, d: Source) =>
  empty(raw.source_publisher) ? d.date : null;
/** "không rõ" is how an export writes an unknown date. */
export const sourceDateCell = (v: unknown) =>
  ['khong ro', 'unknown'].includes(foldPhrase(String(v))) ? null : String(v).trim();

/** Public data says the price basis in its notes ("giá so sánh 2010", "giá hiện hành"). */
export function priceBasisFromNote(note: unknown): 'so-sanh-2010' | 'hien-hanh' | null {
  if (typeof note !== 'string') return null;
  if (/hiện hành|current price/i.test(note)) return 'hien-hanh';
  if (/so sánh|constant price/i.test(note)) return 'so-sanh-2010';
  return null;
}

export function bool(v: unknown): boolean | null {
  if (empty(v)) return false;
  const s = foldPhrase(String(v));
  if (['true', '1', 'co', 'x', 'uoc', 'yes'].includes(s)) return true;
  if (['false', '0', 'khong', 'no'].includes(s)) return false;
  return null;
}
