/**
 * Checks every uploaded row and turns it into a store fact, or says exactly what is wrong:
 * row, column, reason (with a did-you-mean for places and indicators). Accepts the template's
 * columns and the store's own JSON shape.
 */
import { type Period, PeriodSchema, periodKey, canonicalPeriod } from '../domain/period.js';
import { normalize, foldPhrase } from '../normalize/fold.js';
import { type Fact, parseFact, type Source } from '../store/schema.js';
import { editDistance } from '../understand/fuzzy.js';
import { lexicon } from '../understand/lexicon.js';
import { readPeriod } from '../understand/periods.js';
import { type Convention, columnConvention, readNumber } from './numbers.js';
import { BadCell } from './limits.js';
import { lineNumbers, type RawRow } from './read-upload.js';

export interface RowError {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}
export interface Validation {
  readonly facts: Fact[];
  readonly errors: RowError[];
}

export const COLUMNS = [
  'place',
  'indicator',
  'period',
  'value',
  'unit',
  'mom_pct',
  'yoy_pct',
  'plan_pct',
  'estimate',
  'approx',
  'scope',
  'kind',
  'source_publisher',
  'source_title',
  'source_date',
  'source_url',
  'note',
  'price_basis',
  'post_merger',
] as const;

/** One record per figure and source: several sources may state the same figure. */
export const factKey = (
  f: Pick<
    Fact,
    'place' | 'indicator' | 'period' | 'kind' | 'scope' | 'source' | 'price_basis' | 'post_merger'
  >,
) =>
  [
    f.place,
    f.indicator,
    periodKey(canonicalPeriod(f.period)),
    f.kind,
    f.scope ?? '',
    f.source.date ?? '',
    f.source.publisher,
    f.price_basis ?? '',
    f.post_merger ? 'mới' : '',
  ].join('|');

const empty = (v: unknown) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const NUMBER_COLUMNS = ['value', 'mom_pct', 'yoy_pct', 'plan_pct'] as const;
const KNOWN_FIELDS = new Set<string>([...COLUMNS, 'source']);
type NumberColumn = (typeof NUMBER_COLUMNS)[number];
type Conventions = Record<NumberColumn, Convention>;

/** Each number column's decimal convention, read from the whole file. */
export function conventionsOf(rows: readonly RawRow[]): Conventions {
  const out = {} as Conventions;
  for (const col of NUMBER_COLUMNS)
    out[col] = columnConvention(rows.map((r) => pctFree(r[col], col)));
  return out;
}

/** A percent column may write its % sign; a value column may not. */
const pctFree = (v: unknown, col: NumberColumn) =>
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

function resolvePlace(v: unknown): { id: string } | { error: string } {
  const lex = lexicon();
  const s = String(v ?? '').trim();
  if (!s) return { error: 'thiếu mã địa phương' };
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
  return { error: `địa phương không có: "${s}"${guess ? ` (có phải ${guess}?)` : ''}` };
}

function resolveIndicator(v: unknown): { id: string } | { error: string } {
  const lex = lexicon();
  const s = String(v ?? '').trim();
  if (!s) return { error: 'thiếu mã chỉ tiêu' };
  if (lex.indicators.has(s)) return { id: s };
  const byName = lex.indicatorIndex.get(s);
  if (byName) return { id: byName };
  const guess = closest(
    s,
    [...lex.indicators.keys()].map((k) => [k, k] as [string, string]),
  );
  return { error: `chỉ tiêu không có: "${s}"${guess ? ` (có phải ${guess}?)` : ''}` };
}

