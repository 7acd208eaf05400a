/**
 * A figure being read, and how it becomes an extracted figure: its period's open parts (the
 * year, "trong tháng") resolved from the report (the year named before it, then the page date),
 * its comparisons classified (a reference to the month before is month on month, to the same
 * span a year before is year on year), its unit checked against the indicator's.
 */
import type { Period } from '../domain/period.js';
import type { Approx, Change, Measure } from './amount-words.js';
import type { PeriodRef } from './period-words.js';
import { msg } from '../messages.js';
import { reportWords } from './report-words.js';

export interface Draft {
  places: string[];
  indicator: string | null;
  period: PeriodRef | null;
  /** The period was named in the figure's own sentence (not carried from the one before). */
  periodStated: boolean;
  value: number | null;
  unit: 'usd' | 'vnd' | null;
  approx: Approx | null;
  mom: number | null;
  yoy: number | null;
  plan: number | null;
  estimate: boolean;
  target: boolean;
  scope: 'qua-dia-ban' | 'tru-dau-tho' | null;
  notes: string[];
  /** Order of the figure's first word in its sentence. */
  seq: number;
  /** A table figure's place in the report ("Biểu 2, dòng 3, cột 4: Tổng số – Tháng 10/2025"). */
  where?: string;
}

export const hasData = (d: Draft | null): d is Draft =>
  !!d && (d.value !== null || d.mom !== null || d.yoy !== null || d.plan !== null);

/** What the report itself says about when it was written and what it is about. */
export interface ReportTime {
  /** The year named last before this point (never one of a comparison). */
  year: number | null;
  /** The month the report is about: its largest month or span, else the month before its date. */
  readonly month: number | null;
  readonly dateYear: number | null;
  readonly dateMonth: number | null;
}

function lastMonthOf(p: PeriodRef, month: number): number {
  if (p.type === 'quarter') return (p.n ?? 1) * 3;
  if (p.type === 'year') return 12;
  return p.n ?? month;
}

/** The year of a period: as written, else the one named before, else from the page date. */
function yearOf(p: PeriodRef, t: ReportTime, notes: string[]): number | null {
  if (p.year) return p.year;
  if (t.year) return t.year;
  if (!t.dateYear) return null;
  notes.push(msg('note_year_from_date'));
  if (!t.dateMonth) return t.dateYear;
  const last = lastMonthOf(p, t.month ?? t.dateMonth);
  if (p.type === 'year') return t.dateMonth <= 2 ? t.dateYear - 1 : t.dateYear;
  return last > t.dateMonth ? t.dateYear - 1 : t.dateYear;
}

/** The period in the store's terms (a 12-month span is the year, a 3-month one the quarter). */
export function resolvePeriod(p: PeriodRef, t: ReportTime, notes: string[]): Period | null {
  if (p.n === 0) return null; // a span to a day ("hết ngày 15/11"): no period of ours
  const year = yearOf(p, t, notes);
  if (!year) return null;
  const n = p.n ?? t.month;
  if (p.type === 'year') return { type: 'year', year };
  if (!n) return null;
  if (p.n === null) notes.push(msg('note_month_from_report'));
  if (p.type === 'quarter') return { type: 'quarter', year, quarter: n };
  if (p.type === 'ytd' && n === 12) return { type: 'year', year };
  if (p.type === 'ytd' && n === 1) return { type: 'month', year, month: 1 };
  if (p.type === 'ytd' && n === 3) return { type: 'quarter', year, quarter: 1 };
  return { type: p.type, year, month: n };
}

/** The reference is the span just before: the month before a month, the quarter before one. */
export function spanBefore(type: Period['type'], n: number | null, r: PeriodRef): boolean {
  if (n === null || r.type !== type || (type !== 'month' && type !== 'quarter')) return false;
  return r.n === (n === 1 ? (type === 'month' ? 12 : 4) : n - 1);
}

/** Month (or quarter) on month when compared with the span just before; else year on year. */
export function measureOf(c: Change, p: Period | null): Measure {
  if (c.measure) return c.measure;
  if (!c.ref || !p) return 'yoy';
  const n = p.type === 'month' ? p.month : p.type === 'quarter' ? p.quarter : null;
  const recent = c.ref.year === null || c.ref.year >= p.year - 1;
  return spanBefore(p.type, n, c.ref) && recent ? 'mom' : 'yoy';
}

/** A level's unit agrees with its indicator's (no đồng for exports, no level for an index). */
export function unitFits(indicator: string, unit: 'usd' | 'vnd'): boolean {
  return reportWords().unitOf(indicator) === unit;
}
