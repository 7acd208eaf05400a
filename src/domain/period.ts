/** Periods as the reports state them, and the small pure functions every layer shares. */
import { z } from 'zod';

export const PeriodSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('month'),
      year: z.number().int(),
      month: z.number().int().min(1).max(12),
    })
    .strict(),
  z
    .object({
      type: z.literal('ytd'),
      year: z.number().int(),
      month: z.number().int().min(1).max(12),
    })
    .strict(),
  z
    .object({
      type: z.literal('quarter'),
      year: z.number().int(),
      quarter: z.number().int().min(1).max(4),
    })
    .strict(),
  z.object({ type: z.literal('year'), year: z.number().int() }).strict(),
]);
export type Period = z.infer<typeof PeriodSchema>;
export type PeriodType = Period['type'];

/** A period whose year may still be open (the question left it out). */
export type PeriodQuery =
  | { type: 'month'; year: number | null; month: number }
  | { type: 'ytd'; year: number | null; month: number }
  | { type: 'quarter'; year: number | null; quarter: number }
  | { type: 'year'; year: number | null };

export function periodKey(p: Period): string {
  switch (p.type) {
    case 'month':
      return `${p.year}-M${String(p.month).padStart(2, '0')}`;
    case 'ytd':
      return `${p.year}-Y${String(p.month).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return `${p.year}-Y12`;
  }
}

/** The last month a period covers, as year*12 + (month-1): used to order and to date periods. */
export function periodEnd(p: Period): number {
  switch (p.type) {
    case 'month':
    case 'ytd':
      return p.year * 12 + p.month - 1;
    case 'quarter':
      return p.year * 12 + p.quarter * 3 - 1;
    case 'year':
      return p.year * 12 + 11;
  }
}

/** Number of months a period spans. */
export function periodMonths(p: Period): number {
  switch (p.type) {
    case 'month':
      return 1;
    case 'ytd':
      return p.month;
    case 'quarter':
      return 3;
    case 'year':
      return 12;
  }
}

/** A cumulative span of 12 months is the whole year: one key for both forms. */
export function canonicalPeriod(p: Period): Period {
  return p.type === 'ytd' && p.month === 12 ? { type: 'year', year: p.year } : p;
}

/** Same period? (ytd 12 and year count as the same.) */
export function samePeriod(a: Period, b: Period): boolean {
  return periodKey(canonicalPeriod(a)) === periodKey(canonicalPeriod(b));
}

export function withYear(q: PeriodQuery, year: number): Period {
  return canonicalPeriod({ ...q, year } as Period);
}

/** The month index (year*12+month-1) at which the 1 July 2025 merger takes effect. */
export const MERGER_MONTH_INDEX = 2025 * 12 + 6;

/** Data for a period ending on or after July 2025 is by new (34-unit) province. */
export function isAfterMerger(p: Period): boolean {
  return periodEnd(p) >= MERGER_MONTH_INDEX;
}
