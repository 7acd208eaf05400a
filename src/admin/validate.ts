/**
 * Checks every uploaded row and turns it into a store fact, or says exactly what is wrong:
 * row, column and the problem (with a did-you-mean for places and indicators), as codes of the
 * message catalogue that error-report.ts words. Accepts the template's columns and the
 * store's own JSON shape.
 */
import { canonicalPeriod, type Period, periodEnd, periodKey } from '../domain/period.js';
import { type Fact, parseFact, type Source } from '../store/schema.js';
import { lexicon } from '../domain/lexicon.js';
import {
  bool,
  type Conventions,
  conventionsOf,
  dateDefault,
  empty,
  NUMBER_COLUMNS,
  pctFree,
  priceBasisFromNote,
  resolveIndicator,
  resolvePeriod,
  resolvePlace,
  sourceDateCell,
  titleDefault,
} from './cells.js';
import { BadCell } from './limits.js';
import { type Problem, problem } from '../domain/problem.js';
import { readNumber } from './numbers.js';
import { lineNumbers, type RawRow } from './read-upload.js';

export { conventionsOf } from './cells.js';

export interface RowError {
  readonly row: number;
  /** A column of the template, or ROW / KEY: the whole row, or its key columns together. */
  readonly column: string;
  readonly problem: Problem;
}

/** The columns of an error about the row as a whole, or about its key (worded when shown). */
export const ROW = '#row';
export const KEY = '#key';
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

const KNOWN_FIELDS = new Set<string>([...COLUMNS, 'source']);

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

/**
 * Checks every row, in slices, yielding between them so that a long upload can report its progress.
 */
export async function validateRowsInSlices(
  rows: readonly RawRow[],
  defaultSource: Source,
  firstRow: number,
  onProgress?: (share: number) => void,
  slice = 10_000,
): Promise<Validation> {
  const v = new RowValidator(defaultSource, firstRow, conventionsOf(rows));
  for (let start = 0; start < rows.length; start += slice) {
    const end = Math.min(rows.length, start + slice);
    for (let i = start; i < end; i++) v.check(rows[i]!, i);
    onProgress?.(end / rows.length);
    await new Promise((r) => setImmediate(r));
  }
  return { facts: v.facts, errors: v.errors };
}

type Resolved = {
  place: { id: string };
  ind: { id: string };
  per: { period: Period };
  nums: Record<string, number | null>;
  estimate: boolean;
  approx: string | null;
};

/** Checks rows one by one, keeping the facts of good rows and every error of bad ones. */
export class RowValidator {
  readonly facts: Fact[] = [];
  readonly errors: RowError[] = [];
  private readonly seen = new Map<string, number>();
  private readonly sources = new Map<string, Source>();
  private readonly words = new Map<string, string>();
  private readonly periods = new Map<string, Period>();
  private readonly publishers = new Map<string, number>();

  constructor(
    private readonly defaultSource: Source,
    private readonly firstRow: number,
    private readonly conventions: Conventions,
  ) {}

  check(raw: RawRow, i: number): void {
    const row = lineNumbers.get(raw) ?? i + this.firstRow;
    const err = (column: string, p: Problem): void => {
      this.errors.push({ row, column, problem: p });
    };
    if (!this.readable(raw, err)) return;
    const cells = this.resolve(raw, err);
    if (!cells) return;
    const parsed = parseFact(this.candidate(raw, cells));
    if (!parsed.ok) {
      for (const issue of parsed.issues.slice(0, 3)) err(issue.path || ROW, issue.problem);
      return;
    }
    const future = notYetOver(parsed.fact);
    if (future) {
      err('period', future);
      return;
    }
    const fact = this.shared(parsed.fact);
    const key = this.rowKey(fact);
    const dup = this.seen.get(key);
    if (dup !== undefined) {
      err(KEY, problem('upload_duplicate', { row: dup }));
      return;
    }
    this.seen.set(key, row);
    this.facts.push(fact);
  }

  /**
   * The rows of one report share its source, its words and its periods: one object and one
   * string for all of them keeps a national import of 250,000 figures small.
   */
  private shared(f: Fact): Fact {
    const s = f.source;
    const sourceKey = `${s.publisher}\u0000${s.title}\u0000${s.date}\u0000${s.url}`;
    const source = this.sources.get(sourceKey) ?? s;
    this.sources.set(sourceKey, source);
    const word = (w: string) => {
      const known = this.words.get(w) ?? w;
      this.words.set(known, known);
      return known;
    };
    const pk = periodKey(f.period);
    const period = this.periods.get(pk) ?? f.period;
    this.periods.set(pk, period);
    const words = { place: word(f.place), indicator: word(f.indicator), unit: word(f.unit) };
    return { ...f, ...words, period, source };
  }