/** "T13/2020", "quý 5", "13/2020": a month or quarter that does not exist, never read as a year. */
function impossiblePeriod(s: string): string | null {
  const f = foldPhrase(s.replace(/\//g, ' / '));
  const month = /(?:^| )(?:t|thang|m)\s?(\d{1,3})(?: |$)/.exec(f) ?? /^(\d{1,3}) \/ \d{4}$/.exec(f);
  if (month && (Number(month[1]) < 1 || Number(month[1]) > 12)) return `không có tháng ${month[1]}`;
  const quarter = /(?:^| )(?:quy|q)\s?(\d{1,2})(?: |$)/.exec(f);
  if (quarter && (Number(quarter[1]) < 1 || Number(quarter[1]) > 4))
    return `không có quý ${quarter[1]}`;
  const span = /^(\d{1,3}) ?t(?: |$)|(?:^| )(\d{1,3}) thang dau nam/.exec(f);
  const n = span ? Number(span[1] ?? span[2]) : null;
  if (n !== null && (n < 1 || n > 12)) return `không có ${n} tháng đầu năm`;
  return null;
}

function resolvePeriod(v: unknown): { period: Period } | { error: string } {
  if (v && typeof v === 'object') {
    const r = PeriodSchema.safeParse(v);
    return r.success ? { period: r.data } : { error: 'kỳ không hợp lệ' };
  }
  const s = String(v ?? '').trim();
  if (!s) return { error: 'thiếu kỳ số liệu' };
  const impossible = impossiblePeriod(s);
  if (impossible) return { error: `kỳ "${s.slice(0, 30)}" không có thật: ${impossible}` };
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
    return r.success ? { period: canonicalPeriod(r.data) } : { error: `kỳ không hợp lệ: "${s}"` };
  }
  const read = readPeriod(normalize(s).flat, lexicon(), { year: 2000, month: 1 }).period;
  if (!read)
    return { error: `không hiểu kỳ "${s}" (ví dụ đúng: T4/2020, 4T/2020, quý 1/2020, năm 2020)` };
  if (read.year === null) return { error: `kỳ "${s}" thiếu năm` };
  return { period: canonicalPeriod({ ...read, year: read.year } as Period) };
}

// a row naming its publisher keeps its own (possibly unknown) title and date
const titleDefault = (raw: RawRow, d: Source) => (empty(raw.source_publisher) ? d.title : '');
const dateDefault = (raw: RawRow, d: Source) => (empty(raw.source_publisher) ? d.date : null);
/** "không rõ" is how an export writes an unknown date. */
const sourceDateCell = (v: unknown) =>
  ['khong ro', 'unknown'].includes(foldPhrase(String(v))) ? null : String(v).trim();

/** Public data says the price basis in its notes ("giá so sánh 2010", "giá hiện hành"). */
function priceBasisFromNote(note: unknown): 'so-sanh-2010' | 'hien-hanh' | null {
  if (typeof note !== 'string') return null;
  if (/hiện hành|current price/i.test(note)) return 'hien-hanh';
  if (/so sánh|constant price/i.test(note)) return 'so-sanh-2010';
  return null;
}

function bool(v: unknown): boolean | null {
  if (empty(v)) return false;
  const s = foldPhrase(String(v));
  if (['true', '1', 'co', 'x', 'uoc', 'yes'].includes(s)) return true;
  if (['false', '0', 'khong', 'no'].includes(s)) return false;
  return null;
}

/** Checks every row, in slices, yielding between them so that a long upload can report its progress. */
export async function validateRowsInSlices(
  rows: readonly RawRow[],
  defaultSource: Source,
  firstRow: number,
  onProgress?: (share: number) => void,
  slice = 10_000,
): Promise<Validation> {
  const v = rowValidator(defaultSource, firstRow, conventionsOf(rows));
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end; i++) v.check(rows[i]!, i);
    onProgress?.(end / rows.length);
    await new Promise((r) => setImmediate(r));
  }
  return v.result();
}

function rowValidator(
  defaultSource: Source,
  firstRow: number,
  conventions: Conventions,
): { check(raw: RawRow, i: number): void; result(): Validation } {
  const facts: Fact[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const check = (raw: RawRow, i: number): void => {
    const row = lineNumbers.get(raw) ?? i + firstRow;
    const err = (column: string, reason: string): void => {
      errors.push({ row, column, reason });
    };
    if ('_invalid' in raw) {
      err('(dòng)', 'bản ghi không phải một đối tượng');
      return;
    }
    // a column the template does not have is data nobody would read: refused, never dropped
    for (const k of Object.keys(raw))
      if (!KNOWN_FIELDS.has(k)) err(k, 'cột/trường không có trong mẫu (xem /mau)');
    const bad = Object.entries(raw).filter(([, v]) => v instanceof BadCell);
    for (const [column, v] of bad) err(column, (v as BadCell).reason);
    if (bad.length) return;
    const before = errors.length;
    const place = resolvePlace(raw.place);
    if ('error' in place) err('place', place.error);
    const ind = resolveIndicator(raw.indicator);
    if ('error' in ind) err('indicator', ind.error);
    const per = resolvePeriod(raw.period);
    if ('error' in per) err('period', per.error);
    const nums: Record<string, number | null> = {};
    for (const col of NUMBER_COLUMNS) {
      const n = readNumber(pctFree(raw[col], col), conventions[col]);
      if (!n.ok) err(col, n.reason);
      nums[col] = n.ok ? n.value : null;
    }
    const estimate = bool(raw.estimate);
    if (estimate === null) err('estimate', 'phải là có/không (true/false)');
    const approx = empty(raw.approx) ? null : String(raw.approx).trim().toLowerCase();
    if (approx !== null && !['hơn', 'gần', 'khoảng'].includes(approx))
      err('approx', 'phải là "hơn", "gần", "khoảng" hoặc để trống');
    if (errors.length > before || 'error' in ind || 'error' in place || 'error' in per) return;
    const unit = empty(raw.unit) ? lexicon().indicators.get(ind.id)!.unit : String(raw.unit).trim();
    const source =
      raw.source && typeof raw.source === 'object'
        ? (raw.source as Source)
        : {
            publisher: empty(raw.source_publisher)
              ? defaultSource.publisher
              : String(raw.source_publisher),
            title: empty(raw.source_title)
              ? titleDefault(raw, defaultSource)
              : String(raw.source_title),
            date: empty(raw.source_date)
              ? dateDefault(raw, defaultSource)
              : sourceDateCell(raw.source_date),
            url: empty(raw.source_url) ? null : String(raw.source_url).trim(),
          };
    const candidate = {
      place: place.id,
      indicator: ind.id,
      period: per.period,
      kind: empty(raw.kind) ? 'actual' : raw.kind,
      value: nums.value,
      unit,
      mom_pct: nums.mom_pct,
      yoy_pct: nums.yoy_pct,
      plan_pct: nums.plan_pct,
      estimate: estimate ?? false,
      approx,
      scope: empty(raw.scope) ? null : raw.scope,
      price_basis: empty(raw.price_basis) ? priceBasisFromNote(raw.note) : raw.price_basis,
      post_merger: empty(raw.post_merger) ? false : (bool(raw.post_merger) ?? raw.post_merger),
      note: empty(raw.note) ? null : raw.note,
      source,
    };
    const parsed = parseFact(candidate);
    if (!parsed.ok) {
      for (const issue of parsed.issues.slice(0, 3)) err(issue.path || '(dòng)', issue.message);
      return;
    }
    const key = factKey(parsed.fact);
    const dup = seen.get(key);
    if (dup !== undefined) {
      err('(khóa)', `trùng với dòng ${dup} (cùng địa phương, chỉ tiêu, kỳ, loại và ngày nguồn)`);
      return;
    }
    seen.set(key, row);
    facts.push(parsed.fact);
  };
  return { check, result: () => ({ facts, errors }) };
}

/** The reply for a refused upload: the first 20 errors, then how many more. */
export function errorReport(errors: readonly RowError[], max = 20): string {
  const lines = errors.slice(0, max).map((e) => `• Dòng ${e.row}, cột ${e.column}: ${e.reason}`);
  if (errors.length > max) lines.push(`… và ${errors.length - max} lỗi khác.`);
  return `❌ Tệp có ${errors.length} lỗi, chưa áp dụng gì:\n${lines.join('\n')}`;
}