  /** factKey, with the source's publisher and date as a number: the same test, a short key. */
  private rowKey(f: Fact): string {
    const by = `${f.source.publisher}\u0000${f.source.date ?? ''}`;
    const publisherDate = this.publishers.get(by) ?? this.publishers.size;
    this.publishers.set(by, publisherDate);
    return factKey({ ...f, source: { ...f.source, publisher: String(publisherDate), date: null } });
  }

  /** A record, with only the template's columns, none of them a formula or an error cell. */
  private readable(raw: RawRow, err: (c: string, p: Problem) => void): boolean {
    if ('_invalid' in raw) {
      err(ROW, problem('upload_not_object'));
      return false;
    }
    // a column the template does not have is data nobody would read: refused, never dropped
    for (const k of Object.keys(raw))
      if (!KNOWN_FIELDS.has(k)) err(k, problem('upload_unknown_column'));
    const bad = Object.entries(raw).filter(([, v]) => v instanceof BadCell);
    for (const [column, v] of bad) err(column, (v as BadCell).problem);
    return bad.length === 0;
  }

  /** Each cell read on its own; null when any of them is wrong (every error reported). */
  private resolve(raw: RawRow, err: (c: string, p: Problem) => void): Resolved | null {
    const before = this.errors.length;
    const place = resolvePlace(raw.place);
    if ('error' in place) err('place', place.error);
    const ind = resolveIndicator(raw.indicator);
    if ('error' in ind) err('indicator', ind.error);
    const per = resolvePeriod(raw.period);
    if ('error' in per) err('period', per.error);
    const nums: Record<string, number | null> = {};
    for (const col of NUMBER_COLUMNS) {
      const n = readNumber(pctFree(raw[col], col), this.conventions[col]);
      if (!n.ok) err(col, n.problem);
      nums[col] = n.ok ? n.value : null;
    }
    const estimate = bool(raw.estimate);
    if (estimate === null) err('estimate', problem('upload_estimate'));
    const approx = empty(raw.approx) ? null : String(raw.approx).trim().toLowerCase();
    if (approx !== null && !['hơn', 'gần', 'khoảng'].includes(approx))
      err('approx', problem('upload_approx'));
    if (this.errors.length > before || 'error' in ind || 'error' in place || 'error' in per)
      return null;
    return { place, ind, per, nums, estimate: estimate ?? false, approx };
  }

  private sourceOf(raw: RawRow): Source {
    if (raw.source && typeof raw.source === 'object') return raw.source as Source;
    const d = this.defaultSource;
    return {
      publisher: empty(raw.source_publisher) ? d.publisher : String(raw.source_publisher),
      title: empty(raw.source_title) ? titleDefault(raw, d) : String(raw.source_title),
      date: empty(raw.source_date) ? dateDefault(raw, d) : sourceDateCell(raw.source_date),
      url: empty(raw.source_url) ? null : String(raw.source_url).trim(),
    };
  }

  private candidate(raw: RawRow, c: Resolved): Record<string, unknown> {
    const unit = empty(raw.unit)
      ? lexicon().indicators.get(c.ind.id)!.unit
      : String(raw.unit).trim();
    const { value, mom_pct, yoy_pct, plan_pct } = c.nums;
    return {
      ...{ place: c.place.id, indicator: c.ind.id, period: c.per.period, unit },
      kind: empty(raw.kind) ? 'actual' : raw.kind,
      ...{ value, mom_pct, yoy_pct, plan_pct, estimate: c.estimate, approx: c.approx },
      scope: empty(raw.scope) ? null : raw.scope,
      price_basis: empty(raw.price_basis) ? priceBasisFromNote(raw.note) : raw.price_basis,
      post_merger: empty(raw.post_merger) ? false : (bool(raw.post_merger) ?? raw.post_merger),
      note: empty(raw.note) ? null : raw.note,
      source: this.sourceOf(raw),
    };
  }
}

/** The month it is in Vietnam (UTC+7 all year), as year*12 + month-1. */
function monthNow(now = Date.now()): number {
  const d = new Date(now + 7 * 3_600_000);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/**
 * A result for a period not over yet: refused (T5/2099). An estimate for the month under way is
 * what reports publish before its end, and a plan is for the future by nature.
 */
function notYetOver(f: Fact): Problem | null {
  if (f.kind !== 'actual') return null;
  const end = periodEnd(f.period);
  const now = monthNow();
  if (end < now || (end === now && f.estimate)) return null;
  return problem(end === now ? 'upload_month_not_over' : 'upload_future_period');
}
